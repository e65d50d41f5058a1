"""Data files of the self-check: the questions (with their indicators) and the texts per language."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"
AREAS = ("pay", "hours", "contract", "documents", "debt", "housing", "freedom", "safety")
POSITIONS = ("insufficient_information", "social_dumping", "labour_crime", "forced_labour", "possible_trafficking")
CONTACTS = ("emergency_police", "rosa", "arbeidstilsynet", "police_switchboard")
# Keys every language file must fill (nested keys as "group.key").
KEYS = (
    "title",
    "intro",
    "privacy",
    "machine_note",
    "answer_yes",
    "answer_no",
    "answer_unknown",
    "submit",
    "result_title",
    "result_intro",
    "areas_heading",
    "no_areas",
    "unsure_heading",
    "position_heading",
    "could_reach",
    "not_a_verdict",
    "danger",
    "contacts_heading",
    "tip_form",
    "tip_form_text",
    "change_answers",
    "free",
    "not_free",
    "missing_answers",
)


@dataclass(frozen=True)
class Question:
    id: str
    area: str
    indicators: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def questions() -> tuple[Question, ...]:
    raw = yaml.safe_load((DATA / "questions.yaml").read_text(encoding="utf-8"))
    return tuple(Question(q["id"], q["area"], tuple(q["indicators"])) for q in raw["questions"])


@functools.lru_cache(maxsize=16)
def texts(lang: str) -> dict[str, Any]:
    path = DATA / "texts" / f"{lang}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in (DATA / "texts").glob("*.yaml")))


@functools.lru_cache(maxsize=1)
def _pay_texts() -> dict[str, dict[str, Any]]:
    return yaml.safe_load((DATA / "pay_texts.yaml").read_text(encoding="utf-8"))


def pay_texts(lang: str) -> tuple[dict[str, Any], str]:
    """(texts, language of the texts): English for a language without pay-check texts yet."""
    all_texts = _pay_texts()
    if lang in all_texts:
        return all_texts[lang], lang
    return all_texts["en"], "en"
