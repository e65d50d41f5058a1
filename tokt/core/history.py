"""Readable change history from django-simple-history records: who, when, which fields.

One reader for every app that keeps history (knowledge articles, directory
actors); an app only says which fields to hide, how to show a value, and which
long text fields get a line diff instead of old/new values.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

KIND = {"+": _("Opprettet"), "~": _("Endret"), "-": _("Slettet")}


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
    old_lines, new_lines = old.split("\n"), new.split("\n")
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if lines:
            lines.append(DiffLine("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [DiffLine("context", text) for text in old_lines[i1:i2]]
            else:
                lines += [DiffLine("remove", text) for text in old_lines[i1:i2]]
                lines += [DiffLine("add", text) for text in new_lines[j1:j2]]
    return tuple(lines)


def show_value(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("ja") if value else _("nei"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return str(value)


def history_changes(
    obj,
    *,
    hidden: Collection[str] = (),
    diffed: Collection[str] = (),
    show: Callable[[object], str] = show_value,
    loaded_by: str = "",
) -> list[Change]:
    """Newest first. ``loaded_by`` names the author of records made without a user."""
    labels = {f.name: str(f.verbose_name) for f in type(obj)._meta.get_fields() if hasattr(f, "verbose_name")}
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    changes = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        fields: list[FieldChange] = []
        for change in record.diff_against(previous).changes if previous is not None else ():
            if change.field in hidden:
                continue
            label = labels.get(change.field, change.field)
            if change.field in diffed:
                fields.append(FieldChange(label, "", "", line_diff(str(change.old or ""), str(change.new or ""))))
            else:
                fields.append(FieldChange(label, show(change.old), show(change.new)))
        user = record.history_user
        who = f"{user.display_name} ({user.username})" if user else loaded_by
        changes.append(
            Change(record.history_date, who, str(KIND.get(record.history_type, record.history_type)), tuple(fields))
        )
    return changes


def ensure_history_baseline(instance) -> None:
    """Rows loaded by a data migration have no history yet: record their state before the first change.

    Without this, the first edit would be the first history entry and its "before" would be lost.
    """
    if not instance.history.exists():
        instance._history_user = None
        instance.save()
