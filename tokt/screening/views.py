from __future__ import annotations

import functools

from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from tokt.accounts.permissions import public
from tokt.core.language import ui_language
from tokt.core.models import Municipality
from tokt.screening.flow import flow_query, parse_flow, wants_result
from tokt.screening.forms import ContextForm
from tokt.screening.method import method_parts
from tokt.screening.result_page import screening_result
from tokt.stats.services import screening_count


@public
@require_GET
def start(request):
    lang = ui_language()
    return render(request, "screening/start.html", {"form_html": start_form_html(lang, Municipality.objects.count())})


@functools.lru_cache(maxsize=8)
def start_form_html(lang: str, municipalities: int) -> str:
    """The empty start form, rendered once per language (about 170 widget templates, ~10 ms).

    It depends on nothing in the request; the municipality count in the key
    renews it when the reference data changes.
    """
    return render_to_string("includes/form.html", {"form": ContextForm(initial={"age_group": "unknown"})})


# Each step is a GET with the answers in the URL, so the phone's Back button
# never asks to resubmit a form. Nothing is stored and nothing changes on the
# server; an old POST (a bookmarked form) is redirected to the same step as a GET.
@public
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def flow(request):
    if request.method == "POST":
        return redirect(f"{reverse('screening:flow')}?{flow_query(request.POST)}")
    if not request.GET:
        return redirect("screening:start")
    current = parse_flow(request.GET)
    if not current.valid:
        return render(request, "screening/start.html", {"form": current.context}, status=200)
    lang = ui_language()
    if wants_result(request.GET, current):
        context = {"flow": current, **screening_result(current, lang)}
        screening_count(role=current.data["role"], placement=context["position"])
        return render(request, "screening/result.html", context)
    context = {"flow": current, "step": current.current, "form": current.step_form(), "number": current.step_index + 1}
    return render(request, "screening/step.html", context)


@public
@require_GET
def method(request):
    return render(request, "screening/method.html", method_parts())
