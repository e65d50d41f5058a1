"""Writes to the knowledge base. Each runs in one transaction with its audit entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.core.history import ensure_history_baseline
from tokt.knowledge import search_index
from tokt.knowledge.content_check import check_body
from tokt.knowledge.derived import derive_fields
from tokt.knowledge.loading import LoadReport, load_articles
from tokt.knowledge.models import Article

EDITABLE_FIELDS = ("title", "summary", "body_md", "last_reviewed")


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
    }
    return [
        _("Linje %(line)s: %(message)s") % {"line": p.line, "message": messages.get(p.code, p.message)}
        for p in check_body(body)
    ]


def _save(article: Article, user) -> None:
    derive_fields(article)
    article.edited_in_ui = True
    article.updated_by = user
    article._history_user = user
    article.save()
    search_index.index_article(article)


def article_update(*, article: Article, user, data: dict) -> list[str]:
    """Apply edited title, summary, body and review date; returns the changed field names."""
    body = data.get("body_md", article.body_md).replace("\r\n", "\n").strip() + "\n"
    data = {**data, "body_md": body}
    problems = body_problems(body)
    if problems:
        raise KnowledgeError(problems[0])
    if data.get("last_reviewed") and data["last_reviewed"] > timezone.localdate():
        raise KnowledgeError(_("Datoen for siste gjennomgang kan ikke være i fremtiden."))
    changed = [name for name in EDITABLE_FIELDS if name in data and getattr(article, name) != data[name]]
    if not changed:
        return []
    with transaction.atomic():
        ensure_history_baseline(article)
        for name in changed:
            setattr(article, name, data[name])
        _save(article, user)
        log_action(
            actor=user,
            action=AuditAction.KNOWLEDGE_ARTICLE_UPDATED,
            target=article,
            details={
                "article": article.slug,
                "lang": article.lang,
                "fields": changed,
            },
        )
    return changed


def article_mark_reviewed(*, article: Article, user, today: dt.date | None = None) -> Article:
    """A coordinator confirms today that the article is still correct."""
    today = today or timezone.localdate()
    with transaction.atomic():
        ensure_history_baseline(article)
        article.last_reviewed = today
        _save(article, user)
        log_action(
            actor=user,
            action=AuditAction.KNOWLEDGE_ARTICLE_REVIEWED,
            target=article,
            details={
                "article": article.slug,
                "lang": article.lang,
                "date": today.isoformat(),
            },
        )
    return article


def articles_load(*, directory: Path | None = None, force: bool = False) -> LoadReport:
    """Load the Markdown files (see loading.py for the policy) and record it in the audit trail."""
    with transaction.atomic():
        report = load_articles(model=Article, directory=directory, force=force)
        if report.created or report.updated:
            log_action(
                action=AuditAction.KNOWLEDGE_LOADED,
                target_type="knowledge.article",
                target_id="*",
                details=report.as_dict(),
            )
    return report
