"""Reads for coordinators: tips and the translation status of the public pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from tokt.public.content import STATUS_MACHINE, STATUS_ORIGINAL, STATUS_REVIEWED, Site
from tokt.public.models import Tip, TipStatus


def tips_for_triage(*, status: str = ""):
    return Tip.objects.with_status(status).only("id", "created_on", "status", "lang", "message")


def tip_counts() -> dict[str, int]:
    counts = {row["status"]: row["n"] for row in Tip.objects.values("status").annotate(n=Count("id"))}
    return {value: counts.get(value, 0) for value in TipStatus.values}


@dataclass(frozen=True)
class Cell:
    page_id: str
    status: str  # original | machine_assisted | reviewed | missing | other
    words: int
    fallback: str  # language shown instead when missing


@dataclass(frozen=True)
class LanguageRow:
    code: str
    name: str
    direction: str
    cells: tuple[Cell, ...]
    reviewed: int
    machine: int
    missing: int


def translation_status(site: Site) -> list[LanguageRow]:
    rows = []
    for code, language in site.languages.items():
        cells = []
        for page_id in site.page_ids:
            page = site.pages.get((code, page_id))
            if page is None:
                shown = site.page(code, page_id)
                cells.append(Cell(page_id, "missing", 0, shown.lang if shown else ""))
            else:
                cells.append(Cell(page_id, page.status, page.words, ""))
        statuses = [c.status for c in cells]
        rows.append(
            LanguageRow(
                code=code,
                name=language.name,
                direction=language.direction,
                cells=tuple(cells),
                reviewed=sum(s in (STATUS_REVIEWED, STATUS_ORIGINAL) for s in statuses),
                machine=statuses.count(STATUS_MACHINE),
                missing=statuses.count("missing"),
            )
        )
    return rows
