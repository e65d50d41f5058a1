"""Referral paths: who does what in each situation.

The directory owns the data (tokt/directory/data/referral_paths.yaml); the
engine only reads it through the ReferralPaths protocol, so the web app can
pass a provider backed by the database instead. The routing builds its
"whom to contact" from these steps alone (plus a few documented extras, see
routing.py), so the screening result and the directory's answer for the same
situations are equal by construction.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .catalogue import Text
from .directory_files import entries, optional_text

DEFAULT_REFERRALS = Path(__file__).resolve().parents[3] / "directory" / "data" / "referral_paths.yaml"


@dataclass(frozen=True)
class ReferralStep:
    """One step of a situation: `actors[0]` is responsible, the rest take part."""

    actors: tuple[str, ...]
    title: Text


class ReferralPaths(Protocol):
    def steps_for(self, situation_id: str) -> tuple[ReferralStep, ...]:
        """The ordered steps of a situation; () for an unknown situation."""
        ...


# Optional, not part of the protocol: `title_for(situation_id) -> Text | None`.
# renderoptional_text() uses it for the "Situasjon:" line and falls back to the id.


class YamlReferrals:
    """Reads referral_paths.yaml (top-level `situations:` list); tolerant like YamlContacts.

    A missing file gives no paths (the screening still works, with the
    routing's extras only). Entries without an id, steps without actors and
    actors that are not strings are skipped; a step without a title gets the
    situation's title. Read once; the object is immutable afterwards.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else DEFAULT_REFERRALS
        self._steps: dict[str, tuple[ReferralStep, ...]] = {}
        self._titles: dict[str, Text] = {}
        self._load()

    def _load(self) -> None:
        for node in entries(self.path, "situations"):
            sid = str(node["id"])
            if sid in self._steps:
                continue  # the first entry of an id wins
            title = optional_text(node.get("title")) or Text(sid, sid)
            steps = []
            for step in node.get("steps") or []:
                if not isinstance(step, Mapping):
                    continue
                raw = step.get("actors")
                actors = tuple(str(a) for a in (raw if isinstance(raw, list) else [raw]) if isinstance(a, str) and a)
                if actors:
                    steps.append(ReferralStep(actors=actors, title=optional_text(step.get("title")) or title))
            self._titles[sid] = title
            self._steps[sid] = tuple(steps)

    def steps_for(self, situation_id: str) -> tuple[ReferralStep, ...]:
        return self._steps.get(situation_id, ())

    def title_for(self, situation_id: str) -> Text | None:
        return self._titles.get(situation_id)

    @property
    def situation_ids(self) -> tuple[str, ...]:
        return tuple(self._steps)


@functools.lru_cache(maxsize=1)
def default_referrals() -> YamlReferrals:
    return YamlReferrals()
