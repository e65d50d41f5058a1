"""Knowledge-base articles: one row per (slug, language).

The database is the source of truth. The Markdown files in content/knowledge
seed a new installation (and add articles that are new in a release); after that
coordinators create, edit, retire and restore articles in the web UI, and a file
never overwrites a web edit (see loading.py). Every change keeps a history
record (simple-history).
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tokt.accounts.permissions import Perm, has_perm

# An article not reviewed for this long is listed for coordinators.
REVIEW_AFTER_MONTHS = 12


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier, clamped to the month's last day."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


class Lang(models.TextChoices):
    NB = "nb", _("Norsk bokmål")
    EN = "en", _("Engelsk")


class TranslationStatus(models.TextChoices):
    ORIGINAL = "original", _("Originaltekst")
    MACHINE_ASSISTED = "machine_assisted", _("Maskinassistert oversettelse, ikke gjennomgått")
    REVIEWED = "reviewed", _("Oversettelse gjennomgått")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Offentlig")
    INTERNAL = "internal", _("Intern (krever innlogging)")


class ArticleStatus(models.TextChoices):
    ACTIVE = "active", _("I bruk")
    RETIRED = "retired", _("Trukket tilbake")


class ArticleQuerySet(models.QuerySet):
    def active(self) -> ArticleQuerySet:
        return self.filter(status=ArticleStatus.ACTIVE)

    def retired(self) -> ArticleQuerySet:
        return self.filter(status=ArticleStatus.RETIRED)

    def visible_to(self, user) -> ArticleQuerySet:
        """Active articles ``user`` may read (retired ones are only on the coordinators' list)."""
        active = self.active()
        if has_perm(user, Perm.READ_INTERNAL_KNOWLEDGE):
            return active
        return active.filter(visibility=Visibility.PUBLIC)

    def not_reviewed_since(self, today: dt.date) -> ArticleQuerySet:
        return self.filter(last_reviewed__lt=months_before(today, REVIEW_AFTER_MONTHS))


class Article(models.Model):
    slug = models.SlugField(_("id"), max_length=100)
    lang = models.CharField(_("språk"), max_length=2, choices=Lang.choices)
    title = models.CharField(_("tittel"), max_length=300)
    summary = models.TextField(_("sammendrag"))
    body_md = models.TextField(_("tekst (Markdown)"))
    audience = models.JSONField(_("målgruppe"), default=list)
    sectors = models.JSONField(_("bransjer"), default=list, blank=True)
    forms = models.JSONField(_("former for utnytting"), default=list, blank=True)
    indicators = models.JSONField(_("indikatorer"), default=list, blank=True)
    sources = models.JSONField(_("kilder"), default=list)
    last_reviewed = models.DateField(_("sist gjennomgått"))
    translation_status = models.CharField(_("oversettelse"), max_length=20, choices=TranslationStatus.choices)
    visibility = models.CharField(_("synlighet"), max_length=10, choices=Visibility.choices)
    reviewer_role = models.CharField(_("gjennomgått av (rolle)"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.ACTIVE)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sist endret av"),
    )
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)
    # Set when a coordinator edits the article: load_knowledge then keeps the
    # database copy instead of the file (see loading.py).
    edited_in_ui = models.BooleanField(default=False, editable=False)
    source_file = models.CharField(max_length=300, blank=True, editable=False)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    # Derived from the fields above by services (never typed in).
    body_html = models.TextField(editable=False, blank=True)
    body_text = models.TextField(editable=False, blank=True)
    toc = models.JSONField(default=list, editable=False, blank=True)
    search_title = models.TextField(editable=False, blank=True)
    search_summary = models.TextField(editable=False, blank=True)
    search_body = models.TextField(editable=False, blank=True)
    search_length = models.PositiveIntegerField(default=0, editable=False)
    facets = models.TextField(editable=False, blank=True)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "updated_at",
            "body_html",
            "body_text",
            "toc",
            "search_title",
            "search_summary",
            "search_body",
            "search_length",
            "facets",
            "source_hash",
        ]
    )

    class Meta:
        ordering = ["slug", "lang"]
        constraints = [models.UniqueConstraint(fields=["slug", "lang"], name="knowledge_article_slug_lang")]
        # Covers the search index's fingerprint query (count, newest change, sum of ids
        # of the active articles) so it never reads the long text columns.
        indexes = [models.Index(fields=["status", "updated_at", "id"], name="knowledge_article_fingerprint")]
        verbose_name = _("artikkel")
        verbose_name_plural = _("artikler")

    def __str__(self) -> str:
        return f"{self.title} ({self.lang})"

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def is_machine_assisted(self) -> bool:
        return self.translation_status == TranslationStatus.MACHINE_ASSISTED

    def needs_review(self, today: dt.date) -> bool:
        return self.last_reviewed < months_before(today, REVIEW_AFTER_MONTHS)
