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
    ENROLMENT_LINK_ISSUED = "enrolment_link_issued", _("Påmeldingslenke laget")
    RECOVERY_CODES_CREATED = "recovery_codes_created", _("Nye reservekoder laget")
    RECOVERY_CODE_USED = "recovery_code_used", _("Reservekode brukt")
    PASSWORD_CHANGED = "password_changed", _("Passord byttet av brukeren")
    USER_CREATED = "user_created", _("Bruker opprettet")
    USER_DEACTIVATED = "user_deactivated", _("Bruker deaktivert")
    USER_REACTIVATED = "user_reactivated", _("Bruker aktivert igjen")
    ROLE_CHANGED = "role_changed", _("Rolle endret")
    PASSWORD_RESET = "password_reset", _("Passord nullstilt av administrator")
    SESSIONS_ENDED = "sessions_ended", _("Alle økter avsluttet")
    AUDIT_VIEWED = "audit_viewed", _("Revisjonslogg lest")
    RECORD_READ = "record_read", _("Opplysninger lest")
    # Kept for entries written before the named actions below; new code names what it did.
    RECORD_WRITTEN = "record_written", _("Opplysninger endret")
    KNOWLEDGE_ARTICLE_UPDATED = "knowledge_article_updated", _("Kunnskapsartikkel endret")
    KNOWLEDGE_ARTICLE_REVIEWED = "knowledge_article_reviewed", _("Kunnskapsartikkel gjennomgått")
    KNOWLEDGE_LOADED = "knowledge_loaded_from_files", _("Kunnskapsartikler lastet fra filer")
    KNOWLEDGE_ARTICLE_CREATED = "knowledge_article_created", _("Kunnskapsartikkel opprettet")
    KNOWLEDGE_ARTICLE_RETIRED = "knowledge_article_retired", _("Kunnskapsartikkel trukket tilbake")
    KNOWLEDGE_ARTICLE_RESTORED = "knowledge_article_restored", _("Kunnskapsartikkel tatt i bruk igjen")
    KNOWLEDGE_ARTICLE_VERSION_RESTORED = "knowledge_version_restored", _("Eldre versjon gjenopprettet")
    DIRECTORY_ACTOR_UPDATED = "directory_actor_updated", _("Aktør i katalogen endret")
    DIRECTORY_ACTOR_VERIFIED = "directory_actor_verified", _("Aktør i katalogen bekreftet")
    DIRECTORY_MEETING_CREATED = "directory_meeting_created", _("Møte registrert")
    DIRECTORY_HSDS_IMPORTED = "directory_hsds_import", _("Katalog importert (HSDS)")
    DIRECTORY_HSDS_EXPORTED = "directory_hsds_export", _("Katalog eksportert (HSDS)")
    TIP_TRIAGED = "tip_triaged", _("Tips vurdert")
    TIPS_PURGED = "tips_purged", _("Avsluttede tips slettet")
    USERS_LISTED = "users_listed", _("Brukerlisten lest")
    USER_VIEWED = "user_viewed", _("Brukerside lest")
    ACCESS_DENIED = "access_denied", _("Tilgang nektet")
    LOGIN_UNLOCKED = "login_unlocked", _("Innloggingssperre opphevet")
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
    STATS_RELEASE_PUBLISHED = "stats_release_published", _("Offentlig statistikk utgitt")


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
    # HMAC of entry_hash under a key outside the database (tokt.audit.anchor). Null on
    # entries written before MACs existed; nullable so that adding the column does
    # not rebuild the append-only table.
    mac = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001 (see above)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("revisjonsoppføring")
        verbose_name_plural = _("revisjonslogg")
        indexes = [
            models.Index(fields=["action"]),
            models.Index(fields=["actor_username"]),
            # Filtered pages read newest first: (filter, seq) avoids sorting every match.
            models.Index(fields=["action", "-seq"], name="audit_action_seq_idx"),
            models.Index(fields=["actor_username", "-seq"], name="audit_actor_seq_idx"),
        ]

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
