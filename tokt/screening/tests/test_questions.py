"""Question flows: coverage, filtering, answers -> states, validation."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from tokt.screening.engine import (
    CatalogueError,
    ScreeningInputError,
    State,
    facts_from_answers,
    indicators_from_answers,
    load_catalogue,
    load_questions,
    questions_for,
)
from tokt.screening.engine.questions import DEFAULT_QUESTIONS

CAT = load_catalogue()
BANK = load_questions()
RAW = yaml.safe_load(DEFAULT_QUESTIONS.read_text(encoding="utf-8"))


def test_every_role_and_every_sector_has_questions_of_its_own():
    questions = list(BANK.by_id.values())
    for role in CAT.vocab["roles"]:
        assert any(q.roles is not None and role in q.roles for q in questions), role
        assert questions_for(role, None)
    for sector in CAT.vocab["sectors"]:
        assert any(q.sectors is not None and sector in q.sectors for q in questions), sector
        assert questions_for(None, sector)


def test_every_ilo_indicator_is_asked_by_some_question():
    asked = {i for q in BANK.by_id.values() for i in q.indicators}
    assert set(CAT.delphi_ids) <= asked


def test_every_text_is_plain_and_in_both_languages():
    for q in BANK.by_id.values():
        assert q.text.nb.endswith("?") and q.text.en.endswith("?"), q.id


def test_the_flow_starts_with_acute_danger_and_covers_the_main_steps():
    steps = [s.id for s in questions_for("nav", "fisheries")]
    assert steps[0] == "safety"
    assert {
        "recruitment_travel",
        "work_pay",
        "housing_daily_life",
        "control_threats",
        "vulnerability",
        "person_situation",
    } <= set(steps)


def test_gender_and_online_signs_are_included():
    questions = list(BANK.by_id.values())
    assert sum(q.gender_note is not None for q in questions) >= 5
    assert any("Menn" in q.gender_note.nb for q in questions if q.gender_note)
    assert any("kvinner" in q.gender_note.nb.lower() for q in questions if q.gender_note)
    assert sum(q.online for q in questions) >= 5


def test_questions_are_filtered_by_role_sector_and_age():
    ids = {q.id for s in questions_for("health", "construction", "adult") for q in s.questions}
    assert "q_health_injuries" in ids and "q_construction_safety" in ids
    assert "q_nav_bank_control" not in ids and "q_fish_housing_rent" not in ids
    assert "q_child_sexual_exploitation" not in ids
    child_ids = {q.id for s in questions_for("child_welfare", None, "under_18") for q in s.questions}
    assert "q_child_sexual_exploitation" in child_ids


def test_yes_on_any_question_makes_the_indicator_observed():
    states = indicators_from_answers({"q_job_different": "no", "q_online_job_offer": "yes"})
    assert states["DR01"] is State.OBSERVED


def test_no_on_every_question_of_the_flow_makes_it_not_observed():
    assert indicators_from_answers({"q_job_different": "no"})["DR01"] is State.UNKNOWN
    both = {"q_job_different": "no", "q_online_job_offer": "no"}
    assert indicators_from_answers(both)["DR01"] is State.NOT_OBSERVED


def test_the_flow_decides_which_questions_must_all_be_no():
    answers = {"q_low_pay": "no"}
    assert indicators_from_answers(answers)["EXP04"] is State.UNKNOWN  # other EXP04 questions exist
    assert indicators_from_answers(answers, role="nav", sector="fisheries")["EXP04"] is State.NOT_OBSERVED
    assert indicators_from_answers(answers, role="nav", sector="cleaning")["EXP04"] is State.UNKNOWN


def test_dont_know_stays_unknown_and_facts_follow_the_same_rule():
    assert indicators_from_answers({"q_papers_kept": "unknown"})["CD01"] is State.UNKNOWN
    facts = facts_from_answers({"q_acute_danger": "no", "q_arranged_by_others": "yes"})
    assert facts == {"acute_danger": State.NOT_OBSERVED, "act_present": State.OBSERVED}


def test_bad_answers_are_rejected():
    with pytest.raises(ScreeningInputError) as err:
        indicators_from_answers({"q_nope": "yes", "q_low_pay": "maybe"})
    assert err.value.codes == ["unknown_question", "bad_answer"]


def _broken(tmp_path: Path, change) -> str:
    data = copy.deepcopy(RAW)
    change(data)
    path = tmp_path / "questions.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_questions(path)
    return str(err.value)


def test_a_question_naming_a_missing_indicator_is_rejected(tmp_path):
    message = _broken(tmp_path, lambda d: d["steps"][1]["questions"][0].update(indicators=["DR99"]))
    assert "q_job_different" in message and "DR99" in message


def test_a_question_counting_twice_in_one_dimension_is_rejected(tmp_path):
    message = _broken(tmp_path, lambda d: d["steps"][1]["questions"][0].update(indicators=["DR01", "DR02"]))
    assert "dimension DR" in message


def test_a_question_without_norwegian_text_is_rejected(tmp_path):
    message = _broken(tmp_path, lambda d: d["steps"][1]["questions"][0]["text"].pop("nb"))
    assert "q_job_different" in message and "text.nb" in message


def test_an_unknown_sector_tag_and_a_duplicate_id_are_rejected(tmp_path):
    assert "mining" in _broken(tmp_path, lambda d: d["steps"][1]["questions"][0].update(sectors=["mining"]))
    assert "duplicate" in _broken(tmp_path, lambda d: d["steps"][1]["questions"][1].update(id="q_job_different"))
