"""§ 257 elements, § 258 factors and ILO forced labour (catalogue mappings).

§ 257 (verified): means (vold, trusler, misbruk av sårbar situasjon, annen
utilbørlig atferd) + conduct + purpose; third paragraph: under 18, means not
required; first paragraph needs no recruitment or transport. ILO → § 257
means mapping and conduct reading: design_choice. Forced labour: both
involuntariness and coercion (C29, Hard to see 2012), screening mapping
design_choice. § 258: factors only, not a checklist.
"""

from __future__ import annotations

from tokt.screening.tests.helpers import all_in, screen


def test_257_means_follow_the_catalogue_mapping():
    """ILO → § 257 means (design): violence → vold; threats → trusler; AVR/AVD/debt → sårbar; papers → utilbørlig."""
    assert screen(observed=["CD04"]).section_257["means"]["elements"]["N_VOLD"] == "met"
    assert screen(observed=["CD11"]).section_257["means"]["elements"]["N_TRUSLER"] == "met"
    assert screen(observed=["CD02"]).section_257["means"]["elements"]["N_SARBAR"] == "met"
    assert screen(observed=["CD01"]).section_257["means"]["elements"]["N_UTILB"] == "met"
    # A dimension listed as a signal counts only when positive: one AVD sign is not enough.
    assert screen(observed=["AVD01"]).section_257["means"]["elements"]["N_SARBAR"] == "unknown"
    assert screen(observed=["AVD01", "AVD02", "AVD03"]).section_257["means"]["elements"]["N_SARBAR"] == "met"


def test_257_needs_purpose_and_means_for_an_adult():
    assert screen(observed=["CD01"]).section_257["status"] == "unknown"  # purpose not shown yet
    a = screen(observed=["CD01", "EXP01", "EXP04"])
    assert a.section_257["purpose"]["elements"]["P_B"] == "met"
    assert a.section_257["status"] == "met"


def test_257_does_not_need_recruitment_or_the_act():
    """§ 257 first paragraph: exploitation by the listed means is the offence itself."""
    a = screen(
        observed=["CD01", "EXP01", "EXP04"],
        not_observed=all_in("DR") + all_in("CR") + all_in("AVR"),
        facts={"act_present": "not_observed"},
    )
    # METHOD § 1: a means sign (CD01) is present, so the ILO result is never "no".
    assert a.ilo_conclusion == "insufficient_information"
    assert a.section_257["status"] == "met"
    assert a.section_257["facilitation_act"] == "not_met"


def test_257_third_paragraph_means_are_not_required_under_18():
    means = [i for d in ("DR", "CR", "AVR", "CD", "AVD") for i in all_in(d)]
    a = screen(age="under_18", observed=["EXP01", "EXP04"], not_observed=means)
    assert a.section_257["means"]["status"] == "not_met"
    assert a.section_257["means_required"] == "no"
    assert a.section_257["status"] == "met"


def test_257_with_unknown_age_and_no_means_stays_unknown():
    means = [i for d in ("DR", "CR", "AVR", "CD", "AVD") for i in all_in(d)]
    a = screen(age="unknown", observed=["EXP01", "EXP04"], not_observed=means)
    assert a.section_257["means_required"] == "unknown"
    assert a.section_257["status"] == "unknown"


def test_257_purposes_not_screened_are_labelled_so():
    elements = screen().section_257["purpose"]["elements"]
    assert elements["P_C"] == elements["P_D"] == "not_screened"


def test_258_factors_are_met_not_met_or_unknown():
    """§ 258 (verified): under 18, gross violence or coercion, significant proceeds."""
    a = screen(age="under_18", facts={"gross_violence": "observed", "significant_proceeds": "not_observed"})
    assert a.section_258 == {"G_UNDER18": "met", "G_GROV_VOLD_TVANG": "met", "G_UTBYTTE": "not_met"}
    assert screen(age="unknown").section_258["G_UNDER18"] == "unknown"
    assert screen(age="adult").section_258["G_UNDER18"] == "not_met"


def test_forced_labour_needs_both_involuntariness_and_coercion():
    """METHOD § 5: involuntariness + coercion, read as EXP and (CD or AVD) positive."""
    only_invol = screen(observed=["EXP01", "EXP04"])
    assert only_invol.forced_labour["involuntariness"] == "met"
    assert only_invol.forced_labour["status"] == "unknown"
    both = screen(observed=["EXP01", "EXP04", "CD01", "CD14"])
    assert both.forced_labour["coercion"] == "met"
    assert both.forced_labour["status"] == "met"
    assert both.continuum == "forced_labour"
    via_avd = screen(observed=["EXP01", "EXP04", "AVD01", "AVD02", "AVD03"])
    assert via_avd.forced_labour["status"] == "met"


def test_forced_labour_is_not_met_when_coercion_is_ruled_out():
    a = screen(observed=["EXP01", "EXP04"], not_observed=all_in("CD") + all_in("AVD"))
    assert a.forced_labour["coercion"] == "not_met"
    assert a.forced_labour["status"] == "not_met"


def test_a_positive_dr_plus_one_coercion_sign_is_not_forced_labour():
    """The old extra path (DR positive + a single coercion sign) is not in METHOD § 5: removed."""
    a = screen(observed=["DR01", "DR02", "CD01"])
    assert a.forced_labour["status"] != "met"
    assert a.continuum != "forced_labour"
    # The signs are never lost: a means sign keeps the ILO result from "no".
    assert a.ilo_conclusion != "no"


def test_ilo_forced_labour_indicators_are_listed_and_count_as_means_signs():
    """FL indicators are shown for reading; one mapped to a means dimension blocks a "no"."""
    a = screen(observed=["FL11", "FL07"], not_observed=all_in("EXP"))
    assert {"FL07", "FL11"} <= set(a.forced_labour["ilo_indicators_present"])
    assert a.ilo_conclusion == "insufficient_information"


def test_ilo_forced_labour_indicators_present_are_derived_from_delphi_signs():
    present = screen(observed=["CD01", "EXP01"]).forced_labour["ilo_indicators_present"]
    assert present == ["FL07", "FL11"]
