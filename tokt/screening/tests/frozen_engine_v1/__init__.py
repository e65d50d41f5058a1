"""FROZEN REFERENCE: the screening engine as of e3f6af1, kept only for the property test
comparing it with the rewritten engine (test_old_and_new_engine_agree.py). Do not edit.

ToKt screening engine ("Sjekk tegnene"): pure Python, no Django.

Public API:
    load_catalogue(path=None) -> Catalogue
    parse_input(data, catalogue=None) -> ScreeningInput
    assess(input, catalogue=None, contacts=None, *, referrals=None, max_unknowns=10) -> Assessment
        (Assessment.situations: referral_paths.yaml situation ids, most urgent first;
        Assessment.next_steps: the actors of those situations' steps, see routing.py)
    render_text(assessment, lang="nb") -> str
    load_questions(path=None, catalogue=None) -> QuestionBank
    questions_for(role, sector, age_group=None, bank=None) -> list[Step]
    indicators_from_answers(answers, bank=None, *, role, sector, age_group) -> dict[str, State]
    facts_from_answers(answers, bank=None, *, role, sector, age_group) -> dict[str, State]
    YamlContacts(path=None), ContactsProvider, Contact
    YamlReferrals(path=None), ReferralPaths, ReferralStep

The tool screens; it never decides that something is or is not trafficking.
"""

from __future__ import annotations

from .assess import assess
from .assessment import THREE_WAY_ORDER, Assessment
from .catalogue import Catalogue, load_catalogue
from .contacts import Contact, ContactsProvider, NoContacts, YamlContacts
from .model import (
    AgeGroup,
    CatalogueError,
    ExploitationType,
    ScreeningError,
    ScreeningInput,
    ScreeningInputError,
    State,
)
from .parse import parse_input
from .questions import QuestionBank, Step, facts_from_answers, indicators_from_answers, load_questions, questions_for
from .referrals import ReferralPaths, ReferralStep, YamlReferrals
from .render import render_text

__all__ = [
    "THREE_WAY_ORDER",
    "AgeGroup",
    "Assessment",
    "Catalogue",
    "CatalogueError",
    "Contact",
    "ContactsProvider",
    "ExploitationType",
    "NoContacts",
    "QuestionBank",
    "ReferralPaths",
    "ReferralStep",
    "ScreeningError",
    "ScreeningInput",
    "ScreeningInputError",
    "State",
    "Step",
    "YamlContacts",
    "YamlReferrals",
    "assess",
    "facts_from_answers",
    "indicators_from_answers",
    "load_catalogue",
    "load_questions",
    "parse_input",
    "questions_for",
    "render_text",
]
