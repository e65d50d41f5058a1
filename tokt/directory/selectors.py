"""Reads for the directory, including the contract other apps use.

For other apps (stable signatures):

* ``public_contacts(municipality=None, lang="nb") -> list[ContactCard]``
  public actors (help lines, public services), emergency numbers first.
* ``contacts_for_situations(situation_ids, municipality, lang="nb") -> list[ContactCard]``
  the actors of those referral paths, in step order, each once, limited to
  those covering ``municipality``. The screening result uses this, so its
  "whom to contact" equals the directory's answer by construction.
* ``DirectoryContacts().resolve(actor_id, municipality)`` a contacts provider
  for the pure-Python screening engine (returns its ``Contact``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import get_language_info

from tokt.directory.models import (
    KIND_ORDER,
    Actor,
    Meeting,
    MeetingKind,
    ReferralSituation,
    ReferralStep,
    Service,
    StepActor,
)


@dataclass(frozen=True)
class ContactCard:
    """One actor's contact points in one language: what other apps and templates show."""

    id: str
    name: str
    kind: str
    description: str
    services: tuple[str, ...] = ()
    phone: str = ""
    phone_link: str = ""
    email: str = ""
    url: str = ""
    address: str = ""
    hours: str = ""
    languages: tuple[str, ...] = ()
    anonymous: bool | None = None
    public: bool = False
    verified: bool = False
    last_verified: dt.date | None = None

    @property
    def service_labels(self) -> list[str]:
        labels = dict(Service.choices)
        return [str(labels.get(s, s)) for s in self.services]

    @classmethod
    def from_actor(cls, actor: Actor, lang: str = "nb") -> ContactCard:
        return cls(
            id=actor.slug,
            name=actor.name,
            kind=actor.kind,
            description=actor.description(lang),
            services=tuple(actor.services),
            phone=actor.phone,
            phone_link=actor.phone_link,
            email=actor.email,
            url=actor.url,
            address=actor.address,
            hours=actor.hours(lang),
            languages=tuple(actor.languages),
            anonymous=actor.anonymous,
            public=actor.public,
            verified=actor.verified,
            last_verified=actor.last_verified,
        )


def _kind_order(actor: Actor) -> tuple[int, int]:
    return (KIND_ORDER.get(actor.kind, 99), actor.position)


# ----------------------------------------------------------------- search


def actor_search(*, q: str = "", municipality: str = "", service: str = "", language: str = "") -> list[Actor]:
    actors = Actor.objects.prefetch_related("municipalities")
    if municipality:
        actors = actors.serving(municipality)
    if q:
        actors = actors.filter(
            Q(name__icontains=q)
            | Q(slug__icontains=q)
            | Q(description_nb__icontains=q)
            | Q(description_en__icontains=q)
            | Q(phone__icontains=q)
            | Q(email__icontains=q)
        )
    # Services and languages are short JSON lists; filtered here because JSON
    # "contains" is not available on SQLite and the directory is small.
    result = [a for a in actors if (not service or service in a.services) and (not language or language in a.languages)]
    return sorted(result, key=_kind_order)


def language_choices() -> list[tuple[str, str]]:
    codes = sorted({code for langs in Actor.objects.values_list("languages", flat=True) for code in langs})
    return [(code, language_name(code)) for code in codes]


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


# ----------------------------------------------------------------- for other apps


def public_contacts(municipality: str | None = None, lang: str = "nb") -> list[ContactCard]:
    actors = Actor.objects.public()
    if municipality:
        actors = actors.serving(municipality)
    return [ContactCard.from_actor(a, lang) for a in sorted(actors, key=_kind_order)]


def contacts_for_situations(
    situation_ids: Iterable[str], municipality: str | None, lang: str = "nb"
) -> list[ContactCard]:
    seen: set[str] = set()
    cards: list[ContactCard] = []
    for answer in referral_answer(situation_ids, municipality, lang):
        for step in answer.steps:
            for actor in step.actors:
                if actor.id not in seen:
                    seen.add(actor.id)
                    cards.append(actor)
    return cards


class DirectoryContacts:
    """Contacts provider for the screening engine (``ContactsProvider`` protocol).

    Never returns a service that does not cover the given municipality.
    """

    # The engine's ContactsProvider protocol: None from resolve() means "not here".
    keeps_unresolved = False

    def __init__(self, lang: str = "nb") -> None:
        self.lang = lang
        self._actors = {a.slug: a for a in Actor.objects.prefetch_related("municipalities")}

    def resolve(self, actor_id: str, municipality: str | None):
        from tokt.screening.engine.catalogue import Text
        from tokt.screening.engine.contacts import Contact

        actor = self._actors.get(actor_id)
        if actor is None:
            return None
        if (
            municipality
            and not actor.all_municipalities
            and municipality not in {m.number for m in actor.municipalities.all()}
        ):
            return None
        hours = Text(nb=actor.hours_nb, en=actor.hours_en or actor.hours_nb) if actor.hours_nb else None
        return Contact(
            id=actor.slug,
            name=actor.name,
            description=Text(nb=actor.description_nb, en=actor.description_en),
            phone=actor.phone or None,
            email=actor.email or None,
            url=actor.url or None,
            hours=hours,
            public=actor.public,
            verified=actor.verified,
            last_verified=actor.last_verified.isoformat(),
        )


# ----------------------------------------------------------------- referral paths


@dataclass(frozen=True)
class StepAnswer:
    number: int
    title: str
    detail: str
    when: str
    actors: tuple[ContactCard, ...]

    @property
    def responsible(self) -> ContactCard | None:
        return self.actors[0] if self.actors else None

    @property
    def others(self) -> tuple[ContactCard, ...]:
        return self.actors[1:]


@dataclass(frozen=True)
class SituationAnswer:
    id: str
    title: str
    summary: str
    steps: tuple[StepAnswer, ...]
    sources: tuple[str, ...] = ()
    unverified: tuple[str, ...] = field(default_factory=tuple)


def situations() -> list[ReferralSituation]:
    return list(ReferralSituation.objects.all())


def referral_answer(situation_ids: Iterable[str], municipality: str | None, lang: str = "nb") -> list[SituationAnswer]:
    """The steps of each situation, in the order given, with actors limited to ``municipality``.

    Unknown situation ids are ignored. Without a municipality every actor is kept.
    """
    wanted = list(dict.fromkeys(situation_ids))
    links = StepActor.objects.select_related("actor").prefetch_related("actor__municipalities").order_by("position")
    steps = ReferralStep.objects.order_by("number").prefetch_related(Prefetch("step_actors", queryset=links))
    found = {
        s.slug: s
        for s in ReferralSituation.objects.filter(slug__in=wanted).prefetch_related(Prefetch("steps", queryset=steps))
    }
    answers = []
    for slug in wanted:
        situation = found.get(slug)
        if situation is None:
            continue
        step_answers = []
        for step in situation.steps.all():
            actors = tuple(
                ContactCard.from_actor(link.actor, lang)
                for link in step.step_actors.all()
                if not municipality
                or link.actor.all_municipalities
                or municipality in {m.number for m in link.actor.municipalities.all()}
            )
            step_answers.append(StepAnswer(step.number, step.title(lang), step.detail(lang), step.when(lang), actors))
        answers.append(
            SituationAnswer(
                situation.slug,
                situation.title(lang),
                situation.summary(lang),
                tuple(step_answers),
                tuple(situation.sources),
                tuple(situation.unverified),
            )
        )
    return answers


# ----------------------------------------------------------------- upkeep and network life


def stale_actors(today: dt.date | None = None) -> list[Actor]:
    today = today or timezone.localdate()
    return list(Actor.objects.stale(today).order_by("last_verified", "name"))


@dataclass(frozen=True)
class MonthActivity:
    month: dt.date
    network_meetings: int
    case_conferences: int
    agencies: int


def meeting_activity(meetings: Iterable[Meeting]) -> list[MonthActivity]:
    """Meetings per month (newest first): counts by kind and distinct agencies taking part."""
    by_month: dict[dt.date, Counter] = {}
    agencies: dict[dt.date, set[int]] = {}
    for meeting in meetings:
        month = meeting.date.replace(day=1)
        by_month.setdefault(month, Counter())[meeting.kind] += 1
        agencies.setdefault(month, set()).update(a.pk for a in meeting.agencies.all())
    return [
        MonthActivity(month, counts[MeetingKind.NETWORK], counts[MeetingKind.CASE_CONFERENCE], len(agencies[month]))
        for month, counts in sorted(by_month.items(), reverse=True)
    ]
