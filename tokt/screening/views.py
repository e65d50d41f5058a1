from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from tokt.accounts.permissions import public
from tokt.screening.flow import parse_flow, wants_result
from tokt.screening.forms import ContextForm
from tokt.screening.method import method_parts
from tokt.screening.results import screening_result
from tokt.stats.services import screening_count


@public
@require_GET
def start(request):
    return render(request, "screening/start.html", {"form": ContextForm(initial={"age_group": "unknown"})})


# Nothing is stored and nothing changes on the server, so the form needs no
# CSRF token, and no cookie is set for people who are not signed in.
@public
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def flow(request):
    if request.method == "GET":
        return redirect("screening:start")
    current = parse_flow(request.POST)
    if not current.valid:
        return render(request, "screening/start.html", {"form": current.context}, status=200)
    lang = (get_language() or "nb")[:2]
    if wants_result(request.POST, current):
        context = {"flow": current, **screening_result(current, lang)}
        screening_count(role=current.data["role"], placement=current.data["sector"])
        return render(request, "screening/result.html", context)
    context = {"flow": current, "step": current.current, "form": current.step_form(), "number": current.step_index + 1}
    return render(request, "screening/step.html", context)


@public
@require_GET
def method(request):
    return render(request, "screening/method.html", method_parts())
