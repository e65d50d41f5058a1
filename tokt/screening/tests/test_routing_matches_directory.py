"""The screening's "whom to contact" equals the directory's answer, on the real data.

Requirement: a coordinator can answer "a minor from Romania was found working
at a car wash in Fauske: who does what?" from the directory in one page, and
that answer matches what the screening tool recommends for the same situation.

The expected lists are computed here from the YAML files the way the directory
does it (tokt.directory.selectors.contacts_for_situations): situation order,
then step order, then actor order, each actor once, only actors covering the
municipality. The engine's next steps must start with exactly that list; after
it come only the documented extras (routing.EXTRA_ACTORS). The last tests ask
the directory app itself (database loaded from the same files).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokt.screening.engine import AgeGroup, ExploitationType, ScreeningInput, State, YamlContacts, assess
from tokt.screening.engine.routing import EXTRA_ACTORS, SITUATION_ORDER
from tokt.screening.tests.helpers import make_input
from tokt.screening.tests.vignettes import CASES

DATA = Path(__file__).resolve().parents[2] / "directory" / "data"
SALTEN = ("1804", "1836", "1837", "1838", "1839", "1840", "1841", "1845", "1848", "1875")
FAUSKE = "1841"
REAL_CONTACTS = YamlContacts(DATA / "actors.yaml")  # the engine's default, made explicit

_actors = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))["actors"]
_paths = yaml.safe_load((DATA / "referral_paths.yaml").read_text(encoding="utf-8"))["situations"]
SCOPE = {a["id"]: a["municipalities"] for a in _actors}
PATHS = {s["id"]: [list(step["actors"]) for step in s["steps"]] for s in _paths}

# Cases beyond the vignettes, so that every situation occurs at least once.
MORE_CASES = {
    "no_police_and_no_residence": {
        "observed": ["EXP04"], "facts": {"wants_no_police": "observed", "no_legal_residence": "observed"},
    },
    "acute_child_without_residence": {
        "age": "under_18", "observed": ["EXP01", "CD04"],
        "facts": {"acute_danger": "observed", "no_legal_residence": "observed"},
    },
    "unknown_type_trafficking_no_police": {
        "types": ["unknown"], "observed": ["DR01", "DR08", "EXP01", "EXP04", "CD01", "CD03"],
        "facts": {"wants_no_police": "observed"},
    },
    "unknown_age_everything": {
        "age": "unknown", "types": ["unknown"], "observed": ["DR01", "DR08", "EXP01", "EXP04", "EXP09", "CD01"],
        "facts": {"acute_danger": "observed", "act_present": "observed", "no_legal_residence": "observed",
                  "wants_no_police": "observed"},
    },
}  # fmt: skip
ALL_CASES = {**CASES, **MORE_CASES}


def directory_ids(situations: tuple[str, ...], municipality: str | None) -> list[str]:
    """contacts_for_situations, computed from the YAML files."""
    out: list[str] = []
    for sid in situations:
        for step in PATHS[sid]:
            for actor in step:
                scope = SCOPE[actor]
                covers = municipality is None or scope == "all" or municipality in scope
                if covers and actor not in out:
                    out.append(actor)
    return out


def engine_ids(inp: ScreeningInput) -> tuple[tuple[str, ...], list[str]]:
    a = assess(inp, contacts=REAL_CONTACTS)
    assert all(s.contact is not None for s in a.next_steps), "every recommended actor has a contact"
    return a.situations, [s.actor_id for s in a.next_steps]


def assert_matches(inp: ScreeningInput) -> tuple[str, ...]:
    situations, got = engine_ids(inp)
    expected = directory_ids(situations, inp.municipality)
    assert got[: len(expected)] == expected, (situations, inp.municipality)
    assert set(got[len(expected) :]) <= EXTRA_ACTORS, (situations, got[len(expected) :])
    return situations


def _with(case: str, municipality: str | None) -> ScreeningInput:
    return replace(
        make_input(**{k: v for k, v in ALL_CASES[case].items() if k != "municipality"}), municipality=municipality
    )


def test_the_data_files_name_every_situation_and_every_path_starts_with_112():
    assert set(SITUATION_ORDER) <= set(PATHS)
    assert all(PATHS[s][0][0] == "emergency_police" for s in SITUATION_ORDER)
    assert all(actor in SCOPE for steps in PATHS.values() for step in steps for actor in step)
    assert EXTRA_ACTORS <= set(SCOPE)


def test_the_cases_produce_every_situation():
    produced = {s for case in ALL_CASES for s in engine_ids(_with(case, FAUSKE))[0]}
    assert produced == set(SITUATION_ORDER)


@pytest.mark.parametrize("municipality", SALTEN)
@pytest.mark.parametrize(
    "case",
    [c for c in ALL_CASES if engine_ids(_with(c, None))[0]],  # every non-empty combination they produce
)
def test_the_next_steps_are_the_directorys_contacts_for_the_same_situations(case, municipality):
    assert assert_matches(_with(case, municipality))


def test_the_fauske_car_wash_minor_gets_the_minor_path_of_fauske():
    inp = make_input(**CASES["fauske_car_wash_minor"])
    assert (inp.role, inp.sector, inp.municipality, inp.age_group) == ("child_welfare", "car_wash", FAUSKE, "under_18")
    a = assess(inp, contacts=REAL_CONTACTS)
    assert a.situations == ("minor",)
    assert (
        [s.actor_id for s in a.next_steps]
        == directory_ids(("minor",), FAUSKE)
        == [
            "emergency_police",
            "child_welfare_fauske",
            "child_welfare_municipal",
            "child_helpline",
            "barnevernvakt_fauske",
            "police_switchboard",
            "police_nordland_trafficking",
            "bufdir_minors",
        ]
    )
    assert a.next_steps[1].reason.nb == "Meld fra til barnevernet straks"
    assert a.next_steps[4].contact.phone == "469 55 776"  # Barnevernvakta for Fauske og Sørfold


@st.composite
def inputs(draw: st.DrawFn) -> ScreeningInput:
    from tokt.screening.engine import load_catalogue

    cat = load_catalogue()
    age = draw(st.sampled_from(list(AgeGroup)))
    known = [t for t in ExploitationType if t is not ExploitationType.UNKNOWN]
    types = draw(
        st.one_of(st.just(frozenset({ExploitationType.UNKNOWN})), st.frozensets(st.sampled_from(known), min_size=1))
    )
    states = st.sampled_from(list(State))
    indicators = draw(st.dictionaries(st.sampled_from(sorted(cat.indicators)), states, max_size=20))
    facts = draw(st.dictionaries(st.sampled_from(sorted(cat.facts)), states, max_size=8))
    if age is AgeGroup.ADULT:
        facts.pop("sexual_exploitation_of_child_established", None)
    return ScreeningInput(age, types, indicators, facts, draw(st.sampled_from([*SALTEN, None])))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs())
def test_any_screening_recommends_the_directorys_contacts_for_its_situations(inp):
    assert_matches(inp)


# ----------------------------------------------------------------- against the directory app itself


@pytest.mark.django_db
@pytest.mark.parametrize("municipality", [FAUSKE, "1804", "1848"])
@pytest.mark.parametrize("case", list(ALL_CASES))
def test_the_screening_with_the_directory_database_equals_contacts_for_situations(case, municipality):
    from tokt.directory.selectors import DirectoryContacts, contacts_for_situations

    a = assess(_with(case, municipality), contacts=DirectoryContacts())
    got = [s.actor_id for s in a.next_steps]
    expected = [c.id for c in contacts_for_situations(a.situations, municipality)]
    assert got[: len(expected)] == expected
    assert set(got[len(expected) :]) <= EXTRA_ACTORS
