"""Readable revision history of an article, with a line diff of the texts (see tokt.core.history)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tokt.core.history import Change, history_changes
from tokt.knowledge.models import Article

_HIDDEN = {"edited_in_ui", "source_file", "updated_by"}
_DIFFED = {"title", "summary", "body_md"}


def article_changes(article: Article) -> list[Change]:
    return history_changes(article, hidden=_HIDDEN, diffed=_DIFFED, loaded_by=_("Innlasting fra fil"))
