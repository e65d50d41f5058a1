"""Advert aid: highlight risk signals in a pasted advert from a transparent, versioned rule list.

Nothing is stored. It is a help to look, not a score of a person: there is no total, only the
signals found, each with its reason.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

RULES = Path(__file__).resolve().parent / "data" / "advert_rules.yaml"
LANGS = ("nb", "en", "pl", "ro")
MAX_CHARS = 5000


@dataclass(frozen=True)
class Rule:
    id: str
    signal: dict[str, str]
    reason: dict[str, str]
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Hit:
    rule: Rule
    start: int
    end: int


@dataclass(frozen=True)
class RuleSet:
    version: str
    rules: tuple[Rule, ...]


@functools.lru_cache(maxsize=1)
def load_rules(path: Path = RULES) -> RuleSet:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = []
    for r in raw["rules"]:
        patterns = tuple(
            re.compile(p, re.IGNORECASE | re.UNICODE) for lang in LANGS for p in r["patterns"].get(lang, [])
        )
        rules.append(Rule(r["id"], r["signal"], r["reason"], patterns))
    return RuleSet(str(raw["version"]), tuple(rules))


def find_signals(text: str, rules: RuleSet | None = None) -> list[Hit]:
    """Every match of every rule, in text order; overlapping matches keep the first (longest at a start)."""
    ruleset = rules or load_rules()
    hits = [Hit(rule, m.start(), m.end()) for rule in ruleset.rules for p in rule.patterns for m in p.finditer(text)]
    hits = [h for h in hits if h.end > h.start]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def segments(text: str, hits: list[Hit]) -> list[tuple[str, Rule | None]]:
    """The text cut into plain and highlighted pieces, for a template to escape and mark."""
    out: list[tuple[str, Rule | None]] = []
    pos = 0
    for hit in hits:
        if hit.start > pos:
            out.append((text[pos : hit.start], None))
        out.append((text[hit.start : hit.end], hit.rule))
        pos = hit.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out
