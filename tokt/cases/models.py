"""Cases worked across agencies, pseudonymised by design: no names, numbers or addresses.

Who may see what is decided in access.py; free text is encrypted (fields.py)
and checked by the PII guard (pii.py) before it is saved.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tokt.cases.choices import (
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
from tokt.cases.fields import EncryptedTextField

# Letters and digits that cannot be confused when read aloud or copied by hand.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def opaque_id() -> str:
    """An unguessable id for URLs (128 bits), never the sequential primary key."""
    return secrets.token_urlsafe(16)


def case_code_suffix() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(4))


class CaseQuerySet(models.QuerySet):
    def open(self) -> CaseQuerySet:
        return self.exclude(status=CaseStatus.CLOSED)

    def shared_with_agency(self, agency) -> CaseQuerySet:
        """Cases another agency may see pseudonymised: on an open conference it is invited to, or referred to it."""
        return self.filter(pk__in=shared_case_ids(agency))


_OPEN_CONFERENCE = [ConferenceStatus.PLANNED, ConferenceStatus.HELD]
_LIVE_REFERRAL = [ReferralStatus.SENT, ReferralStatus.ACCEPTED]


def shared_case_ids(agency, case_id: int | None = None) -> set[int]:
    """Ids of the cases shared with ``agency`` now (optionally: whether ``case_id`` is one of them).

    Read from the agenda and referral tables, which are small, rather than by joining from 100,000 cases.
    """
    items = AgendaItem.objects.filter(conference__invited_agencies=agency, conference__status__in=_OPEN_CONFERENCE)
    referrals = Referral.objects.filter(agency=agency, status__in=_LIVE_REFERRAL)
    if case_id is not None:
        items, referrals = items.filter(case_id=case_id), referrals.filter(case_id=case_id)
    return set(items.values_list("case_id", flat=True)) | set(referrals.values_list("case_id", flat=True))


class Case(models.Model):
    public_id = models.SlugField(max_length=32, unique=True, default=opaque_id, editable=False)
    code = models.CharField(_("sakskode"), max_length=20, unique=True, editable=False)
    agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="cases", verbose_name=_("etat"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: a save must name the version it started from.
    version = models.PositiveIntegerField(default=1)

    age_group = models.CharField(_("aldersgruppe"), max_length=16, choices=AgeGroup.choices)
    gender = models.CharField(_("kjønn"), max_length=16, choices=Gender.choices)
    region = models.CharField(_("opprinnelse (region)"), max_length=16, choices=Region.choices)
    country = models.CharField(_("opprinnelsesland"), max_length=2, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="+", verbose_name=_("kommune der personen ble møtt")
    )
    sector = models.CharField(_("bransje"), max_length=32, blank=True)
    forms = models.JSONField(_("mulige former for utnytting"), default=list, blank=True)
    source = models.CharField(_("hvordan saken ble kjent"), max_length=20, choices=Source.choices)
    met_on = models.DateField(_("dato først møtt"))
    status = models.CharField(_("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.REGISTERED)
    review_on = models.DateField(_("vurderes igjen"), null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # Retention: when the closed case is anonymised, and whether the owner was warned.
    retain_until = models.DateField(null=True, blank=True)
    retention_warned_on = models.DateField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    # A screening attached to the case: {"answers": {...}, "version": "...", "date": "YYYY-MM-DD"}.
    screening = models.JSONField(default=dict, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        # Newest first by primary key: the index that makes the list fast at 100,000 cases.
        ordering = ["-pk"]
        verbose_name = _("sak")
        verbose_name_plural = _("saker")
        indexes = [
            models.Index(fields=["status", "retain_until"]),
            models.Index(fields=["country"]),
        ]

    def __str__(self) -> str:
        return self.code


class StatusChange(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=16, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=CaseStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = EncryptedTextField(_("begrunnelse"), blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_status} -> {self.to_status}"


class Note(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    text = EncryptedTextField(_("notat"))
    from_tip = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on case {self.case_id}"


class ConsentQuerySet(models.QuerySet):
    def in_force(self) -> ConsentQuerySet:
        return self.filter(withdrawn_on__isnull=True)


class Consent(models.Model):
    """The person's consent to share identifying information with named agencies or actors."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField(_("omfang"), max_length=20, choices=ConsentScope.choices)
    given_on = models.DateField(_("dato gitt"))
    agencies = models.ManyToManyField("core.Agency", blank=True, related_name="+", verbose_name=_("etater"))
    actors = models.ManyToManyField("directory.Actor", blank=True, related_name="+", verbose_name=_("aktører"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_on = models.DateField(_("trukket tilbake"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-pk"]

    def __str__(self) -> str:
        return f"consent {self.pk} on case {self.case_id}"


class Conference(models.Model):
    """A drøftingsmøte: cases discussed across agencies, with conclusions and actions."""

    public_id = models.SlugField(max_length=32, unique=True, default=opaque_id, editable=False)
    title = models.CharField(_("tittel"), max_length=200)
    date = models.DateField(_("dato"))
    place = models.CharField(_("sted"), max_length=200)
    organiser = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    invited_agencies = models.ManyToManyField(
        "core.Agency", related_name="case_conferences", verbose_name=_("inviterte etater")
    )
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    status = models.CharField(max_length=16, choices=ConferenceStatus.choices, default=ConferenceStatus.PLANNED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    directory_meeting = models.ForeignKey(
        "directory.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("drøftingsmøte")
        verbose_name_plural = _("drøftingsmøter")

    def __str__(self) -> str:
        return f"{self.title} {self.date:%Y-%m-%d}"


class AgendaItem(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="agenda")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveIntegerField(default=0)
    discussion = EncryptedTextField(_("drøfting"), blank=True)
    conclusion = EncryptedTextField(_("konklusjon"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["conference", "case"], name="cases_agenda_case_once")]

    def __str__(self) -> str:
        return f"{self.conference_id}/{self.case_id}"


class ActionQuerySet(models.QuerySet):
    def open(self) -> ActionQuerySet:
        return self.filter(done_at__isnull=True)

    def for_user(self, user) -> ActionQuerySet:
        return self.filter(Q(owner_user=user) | Q(owner_agency=user.agency_id, owner_user__isnull=True))


class Action(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("tiltak"), max_length=300)
    owner_agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(_("frist"))
    done_at = models.DateTimeField(null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"action {self.pk} due {self.due_on}"


class Referral(models.Model):
    public_id = models.SlugField(max_length=32, unique=True, default=opaque_id, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    actor = models.ForeignKey("directory.Actor", on_delete=models.PROTECT, related_name="+", verbose_name=_("aktør"))
    # The member agency that answers in ToKt; empty for an actor outside ToKt (a letter is printed).
    agency = models.ForeignKey("core.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    share_identifying = models.BooleanField(_("del identifiserende opplysninger"), default=False)
    purpose = EncryptedTextField(_("hva henvisningen gjelder"), blank=True)
    status = models.CharField(max_length=16, choices=ReferralStatus.choices, default=ReferralStatus.SENT)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_reason = EncryptedTextField(_("begrunnelse"), blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"referral {self.pk} of case {self.case_id}"


class Transfer(models.Model):
    """Moving a case to another agency: asked by the owner, takes effect when the receiver accepts."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfers")
    from_agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    to_agency = models.ForeignKey("core.Agency", on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=16, choices=TransferStatus.choices, default=TransferStatus.REQUESTED)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"transfer {self.pk} of case {self.case_id}"
