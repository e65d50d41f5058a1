"""Runs the engine for a completed flow and shapes the result for the page."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.apps import apps
from django.urls import reverse

from tokt.screening import labels
from tokt.screening.engine import (
    AgeGroup,
    ExploitationType,
    ScreeningInput,
    assess,
    facts_from_answers,
    indicators_from_answers,
)
from tokt.screening.engine.contacts import StaticContacts
from tokt.screening.engine.referrals import default_referrals
from tokt.screening.engine.routing import EXTRA_ACTORS
from tokt.screening.flow import Flow

DIMENSION_ORDER = ("DR", "CR", "AVR", "EXP", "CD", "AVD")


def directory_contacts(municipality: str | None, lang: str) -> StaticContacts | None:
    """The contacts the engine may name, resolved by the directory app for one municipality.

    Plain data for the engine: every actor of the referral paths plus the
    routing's few extras, each as the directory shows it for the municipality.
    """
    if not apps.is_installed("tokt.directory"):
        return None  # the engine's default: the directory's data file
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
    }
