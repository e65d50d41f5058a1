from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    LOGIN = "login", _("Innlogging")
    LOGIN_FAILED = "login_failed", _("Mislykket innlogging")
    LOCKOUT = "lockout", _("Konto sperret etter mislykkede forsøk")
    LOGOUT = "logout", _("Utlogging")
    SESSION_EXPIRED = "session_expired", _("Økt utløpt")
    OTP_ENROLLED = "otp_enrolled", _("Tofaktor registrert")
    OTP_FAILED = "otp_failed", _("Feil engangskode")
    OTP_RESET = "otp_reset", _("Tofaktor nullstilt")
    USER_CREATED = "user_created", _("Bruker opprettet")
    USER_DEACTIVATED = "user_deactivated", _("Bruker deaktivert")
    USER_REACTIVATED = "user_reactivated", _("Bruker aktivert igjen")
    ROLE_CHANGED = "role_changed", _("Rolle endret")
    PASSWORD_RESET = "password_reset", _("Passord nullstilt av administrator")
    SESSIONS_ENDED = "sessions_ended", _("Alle økter avsluttet")
    AUDIT_VIEWED = "audit_viewed", _("Revisjonslogg lest")
    RECORD_READ = "record_read", _("Opplysninger lest")
    RECORD_WRITTEN = "record_written", _("Opplysninger endret")
    CASE_OPENED = "case_opened", _("Sak opprettet")
    CASE_READ = "case_read", _("Sak lest")
    CASE_UPDATED = "case_updated", _("Sak endret")
    CASE_STATUS_CHANGED = "case_status_changed", _("Status i sak endret")
    CASE_EXPORTED = "case_exported", _("Sak eksportert (innsyn)")
    CASE_ANONYMISED = "case_anonymised", _("Sak anonymisert")
    CASE_RETENTION_WARNED = "case_retention_warned", _("Varsel om anonymisering sendt")
    CASE_TRANSFER_REQUESTED = "case_transfer_requested", _("Overføring av sak forespurt")
    CASE_TRANSFERRED = "case_transferred", _("Sak overført")
    CASE_SCREENING_ATTACHED = "case_screening_attached", _("Sjekk lagt ved sak")
    TIP_CONVERTED = "tip_converted", _("Tips gjort om til sak")
    NOTE_ADDED = "note_added", _("Notat lagt til")
    CONSENT_RECORDED = "consent_recorded", _("Samtykke registrert")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Samtykke trukket tilbake")
    CONFERENCE_CREATED = "conference_created", _("Drøftingsmøte opprettet")
    CONFERENCE_READ = "conference_read", _("Drøftingsmøte lest")
    CONFERENCE_UPDATED = "conference_updated", _("Drøftingsmøte endret")
    CONFERENCE_PRINTED = "conference_printed", _("Agenda eller referat skrevet ut")
    ACTION_ADDED = "action_added", _("Tiltak lagt til")
    ACTION_DONE = "action_done", _("Tiltak fullført")
    REFERRAL_SENT = "referral_sent", _("Henvisning sendt")
    REFERRAL_ANSWERED = "referral_answered", _("Henvisning besvart")
    REFERRAL_LETTER_PRINTED = "referral_letter_printed", _("Henvisningsbrev skrevet ut")
    CASE_KEYS_ROTATED = "case_keys_rotated", _("Nøkler for saker rullert")
    TRAINING_COMPLETED = "training_completed", _("Opplæringsmodul fullført")
    TRAINING_REFUSED = "training_refused", _("Innsending i opplæring avvist")
    CERTIFICATE_DENIED = "certificate_denied", _("Kursbevis for en annen bruker avvist")


class AuditEntryQuerySet(models.QuerySet):
    def chronological(self) -> AuditEntryQuerySet:
        return self.order_by("seq")


class AuditEntry(models.Model):
    """One append-only audit event. Database triggers refuse UPDATE and DELETE."""

    seq = models.PositiveBigIntegerField(_("nummer"), primary_key=True)
    created_at = models.DateTimeField(_("tidspunkt"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_username = models.CharField(_("bruker"), max_length=150, blank=True)
    action = models.CharField(_("hendelse"), max_length=32, choices=AuditAction.choices)
    target_type = models.CharField(_("objekttype"), max_length=64, blank=True)
    target_id = models.CharField(_("objekt"), max_length=64, blank=True)
    details = models.JSONField(_("detaljer"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("revisjonsoppføring")
        verbose_name_plural = _("revisjonslogg")
        indexes = [models.Index(fields=["action"]), models.Index(fields=["actor_username"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} by {self.actor_username or '-'}"

    def hashed_fields(self) -> dict:
        return {
            "seq": self.seq,
            "created_at": self.created_at.isoformat(),
            "actor_id": self.actor_id,
            "actor_username": self.actor_username,
            "action": self.action,
            "target_type": self.target_type,
            "target_id": self.target_id,
            "details": self.details,
        }
