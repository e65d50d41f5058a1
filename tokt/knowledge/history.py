"""Readable revision history of an article, with a line diff of the texts (see tokt.core.history)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from tokt.core.history import Change, history_changes
from tokt.knowledge.models import Article

_HIDDEN = {"edited_in_ui", "source_file", "updated_by"}
_DIFFED = {"title", "summary", "body_md"}


@dataclass(frozen=True)
class Version:
    change: Change
    history_id: int
    current: bool  # the newest record: what readers see now


def article_changes(article: Article) -> list[Change]:
    return history_changes(article, hidden=_HIDDEN, diffed=_DIFFED, loaded_by=_("Innlasting fra fil"))


def article_versions(article: Article) -> list[Version]:
    """Newest first, each with the id a coordinator restores it by."""
    ids = list(article.history.order_by("-history_date", "-history_id").values_list("history_id", flat=True))
    return [
        Version(change, history_id, index == 0)
        for index, (change, history_id) in enumerate(zip(article_changes(article), ids, strict=True))
    ]
