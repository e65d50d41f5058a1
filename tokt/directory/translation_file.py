"""Reading of ``data/translations/<lang>.yaml``: the public fields of actors in one language.

Pure Python, no Django. One file per language, one entry per (actor, field):

    meta:
      status: machine_assisted      # or reviewed
      translated_on: 2026-12-04
    actors:
      rosa:
        name: "..."
        description: "..."
        hours: "..."

Every problem is collected, each naming the file, the actor and the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tokt.directory.yaml_reader import read_yaml

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "data" / "translations"
FIELDS = ("name", "description", "hours")
STATUSES = ("machine_assisted", "reviewed")


@dataclass(frozen=True)
class ActorTranslation:
    actor_id: str
    field: str
    lang: str
    text: str
    status: str
    translated_on: dt.date


def parse_translation_file(path: Path, actor_ids: Iterable[str], errors: list[str]) -> list[ActorTranslation]:
    known = set(actor_ids)
    lang = path.stem
    data = read_yaml(path, errors)
    if data is None:
        return []
    if not isinstance(data, Mapping) or set(data) - {"meta", "actors"}:
        errors.append(f"{path.name}: top level must hold only `meta` and `actors`")
        return []
    meta = data.get("meta") or {}
    status, day = meta.get("status"), meta.get("translated_on")
    if status not in STATUSES:
        errors.append(f"{path.name}: meta / status: {status!r} is not one of {list(STATUSES)}")
    if not isinstance(day, dt.date):
        errors.append(f"{path.name}: meta / translated_on: must be a date (YYYY-MM-DD)")
    rows: list[ActorTranslation] = []
    for actor_id, fields in (data.get("actors") or {}).items():
        if actor_id not in known:
            errors.append(f"{path.name}: actor {actor_id!r}: unknown actor id")
            continue
        if not isinstance(fields, Mapping):
            errors.append(f"{path.name}: actor {actor_id!r}: must be a mapping of field to text")
            continue
        for field, text in fields.items():
            if field not in FIELDS:
                errors.append(f"{path.name}: actor {actor_id!r} / {field}: unknown field (one of {list(FIELDS)})")
            elif not isinstance(text, str) or not text.strip():
                errors.append(f"{path.name}: actor {actor_id!r} / {field}: must be a non-empty string")
            elif status in STATUSES and isinstance(day, dt.date):
                rows.append(ActorTranslation(actor_id, field, lang, " ".join(text.split()), status, day))
    return rows


def load_translations(actor_ids: Iterable[str], folder: Path | None = None) -> list[ActorTranslation]:
    """Every translation in ``folder`` (default: data/translations); raises on any problem."""
    from tokt.directory.datafile import DirectoryDataError

    folder = folder or TRANSLATIONS_DIR
    ids = list(actor_ids)
    errors: list[str] = []
    rows: list[ActorTranslation] = []
    for path in sorted(folder.glob("*.yaml")):
        rows.extend(parse_translation_file(path, ids, errors))
    if errors:
        raise DirectoryDataError(errors)
    return rows
