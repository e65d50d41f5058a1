"""The ILO/EC dimension rule (catalogue: combination_rules.dimension_positive).

Rule as encoded (secondary_only, citing WCMS_105023 p. 3): a dimension is
positive with at least (a) 2 strong; or (b) 1 strong + 1 medium-or-weak; or
(c) 3 medium; or (d) 2 medium + 1 weak. Adult-labour strengths are used here.
"""

from __future__ import annotations

from tokt.screening.tests.helpers import dim, screen


def test_clause_a_two_strong_make_a_dimension_positive():
    """Rule (a): 2 strong. CD01 and CD02 are strong in the adult labour list."""
    assert dim(screen(observed=["CD01", "CD02"]), "CD") == "positive"


def test_clause_b_one_strong_and_one_medium_make_a_dimension_positive():
    """Rule (b): 1 strong + 1 medium. DR01 strong, DR02 medium."""
    assert dim(screen(observed=["DR01", "DR02"]), "DR") == "positive"


def test_clause_b_one_strong_and_one_weak_make_a_dimension_positive():
    """Rule (b): 1 strong + 1 weak ("medium-or-weak"). DR01 strong, DR10 weak for adults."""
    assert dim(screen(observed=["DR01", "DR10"]), "DR") == "positive"


def test_clause_c_three_medium_make_a_dimension_positive():
    """Rule (c): 3 medium. DR02, DR03, DR08 are medium."""
    assert dim(screen(observed=["DR02", "DR03", "DR08"]), "DR") == "positive"


def test_clause_d_two_medium_and_one_weak_make_a_dimension_positive():
    """Rule (d): 2 medium + 1 weak. AVR01, AVR02 medium; AVR15 weak for adults."""
    assert dim(screen(observed=["AVR01", "AVR02", "AVR15"]), "AVR") == "positive"


def test_one_strong_sign_alone_is_not_enough():
    """Consequence of the rule: one strong indicator alone does not make a dimension positive."""
    a = screen(observed=["CD04"])
    assert dim(a, "CD") == "cannot_tell_yet"


def test_two_medium_signs_alone_are_not_enough():
    """Rule (c) needs 3 medium; (d) needs a weak as well."""
    assert dim(screen(observed=["CD05", "CD06"]), "CD") == "cannot_tell_yet"


def test_weak_signs_alone_never_make_a_dimension_positive():
    """Consequence: weak indicators alone never suffice; all weak AVD signs for adults are not enough."""
    a = screen(observed=["AVD06", "AVD07"], not_observed=["AVD01", "AVD02", "AVD03", "AVD04", "AVD05"])
    assert dim(a, "AVD") == "not_positive"


def test_adult_avr_needs_three_medium_or_two_medium_and_one_weak():
    """Consequence: adult AVR has no strong items; 2 medium is not enough, 3 medium or 2 medium + 1 weak is."""
    assert dim(screen(observed=["AVR01", "AVR02"]), "AVR") == "cannot_tell_yet"
    assert dim(screen(observed=["AVR01", "AVR02", "AVR03"]), "AVR") == "positive"
    assert dim(screen(observed=["AVR01", "AVR02", "AVR16"]), "AVR") == "positive"


def test_adult_avd_needs_three_medium_or_two_medium_and_one_weak():
    """Consequence: adult AVD has no strong items (AVD06, AVD07 weak)."""
    assert dim(screen(observed=["AVD01", "AVD02"]), "AVD") == "cannot_tell_yet"
    assert dim(screen(observed=["AVD01", "AVD02", "AVD03"]), "AVD") == "positive"
    assert dim(screen(observed=["AVD01", "AVD02", "AVD07"]), "AVD") == "positive"


def test_indicators_count_only_inside_their_own_dimension():
    """Consequence: CR03 (recruitment) and CD01 (destination) are different indicators; they do not add up."""
    a = screen(observed=["CR03", "CD01"])
    assert dim(a, "CR") == "cannot_tell_yet"
    assert dim(a, "CD") == "cannot_tell_yet"


def test_a_dimension_is_not_positive_only_when_the_answers_rule_it_out():
    """Unknown is never "no": cannot_tell_yet until the answered "no"s make the rule unreachable."""
    ids = ["DR01", "DR02", "DR03", "DR04", "DR05", "DR06", "DR07", "DR08"]
    # Left open: DR08, DR09 (medium) and DR10 (weak): rule (d) is still reachable.
    assert dim(screen(not_observed=ids[:7]), "DR") == "cannot_tell_yet"
    # Left open: DR09 (medium) and DR10 (weak): no clause can be met any more.
    assert dim(screen(not_observed=ids), "DR") == "not_positive"


def test_the_deciding_indicators_are_listed_with_their_strength():
    a = screen(observed=["CD01", "CD14"])
    cd = next(d for d in a.profiles[0].dimensions if d.id == "CD")
    assert cd.observed == (("CD01", "strong"), ("CD14", "medium"))
    assert cd.unknown_count == 13


def test_child_strengths_differ_from_adult_strengths():
    """Secondary: child lists have no weak tier; CD05 is strong for children, medium for adults."""
    assert dim(screen(age="under_18", observed=["CD05", "CD06"]), "CD") == "positive"
    assert dim(screen(age="adult", observed=["CD05", "CD06"]), "CD") == "cannot_tell_yet"


def test_indicators_missing_from_the_child_list_are_not_counted_for_a_child():
    """Secondary: AVR07 and EXP06 are not in the child labour list."""
    a = screen(age="under_18", observed=["EXP06", "EXP04"])
    assert dim(a, "EXP") == "cannot_tell_yet"
    assert "not_in_child_list" in [k for k, _ in a.notes]
