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
