from __future__ import annotations

import datetime
import json

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tokt.accounts.models import User
from tokt.accounts.permissions import Perm, require
from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.cases import printing, services
from tokt.cases.access import Access, case_access, get_case_for, get_conference_for
from tokt.cases.choices import CaseStatus, ConferenceStatus
from tokt.cases.forms import (
    ActionForm,
    AgendaAddForm,
    AgendaItemForm,
    AttendanceForm,
    CaseForm,
    ConferenceForm,
    ConsentForm,
    NewCaseForm,
    NoteForm,
    ReferralAnswerForm,
    ReferralForm,
    StatusForm,
    TransferForm,
    WithdrawForm,
)
from tokt.cases.models import Action, AgendaItem, Case, Conference, Referral, Transfer
from tokt.cases.selectors import CaseCard, case_list
from tokt.cases.services import CaseError, EditConflict

PAGE_SIZE = 50


def _refused(request, error: CaseError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _back(case: Case):
    return redirect("cases:detail", case_id=case.public_id)


@require(Perm.WORK_CASES)
def case_list_view(request):
    status = request.GET.get("status", "")
    status = status if status in CaseStatus.values else ""
    own_only = request.GET.get("own") == "1"
    try:
        page = max(1, int(request.GET.get("side", "1")))
    except ValueError:
        page = 1
    rows, total = case_list(
        request.user, status=status, own_only=own_only, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    with transaction.atomic():
        log_action(
            actor=request.user,
            action=AuditAction.CASE_READ,
            target_type="cases.case",
            details={"list": True, "page": page, "codes": [row.code for row in rows]},
        )
    context = {
        "rows": rows,
        "total": total,
        "page": page,
        "has_next": page * PAGE_SIZE < total,
        "statuses": CaseStatus.choices,
        "status": status,
        "own_only": own_only,
    }
    return render(request, "cases/list.html", context)


@require(Perm.WORK_CASES)
@require_http_methods(["GET", "POST"])
def case_create(request):
    form = NewCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(user=request.user, fields=form.fields_value(), note=form.cleaned_data["note"])
        except CaseError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Saken %(code)s er registrert.") % {"code": case.code})
            return _back(case)
    return render(request, "cases/case_form.html", {"form": form, "new": True})


@require(Perm.WORK_CASES)
def case_detail(request, case_id):
    case, access = get_case_for(request.user, case_id)
    with transaction.atomic():
        log_action(actor=request.user, action=AuditAction.CASE_READ, target=case, details={"access": access.name})
    owner = access == Access.OWNER
    context = {
        "case": case,
        "card": CaseCard.of(case, access),
        "owner": owner,
        "access": access,
        "show_notes": access >= Access.DETAILS_AND_NOTES,
        "screening": case.screening if access >= Access.DETAILS else {},
        "notes": case.notes.select_related("author") if access >= Access.DETAILS_AND_NOTES else [],
        "history": case.status_changes.select_related("by") if owner else [],
        "consents": case.consents.prefetch_related("agencies", "actors") if owner else [],
        "referrals": case.referrals.select_related("actor", "agency") if owner else [],
        "transfers": case.transfers.select_related("to_agency") if owner else [],
        "incoming": case.referrals.filter(agency=request.user.agency_id).select_related("actor") if not owner else [],
        "note_form": NoteForm(),
        "status_form": StatusForm(initial={"status": case.status}),
        "consent_form": ConsentForm() if owner else None,
        "transfer_form": TransferForm() if owner else None,
        "answer_form": ReferralAnswerForm(),
    }
    return render(request, "cases/detail.html", context)


@require(Perm.WORK_CASES)
@require_http_methods(["GET", "POST"])
def case_edit(request, case_id):
    case, _access = get_case_for(request.user, case_id, minimum=Access.OWNER)
    form = CaseForm(request.POST or None, initial=CaseForm.initial_for(case))
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.case_update(
                user=request.user, case=case, fields=form.fields_value(), version=form.cleaned_data["version"] or 0
            )
        except EditConflict as error:
            _refused(request, error)
            conflict = CaseCard.of(error.current, Access.OWNER)
            # Keep what the user typed, but on top of the version now saved, so saving again works.
            data = request.POST.copy()
            data["version"] = str(error.current.version)
            form = CaseForm(data)
            form.is_valid()
        except CaseError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Endringene er lagret."))
            return _back(case)
    return render(request, "cases/case_form.html", {"form": form, "case": case, "conflict": conflict})


@require(Perm.WORK_CASES)
@require_POST
def note_add(request, case_id):
    case, _access = get_case_for(request.user, case_id, minimum=Access.OWNER)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.note_add(user=request.user, case=case, text=form.cleaned_data["text"])
            messages.success(request, _("Notatet er lagret."))
            return _back(case)
        except CaseError as error:
            _refused(request, error)
    return _rerender_detail(request, case, note_form=form)


def _rerender_detail(request, case, **forms):
    """Show the case again with the refused form filled in, so nothing typed is lost."""
    return render(request, "cases/refused.html", {"case": case, "errors": forms}, status=400)


@require(Perm.WORK_CASES)
@require_POST
def status_change(request, case_id):
    case, _access = get_case_for(request.user, case_id, minimum=Access.OWNER)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.case_set_status(
                user=request.user, case=case, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("Statusen er endret."))
            return _back(case)
        except CaseError as error:
            _refused(request, error)
    return _rerender_detail(request, case, status_form=form)


@require(Perm.WORK_CASES)
@require_POST
def consent_add(request, case_id):
    case, _access = get_case_for(request.user, case_id, minimum=Access.OWNER)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            services.consent_record(
                user=request.user,
                case=case,
                scope=form.cleaned_data["scope"],
                given_on=form.cleaned_data["given_on"],
                agencies=list(form.cleaned_data["agencies"]),
                actors=list(form.cleaned_data["actors"]),
            )
            messages.success(request, _("Samtykket er registrert."))
            return _back(case)
        except CaseError as error:
            _refused(request, error)
    return _rerender_detail(request, case, consent_form=form)


@require(Perm.WORK_CASES)
@require_POST
def consent_withdraw(request, case_id, consent_id):
    case, _access = get_case_for(request.user, case_id, minimum=Access.OWNER)
    consent = get_object_or_404(case.consents, pk=consent_id)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.consent_withdraw(
                user=request.user, consent=consent, withdrawn_on=form.cleaned_data["withdrawn_on"]
            )
            messages.success(request, _("Samtykket er trukket tilbake."))
            return _back(case)
        except CaseError as error:
            _refused(request, error)
    return _rerender_detail(request, case, withdraw_form=form)


@require(Perm.WORK_CASES)
@require_http_methods(["GET", "POST"])
def referral_create(request, case_id):
    case, _access = get_case_for(request.user, case_id, minimum=Access.OWNER)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = services.referral_send(
                user=request.user,
                case=case,
                actor=data["actor"],
                agency=data["agency"],
                share_identifying=data["share_identifying"],
                purpose=data["purpose"],
            )
        except CaseError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Henvisningen er sendt."))
            if referral.agency_id is None:
                messages.info(request, _("Aktøren er utenfor ToKt: skriv ut henvisningsbrevet og send det."))
            return _back(case)
    return render(request, "cases/referral_form.html", {"form": form, "case": case})


def _referral_for(request, referral_id) -> Referral:
    referral = Referral.objects.select_related("case", "actor").filter(public_id=referral_id).first()
    if referral is None:
        raise Http404
    # Only the owning agency and the agency it was referred to know the referral exists.
    if request.user.agency_id not in (referral.case.agency_id, referral.agency_id):
        raise Http404
    return referral


@require(Perm.WORK_CASES)
@require_POST
def referral_answer(request, referral_id):
    referral = _referral_for(request, referral_id)
    form = ReferralAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.referral_answer(
                user=request.user,
                referral=referral,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Svaret er registrert."))
        except CaseError as error:
            _refused(request, error)
    else:
        messages.error(request, _("Velg et svar."))
    return _back(referral.case)


@require(Perm.WORK_CASES)
@require_POST
def referral_revoke(request, referral_id):
    referral = _referral_for(request, referral_id)
    try:
        services.referral_revoke(user=request.user, referral=referral)
        messages.success(request, _("Henvisningen er trukket tilbake."))
    except CaseError as error:
        _refused(request, error)
    return _back(referral.case)


@require(Perm.WORK_CASES)
def referral_letter(request, referral_id):
    referral = _referral_for(request, referral_id)
    case, access = get_case_for(request.user, referral.case.public_id, minimum=Access.OWNER)
    with transaction.atomic():
        log_action(
            actor=request.user,
            action=AuditAction.REFERRAL_LETTER_PRINTED,
            target=case,
            details={"referral": referral.pk},
        )
    pdf = printing.referral_letter_pdf(referral)
    return _pdf(pdf, f"henvisning-{case.code}.pdf")


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@require(Perm.WORK_CASES)
@require_POST
def transfer_request(request, case_id):
    case, _access = get_case_for(request.user, case_id, minimum=Access.OWNER)
    form = TransferForm(request.POST)
    if form.is_valid():
        try:
            services.transfer_request(user=request.user, case=case, to_agency=form.cleaned_data["to_agency"])
            messages.success(request, _("Forespørselen er sendt. Saken flyttes når den andre etaten godtar."))
        except CaseError as error:
            _refused(request, error)
    return _back(case)


@require(Perm.WORK_CASES)
@require_POST
def transfer_answer(request, transfer_id):
    transfer = Transfer.objects.select_related("case").filter(pk=transfer_id, to_agency=request.user.agency_id).first()
    if transfer is None:
        raise Http404
    try:
        services.transfer_answer(user=request.user, transfer=transfer, accept=request.POST.get("accept") == "1")
        messages.success(request, _("Svaret er registrert."))
    except CaseError as error:
        _refused(request, error)
    return redirect("core:home")


@require(Perm.WORK_CASES)
def case_export(request, case_id):
    """Innsyn: the owning agency's full record of one case, as JSON."""
    case, _access = get_case_for(request.user, case_id, minimum=Access.OWNER)
    with transaction.atomic():
        log_action(actor=request.user, action=AuditAction.CASE_EXPORTED, target=case)
        record = services.case_record(case)
    response = HttpResponse(json.dumps(record, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="innsyn-{case.code}.json"'
    response["Cache-Control"] = "no-store"
    return response


# -- Conferences ------------------------------------------------------------------------------


@require(Perm.WORK_CASES)
def conference_list(request):
    conferences = Conference.objects.filter(invited_agencies=request.user.agency_id).select_related("organiser")
    return render(request, "cases/conference_list.html", {"conferences": conferences[:100]})


@require(Perm.WORK_CASES)
@require_http_methods(["GET", "POST"])
def conference_create(request):
    form = ConferenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            conference = services.conference_create(
                user=request.user,
                title=data["title"],
                date=data["date"],
                place=data["place"],
                agencies=data["agencies"],
            )
        except CaseError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Møtet er opprettet."))
            return redirect("cases:conference", conference_id=conference.public_id)
    return render(request, "cases/conference_form.html", {"form": form})


def _people(conference: Conference):
    return User.objects.filter(
        agency__in=conference.invited_agencies.all(), is_active=True, role__in=["fagperson", "koordinator"]
    ).select_related("agency")


@require(Perm.WORK_CASES)
def conference_detail(request, conference_id):
    conference = get_conference_for(request.user, conference_id)
    with transaction.atomic():
        log_action(actor=request.user, action=AuditAction.CONFERENCE_READ, target=conference)
    items = conference.agenda.select_related("case__agency", "case__municipality").prefetch_related(
        "actions__owner_agency", "actions__owner_user"
    )
    people = list(_people(conference))
    own_cases = (
        Case.objects.filter(agency=request.user.agency_id).open().exclude(agenda_items__conference=conference)[:200]
    )
    context = {
        "conference": conference,
        "items": [
            {
                "item": item,
                # Consent may let this agency see more than the pseudonymised fields; once the meeting
                # is closed, other agencies keep only the code, the conclusion and the actions.
                "card": _card_on_agenda(request.user, conference, item.case),
                "code": item.case.code,
                "form": AgendaItemForm(
                    initial={"discussion": item.discussion, "conclusion": item.conclusion}, prefix=f"i{item.pk}"
                ),
                "action_form": ActionForm(conference=conference, people=people, prefix=f"a{item.pk}"),
            }
            for item in items
        ],
        "agencies": conference.invited_agencies.all(),
        "attendance_form": AttendanceForm(
            people=people, initial={"attendees": [str(u.pk) for u in conference.attendees.all()]}
        ),
        "agenda_form": AgendaAddForm(cases=own_cases),
        "open": conference.status != ConferenceStatus.CLOSED,
        "organiser": conference.organiser_id == request.user.agency_id,
    }
    return render(request, "cases/conference_detail.html", context)


def _card_on_agenda(user, conference: Conference, case: Case) -> CaseCard | None:
    access = case_access(user, case)
    if access == Access.NONE:
        return None
    return CaseCard.of(case, access)


def _back_to(conference: Conference):
    return redirect("cases:conference", conference_id=conference.public_id)


@require(Perm.WORK_CASES)
@require_POST
def conference_agenda_add(request, conference_id):
    conference = get_conference_for(request.user, conference_id)
    if not request.POST.get("case"):
        messages.error(request, _("Velg en sak."))
        return _back_to(conference)
    case, _access = get_case_for(request.user, request.POST["case"], minimum=Access.OWNER)
    try:
        services.agenda_add(user=request.user, conference=conference, case=case)
        messages.success(request, _("Saken %(code)s er satt på agendaen.") % {"code": case.code})
    except CaseError as error:
        _refused(request, error)
    return _back_to(conference)


@require(Perm.WORK_CASES)
@require_POST
def conference_attendance(request, conference_id):
    conference = get_conference_for(request.user, conference_id)
    people = list(_people(conference))
    form = AttendanceForm(request.POST, people=people)
    if form.is_valid():
        chosen = [u for u in people if str(u.pk) in form.cleaned_data["attendees"]]
        try:
            services.conference_record_attendance(user=request.user, conference=conference, attendees=chosen)
            messages.success(request, _("Oppmøtet er lagret."))
        except CaseError as error:
            _refused(request, error)
    else:
        messages.error(request, _("Velg hvem som var til stede."))
    return _back_to(conference)


def _item_for(request, conference_id, item_id) -> AgendaItem:
    conference = get_conference_for(request.user, conference_id)
    return get_object_or_404(AgendaItem.objects.select_related("case", "conference"), pk=item_id, conference=conference)


@require(Perm.WORK_CASES)
@require_POST
def agenda_item_record(request, conference_id, item_id):
    item = _item_for(request, conference_id, item_id)
    form = AgendaItemForm(request.POST, prefix=f"i{item.pk}")
    if form.is_valid():
        try:
            services.agenda_item_record(
                user=request.user,
                item=item,
                discussion=form.cleaned_data["discussion"],
                conclusion=form.cleaned_data["conclusion"],
            )
            messages.success(request, _("Drøftingen er lagret."))
            return _back_to(item.conference)
        except CaseError as error:
            _refused(request, error)
    return render(
        request, "cases/refused.html", {"errors": {"item_form": form}, "conference": item.conference}, status=400
    )


@require(Perm.WORK_CASES)
@require_POST
def action_add(request, conference_id, item_id):
    item = _item_for(request, conference_id, item_id)
    people = list(_people(item.conference))
    form = ActionForm(request.POST, conference=item.conference, people=people, prefix=f"a{item.pk}")
    if form.is_valid():
        data = form.cleaned_data
        owner_user = next((u for u in people if str(u.pk) == data["owner_user"]), None)
        try:
            services.action_add(
                user=request.user,
                item=item,
                description=data["description"],
                owner_agency=data["owner_agency"],
                owner_user=owner_user,
                due_on=data["due_on"],
            )
            messages.success(request, _("Tiltaket er lagt til."))
            return _back_to(item.conference)
        except CaseError as error:
            _refused(request, error)
    return render(
        request, "cases/refused.html", {"errors": {"action_form": form}, "conference": item.conference}, status=400
    )


@require(Perm.WORK_CASES)
@require_POST
def action_done(request, action_id):
    action = (
        Action.objects.select_related("item__conference")
        .filter(pk=action_id, owner_agency=request.user.agency_id)
        .first()
    )
    if action is None:
        raise Http404
    try:
        services.action_complete(user=request.user, action=action)
        messages.success(request, _("Tiltaket er meldt fullført."))
    except CaseError as error:
        _refused(request, error)
    if request.POST.get("next") == "home":
        return redirect("core:home")
    return _back_to(action.item.conference)


@require(Perm.WORK_CASES)
@require_POST
def conference_close(request, conference_id):
    conference = get_conference_for(request.user, conference_id)
    try:
        services.conference_close(user=request.user, conference=conference)
        messages.success(request, _("Møtet er avsluttet. De andre etatene ser ikke lenger sakene."))
    except CaseError as error:
        _refused(request, error)
    return _back_to(conference)


@require(Perm.WORK_CASES)
def conference_pdf(request, conference_id, kind):
    conference = get_conference_for(request.user, conference_id)
    if kind not in printing.CONFERENCE_DOCUMENTS:
        raise Http404
    with transaction.atomic():
        log_action(actor=request.user, action=AuditAction.CONFERENCE_PRINTED, target=conference, details={"kind": kind})
    pdf = printing.conference_pdf(conference, kind, viewer=request.user)
    return _pdf(pdf, f"{kind}-{conference.date:%Y-%m-%d}.pdf")


@require(Perm.TRIAGE_TIPS)
@require_http_methods(["GET", "POST"])
def tip_convert(request, tip_id):
    from tokt.public.models import Tip

    tip = get_object_or_404(Tip, pk=tip_id)
    form = CaseForm(request.POST or None, initial={"source": "public_tip", "met_on": tip.created_on})
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_from_tip(user=request.user, tip=tip, fields=form.fields_value())
        except CaseError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Tipset er gjort om til sak %(code)s.") % {"code": case.code})
            return _back(case)
    return render(request, "cases/tip_convert.html", {"form": form, "tip": tip})


@require(Perm.WORK_CASES)
@require_POST
def screening_attach(request, case_id):
    """Attach a screening: the answers come as the screening form's own fields, plus its method version."""
    case, _access = get_case_for(request.user, case_id, minimum=Access.OWNER)
    skip = {"csrfmiddlewaretoken", "screening_version", "screening_date"}
    answers = {k: v for k, v in request.POST.items() if k not in skip}
    try:
        on = datetime.date.fromisoformat(request.POST.get("screening_date", ""))
    except ValueError:
        on = timezone.localdate()
    try:
        services.case_attach_screening(
            user=request.user, case=case, answers=answers, version=request.POST.get("screening_version", ""), on=on
        )
        messages.success(request, _("Sjekken er lagt ved saken."))
    except CaseError as error:
        _refused(request, error)
    return _back(case)
