"""The rewritten engine agrees with the frozen old one, except where METHOD §§ 1 and 5 changed.

Allowed differences (issue 11, rules 1-3):
1. ILO "no" became "insufficient information" when a means sign is present (§ 1).
2. A person who is or may be under 18 with exploitation shown is placed at
   possible trafficking (§ 5, changed 2026-12-03); the "minor" situation is
   there whenever the person is or may be under 18.
3. Forced labour is EXP and (CD or AVD) positive only (§ 5): the old extra
   path (involuntariness from DR or single signs + one coercion sign) is gone,
   so forced labour and what depends on it (placement, § 257 purpose b) may be
   lower where the old path alone carried it, and the forced-labour element is
   now also met with AVD positive (the old element read only CD and CR).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokt.screening import engine as new
from tokt.screening.tests import frozen_engine_v1 as old

CAT = new.load_catalogue()
IDS = sorted(CAT.indicators)
FACTS = sorted(CAT.facts)


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, list[str], dict[str, str], dict[str, str]]:
    age = draw(st.sampled_from(["adult", "under_18", "unknown"]))
    types = draw(
        st.sampled_from([["labour"], ["sexual"], ["crime_begging"], ["other"], ["unknown"], ["labour", "sexual"]])
    )
    states = st.sampled_from(["observed", "not_observed"])
    indicators = draw(st.dictionaries(st.sampled_from(IDS), states, max_size=25))
    facts = draw(st.dictionaries(st.sampled_from(FACTS), states, max_size=6))
    if age == "adult":
        facts.pop("sexual_exploitation_of_child_established", None)
    return age, types, indicators, facts


def _build(module, age, types, indicators, facts):  # type: ignore[no-untyped-def]
    return module.ScreeningInput(
        age_group=module.AgeGroup(age),
        exploitation_types=frozenset(module.ExploitationType(t) for t in types),
        indicators={k: module.State(v) for k, v in indicators.items()},
        facts={k: module.State(v) for k, v in facts.items()},
    )


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_old_and_new_differ_only_where_the_method_changed(case):
    from tokt.screening.engine.rules import CONTINUUM, TV, evaluate

    age, types, indicators, facts = case
    a_old = old.assess(_build(old, *case), contacts=old.NoContacts())
    inp = _build(new, *case)
    a_new = new.assess(inp, contacts=new.NoContacts())
    verdict = evaluate(CAT, inp)
    means_sign = new.rules.means_sign_present(CAT, inp)
    child_shown = new.rules.child_exploitation_shown(inp, verdict.profiles) is TV.YES
    old_fl = a_old.forced_labour["status"]
    fl_path_gone = old_fl != a_new.forced_labour["status"]

    # Rule 1: the ILO result.
    if a_old.ilo_conclusion != a_new.ilo_conclusion:
        assert a_old.ilo_conclusion == "no" and a_new.ilo_conclusion == "insufficient_information" and means_sign

    # Rules 2 and 3: the placement.
    lo, ln = CONTINUUM.index(a_old.continuum), CONTINUUM.index(a_new.continuum)
    if ln > lo:
        assert a_new.continuum == "possible_trafficking" and child_shown, case
    elif ln < lo:
        assert a_old.continuum == "forced_labour" and fl_path_gone and not child_shown, case

    # Rule 3: forced labour differs only by its definition (EXP and CD or AVD positive):
    # lost where the old extra path alone carried it, gained where AVD carries the coercion.
    if fl_path_gone:
        dims = verdict.dimensions
        by_method = dims["EXP"] is TV.YES and TV.YES in (dims["CD"], dims["AVD"])
        assert (verdict.forced_labour is TV.YES) == by_method
    # § 257 may only be lower through purpose (b) resting on the old forced-labour path.
    if a_old.section_257["status"] != a_new.section_257["status"]:
        assert fl_path_gone, case

    # Rule 2: the minor situation is there whenever the person is or may be under 18.
    assert ("minor" in a_new.situations) == (age != "adult")
    others_old = [s for s in a_old.situations if s != "minor"]
    others_new = [s for s in a_new.situations if s != "minor"]
    if others_old != others_new:
        assert fl_path_gone or lo != ln, case
