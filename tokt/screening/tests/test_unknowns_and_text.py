"""Informative unknowns and the plain-language text."""

from __future__ import annotations

from tokt.screening.engine import NoContacts, assess, render_text
from tokt.screening.tests.helpers import make_input, screen


def test_acute_danger_is_asked_first_when_unknown():
    a = screen(observed=["EXP04"])
    assert a.unknowns[0].id == "acute_danger"
    assert a.unknowns[0].ask.nb.startswith("Er noen i akutt fare")


def test_an_answer_that_would_complete_the_rule_ranks_above_one_that_builds_towards_it():
    # DR, EXP and CD positive except CD: one more strong CD sign completes the adult rule.
    a = screen(observed=["DR01", "DR08", "EXP01", "EXP04", "CD01"], facts={"acute_danger": "not_observed"})
    top = a.unknowns[0]
    assert top.kind == "indicator" and top.id.startswith("CD")
    assert "ilo_conclusion" in top.effects and "dimension:CD" in top.effects


def test_each_unknown_carries_a_question_in_both_languages():
    a = screen(observed=["EXP04"])
    assert a.unknowns
    assert all(u.ask.nb.endswith((".", "?")) and u.ask.en for u in a.unknowns)


def test_answered_signs_are_never_listed_as_unknown():
    a = screen(observed=["EXP04"], not_observed=["EXP01", "CD01"], facts={"acute_danger": "not_observed"})
    ids = {u.id for u in a.unknowns}
    assert not ids & {"EXP04", "EXP01", "CD01", "acute_danger"}


def test_the_number_of_unknowns_is_limited():
    from tokt.screening.engine import assess
    from tokt.screening.tests.helpers import CONTACTS, make_input

    assert len(assess(make_input(observed=["EXP04"]), contacts=CONTACTS, max_unknowns=3).unknowns) == 3


def test_the_norwegian_text_explains_position_steps_questions_and_law():
    text = render_text(screen(observed=["EXP01", "EXP04", "CD01"], municipality="1804"))
    for part in (
        "Sjekk tegnene",
        "Plassering:",
        "Neste steg:",
        "Spør om dette",
        "Straffeloven § 257",
        "§ 258",
        "Katalogversjon",
    ):
        assert part in text
    assert "ikke en juridisk vurdering" in text


def test_the_english_text_mentions_the_proxy_for_sexual_exploitation():
    text = render_text(screen(types=["sexual"], observed=["EXP01"]), "en")
    assert "proxy" in text and "Check the signs" in text


def test_a_contact_without_details_is_shown_as_missing():
    # Only a provider that knows nobody keeps unresolved actors (any other leaves them out).
    a = assess(make_input(observed=["EXP05"], facts={"clear_law_breach": "observed"}), contacts=NoContacts())
    text = render_text(a)
    assert "akrim_nordland" in text and "kontaktopplysninger mangler" in text
