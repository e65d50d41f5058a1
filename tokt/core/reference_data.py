"""Loads the reference data files kept in tokt/core/data into the database."""

from __future__ import annotations

from pathlib import Path

from tokt.lib import yamlfile

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_yaml(name: str) -> dict:
    return yamlfile.read_yaml(DATA_DIR / name)


def load_municipalities(municipality_model) -> int:
    rows = read_yaml("municipalities.yaml")["municipalities"]
    for row in rows:
        municipality_model.objects.update_or_create(
            number=row["number"], defaults={"name": row["name"], "salten": bool(row["salten"])}
        )
    return len(rows)


def load_agencies(agency_model) -> int:
    rows = read_yaml("agencies.yaml")["agencies"]
    for row in rows:
        agency_model.objects.update_or_create(slug=row["slug"], defaults={"name": row["name"], "kind": row["kind"]})
    return len(rows)
