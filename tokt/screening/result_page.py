"""Runs the engine for a completed flow and shapes the result for the page."""

from __future__ import annotations

import json
import time
from datetime import date
from urllib.parse import urlencode

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tokt.screening import labels
from tokt.screening.engine import (
    AgeGroup,
    ExploitationType,
    ScreeningInput,
    assess,
    facts_from_answers,
    indicators_from_answers,
    load_catalogue,
)
from tokt.screening.engine.contacts import StaticContacts
from tokt.screening.engine.referrals import default_referrals
from tokt.screening.engine.routing import EXTRA_ACTORS
from tokt.screening.flow import Flow

DIMENSION_ORDER = ("DR", "CR", "AVR", "EXP", "CD", "AVD")


CONTACTS_TTL_SECONDS = 60
_contacts_cache: dict[tuple[str | None, str], tuple[float, StaticContacts]] = {}


def directory_contacts(municipality: str | None, lang: str) -> StaticContacts | None:
    """The contacts the engine may name, resolved by the directory app for one municipality.

    Plain data for the engine: every actor of the referral paths plus the
    routing's few extras, each as the directory shows it for the municipality.
    Kept for a minute per process (reading every actor costs ~10 ms); an edit
    in the directory shows within that minute.
    """
    if not apps.is_installed("tokt.directory"):
        return None  # the engine's default: the directory's data file
    key = (municipality, lang)
    hit = _contacts_cache.get(key)
    if hit is not None and time.monotonic() - hit[0] < CONTACTS_TTL_SECONDS:
        return hit[1]
    found = _resolve_contacts(municipality, lang)
    _contacts_cache[key] = (time.monotonic(), found)
    return found


def _resolve_contacts(municipality: str | None, lang: str) -> StaticContacts:
    from tokt.directory.selectors import DirectoryContacts

    provider = DirectoryContacts(lang=lang)
    paths = default_referrals()
    wanted = {a for sid in paths.situation_ids for step in paths.steps_for(sid) for a in step.actors} | EXTRA_ACTORS
    found = {}
    for actor_id in sorted(wanted):
        contact = provider.resolve(actor_id, municipality)
        if contact is not None:
            found[actor_id] = contact
    return StaticContacts(municipality, found)


def screening_input(flow: Flow) -> ScreeningInput:
    data = flow.data
    scope = {"role": data["role"], "sector": data["sector"], "age_group": data["age_group"]}
    types = frozenset(ExploitationType(t) for t in data["exploitation_types"]) or frozenset({ExploitationType.UNKNOWN})
    return ScreeningInput(
        age_group=AgeGroup(data["age_group"]),
        exploitation_types=types,
        indicators=indicators_from_answers(flow.answers, **scope),
        facts=facts_from_answers(flow.answers, **scope),
        municipality=data["municipality"] or None,
        sector=data["sector"],
        role=data["role"],
    )


def _municipality_name(number: str | None) -> str:
    if not number:
        return ""
    from tokt.core.models import Municipality

    found = Municipality.objects.filter(number=number).first()
    return found.name if found else number


def _referral_url(situations: list[str], municipality: str | None) -> str:
    """The directory's "who does what" page for the same situations (members only)."""
    if not situations or not apps.is_installed("tokt.directory"):
        return ""
    query = urlencode([("situasjon", s) for s in situations] + ([("kommune", municipality)] if municipality else []))
    return f"{reverse('directory:referral')}?{query}"


def _related_articles(result: dict, sector: str, lang: str) -> list:
    if not apps.is_installed("tokt.knowledge"):
        return []
    from tokt.knowledge.selectors import articles_for

    observed = [i for i, s in result["input"]["indicators"].items() if s == "observed"]
    return list(articles_for(observed, [sector], lang))[:6]


# Actors who take a notification of concern for a child (the "minor" path's child-welfare step).
CHILD_WELFARE_ACTORS = ("child_welfare_municipal", "barnevernvakt_", "child_helpline")
STRENGTH_WORDS = {"strong": _("sterkt tegn"), "medium": _("middels sterkt tegn"), "weak": _("svakt tegn")}


def child_welfare_steps(next_steps: list[dict]) -> list[dict]:
    return [s for s in next_steps if s["actor_id"].startswith(CHILD_WELFARE_ACTORS)]


def signs_by_dimension(result: dict, lang: str) -> list[dict]:
    """The observed signs in words, grouped by what they show (the person's own list)."""
    cat = load_catalogue()
    groups = []
    own = result["profiles"][0] if result["profiles"] else None
    for profile in result["profiles"]:
        if not profile["conditional_on_age"]:
            own = profile
            break
    if own is None:
        return []
    for dim in own["dimension_list"]:
        signs = [
            {"name": cat.indicators[d["id"]].name.get(lang), "strength": STRENGTH_WORDS.get(d["strength"], "")}
            for d in dim["decided_by"]
        ]
        if signs:
            groups.append({"name": dim["name"], "status": dim["status"], "signs": signs})
    return groups


def answers_used(flow: Flow, lang: str) -> list[dict]:
    """Every question answered yes or no, in the order asked, for the printed summary."""
    words = dict(labels.ANSWERS)
    used = []
    for step in flow.steps:
        for q in step.questions:
            answer = flow.answers.get(q.id, "unknown")
            if answer != "unknown":
                used.append({"question": q.text.get(lang), "answer": words[answer]})
    return used


def screening_result(flow: Flow, lang: str) -> dict:
    inp = screening_input(flow)
    assessment = assess(inp, contacts=directory_contacts(inp.municipality, lang), referrals=default_referrals())
    result = assessment.to_dict()
    for profile in result["profiles"]:
        profile["dimension_list"] = [profile["dimensions"][d] for d in DIMENSION_ORDER if d in profile["dimensions"]]
    position = result["continuum"]["position"]
    return {
        "result": result,
        "position": position,
        "position_label": dict([*labels.CONTINUUM, labels.INSUFFICIENT]).get(position, position),
        "stages": [{"id": sid, "label": label, "current": sid == position} for sid, label in labels.CONTINUUM],
        "articles": _related_articles(result, flow.data["sector"], lang),
        # The input as stable JSON: what the cases capability will attach to a case.
        "input_json": json.dumps(inp.to_dict(), sort_keys=True, ensure_ascii=False),
        "answered": sum(1 for v in flow.answers.values() if v != "unknown"),
        "element_labels": labels.ELEMENT_STATUS,
        "dimension_labels": labels.DIMENSION_STATUS,
        "conclusion_labels": labels.CONCLUSION,
        "situation_labels": [labels.SITUATIONS.get(sid, sid) for sid in result["situations"]],
        "referral_url": _referral_url(result["situations"], inp.municipality),
        "child_welfare_steps": child_welfare_steps(result["next_steps"]) if result["may_be_minor"] else [],
        "signs": signs_by_dimension(result, lang),
        "answers_used": answers_used(flow, lang),
        "today": date.today(),
        "role_label": dict([*labels.ROLES, labels.OTHER_ROLE]).get(flow.data["role"], ""),
        "municipality_name": _municipality_name(inp.municipality),
    }
