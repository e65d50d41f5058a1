"""Every write to a case, conference or referral. Each runs in one transaction with its audit entry."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tokt.accounts.models import User
from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.cases import notify, textcheck
from tokt.cases.access import Access, case_access, conference_visible
from tokt.cases.choices import (
    COUNTRIES,
    FORMS,
    SECTORS,
    AgeGroup,
    CaseStatus,
    ConferenceStatus,
    ConsentScope,
    Gender,
    ReferralStatus,
    Region,
    Source,
    TransferStatus,
)
from tokt.cases.models import (
    Action,
    AgendaItem,
    Case,
    Conference,
    Consent,
    Note,
    Referral,
    StatusChange,
    Transfer,
    case_code_suffix,
)


class CaseError(Exception):
    """A refused case action; ``messages`` say what to change, in the user's language."""

    def __init__(self, *messages: str):
        super().__init__(" ".join(str(m) for m in messages))
        self.messages = [str(m) for m in messages]


@dataclass(frozen=True)
class CaseFields:
    age_group: str
    gender: str
    region: str
    municipality_id: str
    source: str
    met_on: dt.date
    country: str = ""
    sector: str = ""
    forms: tuple[str, ...] = ()
    review_on: dt.date | None = None


class EditConflict(CaseError):
    """Someone saved the case after this form was opened; ``current`` is their version."""

    def __init__(self, current: Case):
        super().__init__(
            _("Saken ble endret av noen andre mens du redigerte. Se begge versjonene under og lagre på nytt.")
        )
        self.current = current


def _require_owner(user: User, case: Case) -> None:
    if case_access(user, case) != Access.OWNER:
        raise CaseError(_("Bare etaten som eier saken kan gjøre dette."))


def _check_text(*pairs: tuple[str, str], max_length: int = textcheck.MAX_TEXT) -> None:
    found = [m for label, text in pairs for m in textcheck.problems(label, text or "", max_length=max_length)]
    if found:
        raise CaseError(*found)


def _validate_fields(fields: CaseFields) -> None:
    from tokt.core.models import Municipality

    errors = []
    today = timezone.localdate()
    if fields.age_group not in AgeGroup.values:
        errors.append(_("Ukjent aldersgruppe."))
    if fields.gender not in Gender.values:
        errors.append(_("Ukjent kjønn."))
    if fields.region not in Region.values:
        errors.append(_("Ukjent region."))
    if fields.source not in Source.values:
        errors.append(_("Ukjent måte saken ble kjent på."))
    if fields.country and fields.country not in COUNTRIES:
        errors.append(_("Ukjent land."))
    elif fields.country and COUNTRIES[fields.country][1] != fields.region:
        errors.append(_("Landet hører ikke til regionen du valgte."))
    if fields.sector and fields.sector not in SECTORS:
        errors.append(_("Ukjent bransje."))
    unknown_forms = [f for f in fields.forms if f not in FORMS]
    if unknown_forms:
        errors.append(_("Ukjent form for utnytting."))
    if not Municipality.objects.filter(number=fields.municipality_id).exists():
        errors.append(_("Ukjent kommune."))
    if fields.met_on > today:
        errors.append(_("Datoen personen først ble møtt kan ikke være fram i tid."))
    if fields.review_on and fields.review_on < fields.met_on:
        errors.append(_("Datoen for ny vurdering kan ikke være før personen ble møtt."))
    if errors:
        raise CaseError(*errors)


def _new_code(agency) -> str:
    prefix = "SAL"
    return f"{prefix}-{timezone.localdate().year}-{case_code_suffix()}"


def _field_values(fields: CaseFields) -> dict:
    return {
        "age_group": fields.age_group,
        "gender": fields.gender,
        "region": fields.region,
        "country": fields.country,
        "municipality_id": fields.municipality_id,
        "sector": fields.sector,
        "forms": list(fields.forms),
        "source": fields.source,
        "met_on": fields.met_on,
        "review_on": fields.review_on,
    }


def case_open(*, user: User, fields: CaseFields, note: str = "", from_tip: bool = False) -> Case:
    from tokt.accounts.permissions import Perm, role_grants

    if not role_grants(user, Perm.WORK_CASES):
        raise CaseError(_("Du har ikke tilgang til å registrere saker."))
    _validate_fields(fields)
    _check_text((str(_("Notat")), note))
    for _attempt in range(5):
        try:
            with transaction.atomic():
                case = Case.objects.create(
                    code=_new_code(user.agency), agency=user.agency, created_by=user, **_field_values(fields)
                )
                StatusChange.objects.create(case=case, to_status=CaseStatus.REGISTERED, by=user)
                if note:
                    Note.objects.create(case=case, author=user, text=note, from_tip=from_tip)
                log_action(actor=user, action=AuditAction.CASE_OPENED, target=case, details={"code": case.code})
                return case
        except IntegrityError:
            continue  # the random code collided: draw another
    raise CaseError(_("Kunne ikke lage en ledig sakskode. Prøv igjen."))


def case_update(*, user: User, case: Case, fields: CaseFields, version: int) -> Case:
    """Save the fields if nobody saved since ``version``; otherwise raise EditConflict and change nothing."""
    _require_owner(user, case)
    _validate_fields(fields)
    with transaction.atomic():
        updated = Case.objects.filter(pk=case.pk, version=version).update(
            version=F("version") + 1, updated_at=timezone.now(), **_field_values(fields)
        )
        if not updated:
            raise EditConflict(Case.objects.get(pk=case.pk))
        log_action(actor=user, action=AuditAction.CASE_UPDATED, target=case, details={"version": version + 1})
    _extend_retention(case)
    return Case.objects.get(pk=case.pk)


def case_set_status(*, user: User, case: Case, status: str, reason: str = "") -> StatusChange:
    _require_owner(user, case)
    if status not in CaseStatus.values:
        raise CaseError(_("Ukjent status."))
    if status == case.status:
        raise CaseError(_("Saken har allerede denne statusen."))
    _check_text((str(_("Begrunnelse")), reason), max_length=1000)
    if status == CaseStatus.CLOSED and not reason.strip():
        raise CaseError(_("Skriv hvorfor saken avsluttes."))
    with transaction.atomic():
        change = StatusChange.objects.create(
            case=case, from_status=case.status, to_status=status, by=user, reason=reason
        )
        case.status = status
        today = timezone.localdate()
        case.closed_on = today if status == CaseStatus.CLOSED else None
        case.retain_until = _retention_end(today) if status == CaseStatus.CLOSED else None
        case.retention_warned_on = None
        case.version += 1
        case.save(update_fields=["status", "closed_on", "retain_until", "retention_warned_on", "version", "updated_at"])
        log_action(
            actor=user,
            action=AuditAction.CASE_STATUS_CHANGED,
            target=case,
            details={"from": change.from_status, "to": status},
        )
    return change


def _retention_end(start: dt.date) -> dt.date:
    from tokt.directory.models import months_before

    return months_before(start, -settings.CASE_RETENTION_MONTHS)


def _extend_retention(case: Case) -> None:
    """Activity on a closed case restarts its retention period."""
    if case.status == CaseStatus.CLOSED:
        Case.objects.filter(pk=case.pk).update(
            retain_until=_retention_end(timezone.localdate()), retention_warned_on=None
        )


def note_add(*, user: User, case: Case, text: str) -> Note:
    _require_owner(user, case)
    if not text.strip():
        raise CaseError(_("Notatet er tomt."))
    _check_text((str(_("Notat")), text))
    with transaction.atomic():
        note = Note.objects.create(case=case, author=user, text=text)
        log_action(actor=user, action=AuditAction.NOTE_ADDED, target=case, details={"note": note.pk})
    _extend_retention(case)
    return note


def consent_record(*, user: User, case: Case, scope: str, given_on: dt.date, agencies=(), actors=()) -> Consent:
    _require_owner(user, case)
    if scope not in ConsentScope.values:
        raise CaseError(_("Ukjent omfang for samtykket."))
    if given_on > timezone.localdate():
        raise CaseError(_("Datoen for samtykket kan ikke være fram i tid."))
    if not agencies and not actors:
        raise CaseError(_("Velg minst én etat eller aktør samtykket gjelder."))
    with transaction.atomic():
        consent = Consent.objects.create(case=case, scope=scope, given_on=given_on, recorded_by=user)
        consent.agencies.set(agencies)
        consent.actors.set(actors)
        log_action(
            actor=user,
            action=AuditAction.CONSENT_RECORDED,
            target=case,
            details={
                "consent": consent.pk,
                "scope": scope,
                "agencies": sorted(a.pk for a in agencies),
                "actors": sorted(a.pk for a in actors),
            },
        )
    return consent


def consent_withdraw(*, user: User, consent: Consent, withdrawn_on: dt.date) -> Consent:
    _require_owner(user, consent.case)
    if consent.withdrawn_on:
        raise CaseError(_("Samtykket er allerede trukket tilbake."))
    if withdrawn_on > timezone.localdate() or withdrawn_on < consent.given_on:
        raise CaseError(_("Datoen for tilbaketrekkingen må være mellom samtykket og i dag."))
    with transaction.atomic():
        consent.withdrawn_on = withdrawn_on
        consent.withdrawn_by = user
        consent.save(update_fields=["withdrawn_on", "withdrawn_by"])
        log_action(
            actor=user, action=AuditAction.CONSENT_WITHDRAWN, target=consent.case, details={"consent": consent.pk}
        )
    return consent


def consent_covers_actor(case: Case, actor) -> bool:
    return case.consents.in_force().filter(actors=actor).exists()


def consent_covers_agency(case: Case, agency) -> bool:
    return case.consents.in_force().filter(agencies=agency).exists()


# -- Conferences ------------------------------------------------------------------------------


def conference_create(*, user: User, title: str, date: dt.date, place: str, agencies=()) -> Conference:
    from tokt.accounts.permissions import Perm, role_grants

    if not role_grants(user, Perm.WORK_CASES):
        raise CaseError(_("Du har ikke tilgang til drøftingsmøter."))
    _check_text((str(_("Tittel")), title), (str(_("Sted")), place), max_length=200)
    with transaction.atomic():
        conference = Conference.objects.create(
            title=title, date=date, place=place, organiser=user.agency, created_by=user
        )
        conference.invited_agencies.set({user.agency, *agencies})
        log_action(actor=user, action=AuditAction.CONFERENCE_CREATED, target=conference)
        for agency in agencies:
            if agency.pk != user.agency_id:
                notify.notify_agency(agency.pk, _("Invitasjon til drøftingsmøte i ToKt"))
    return conference


def _require_open_conference(user: User, conference: Conference) -> None:
    if not conference_visible(user, conference):
        raise CaseError(_("Du er ikke invitert til dette møtet."))
    if conference.status == ConferenceStatus.CLOSED:
        raise CaseError(_("Møtet er avsluttet og kan ikke endres."))


def agenda_add(*, user: User, conference: Conference, case: Case) -> AgendaItem:
    """The owning agency brings its own case to a conference."""
    _require_owner(user, case)
    _require_open_conference(user, conference)
    if case.status == CaseStatus.CLOSED:
        raise CaseError(_("Saken er avsluttet."))
    if conference.agenda.filter(case=case).exists():
        raise CaseError(_("Saken står allerede på agendaen."))
    with transaction.atomic():
        item = AgendaItem.objects.create(conference=conference, case=case, position=conference.agenda.count() + 1)
        if case.status == CaseStatus.REGISTERED:
            StatusChange.objects.create(case=case, from_status=case.status, to_status=CaseStatus.ON_AGENDA, by=user)
            Case.objects.filter(pk=case.pk).update(status=CaseStatus.ON_AGENDA, version=F("version") + 1)
        log_action(
            actor=user, action=AuditAction.CONFERENCE_UPDATED, target=conference, details={"agenda_case": case.pk}
        )
    return item


def conference_record_attendance(*, user: User, conference: Conference, attendees) -> None:
    _require_open_conference(user, conference)
    allowed = set(conference.invited_agencies.values_list("pk", flat=True))
    if any(a.agency_id not in allowed for a in attendees):
        raise CaseError(_("Bare personer fra inviterte etater kan føres som til stede."))
    with transaction.atomic():
        conference.attendees.set(attendees)
        if conference.status == ConferenceStatus.PLANNED:
            conference.status = ConferenceStatus.HELD
            conference.save(update_fields=["status"])
        log_action(
            actor=user,
            action=AuditAction.CONFERENCE_UPDATED,
            target=conference,
            details={"attendees": sorted(a.pk for a in attendees)},
        )


def agenda_item_record(*, user: User, item: AgendaItem, discussion: str, conclusion: str) -> AgendaItem:
    _require_open_conference(user, item.conference)
    _check_text((str(_("Drøfting")), discussion), (str(_("Konklusjon")), conclusion))
    with transaction.atomic():
        item.discussion = discussion
        item.conclusion = conclusion
        item.save(update_fields=["discussion", "conclusion"])
        case = item.case
        if case.status in (CaseStatus.REGISTERED, CaseStatus.ON_AGENDA):
            StatusChange.objects.create(case=case, from_status=case.status, to_status=CaseStatus.DISCUSSED, by=user)
            Case.objects.filter(pk=case.pk).update(status=CaseStatus.DISCUSSED, version=F("version") + 1)
        log_action(actor=user, action=AuditAction.CONFERENCE_UPDATED, target=item.conference, details={"item": item.pk})
    return item


def action_add(
    *, user: User, item: AgendaItem, description: str, owner_agency, due_on: dt.date, owner_user: User | None = None
) -> Action:
    _require_open_conference(user, item.conference)
    _check_text((str(_("Tiltak")), description), max_length=300)
    if not description.strip():
        raise CaseError(_("Beskriv tiltaket."))
    if not item.conference.invited_agencies.filter(pk=owner_agency.pk).exists():
        raise CaseError(_("Tiltaket må eies av en etat som er invitert til møtet."))
    if owner_user is not None and owner_user.agency_id != owner_agency.pk:
        raise CaseError(_("Personen som eier tiltaket må høre til etaten som eier det."))
    if due_on < item.conference.date:
        raise CaseError(_("Fristen kan ikke være før møtet."))
    with transaction.atomic():
        action = Action.objects.create(
            item=item, description=description, owner_agency=owner_agency, owner_user=owner_user, due_on=due_on
        )
        log_action(actor=user, action=AuditAction.ACTION_ADDED, target=item.conference, details={"action": action.pk})
        if owner_user is not None and owner_user.pk != user.pk:
            notify.notify_user(owner_user, _("Du har fått et tiltak i ToKt"))
    return action


def action_complete(*, user: User, action: Action) -> Action:
    if action.owner_agency_id != user.agency_id:
        raise CaseError(_("Bare etaten som eier tiltaket kan melde det fullført."))
    if action.done_at:
        raise CaseError(_("Tiltaket er allerede fullført."))
    with transaction.atomic():
        action.done_at = timezone.now()
        action.save(update_fields=["done_at"])
        log_action(
            actor=user, action=AuditAction.ACTION_DONE, target=action.item.conference, details={"action": action.pk}
        )
    return action


def conference_close(*, user: User, conference: Conference) -> Conference:
    _require_open_conference(user, conference)
    if conference.organiser_id != user.agency_id:
        raise CaseError(_("Bare etaten som arrangerte møtet kan avslutte det."))
    with transaction.atomic():
        conference.status = ConferenceStatus.CLOSED
        conference.save(update_fields=["status"])
        log_action(actor=user, action=AuditAction.CONFERENCE_UPDATED, target=conference, details={"closed": True})
    return conference


# -- Referrals and transfers ------------------------------------------------------------------


def actor_is_active(actor) -> bool:
    """The directory marks a retired actor by one of these flags (whichever the model has)."""
    for flag, active_when in (("active", True), ("is_active", True), ("retired", False), ("is_retired", False)):
        if hasattr(actor, flag):
            return bool(getattr(actor, flag)) == active_when
    return True


def referral_send(
    *, user: User, case: Case, actor, agency=None, share_identifying: bool = False, purpose: str = ""
) -> Referral:
    _require_owner(user, case)
    if not actor_is_active(actor):
        raise CaseError(_("Aktøren er ikke lenger aktiv i katalogen. Velg en annen."))
    if agency is not None and agency.pk == case.agency_id:
        raise CaseError(_("Saken kan ikke henvises til din egen etat."))
    if share_identifying:
        covered = consent_covers_actor(case, actor) or (agency is not None and consent_covers_agency(case, agency))
        if not covered:
            raise CaseError(
                _(
                    "Ingen gyldig samtykke dekker %(actor)s. Registrer samtykke først, "
                    "eller henvis uten identifiserende opplysninger."
                )
                % {"actor": actor.name}
            )
    _check_text((str(_("Hva henvisningen gjelder")), purpose), max_length=2000)
    with transaction.atomic():
        referral = Referral.objects.create(
            case=case, actor=actor, agency=agency, share_identifying=share_identifying, purpose=purpose, sent_by=user
        )
        if case.status != CaseStatus.CLOSED:
            StatusChange.objects.create(case=case, from_status=case.status, to_status=CaseStatus.REFERRED, by=user)
            Case.objects.filter(pk=case.pk).update(status=CaseStatus.REFERRED, version=F("version") + 1)
        log_action(
            actor=user,
            action=AuditAction.REFERRAL_SENT,
            target=case,
            details={"referral": referral.pk, "actor": actor.pk, "agency": agency.pk if agency else None},
        )
        if agency is not None:
            notify.notify_agency(agency.pk, _("Ny henvisning til din etat i ToKt"))
    return referral


_ANSWERS = {
    ReferralStatus.ACCEPTED: {ReferralStatus.SENT},
    ReferralStatus.REJECTED: {ReferralStatus.SENT},
    ReferralStatus.DONE: {ReferralStatus.ACCEPTED},
}


def referral_answer(*, user: User, referral: Referral, status: str, reason: str = "") -> Referral:
    if referral.agency_id is None or referral.agency_id != user.agency_id:
        raise CaseError(_("Bare etaten saken er henvist til kan svare."))
    if status not in _ANSWERS or referral.status not in _ANSWERS[status]:
        raise CaseError(_("Henvisningen kan ikke få denne statusen nå."))
    if status == ReferralStatus.REJECTED and not reason.strip():
        raise CaseError(_("Skriv hvorfor henvisningen avslås."))
    _check_text((str(_("Begrunnelse")), reason), max_length=1000)
    return _referral_set(user=user, referral=referral, status=status, reason=reason)


def referral_revoke(*, user: User, referral: Referral) -> Referral:
    _require_owner(user, referral.case)
    if referral.status not in (ReferralStatus.SENT, ReferralStatus.ACCEPTED):
        raise CaseError(_("Henvisningen kan ikke trekkes tilbake nå."))
    return _referral_set(user=user, referral=referral, status=ReferralStatus.REVOKED, reason="")


def _referral_set(*, user: User, referral: Referral, status: str, reason: str) -> Referral:
    with transaction.atomic():
        referral.status = status
        referral.answered_by = user
        referral.answered_at = timezone.now()
        referral.answer_reason = reason
        referral.save(update_fields=["status", "answered_by", "answered_at", "answer_reason"])
        log_action(
            actor=user,
            action=AuditAction.REFERRAL_ANSWERED,
            target=referral.case,
            details={"referral": referral.pk, "status": status},
        )
    return referral


def transfer_request(*, user: User, case: Case, to_agency) -> Transfer:
    """The owner's half of a transfer; the case moves only when the receiving agency accepts."""
    _require_owner(user, case)
    if to_agency.pk == case.agency_id:
        raise CaseError(_("Saken eies allerede av denne etaten."))
    if case.transfers.filter(status=TransferStatus.REQUESTED).exists():
        raise CaseError(_("Det finnes allerede en forespørsel om overføring."))
    with transaction.atomic():
        transfer = Transfer.objects.create(case=case, from_agency=case.agency, to_agency=to_agency, requested_by=user)
        log_action(
            actor=user,
            action=AuditAction.CASE_TRANSFER_REQUESTED,
            target=case,
            details={"transfer": transfer.pk, "to": to_agency.pk},
        )
        notify.notify_agency(to_agency.pk, _("Forespørsel om å overta en sak i ToKt"))
    return transfer


def transfer_answer(*, user: User, transfer: Transfer, accept: bool) -> Transfer:
    if transfer.to_agency_id != user.agency_id:
        raise CaseError(_("Bare etaten som skal overta saken kan svare."))
    if transfer.status != TransferStatus.REQUESTED:
        raise CaseError(_("Forespørselen er allerede besvart."))
    with transaction.atomic():
        transfer.status = TransferStatus.ACCEPTED if accept else TransferStatus.DECLINED
        transfer.answered_by = user
        transfer.answered_at = timezone.now()
        transfer.save(update_fields=["status", "answered_by", "answered_at"])
        if accept:
            Case.objects.filter(pk=transfer.case_id, agency=transfer.from_agency_id).update(
                agency=transfer.to_agency_id, version=F("version") + 1
            )
        log_action(
            actor=user,
            action=AuditAction.CASE_TRANSFERRED if accept else AuditAction.CASE_TRANSFER_REQUESTED,
            target=transfer.case,
            details={"transfer": transfer.pk, "accepted": accept},
        )
    return transfer


def case_record(case: Case) -> dict:
    """Everything ToKt holds about one case (innsyn), notes decrypted. The caller audits the export."""
    return {
        "code": case.code,
        "agency": case.agency.name,
        "created_at": case.created_at.isoformat(),
        "fields": {
            "age_group": case.age_group,
            "gender": case.gender,
            "region": case.region,
            "country": case.country,
            "municipality": case.municipality_id,
            "sector": case.sector,
            "forms": case.forms,
            "source": case.source,
            "met_on": case.met_on.isoformat(),
            "review_on": case.review_on.isoformat() if case.review_on else None,
            "status": case.status,
        },
        "screening": case.screening,
        "status_history": [
            {"from": c.from_status, "to": c.to_status, "at": c.at.isoformat(), "by": c.by_id, "reason": c.reason}
            for c in case.status_changes.all()
        ],
        "notes": [{"at": n.created_at.isoformat(), "by": n.author_id, "text": n.text} for n in case.notes.all()],
        "consents": [
            {
                "scope": c.scope,
                "given_on": c.given_on.isoformat(),
                "withdrawn_on": c.withdrawn_on.isoformat() if c.withdrawn_on else None,
                "agencies": [a.name for a in c.agencies.all()],
                "actors": [a.name for a in c.actors.all()],
            }
            for c in case.consents.all()
        ],
        "referrals": [
            {
                "actor": r.actor.name,
                "status": r.status,
                "sent_at": r.sent_at.isoformat(),
                "share_identifying": r.share_identifying,
                "purpose": r.purpose,
                "answer_reason": r.answer_reason,
            }
            for r in case.referrals.select_related("actor")
        ],
        "conferences": [
            {
                "conference": i.conference.title,
                "date": i.conference.date.isoformat(),
                "discussion": i.discussion,
                "conclusion": i.conclusion,
                "actions": [
                    {"description": a.description, "owner": a.owner_agency.name, "due_on": a.due_on.isoformat()}
                    for a in i.actions.select_related("owner_agency")
                ],
            }
            for i in case.agenda_items.select_related("conference")
        ],
    }


def case_from_tip(*, user: User, tip, fields: CaseFields) -> Case:
    """A coordinator turns a public tip into a case; the tip's text moves into an encrypted note.

    The text is the public's own words, so it is kept as written (not PII-checked)
    and shown only where notes are; the tip itself keeps no copy.
    """
    from tokt.accounts.permissions import Perm, role_grants
    from tokt.public.models import Tip, TipStatus

    if not role_grants(user, Perm.TRIAGE_TIPS):
        raise CaseError(_("Bare koordinatorer kan gjøre tips om til saker."))
    if tip.status == TipStatus.CLOSED:
        raise CaseError(_("Tipset er avsluttet."))
    _validate_fields(fields)
    with transaction.atomic():
        case = case_open(user=user, fields=dataclasses.replace(fields, source=Source.PUBLIC_TIP))
        Note.objects.create(case=case, author=user, text=tip.message, from_tip=True)
        Tip.objects.filter(pk=tip.pk).update(
            message=str(_("[Gjort om til sak %(code)s]") % {"code": case.code}), contact="", status=TipStatus.TRIAGED
        )
        log_action(actor=user, action=AuditAction.TIP_CONVERTED, target=case, details={"tip": tip.pk})
    return case


_ANSWER_KEY_MAX = 64
_ANSWER_VALUE_MAX = 64
_ANSWERS_MAX = 300


def case_attach_screening(*, user: User, case: Case, answers: dict, version: str, on: dt.date) -> Case:
    """Store a screening's answers (codes, not free text) with the method version and date."""
    import re

    _require_owner(user, case)
    key_pattern = re.compile(rf"[A-Za-z0-9_.\-]{{1,{_ANSWER_KEY_MAX}}}")
    if not answers or len(answers) > _ANSWERS_MAX:
        raise CaseError(_("Sjekken har ingen svar å legge ved."))
    for key, value in answers.items():
        if not key_pattern.fullmatch(str(key)) or not isinstance(value, str) or len(value) > _ANSWER_VALUE_MAX:
            raise CaseError(_("Sjekken inneholder svar som ikke kan legges ved."))
        _check_text((str(key), value), max_length=_ANSWER_VALUE_MAX)
    if not version or len(version) > 40 or on > timezone.localdate():
        raise CaseError(_("Sjekken mangler versjon eller har en ugyldig dato."))
    with transaction.atomic():
        Case.objects.filter(pk=case.pk).update(
            screening={"answers": dict(answers), "version": version, "date": on.isoformat()}, version=F("version") + 1
        )
        log_action(actor=user, action=AuditAction.CASE_SCREENING_ATTACHED, target=case, details={"version": version})
    _extend_retention(case)
    return Case.objects.get(pk=case.pk)
