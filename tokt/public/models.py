from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TipStatus(models.TextChoices):
    NEW = "new", _("Ny")
    TRIAGED = "triaged", _("Vurdert")
    CLOSED = "closed", _("Avsluttet")


class TipQuerySet(models.QuerySet):
    def with_status(self, status: str | None) -> TipQuerySet:
        return self.filter(status=status) if status else self


class Tip(models.Model):
    """An anonymous message from the public tip form.

    Deliberately no IP address, user agent, session or exact time: only the
    date is kept, so a message cannot be matched against other logs.
    """

    message = models.TextField(_("beskjed"))
    contact = models.CharField(_("kontaktmåte"), max_length=200, blank=True)
    lang = models.CharField(_("språk"), max_length=16)
    created_on = models.DateField(_("mottatt"), default=timezone.localdate, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=TipStatus.choices, default=TipStatus.NEW)
    triage_note = models.TextField(_("vurderingsnotat"), blank=True)

    objects = TipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = _("tips")
        verbose_name_plural = _("tips")
        indexes = [models.Index(fields=["status", "created_on"])]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.created_on:%Y-%m-%d}"


class TipWindow(models.Model):
    """How many tips were accepted in one minute: a global rate limit without identities.

    Rows older than an hour are deleted as new tips arrive, so the minute of a
    tip is known for at most an hour.
    """

    minute = models.DateTimeField(unique=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("tipsvindu")

    def __str__(self) -> str:
        return f"{self.minute:%H:%M} {self.count}"
