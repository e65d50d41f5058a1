"""Readable revision history of an article: who, when, which fields, and a line diff."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tokt.knowledge.models import Article

_KIND = {"+": _("Opprettet"), "~": _("Endret"), "-": _("Slettet")}
_HIDDEN = {"edited_in_ui", "source_file", "updated_by"}
_DIFFED = {"title", "summary", "body_md"}


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "add", "remove", "context", "gap"
    text: str


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str
    diff: tuple[DiffLine, ...] = ()


@dataclass(frozen=True)
class Change:
    when: object
    who: str
    kind: str
    fields: tuple[FieldChange, ...]


def line_diff(old: str, new: str, context: int = 2) -> tuple[DiffLine, ...]:
    lines = []
    for group in difflib.SequenceMatcher(a=old.split("\n"), b=new.split("\n"), autojunk=False).get_grouped_opcodes(
        context
    ):
        if lines:
            lines.append(DiffLine("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            a, b = old.split("\n")[i1:i2], new.split("\n")[j1:j2]
            if tag == "equal":
                lines += [DiffLine("context", text) for text in a]
            else:
                lines += [DiffLine("remove", text) for text in a] + [DiffLine("add", text) for text in b]
    return tuple(lines)


def _show(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return str(value)


def article_changes(article: Article) -> list[Change]:
    labels = {f.name: str(f.verbose_name) for f in Article._meta.get_fields() if hasattr(f, "verbose_name")}
    records = list(article.history.select_related("history_user").order_by("-history_date", "-history_id"))
    changes = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        fields: list[FieldChange] = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                if change.field in _HIDDEN:
                    continue
                if change.field in _DIFFED:
                    diff = line_diff(str(change.old or ""), str(change.new or ""))
                    fields.append(FieldChange(labels.get(change.field, change.field), "", "", diff))
                else:
                    fields.append(
                        FieldChange(labels.get(change.field, change.field), _show(change.old), _show(change.new))
                    )
        user = record.history_user
        who = f"{user.display_name} ({user.username})" if user else str(_("Innlasting fra fil"))
        changes.append(
            Change(record.history_date, who, str(_KIND.get(record.history_type, record.history_type)), tuple(fields))
        )
    return changes
