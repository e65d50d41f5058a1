"""The result of a screening and its stable JSON form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar, overload

from . import explain
from .catalogue import Text
from .core import PROXY_BASIS, Compiled, Derived, Reduced
from .model import ScreeningInput
from .referrals import ReferralPaths
from .results import ELEMENT, THREE_WAY, DimensionResult, NextStep, ProfileResult, UnknownItem

SCHEMA_VERSION = 1
# Orders used by callers and the property tests ("higher" = more serious).
THREE_WAY_ORDER = {"no": 0, "insufficient_information": 1, "yes": 2}

__all__ = [
    "ELEMENT",
    "SCHEMA_VERSION",
    "THREE_WAY",
    "THREE_WAY_ORDER",
    "Assessment",
    "DimensionResult",
    "NextStep",
    "ProfileResult",
    "UnknownItem",
]


T = TypeVar("T")


class cached_property(Generic[T]):
    """functools.cached_property without its per-access lock (Python < 3.12).

    The explanation is a pure function of the assessment, so two threads
    computing it at once get equal values; the lock only cost time.
    """

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, cls: type | None = None) -> cached_property[T]: ...
    @overload
    def __get__(self, obj: object, cls: type | None = None) -> T: ...
    def __get__(self, obj: object | None, cls: type | None = None) -> T | cached_property[T]:
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class Source(NamedTuple):
    comp: Compiled
    inp: ScreeningInput
    red: Reduced
    derived: Derived
    referrals: ReferralPaths | None = None


@dataclass(frozen=True)
class Assessment:
    """The verdict is computed eagerly; the explanation on first access."""

    catalogue_version: str
    notice: Text
    ilo_conclusion: str
    continuum: str
    continuum_could_reach: str
    unknowns: tuple[UnknownItem, ...]
    situations: tuple[str, ...]  # referral_paths.yaml ids, most urgent first
    next_steps: tuple[NextStep, ...]
    source: Source = field(repr=False, compare=False)
    schema_version: int = SCHEMA_VERSION

    @cached_property
    def input(self) -> dict[str, Any]:
        return self.source.inp.to_dict()

    @cached_property
    def profiles(self) -> tuple[ProfileResult, ...]:
        s = self.source
        return explain.profiles(s.comp, s.inp, s.red, s.derived)

    @cached_property
    def forced_labour(self) -> dict[str, Any]:
        s = self.source
        return explain.forced_labour(s.comp, s.inp, s.red, s.derived)

    @cached_property
    def section_257(self) -> dict[str, Any]:
        return explain.section_257(self.source.comp.cat, self.source.inp, self.source.derived)

    @cached_property
    def section_258(self) -> dict[str, str]:
        return explain.section_258(self.source.comp.cat, self.source.derived)

    @cached_property
    def continuum_reason(self) -> Text:
        return explain.reason(self.source.comp.cat, self.source.inp, self.source.derived)

    @cached_property
    def strengths_proxy(self) -> bool:
        return any(self.source.comp.basis[p] == PROXY_BASIS for p in self.source.red.profiles)

    @cached_property
    def strength_doubts(self) -> tuple[str, ...]:
        return explain.doubts(self.source.comp, self.source.inp, self.source.red)

    @cached_property
    def notes(self) -> tuple[tuple[str, Text], ...]:
        s = self.source
        return explain.notes(s.comp, s.inp, s.red, s.derived, self.profiles, self.strength_doubts)

    @cached_property
    def situation_titles(self) -> tuple[Text, ...]:
        """Titles of the situations (from the referral paths' `title_for`, else the id)."""
        title_for = getattr(self.source.referrals, "title_for", None)
        out = []
        for sid in self.situations:
            title = title_for(sid) if title_for is not None else None
            out.append(title if title is not None else Text(sid, sid))
        return tuple(out)

    @property
    def acute(self) -> bool:
        """Acute danger was observed (every referral path starts with 112, so the first step does not tell)."""
        return "acute_danger" in self.situations

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, deterministic: same input and catalogue, same output."""
        return {
            "catalogue_version": self.catalogue_version,
            "continuum": {
                "could_reach": self.continuum_could_reach,
                "position": self.continuum,
                "reason": self.continuum_reason.to_dict(),
            },
            "forced_labour": self.forced_labour,
            "ilo_conclusion": self.ilo_conclusion,
            "informative_unknowns": [u.to_dict(i + 1) for i, u in enumerate(self.unknowns)],
            "input": self.input,
            "next_steps": [s.to_dict(i + 1) for i, s in enumerate(self.next_steps)],
            "notes": [{"id": k, "en": t.en, "nb": t.nb} for k, t in self.notes],
            "notice": self.notice.to_dict(),
            "profiles": [p.to_dict() for p in self.profiles],
            "schema_version": self.schema_version,
            "section_257": self.section_257,
            "section_258": self.section_258,
            "situations": list(self.situations),
            "strength_doubts": list(self.strength_doubts),
            "strengths_proxy": self.strengths_proxy,
        }
