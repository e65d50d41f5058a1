"""The rules changed on 2026-12-03 (METHOD §§ 1 and 5; issue 11), each test citing its rule."""

from __future__ import annotations

from tokt.screening.tests.helpers import FORBIDDEN, all_in, screen

# Issue 11: a 16-year-old washing cars in Fauske, unpaid, passport held by the
# employer, sleeping at the car wash, working long days. Synthetic.
FAUSKE_MINOR = {
    "age": "under_18",
    "types": ["labour"],
    "role": "child_welfare",
    "sector": "car_wash",
    "municipality": "1841",
    "observed": ["EXP04", "EXP02", "EXP05", "CD01"],
}
MEANS = [i for d in ("DR", "CR", "AVR", "CD", "AVD") for i in all_in(d)]


def test_the_fauske_car_wash_minor_is_placed_at_possible_trafficking():
    """METHOD § 5: under 18 and EXP positive -> mulig menneskehandel, whatever is known about act or means."""
    a = screen(**FAUSKE_MINOR)
    assert a.continuum == "possible_trafficking"
    # The ILO conclusion still follows § 1: the act is unknown, so it is not "yes" yet.
    assert a.ilo_conclusion == "insufficient_information"
    assert a.section_257["status"] == "met"
    assert "under 18" in a.continuum_reason.en


def test_the_fauske_minor_opens_with_child_welfare_and_lists_the_labour_authorities():
    a = screen(**FAUSKE_MINOR)
    assert a.to_dict()["may_be_minor"] is True
    assert a.situations[0] == "minor"
    ids = [s.actor_id for s in a.next_steps]
    assert "child_welfare_municipal" in ids[:2] and "barnevernvakt_fauske" in ids
    assert ids.index("child_welfare_municipal") < ids.index("arbeidstilsynet") < ids.index("akrim_nordland")


def test_a_child_with_exploitation_and_no_act_or_means_is_possible_trafficking():
    """§ 257 needs no recruitment or transport; third paragraph needs no means for a child."""
    a = screen(age="under_18", observed=["EXP01", "EXP04"], not_observed=MEANS, facts={"act_present": "not_observed"})
    assert a.continuum == "possible_trafficking"


def test_sexual_exploitation_of_a_child_is_possible_trafficking():
    a = screen(age="under_18", types=["sexual"], facts={"sexual_exploitation_of_child_established": "observed"})
    assert a.continuum == "possible_trafficking"


def test_a_person_who_may_be_under_18_with_exploitation_is_possible_trafficking():
    """METHOD § 5: "is or may be under 18"; the page says to find out the age."""
    a = screen(age="unknown", observed=["EXP01", "EXP04"])
    assert a.continuum == "possible_trafficking"
    assert "may be under 18" in a.continuum_reason.en


def test_a_minor_with_nothing_known_still_gets_the_child_welfare_contacts():
    for age in ("under_18", "unknown"):
        a = screen(age=age, types=["unknown"], municipality="1841")
        assert a.situations == ("minor",)
        assert "child_welfare_municipal" in [s.actor_id for s in a.next_steps]
        assert a.to_dict()["may_be_minor"] is True
    assert screen(age="adult").to_dict()["may_be_minor"] is False


def test_ilo_no_only_without_any_means_sign():
    """METHOD § 1: "no" = rule not met AND no indicator in any means dimension."""
    ruled_out = all_in("EXP")
    assert screen(not_observed=ruled_out + MEANS).ilo_conclusion == "no"
    for sign in ("DR02", "CR05", "AVR06", "CD14", "AVD01"):
        a = screen(observed=[sign], not_observed=ruled_out)
        assert a.ilo_conclusion == "insufficient_information", sign


def test_unknown_never_reads_as_not_trafficking():
    """Every answer unknown: nothing in the output reads as "not trafficking"."""
    for age in ("adult", "under_18", "unknown"):
        a = screen(age=age, types=["unknown"])
        assert a.ilo_conclusion == "insufficient_information"
        assert a.continuum == "insufficient_information"
        text = str(a.to_dict()).lower()
        for phrase in FORBIDDEN:
            assert phrase not in text
