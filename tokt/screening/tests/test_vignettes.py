"""Vignettes: short synthetic cases set in northern Norway, with the outcome
the encoded rules give. Boundary cases from METHOD.md §6 are marked.
All persons are invented.
"""

from __future__ import annotations

from tokt.screening.tests.helpers import FORBIDDEN, actors, all_text, dim, screen
from tokt.screening.tests.vignettes import CASES


def _no_verdict_words(a) -> None:
    text = all_text(a)
    for phrase in FORBIDDEN:
        assert phrase not in text, phrase


def test_v01_bad_pay_alone_is_social_dumping_and_never_no():
    """Boundary: bad pay alone. A Polish worker at a fish plant in Bodø says the pay is far below the
    tariff; nothing else is known yet."""
    a = screen(**CASES["v01"])
    assert a.continuum == "social_dumping"
    assert a.ilo_conclusion == "insufficient_information"
    assert a.section_257["status"] == "unknown"
    assert "arbeidstilsynet" in actors(a)
    assert "police_nordland_trafficking" not in actors(a)
    _no_verdict_words(a)


def test_v02_bad_pay_with_every_coercion_sign_answered_no():
    """Boundary: bad pay alone, after a full conversation. A fish-plant worker in Meløy is underpaid,
    but every recruitment and coercion question is answered no."""
    a = screen(**CASES["v02"])
    assert a.ilo_conclusion == "no"
    assert a.continuum == "social_dumping"
    assert a.section_257["means"]["status"] == "not_met"
    assert "ilo_rule_scope" in [k for k, _ in a.notes]
    _no_verdict_words(a)


def test_v03_child_with_no_means_used():
    """Boundary: a child with no means used. A 16-year-old girl was brought by a relative to Fauske and
    works long days in a restaurant instead of going to school. No threats, no deception."""
    a = screen(**CASES["v03"])
    assert a.ilo_conclusion == "yes"
    assert a.continuum == "possible_trafficking"
    assert a.section_257["means_required"] == "no"
    assert a.section_257["status"] == "met"
    assert a.section_258["G_UNDER18"] == "met"
    assert a.situations == ("minor",)
    assert actors(a)[:3] == ["emergency_police", "child_welfare_municipal", "child_helpline"]
    assert {"police_nordland_trafficking", "bufdir_minors"} <= set(actors(a))
    child_welfare = next(s for s in a.next_steps if s.actor_id == "child_welfare_municipal")
    assert child_welfare.contact is not None and "Fauske" in child_welfare.contact.name
    _no_verdict_words(a)


def test_v04_consent_despite_means_changes_nothing():
    """Boundary: consent although means were used (Palermo art. 3(b)). A man at a car wash in Bodø says
    he agreed, but was deceived about pay and conditions, and now owes a growing debt and has no passport."""
    with_consent = screen(**CASES["v04_consent"])
    without = screen(**CASES["v04"])
    assert with_consent.ilo_conclusion == without.ilo_conclusion == "yes"
    assert with_consent.continuum == without.continuum == "possible_trafficking"
    assert "consent" in [k for k, _ in with_consent.notes]
    assert with_consent.situations == without.situations and actors(with_consent) == actors(without)
    _no_verdict_words(with_consent)


def test_v05_exploitation_without_deceptive_recruitment_is_forced_labour_and_257_may_apply():
    """Boundary: exploitation without deceptive recruitment. A Lithuanian woman found the job at a fish
    plant in Steigen herself and knew the terms; at the plant her passport is kept and wages are held
    back. The ILO rule is not met, but § 257 needs no recruitment, so it may still apply."""
    a = screen(**CASES["v05"])
    # METHOD § 1: means signs (passport, wages) are present, so never "no".
    assert a.ilo_conclusion == "insufficient_information"
    assert a.continuum == "forced_labour"
    assert a.section_257["status"] == "met"
    assert a.section_257["requires_recruitment_or_transport"] is False
    assert "257" in a.continuum_reason.en and "may still apply" in a.continuum_reason.en
    assert "§ 257 kan likevel være aktuell" in a.continuum_reason.nb
    assert "police_nordland_trafficking" in actors(a)
    _no_verdict_words(a)


def test_v06_domestic_violence_hiding_exploitation():
    """Boundary: domestic violence that hides exploitation. A woman married to a man in Saltdal works
    unpaid long days in his family's guesthouse; he keeps her passport, she is isolated and depends on
    him for housing and residence. How she came here is not known yet."""
    a = screen(**CASES["v06"])
    assert a.continuum == "forced_labour"
    assert a.ilo_conclusion == "insufficient_information"
    assert {"krisesenter_salten", "violence_helpline", "police_nordland_trafficking"} <= set(actors(a))
    assert any(u.id.startswith(("DR", "CR", "AVR")) for u in a.unknowns)
    _no_verdict_words(a)


def test_v07_forced_begging_with_recruitment_by_abuse_of_vulnerability():
    """A Romanian man is driven to Bodø centre daily to beg, hands over what he gets and is threatened.
    He was recruited at home in poverty, without the language, to support his family."""
    a = screen(**CASES["v07"])
    assert dim(a, "AVR") == dim(a, "EXP") == dim(a, "CD") == "positive"
    assert a.ilo_conclusion == "yes"
    assert a.forced_labour["status"] == "met"


def test_v08_adult_sexual_exploitation_uses_the_labelled_proxy():
    """A woman in a flat in Bodø is advertised online by others, was recruited by a 'boyfriend', owes a
    growing debt and is threatened with being exposed to her family."""
    a = screen(**CASES["v08"])
    assert a.ilo_conclusion == "yes"
    assert a.profiles[0].strength_basis == "proxy_labour_list"
    assert "proxy" in [k for k, _ in a.notes]
    assert a.section_257["purpose"]["elements"]["P_A"] == "met"
    assert a.situations == ("adult_sexual_exploitation",)
    assert "arbeidstilsynet" not in actors(a)


def test_v09_online_grooming_of_a_teenager_asks_about_the_act_first():
    """A 15-year-old boy in Hamarøy met an adult online and is paid for sexual images. How he was
    approached and moved is not known yet."""
    a = screen(**CASES["v09"])
    assert a.ilo_conclusion == "insufficient_information"
    act = next(u for u in a.unknowns if u.id == "act_present")
    assert "ilo_conclusion" in act.effects
    assert a.unknowns.index(act) <= 1  # after the acute-danger check only
    assert {"child_welfare_municipal", "bufdir_minors"} <= set(actors(a))


def test_v10_labour_crime_without_coercion():
    """A construction crew in Fauske has no contracts, no insurance and unsafe scaffolding; nobody is
    held, threatened or in debt."""
    a = screen(**CASES["v10"])
    assert a.continuum == "labour_crime"
    assert a.situations == ("adult_forced_labour",)
    assert actors(a).index("arbeidstilsynet") + 1 == actors(a).index("akrim_nordland")
    assert a.next_steps[0].reason.nb == "Akutt fare? Ring 112"  # not serious: no extra acute-danger check


def test_v11_acute_danger_puts_112_first():
    """A woman at a massage salon in Bodø has fresh injuries and says the owner will come back tonight."""
    a = screen(**CASES["v11"])
    assert actors(a)[:2] == ["emergency_police", "medical_emergency"]
    assert a.next_steps[0].contact is not None and a.next_steps[0].contact.phone == "112"
    assert a.acute


def test_v12_unknown_age_with_the_child_rule_met_asks_about_age():
    """A young worker at a fish farm in Gildeskål was brought by an agent, works very long hours and no
    longer goes to school. Nobody knows whether the worker is 17 or 19."""
    a = screen(**CASES["v12"])
    assert a.ilo_conclusion == "insufficient_information"
    age = next(u for u in a.unknowns if u.id == "age_group")
    assert "ilo_conclusion" in age.effects
    assert "child_welfare_municipal" in actors(a) and "minor" in a.situations
    assert "age_unknown" in [k for k, _ in a.notes]


def test_v13_seasonal_berry_picker_with_costs_eating_the_pay():
    """A seasonal berry picker in Saltdal pays the agent for housing and transport so that little pay is
    left; no other sign is known."""
    a = screen(**CASES["v13"])
    assert a.continuum == "social_dumping"
    assert any(u.kind == "indicator" and "continuum" in u.effects for u in a.unknowns)


def test_v14_truck_driver_living_in_the_cab_is_labour_crime_that_could_reach_forced_labour():
    """A driver for a foreign haulier sleeps in the cab for weeks, drives beyond the rules, and would
    lose the wages owed if he quit. METHOD § 5: forced labour needs CD or AVD positive; one withheld
    wage (CD14) is below threshold, so the placement is labour crime with forced labour still open."""
    a = screen(**CASES["v14"])
    assert a.forced_labour["involuntariness"] == "met"
    assert a.forced_labour["coercion"] == "unknown"
    assert a.continuum == "labour_crime"
    assert a.continuum_could_reach == "possible_trafficking"
    assert a.ilo_conclusion == "insufficient_information"
    assert a.section_257["status"] == "met"
    _no_verdict_words(a)


def test_v15_a_minor_at_a_car_wash_in_fauske():
    """The done-when case. A Romanian boy, about 16, is found working at a car wash in Fauske; he was
    brought by others, gets almost no pay and no longer goes to school. Child welfare screens."""
    a = screen(**CASES["fauske_car_wash_minor"])
    assert a.continuum == "possible_trafficking"
    assert a.situations == ("minor",)
    assert actors(a) == [
        "emergency_police",
        "child_welfare_municipal",
        "child_helpline",
        "barnevernvakt_fauske",
        "police_switchboard",
        "police_nordland_trafficking",
        "bufdir_minors",
        "arbeidstilsynet",
        "akrim_nordland",
    ]
    assert "barnevernvakt_bodo" not in actors(a)
    assert "Fauske" in a.next_steps[1].contact.name
    _no_verdict_words(a)
