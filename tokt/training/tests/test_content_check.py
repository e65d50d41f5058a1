from __future__ import annotations

from pathlib import Path

from tokt.training.content import Checker, load_modules

REAL = load_modules()


def test_the_real_modules_have_no_problems():
    modules, problems = REAL
    assert [str(p) for p in problems] == []
    assert {m.slug for m in modules} >= {"grunnkurs", "nav"}


def test_every_module_has_both_languages_and_feedback_on_every_option():
    modules, _problems = REAL
    for m in modules:
        assert all(o.feedback for q in m.quiz for o in q.options), m.path
        assert sum(o.correct for q in m.quiz for o in q.options) == len(m.quiz), m.path
    assert sorted((m.slug, m.lang) for m in modules if m.slug == "nav") == [("nav", "en"), ("nav", "nb")]


GOOD = """\
title: "T"
summary: "S"
order: 1
agencies: []
sections:
  - id: a
    title: "A"
    articles:
      - slug: kjent
        section: s-finnes
quiz:
  - id: q
    text: "Q?"
    options:
      - id: a
        text: "Ja"
        correct: true
        feedback: "Riktig."
      - id: b
        text: "Nei"
        feedback: "Feil."
exercises:
  - id: e
    title: "E"
    age_group: adult
    types: [labour]
    story: "Historie"
    signs:
      - {id: EXP01, in_story: true, why: "Lange dager."}
      - {id: CR01, in_story: false, why: "Ingen vold."}
    explanation: "Forklaring."
"""


def _checker():
    return Checker(
        article_sections=lambda slug, lang: {"s-finnes"} if slug == "kjent" else None,
        sign_ids=frozenset({"EXP01", "CR01"}),
        agency_slugs=frozenset({"nav"}),
        situation_ids=frozenset({"minor"}),
        fact_ids=frozenset({"act_present"}),
    )


def _check(tmp_path: Path, nb: str, en: str | None = None):
    (tmp_path / "m.nb.yaml").write_text(nb, encoding="utf-8")
    (tmp_path / "m.en.yaml").write_text(GOOD if en is None else en, encoding="utf-8")
    return [str(p).replace(str(tmp_path), "") for p in load_modules(tmp_path, _checker())[1]]


def test_a_good_file_passes(tmp_path):
    assert _check(tmp_path, GOOD) == []


def test_an_option_without_feedback_names_file_and_line(tmp_path):
    broken = GOOD.replace('        feedback: "Feil."\n', "")
    problems = _check(tmp_path, broken, broken)
    assert any("m.nb.yaml:19:" in p and "'feedback'" in p for p in problems), problems


def test_an_unknown_article_slug_and_section_are_reported(tmp_path):
    problems = _check(tmp_path, GOOD.replace("slug: kjent", "slug: ukjent"))
    assert any("m.nb.yaml:9:" in p and "no knowledge article 'ukjent'" in p for p in problems), problems
    problems = _check(tmp_path, GOOD.replace("s-finnes", "s-borte"))
    assert any("m.nb.yaml:10:" in p and "no section 's-borte'" in p for p in problems), problems


def test_a_sign_not_in_the_catalogue_is_reported(tmp_path):
    problems = _check(tmp_path, GOOD.replace("id: CR01", "id: XX99"))
    assert any(":30:" in p and "'XX99' is not an indicator id" in p for p in problems), problems


def test_two_correct_options_and_an_unknown_agency_are_reported(tmp_path):
    problems = _check(
        tmp_path,
        GOOD.replace('text: "Nei"', 'text: "Nei"\n        correct: true').replace(
            "agencies: []", "agencies: [nav, ukjent]"
        ),
    )
    assert any("exactly one option" in p for p in problems), problems
    assert any("agency 'ukjent'" in p for p in problems), problems


def test_languages_that_disagree_on_the_answers_are_reported(tmp_path):
    swapped = GOOD.replace("        correct: true\n", "").replace('text: "Nei"', 'text: "Nei"\n        correct: true')
    problems = _check(tmp_path, GOOD, swapped)
    assert any("m.en.yaml:1: quiz differ" in p for p in problems), problems


def test_a_missing_language_and_bad_yaml_are_reported(tmp_path):
    (tmp_path / "solo.nb.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.nb.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (tmp_path / "Bad Name.yaml").write_text(GOOD, encoding="utf-8")
    problems = [str(p) for p in load_modules(tmp_path, _checker())[1]]
    assert any("solo.nb.yaml:1: module 'solo' has no en version" in p for p in problems), problems
    assert any("broken.nb.yaml:2: not valid YAML" in p for p in problems), problems
    assert any("Bad Name.yaml:1: the file name" in p for p in problems), problems


def test_unknown_referral_situations_and_facts_are_reported(tmp_path):
    broken = GOOD.replace("    articles:\n", "    referrals: [minor, borte]\n    articles:\n", 1).replace(
        "    types: [labour]\n", "    types: [labour]\n    facts: [act_present, ukjent]\n"
    )
    problems = _check(tmp_path, broken, broken)
    assert any("m.nb.yaml:8:" in p and "no referral situation 'borte'" in p for p in problems), problems
    assert any("fact 'ukjent' is not a fact id" in p for p in problems), problems
