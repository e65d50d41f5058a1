"""parse_input(): errors in bokmål and English, contradictions, types."""

from __future__ import annotations

import pytest

from tokt.screening.engine import AgeGroup, ExploitationType, ScreeningInputError, State, parse_input


def _errors(data) -> ScreeningInputError:
    with pytest.raises(ScreeningInputError) as err:
        parse_input(data)
    return err.value


def test_a_minimal_input_parses_with_unknown_as_the_default():
    inp = parse_input({"age_group": "adult"})
    assert inp.age_group is AgeGroup.ADULT
    assert inp.exploitation_types == frozenset({ExploitationType.UNKNOWN})
    assert inp.indicator("DR01") is State.UNKNOWN


def test_a_full_input_parses_from_mapping_or_list_form():
    data = {
        "age_group": "under_18",
        "exploitation_types": ["labour", "sexual_exploitation"],
        "indicators": [{"id": "DR01", "state": "observed"}, {"id": "FL05", "state": "not_observed"}],
        "facts": {"act_present": "observed"},
        "municipality": "1841",
        "sector": "fisheries",
        "role": "child_welfare",
        "schema_version": 1,
    }
    inp = parse_input(data)
    assert inp.exploitation_types == {ExploitationType.LABOUR, ExploitationType.SEXUAL}
    assert inp.indicator("DR01") is State.OBSERVED and inp.indicator("FL05") is State.NOT_OBSERVED
    assert inp.fact("act_present") is State.OBSERVED


def test_a_missing_age_group_is_an_error_in_both_languages():
    err = _errors({"indicators": {}})
    assert err.codes == ["missing_age_group"]
    assert "mangler" in err.messages_nb[0] and "missing" in err.messages_en[0]


def test_unknown_indicator_and_fact_ids_are_errors():
    err = _errors({"age_group": "adult", "indicators": {"DR11": "observed"}, "facts": {"is_trafficked": "observed"}})
    assert err.codes == ["unknown_indicator", "unknown_fact"]
    assert err.messages_en == ["indicators.DR11: unknown indicator", "facts.is_trafficked: unknown fact"]
    assert err.messages_nb == ["indicators.DR11: ukjent indikator", "facts.is_trafficked: ukjent faktum"]


def test_the_same_indicator_with_two_states_is_a_contradiction():
    data = {
        "age_group": "adult",
        "indicators": [{"id": "CD01", "state": "observed"}, {"id": "CD01", "state": "not_observed"}],
    }
    err = _errors(data)
    assert err.codes == ["contradiction_duplicate"]
    assert "observed and not_observed" in err.messages_en[0]


def test_the_same_indicator_twice_with_the_same_state_is_accepted():
    data = {
        "age_group": "adult",
        "indicators": [{"id": "CD01", "state": "observed"}, {"id": "CD01", "state": "observed"}],
    }
    assert parse_input(data).indicator("CD01") is State.OBSERVED


def test_an_adult_with_a_child_only_fact_is_a_contradiction():
    err = _errors({"age_group": "adult", "facts": {"sexual_exploitation_of_child_established": "observed"}})
    assert err.codes == ["contradiction_age"]
    assert "under 18" in err.messages_en[0] and "under 18" in err.messages_nb[0]


def test_unknown_type_together_with_a_known_type_is_a_contradiction():
    assert _errors({"age_group": "adult", "exploitation_types": ["unknown", "labour"]}).codes == ["contradiction_types"]


def test_wrong_types_are_reported_all_at_once():
    err = _errors(
        {
            "age_group": "teen",
            "exploitation_types": "labour",
            "indicators": ["DR01"],
            "facts": {"act_present": True},
            "municipality": 1804,
            "sector": "mining",
            "role": "mayor",
            "indicatorz": {},
        }
    )
    assert set(err.codes) == {"unknown_field", "bad_age_group", "bad_type", "bad_state", "bad_sector", "bad_role"}
    assert len(err.messages_nb) == len(err.messages_en) == len(err.errors)


def test_a_malformed_municipality_number_is_rejected():
    assert _errors({"age_group": "adult", "municipality": "18041"}).codes == ["bad_municipality"]


def test_a_non_object_is_rejected():
    assert _errors(["adult"]).codes == ["not_object"]


def test_an_unsupported_schema_version_is_rejected():
    assert _errors({"age_group": "adult", "schema_version": 2}).codes == ["schema_version"]
