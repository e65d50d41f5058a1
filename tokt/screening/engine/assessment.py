"""The result of a screening and its stable JSON form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar, overload

from . import explain
from .catalogue import Catalogue, Text
from .explain import PROXY_BASIS
from .model import ScreeningInput
from .referrals import ReferralPaths
from .result_parts import ELEMENT, THREE_WAY, DimensionResult, NextStep, ProfileResult, UnknownItem
from .rules import Verdict

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
    cat: Catalogue
    inp: ScreeningInput
    verdict: Verdict
    referrals: ReferralPaths


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
        return explain.profiles(s.cat, s.inp, s.verdict)

    @cached_property
    def forced_labour(self) -> dict[str, Any]:
        s = self.source
        return explain.forced_labour(s.cat, s.inp, s.verdict)

    @cached_property
    def section_257(self) -> dict[str, Any]:
        s = self.source
        return explain.section_257(s.cat, s.inp, s.verdict)

    @cached_property
    def section_258(self) -> dict[str, str]:
        return explain.section_258(self.source.verdict)

    @cached_property
    def continuum_reason(self) -> Text:
        s = self.source
        return explain.reason(s.cat, s.inp, s.verdict)

    @cached_property
    def strengths_proxy(self) -> bool:
        return any(p.strength_basis == PROXY_BASIS for p in self.profiles)

    @cached_property
    def strength_doubts(self) -> tuple[str, ...]:
        s = self.source
        return explain.doubts(s.cat, s.inp, s.verdict)

    @cached_property
    def notes(self) -> tuple[tuple[str, Text], ...]:
        s = self.source
        return explain.notes(s.cat, s.inp, s.verdict, self.profiles, self.strength_doubts)

    @cached_property
    def situation_titles(self) -> tuple[Text, ...]:
        """Titles of the situations (the referral paths' titles, else the id)."""
        titles = (self.source.referrals.title_for(sid) for sid in self.situations)
        return tuple(t if t is not None else Text(sid, sid) for sid, t in zip(self.situations, titles, strict=True))

    @property
    def may_be_minor(self) -> bool:
        """The person is or may be under 18: the result opens with the duty to notify child welfare."""
        return self.source.inp.age_group.value != "adult"

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
            "may_be_minor": self.may_be_minor,
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
