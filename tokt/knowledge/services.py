"""Writes to the knowledge base. Each validates, runs in one transaction with its audit entry,
and raises KnowledgeError with a message for the user.

The database is the source of truth: coordinators create, edit, retire and
restore articles here; the Markdown files only seed a new installation.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.core.history import ensure_history_baseline
from tokt.knowledge import vocab
from tokt.knowledge.content_check import MAX_SUMMARY, MAX_TITLE, check_body, internal_references
from tokt.knowledge.derived import derive_fields
from tokt.knowledge.loading import LoadReport, load_articles
from tokt.knowledge.models import Article, ArticleStatus, TranslationStatus, Visibility

# What a coordinator can change, in the order the history lists it.
EDITABLE_FIELDS = (
    "title",
    "summary",
    "body_md",
    "audience",
    "sectors",
    "forms",
    "sources",
    "last_reviewed",
    "reviewer_role",
    "visibility",
)
# Restoring a version brings back these (the derived fields follow from them).
RESTORED_FIELDS = (*EDITABLE_FIELDS, "indicators", "translation_status")


# As in the slugs of the seeded articles ("tegn-pa-menneskehandel", "leverandorkjeder").
_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


class KnowledgeError(Exception):
    """A refused knowledge-base action, with a message for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def body_problems(body: str) -> list[str]:
    """What is wrong with an article text, in the user's language, with line numbers."""
    messages = {
        "empty": _("Teksten kan ikke være tom."),
        "html": _("HTML-kode er ikke tillatt. Bruk Markdown."),
        "h1": _("Bruk «## » for mellomtitler. Artikkelens tittel er den eneste hovedoverskriften."),
        "heading_skip": _("Ikke hopp over overskriftsnivåer (for eksempel fra ## rett til ####)."),
        "internal_file": _("Vis til offentlige kilder, ikke til filer i ToKt (%(name)s)."),
    }
    found = []
    for p in check_body(body):
        message = messages.get(p.code, p.message)
        if p.code == "internal_file":
            message = message % {"name": p.detail}
        found.append(_("Linje %(line)s: %(message)s") % {"line": p.line, "message": message})
    return found


def _normal_body(body: str) -> str:
    return body.replace("\r\n", "\n").strip() + "\n"


def _check_list(values: Sequence[str], allowed: Sequence[str], message: str) -> None:
    if any(value not in allowed for value in values):
        raise KnowledgeError(message)


def _validate(article: Article) -> None:
    """Refuse an article a reader should not see: the same rules as the content check."""
    if not article.title.strip() or len(article.title) > MAX_TITLE:
        raise KnowledgeError(_("Tittelen må ha mellom 1 og %(max)s tegn.") % {"max": MAX_TITLE})
    if not article.summary.strip() or len(article.summary) > MAX_SUMMARY:
        raise KnowledgeError(_("Sammendraget må ha mellom 1 og %(max)s tegn.") % {"max": MAX_SUMMARY})
    problems = body_problems(article.body_md)
    if problems:
        raise KnowledgeError(problems[0])
    if not article.audience:
        raise KnowledgeError(_("Velg minst én målgruppe."))
    _check_list(article.audience, vocab.AUDIENCE, _("Ukjent målgruppe."))
    if "all" in article.audience and len(article.audience) > 1:
        raise KnowledgeError(_("«Alle» kan ikke kombineres med enkelte målgrupper."))
    _check_list(article.sectors, vocab.SECTORS, _("Ukjent bransje."))
    _check_list(article.forms, vocab.FORMS, _("Ukjent form for utnytting."))
    if not article.sources or any(not source.strip() for source in article.sources):
        raise KnowledgeError(_("Oppgi minst én kilde, én per linje."))
    for source in article.sources:
        if names := internal_references(source):
            raise KnowledgeError(
                _("Vis til offentlige kilder, ikke til filer i ToKt (%(name)s).") % {"name": ", ".join(names)}
            )
    if article.last_reviewed > timezone.localdate():
        raise KnowledgeError(_("Datoen for siste gjennomgang kan ikke være i fremtiden."))
    if article.visibility not in Visibility.values:
        raise KnowledgeError(_("Ukjent synlighet."))


def _with(article: Article, values: dict) -> Article:
    """A copy of ``article`` with ``values``, to validate before anything is written."""
    candidate = copy.copy(article)
    for name, value in values.items():
        setattr(candidate, name, value)
    return candidate


def _save(article: Article, user: AbstractBaseUser | None) -> None:
    derive_fields(article)
    article.edited_in_ui = True
    article.updated_by = user
    article._history_user = user
    article.save()


def _baseline(article: Article) -> None:
    """Record the article as it was loaded before its first change, dated when it was loaded."""
    article._history_date = article.updated_at
    ensure_history_baseline(article)
    del article._history_date


def article_create(
    *,
    user: AbstractBaseUser,
    lang: str,
    title: str,
    summary: str,
    body_md: str,
    audience: Sequence[str],
    sources: Sequence[str],
    sectors: Sequence[str] = (),
    forms: Sequence[str] = (),
    visibility: str = Visibility.PUBLIC,
    reviewer_role: str = "",
    slug: str = "",
    last_reviewed: dt.date | None = None,
) -> Article:
    """A new article version. Without ``slug`` the slug is made from the title; with the
    slug of an article in the other language, this is its translation."""
    if lang not in vocab.LANGS:
        raise KnowledgeError(_("Ukjent språk."))
    slug = slugify((slug or title).lower().translate(_NORWEGIAN_LETTERS))[:100].strip("-")
    if not slug:
        raise KnowledgeError(_("Tittelen må inneholde bokstaver eller tall."))
    if Article.objects.filter(slug=slug, lang=lang).exists():
        raise KnowledgeError(_("Det finnes allerede en artikkel med id «%(slug)s» på dette språket.") % {"slug": slug})
    has_original = Article.objects.filter(slug=slug, translation_status=TranslationStatus.ORIGINAL).exists()
    article = Article(
        slug=slug,
        lang=lang,
        title=title.strip(),
        summary=summary.strip(),
        body_md=_normal_body(body_md),
        audience=list(audience),
        sectors=list(sectors),
        forms=list(forms),
        indicators=[],
        sources=[source.strip() for source in sources],
        last_reviewed=last_reviewed or timezone.localdate(),
        reviewer_role=reviewer_role.strip(),
        visibility=visibility,
        translation_status=TranslationStatus.REVIEWED if has_original else TranslationStatus.ORIGINAL,
    )
    _validate(article)
    with transaction.atomic():
        _save(article, user)
        log_action(
            actor=user,
            action=AuditAction.RECORD_WRITTEN,
            target=article,
            details={"what": "knowledge_article_created", "article": slug, "lang": lang},
        )
    return article


def article_update(
    *,
    article: Article,
    user: AbstractBaseUser,
    title: str | None = None,
    summary: str | None = None,
    body_md: str | None = None,
    audience: Sequence[str] | None = None,
    sectors: Sequence[str] | None = None,
    forms: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    last_reviewed: dt.date | None = None,
    reviewer_role: str | None = None,
    visibility: str | None = None,
) -> list[str]:
    """Apply what the coordinator changed (None: left as it is); returns the changed field names."""
    given = {
        "title": title.strip() if title is not None else None,
        "summary": summary.strip() if summary is not None else None,
        "body_md": _normal_body(body_md) if body_md is not None else None,
        "audience": list(audience) if audience is not None else None,
        "sectors": list(sectors) if sectors is not None else None,
        "forms": list(forms) if forms is not None else None,
        "sources": [s.strip() for s in sources] if sources is not None else None,
        "last_reviewed": last_reviewed,
        "reviewer_role": reviewer_role.strip() if reviewer_role is not None else None,
        "visibility": visibility,
    }
    changed = [name for name in EDITABLE_FIELDS if given[name] is not None and getattr(article, name) != given[name]]
    if not changed:
        return []
    _validate(_with(article, {name: given[name] for name in changed}))
    with transaction.atomic():
        _baseline(article)
        for name in changed:
            setattr(article, name, given[name])
        _save(article, user)
        log_action(
            actor=user,
            action=AuditAction.RECORD_WRITTEN,
            target=article,
            details={
                "what": "knowledge_article_updated",
                "article": article.slug,
                "lang": article.lang,
                "fields": changed,
            },
        )
    return changed


def _set_status(*, article: Article, user: AbstractBaseUser, status: ArticleStatus, what: str) -> list[Article]:
    """Both language versions change together, so no reader meets half an article."""
    versions = list(Article.objects.select_for_update().filter(slug=article.slug).exclude(status=status))
    if not versions:
        raise KnowledgeError(
            _("Artikkelen er allerede trukket tilbake.")
            if status == ArticleStatus.RETIRED
            else _("Artikkelen er allerede i bruk.")
        )
    for version in versions:
        _baseline(version)
        version.status = status
        _save(version, user)
    log_action(
        actor=user,
        action=AuditAction.RECORD_WRITTEN,
        target=article,
        details={"what": what, "article": article.slug, "langs": sorted(v.lang for v in versions)},
    )
    return versions


def article_retire(*, article: Article, user: AbstractBaseUser) -> list[Article]:
    """Take the article (every language) out of lists, search and links; nothing is deleted."""
    with transaction.atomic():
        return _set_status(article=article, user=user, status=ArticleStatus.RETIRED, what="knowledge_article_retired")


def article_restore(*, article: Article, user: AbstractBaseUser) -> list[Article]:
    """Put a retired article (every language) back in use."""
    with transaction.atomic():
        return _set_status(article=article, user=user, status=ArticleStatus.ACTIVE, what="knowledge_article_restored")


def article_restore_version(*, article: Article, user: AbstractBaseUser, history_id: int) -> list[str]:
    """Bring back the text and tags of an earlier version; the restore is a new version in the history."""
    record = article.history.filter(history_id=history_id).first()
    if record is None:
        raise KnowledgeError(_("Fant ikke den versjonen av artikkelen."))
    values = {name: getattr(record, name) for name in RESTORED_FIELDS}
    changed = [name for name in RESTORED_FIELDS if getattr(article, name) != values[name]]
    if not changed:
        raise KnowledgeError(_("Artikkelen er allerede lik den versjonen."))
    _validate(_with(article, values))
    with transaction.atomic():
        _baseline(article)
        for name in changed:
            setattr(article, name, values[name])
        _save(article, user)
        log_action(
            actor=user,
            action=AuditAction.RECORD_WRITTEN,
            target=article,
            details={
                "what": "knowledge_article_version_restored",
                "article": article.slug,
                "lang": article.lang,
                "version": history_id,
                "fields": changed,
            },
        )
    return changed


def article_mark_reviewed(*, article: Article, user: AbstractBaseUser, today: dt.date | None = None) -> Article:
    """A coordinator confirms today that the article is still correct."""
    today = today or timezone.localdate()
    with transaction.atomic():
        _baseline(article)
        article.last_reviewed = today
        _save(article, user)
        log_action(
            actor=user,
            action=AuditAction.RECORD_WRITTEN,
            target=article,
            details={
                "what": "knowledge_article_reviewed",
                "article": article.slug,
                "lang": article.lang,
                "date": today.isoformat(),
            },
        )
    return article


def articles_load(*, folder: Path | None = None, force: bool = False) -> LoadReport:
    """Load the Markdown files (see loading.py for the policy) and record it in the audit trail."""
    with transaction.atomic():
        report = load_articles(model=Article, folder=folder, force=force)
        if report.created or report.updated:
            log_action(
                action=AuditAction.RECORD_WRITTEN,
                target_type="knowledge.article",
                target_id="*",
                details={"what": "knowledge_loaded_from_files", **report.as_dict()},
            )
    return report
