"""Anonymous counters: a number per day and category, never who, never what was answered.

No row holds an IP address, user agent, cookie, session, user or exact time, so
a count cannot be joined with any other log.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScreeningCount(models.Model):
    """Screenings that reached a result, per day, role of the asker and placement (sector or setting)."""

    day = models.DateField(_("dag"))
    role = models.CharField(_("rolle"), max_length=40)
    placement = models.CharField(_("bransje eller miljø"), max_length=40)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "role", "placement"], name="stats_screening_once")]
        verbose_name = _("antall sjekker")

    def __str__(self) -> str:
        return f"{self.day} {self.role}/{self.placement}: {self.count}"


class PageViewCount(models.Model):
    """Views of a public page per day and language, counted on the server without cookies."""

    day = models.DateField(_("dag"))
    lang = models.CharField(_("språk"), max_length=16)
    page = models.CharField(_("side"), max_length=80)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "lang", "page"], name="stats_pageview_once")]
        verbose_name = _("sidevisninger")

    def __str__(self) -> str:
        return f"{self.day} {self.lang}/{self.page}: {self.count}"


class PosterDownloadCount(models.Model):
    day = models.DateField(_("dag"))
    lang = models.CharField(_("språk"), max_length=16)
    kind = models.CharField(_("type"), max_length=16)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "lang", "kind"], name="stats_poster_once")]
        verbose_name = _("nedlastede trykksaker")

    def __str__(self) -> str:
        return f"{self.day} {self.lang}/{self.kind}: {self.count}"


class PrivacyBudgetSpend(models.Model):
    """The ledger of the differential-privacy budget: one row per public release."""

    year = models.PositiveIntegerField(_("år"))
    epsilon = models.FloatField(_("epsilon brukt"))
    purpose = models.CharField(_("formål"), max_length=200)
    # The noisy tables as released, so showing a release again spends nothing.
    values = models.JSONField(default=dict)
    released_at = models.DateTimeField(auto_now_add=True)
    released_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["year", "released_at"]
        verbose_name = _("bruk av personvernbudsjett")

    def __str__(self) -> str:
        return f"{self.year}: ε={self.epsilon} ({self.purpose})"
