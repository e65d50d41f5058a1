"""Synthetic article files for tests."""

from __future__ import annotations

from pathlib import Path

FRONT_MATTER = """---
title: "{title}"
summary: "{summary}"
audience: [all]
sectors: [fisheries]
forms: [forced_labour]
indicators: [FL07, DR01]
sources:
  - "Testkilde, https://example.org/kilde"
last_reviewed: 2026-01-15
translation_status: {status}
visibility: {visibility}
reviewer_role: "Fagredaktør"
---
"""

BODY = """Innledning om temaet.

## Første del

Tekst i første del.

## Andre del

Tekst i andre del.
"""


def article_text(
    *,
    title: str = "Testartikkel",
    summary: str = "Et kort sammendrag.",
    status: str = "original",
    visibility: str = "public",
    body: str = BODY,
) -> str:
    return FRONT_MATTER.format(title=title, summary=summary, status=status, visibility=visibility) + "\n" + body


def write_pair(
    folder: Path, slug: str = "test-artikkel", *, nb: str | None = None, en: str | None = None
) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    nb_path, en_path = folder / f"{slug}.nb.md", folder / f"{slug}.en.md"
    nb_path.write_text(nb if nb is not None else article_text(), encoding="utf-8")
    en_path.write_text(
        en if en is not None else article_text(title="Test article", status="machine_assisted"), encoding="utf-8"
    )
    return nb_path, en_path
