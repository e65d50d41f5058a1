"""Person-level rules (catalogue: combination_rules.victim, three_way_output).

Adult (working rule, wording unverified): (DR or CR or AVR positive) AND EXP
positive AND (CD or AVD positive). Child (<18): act present AND (EXP positive
or sexual exploitation of the child established); means not required
(Palermo art. 3(c), § 257 third paragraph). Three-way output (design,
engine_reading): yes = met; no = ruled out by the answers even if every
unknown sign were present; insufficient_information = otherwise.
"""

from __future__ import annotations

from tokt.screening.tests.helpers import MEANS_DIMS, all_in, dim, profile, screen

RECRUIT = ["DR01", "DR08"]  # DR positive: strong + medium
EXPLOIT = ["EXP01", "EXP04"]  # EXP positive: strong + medium
COERCE = ["CD01", "CD03"]  # CD positive: two strong


def test_adult_rule_is_met_with_means_at_recruitment_exploitation_and_coercion_at_destination():
    """Adult rule: (DR or CR or AVR) AND EXP AND (CD or AVD)."""
    a = screen(observed=RECRUIT + EXPLOIT + COERCE)
    assert a.ilo_conclusion == "yes"
    assert a.continuum == "possible_trafficking"


def test_adult_rule_accepts_abuse_of_vulnerability_instead_of_deception_or_coercion():
    """Adult rule: AVR may stand for the recruitment means, AVD for coercion at destination."""
    a = screen(observed=["AVR01", "AVR02", "AVR03"] + EXPLOIT + ["AVD01", "AVD02", "AVD03"])
    assert a.ilo_conclusion == "yes"


def test_adult_rule_is_not_met_without_a_positive_exploitation_dimension():
    """Adult rule: EXP must be positive. With EXP ruled out but means signs present: never "no" (METHOD § 1)."""
    a = screen(observed=RECRUIT + COERCE, not_observed=all_in("EXP"))
    assert dim(a, "EXP") == "not_positive"
    assert a.ilo_conclusion == "insufficient_information"


def test_adult_rule_with_unknown_recruitment_is_insufficient_information_not_no():
    """Three-way output: the rule is not met but could be; unknown is never "no"."""
    a = screen(observed=EXPLOIT + COERCE)
    assert a.ilo_conclusion == "insufficient_information"


def test_adult_rule_ruled_out_with_a_means_sign_present_is_insufficient_information():
    """METHOD § 1: "no" only when the rule is not met AND no means indicator is present."""
    a = screen(observed=EXPLOIT + COERCE, not_observed=all_in("DR") + all_in("CR") + all_in("AVR"))
    assert a.ilo_conclusion == "insufficient_information"


def test_adult_rule_ruled_out_without_any_means_sign_is_no():
    means = all_in("DR") + all_in("CR") + all_in("AVR")
    a = screen(observed=EXPLOIT, not_observed=means)
    assert a.ilo_conclusion == "no"


def test_nothing_answered_gives_insufficient_information():
    """Three-way output: an empty screening is never "no"."""
    assert screen().ilo_conclusion == "insufficient_information"


def test_everything_answered_no_gives_no():
    """Three-way output: no indicator present in any means dimension and all ruled out."""
    ids = [i for d in (*MEANS_DIMS, "EXP") for i in all_in(d)]
    a = screen(not_observed=ids, facts={"act_present": "not_observed"})
    assert a.ilo_conclusion == "no"


def test_child_rule_needs_no_means():
    """Child rule: act + exploitation suffice; no DR/CR/AVR/CD/AVD sign needed (Palermo 3(c))."""
    means = [i for d in MEANS_DIMS for i in all_in(d)]
    a = screen(age="under_18", observed=EXPLOIT, not_observed=means, facts={"act_present": "observed"})
    assert a.ilo_conclusion == "yes"
    assert profile(a, "child_labour") == "yes"


def test_child_rule_accepts_established_sexual_exploitation_instead_of_exp():
    """Child rule: act AND (EXP positive OR sexual exploitation of the child established)."""
    facts = {"act_present": "observed", "sexual_exploitation_of_child_established": "observed"}
    a = screen(age="under_18", types=["sexual"], facts=facts)
    assert a.ilo_conclusion == "yes"


def test_child_rule_without_the_act_is_insufficient_until_the_act_is_answered():
    """Child rule: act present is required; unknown act -> insufficient, act ruled out -> no."""
    assert screen(age="under_18", observed=EXPLOIT).ilo_conclusion == "insufficient_information"
    a = screen(age="under_18", observed=EXPLOIT, facts={"act_present": "not_observed"})
    assert a.ilo_conclusion == "no"


def test_child_rule_for_unknown_age_is_only_insufficient_information():
    """engine_reading.age_unknown: a met child rule lacks its age element; the adult rule still counts."""
    a = screen(age="unknown", observed=EXPLOIT, facts={"act_present": "observed"})
    assert profile(a, "child_labour") == "insufficient_information"
    assert a.ilo_conclusion == "insufficient_information"
    assert a.unknowns[0].id in ("acute_danger", "age_group")
    age = next(u for u in a.unknowns if u.id == "age_group")
    assert "ilo_conclusion" in age.effects


def test_the_adult_rule_is_evaluated_per_profile_and_sexual_profiles_are_labelled_proxy():
    """engine_strength_proxy: sexual profiles reuse labour strengths and are labelled."""
    a = screen(types=["sexual"], observed=RECRUIT + EXPLOIT + COERCE)
    assert [p.id for p in a.profiles] == ["adult_sexual"]
    assert a.profiles[0].strength_basis == "proxy_labour_list"
    assert a.strengths_proxy is True
    assert a.ilo_conclusion == "yes"


def test_labour_profiles_are_not_labelled_proxy():
    a = screen(types=["labour"], observed=EXPLOIT)
    assert a.profiles[0].strength_basis == "secondary_only"
    assert a.strengths_proxy is False


def test_unknown_exploitation_type_evaluates_labour_and_sexual_profiles():
    a = screen(types=["unknown"])
    assert [p.id for p in a.profiles] == ["adult_labour", "adult_sexual"]
