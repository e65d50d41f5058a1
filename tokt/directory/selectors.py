"""Reads for the directory, including the contract other apps use.

For other apps (stable signatures):

* ``public_contacts(municipality=None, lang="nb") -> list[ContactCard]``
  public actors (help lines, public services), emergency numbers first.
* ``contacts_for_situations(situation_ids, municipality, lang="nb") -> list[ContactCard]``
  the actors of those referral paths, in step order, each once, limited to
  those covering ``municipality``. The screening result uses this, so its
  "whom to contact" equals the directory's answer by construction.
* ``referral_data(situation_ids, municipality, lang="nb") -> ReferralData``
  referral paths and contacts as plain frozen dataclasses, for the screening app.
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
    TranslationStatus,
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
    # Confirmed by a named coordinator within six months (``ActorQuerySet.confirmed``).
    confirmed: bool = False
    cost: str = "unknown"
    # Language of ``name`` (official names stay Norwegian unless translated) and of the texts.
    name_lang: str = "nb"
    text_status: str = "original"
    translated_on: dt.date | None = None

    @property
    def service_labels(self) -> list[str]:
        labels = dict(Service.choices)
        return [str(labels.get(s, s)) for s in self.services]

    @classmethod
    def from_actor(cls, actor: Actor, lang: str = "nb", today: dt.date | None = None) -> ContactCard:
        """The card in ``lang``: nb and en from the actor, other languages from its ``ActorText`` rows.

        A field without a row in ``lang`` is empty, never shown in another language
        (prefetch ``texts`` when building many cards).
        """
        texts = _texts(actor, lang)
        return cls(
            id=actor.slug,
            name=texts.get("name", actor.name),
            name_lang=lang if "name" in texts else "nb",
            kind=actor.kind,
            description=texts.get("description", ""),
            services=tuple(actor.services),
            phone=actor.phone,
            phone_link=actor.phone_link,
            email=actor.email,
            url=actor.url,
            address=actor.address,
            hours=texts.get("hours", ""),
            languages=tuple(actor.languages),
            anonymous=actor.anonymous,
            public=actor.public,
            verified=actor.verified,
            last_verified=actor.last_verified,
            confirmed=actor.is_confirmed(today or timezone.localdate()),
            cost=actor.cost,
            text_status=texts.get("status", "original"),
            translated_on=texts.get("translated_on"),
        )


def _texts(actor: Actor, lang: str) -> dict:
    """The actor's public texts in ``lang`` plus their translation status and date."""
    if lang in ("nb", "en"):
        found = {"description": actor.description(lang), "hours": actor.hours(lang)}
        return {k: v for k, v in found.items() if v} | ({"status": "machine_assisted"} if lang == "en" else {})
    rows = [t for t in actor.texts.all() if t.lang == lang]
    found: dict = {t.field: t.text for t in rows}
    if rows:
        machine = [t for t in rows if t.status == TranslationStatus.MACHINE_ASSISTED]
        found["status"] = "machine_assisted" if machine else "reviewed"
        found["translated_on"] = max(t.translated_on for t in (machine or rows))
    return found


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
    """Public actors a named coordinator confirmed within six months: the only ones readers see."""
    actors = Actor.objects.public().confirmed(timezone.localdate()).prefetch_related("texts")
    if municipality:
        actors = actors.serving(municipality)
    return [ContactCard.from_actor(a, lang) for a in sorted(actors, key=_kind_order)]


def contacts_for_situations(
    situation_ids: Iterable[str], municipality: str | None, lang: str = "nb"
) -> list[ContactCard]:
    return _flatten(referral_answer(situation_ids, municipality, lang))


class DirectoryContacts:
    """Contacts provider for the screening engine (``ContactsProvider`` protocol).

    Never returns a service that does not cover the given municipality.
    """

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


MINOR = "minor"
ACUTE = "acute_danger"


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


@dataclass(frozen=True)
class ReferralData:
    """What the screening result needs from the directory, as plain data."""

    paths: tuple[SituationAnswer, ...]  # in display order, a minor's path first
    contacts: tuple[ContactCard, ...]  # every actor of those paths, in step order, each once


def referral_data(situation_ids: Iterable[str], municipality: str | None, lang: str = "nb") -> ReferralData:
    """Referral paths and contacts for ``situation_ids`` in ``municipality`` (kommunenummer), as frozen dataclasses.

    The one function the screening app calls: ``paths`` holds each situation's
    steps (``StepAnswer.responsible`` is the actor responsible for the step,
    never a web resource; ``others`` the rest), with only actors that cover the
    municipality; ``contacts`` the same actors flattened. ``ContactCard.confirmed``
    says whether a named coordinator confirmed the entry within six months;
    texts are in ``lang`` ("nb" or "en"). Unknown situation ids are ignored.
    """
    paths = tuple(referral_answer(situation_ids, municipality, lang))
    return ReferralData(paths=paths, contacts=tuple(_flatten(paths)))


def _flatten(paths: Iterable[SituationAnswer]) -> list[ContactCard]:
    seen: set[str] = set()
    cards: list[ContactCard] = []
    for answer in paths:
        for step in answer.steps:
            for actor in step.actors:
                if actor.id not in seen:
                    seen.add(actor.id)
                    cards.append(actor)
    return cards


def situations() -> list[ReferralSituation]:
    return list(ReferralSituation.objects.all())


def referral_answer(situation_ids: Iterable[str], municipality: str | None, lang: str = "nb") -> list[SituationAnswer]:
    """The steps of each situation, in the order given, with actors limited to ``municipality``.

    Unknown situation ids are ignored. Without a municipality every actor is kept.
    A minor comes first: with "minor" among the situations, its child-welfare
    path leads, whatever else was chosen; only acute danger (112, 113) stays
    before it, and that path names the child welfare service itself.
    """
    wanted = list(dict.fromkeys(situation_ids))
    if MINOR in wanted:
        head = [slug for slug in (ACUTE, MINOR) if slug in wanted]
        wanted = head + [slug for slug in wanted if slug not in head]
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
class ReviewItem:
    actor: Actor
    reasons: tuple[str, ...]


def review_queue(today: dt.date | None = None) -> list[ReviewItem]:
    """Every entry that is not confirmed: unverified, stale, or never confirmed by a named coordinator.

    Public entries come first: until confirmed they are hidden from the public pages.
    """
    from django.utils.translation import gettext as _

    today = today or timezone.localdate()
    items = []
    for actor in Actor.objects.to_review(today).order_by("-public", "last_verified", "name"):
        reasons = []
        if not actor.verified:
            reasons.append(_("ikke kontrollert mot kilden"))
        if actor.is_stale(today):
            reasons.append(_("ikke kontrollert på seks måneder"))
        if actor.verified_by_user_id is None:
            reasons.append(_("ikke bekreftet av en koordinator i ToKt"))
        items.append(ReviewItem(actor, tuple(reasons)))
    return items


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
