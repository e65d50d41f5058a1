"""Readable change history for an actor (from simple-history records)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tokt.directory.models import Actor

_KIND = {"+": _("Opprettet"), "~": _("Endret"), "-": _("Slettet")}
_HIDDEN = {"edited_in_ui", "position", "verified_by_user"}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    when: object
    who: str
    kind: str
    fields: tuple[FieldChange, ...]


def _show(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("ja") if value else _("nei"))
    if isinstance(value, list):
        parts = [str(v.get("municipality", v)) if isinstance(v, dict) else str(v) for v in value]
        return ", ".join(parts) or "–"
    return str(value)


def actor_changes(actor: Actor) -> list[Change]:
    labels = {f.name: str(f.verbose_name) for f in Actor._meta.get_fields() if hasattr(f, "verbose_name")}
    records = list(actor.history.select_related("history_user").order_by("-history_date", "-history_id"))
    changes = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        fields: list[FieldChange] = []
        if previous is not None:
            delta = record.diff_against(previous)
            fields = [
                FieldChange(labels.get(c.field, c.field), _show(c.old), _show(c.new))
                for c in delta.changes
                if c.field not in _HIDDEN
            ]
        user = record.history_user
        who = f"{user.display_name} ({user.username})" if user else str(_("Innlasting fra datafil"))
        changes.append(
            Change(record.history_date, who, str(_KIND.get(record.history_type, record.history_type)), tuple(fields))
        )
    return changes
