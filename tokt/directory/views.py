from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tokt.accounts.permissions import Perm, has_perm, require
from tokt.core.models import Municipality
from tokt.directory import hsds, selectors, services
from tokt.directory.forms import (
    ActorForm,
    ContactSheetForm,
    DirectoryFilterForm,
    HsdsImportForm,
    MeetingForm,
    ReferralForm,
)
from tokt.directory.history import actor_changes
from tokt.directory.models import Actor, Meeting, ReferralSituation


def _lang() -> str:
    return "en" if (get_language() or "nb").startswith("en") else "nb"


@require(Perm.READ_DIRECTORY)
def index(request):
    form = DirectoryFilterForm(request.GET or None, languages=selectors.language_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    actors = selectors.actor_search(
        q=filters.get("q", ""),
        municipality=filters.get("kommune", ""),
        service=filters.get("tjeneste", ""),
        language=filters.get("sprak", ""),
    )
    can_edit = has_perm(request.user, Perm.EDIT_DIRECTORY)
    stale_ids = {item.actor.slug for item in selectors.review_queue()} if can_edit else set()
    context = {
        "form": form,
        "actors": actors,
        "filtered": any(filters.values()) if filters else False,
        "situations": selectors.situations(),
        "can_edit": can_edit,
        "today": timezone.localdate(),
        "stale_ids": stale_ids,
        "stale_count": len(stale_ids),
        "lang": _lang(),
    }
    return render(request, "directory/index.html", context)


@require(Perm.READ_DIRECTORY)
def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.prefetch_related("municipalities"), slug=slug)
    lang = _lang()
    used_in = ReferralSituation.objects.filter(steps__step_actors__actor=actor).distinct()
    context = {
        "actor": actor,
        "card": selectors.ContactCard.from_actor(actor, lang),
        "used_in": used_in,
        "stale": actor.is_stale(timezone.localdate()),
        "can_edit": has_perm(request.user, Perm.EDIT_DIRECTORY),
        "languages": [selectors.language_name(code) for code in actor.languages],
    }
    return render(request, "directory/actor_detail.html", context)


@require(Perm.EDIT_DIRECTORY)
@require_http_methods(["GET", "POST"])
def actor_edit(request, slug):
    actor = get_object_or_404(Actor, slug=slug)
    form = ActorForm(request.POST or None, initial=ActorForm.initial_for(actor))
    if request.method == "POST" and form.is_valid():
        changed = services.actor_update(actor=actor, user=request.user, changes=form.cleaned_data)
        if changed:
            messages.success(request, _("Endringene er lagret."))
        else:
            messages.info(request, _("Ingen endringer å lagre."))
        return redirect("directory:actor_detail", slug=actor.slug)
    return render(request, "directory/actor_edit.html", {"actor": actor, "form": form})


@require(Perm.EDIT_DIRECTORY)
@require_POST
def actor_verify(request, slug):
    actor = get_object_or_404(Actor, slug=slug)
    services.actor_confirm_verified(actor=actor, user=request.user)
    messages.success(request, _("Oppføringen er bekreftet som kontrollert i dag."))
    return redirect("directory:actor_detail", slug=actor.slug)


@require(Perm.READ_DIRECTORY)
def actor_history(request, slug):
    actor = get_object_or_404(Actor, slug=slug)
    return render(request, "directory/actor_history.html", {"actor": actor, "changes": actor_changes(actor)})


@require(Perm.EDIT_DIRECTORY)
def stale(request):
    context = {"items": selectors.review_queue(), "today": timezone.localdate()}
    return render(request, "directory/stale.html", context)


@require(Perm.READ_DIRECTORY)
def situation_detail(request, slug):
    situation = get_object_or_404(ReferralSituation, slug=slug)
    answer = selectors.referral_answer([situation.slug], None, _lang())[0]
    form = ReferralForm(initial={"situasjon": [situation.slug]}, situations=selectors.situations())
    return render(request, "directory/situation_detail.html", {"situation": situation, "answer": answer, "form": form})


@require(Perm.READ_DIRECTORY)
def referral(request):
    form = ReferralForm(request.GET or None, situations=selectors.situations())
    context = {"form": form, "answers": [], "contacts": [], "municipality": None}
    if form.is_valid():
        number = form.cleaned_data["kommune"]
        lang = _lang()
        context |= {
            "municipality": Municipality.objects.get(number=number),
            "answers": selectors.referral_answer(form.cleaned_data["situasjon"], number, lang),
            "contacts": selectors.contacts_for_situations(form.cleaned_data["situasjon"], number, lang),
        }
    return render(request, "directory/referral.html", context)


@require(Perm.READ_DIRECTORY)
def contact_sheet(request):
    form = ContactSheetForm(request.GET or None)
    context = {"form": form, "municipality": None}
    if form.is_valid():
        number = form.cleaned_data["kommune"]
        actors = selectors.actor_search(municipality=number)
        context |= {
            "municipality": Municipality.objects.get(number=number),
            "today": timezone.localdate(),
            "cards": [selectors.ContactCard.from_actor(a, _lang()) for a in actors],
        }
    return render(request, "directory/contact_sheet.html", context)


@require(Perm.READ_DIRECTORY)
def meetings(request):
    items = Meeting.objects.prefetch_related("agencies")
    context = {
        "meetings": items,
        "activity": selectors.meeting_activity(items),
        "can_edit": has_perm(request.user, Perm.EDIT_DIRECTORY),
    }
    return render(request, "directory/meetings.html", context)


@require(Perm.EDIT_DIRECTORY)
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_create(user=request.user, **form.cleaned_data)
        except services.DirectoryError as exc:
            form.add_error("date", exc.message)
        else:
            messages.success(request, _("Møtet er registrert."))
            return redirect("directory:meetings")
    return render(request, "directory/meeting_form.html", {"form": form})


@require(Perm.EDIT_DIRECTORY)
def hsds_export(request):
    document = hsds.export_document(Actor.objects.prefetch_related("municipalities"))
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="tokt-katalog-hsds-{timezone.localdate():%Y-%m-%d}.json"'
    return response


@require(Perm.EDIT_DIRECTORY)
@require_http_methods(["GET", "POST"])
def hsds_import(request):
    form = HsdsImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            report = hsds.import_file(form.cleaned_data["file"].read(), user=request.user)
        except hsds.HsdsImportError as exc:
            errors = exc.errors
        else:
            messages.success(
                request,
                _("Importert: %(created)s nye og %(updated)s endrede aktører.")
                % {"created": len(report.created), "updated": len(report.updated)},
            )
            return redirect("directory:index")
    return render(request, "directory/hsds_import.html", {"form": form, "errors": errors})
