"""Contacts and referral providers, situations and next-step routing (design_choice, METHOD.md §5).

The equality with the directory's answer on the real data is in
test_routing_matches_directory.py.
"""

from __future__ import annotations

import json

from tokt.screening.engine import (
    Contact,
    NoContacts,
    ReferralStep,
    YamlContacts,
    YamlReferrals,
    assess,
    render_text,
)
from tokt.screening.engine.catalogue import Text
from tokt.screening.engine.referrals import DEFAULT_REFERRALS, default_referrals
from tokt.screening.engine.routing import SITUATION_ORDER
from tokt.screening.engine.texts import STEP_REASON
from tokt.screening.tests.helpers import CONTACTS, FIXTURES, actors, make_input, screen

TRAFFICKING_SIGNS = ["DR01", "DR08", "EXP01", "EXP04", "CD01", "CD03"]
NO_DANGER = {"acute_danger": "not_observed"}


class Paths:
    """A referral provider with made-up steps: the routing must follow it and nothing else."""

    def __init__(self, steps: dict[str, list[tuple[str, list[str]]]]) -> None:
        self.steps = {
            sid: tuple(ReferralStep(tuple(a), Text(f"{t} (nb)", t)) for t, a in items) for sid, items in steps.items()
        }

    def steps_for(self, situation_id: str) -> tuple[ReferralStep, ...]:
        return self.steps.get(situation_id, ())


class Everyone:
    def resolve(self, actor_id: str, municipality: str | None) -> Contact | None:
        return Contact(id=actor_id, name=f"{actor_id}@{municipality}")


# ----------------------------------------------------------------- providers


def test_yaml_contacts_tolerates_missing_keys_and_broken_entries():
    c = CONTACTS.resolve("arbeidstilsynet", None)
    assert c is not None and c.name == "Arbeidstilsynet (test)" and c.phone is None
    assert c.description is not None and c.description.en == "Labour inspection"
    assert CONTACTS.resolve("broken_entry_without_name", None).name == "broken_entry_without_name"


def test_yaml_contacts_picks_the_municipality_and_never_another_one():
    assert "Fauske" in CONTACTS.resolve("child_welfare_municipal", "1841").name
    assert "Bodø" in CONTACTS.resolve("child_welfare_municipal", "1804").name
    assert CONTACTS.resolve("child_welfare_municipal", "1806") is None
    assert CONTACTS.resolve("child_welfare_municipal", None) is None
    assert CONTACTS.resolve("police_nordland_trafficking", None) is not None  # one regional entry


def test_a_missing_actors_file_gives_actor_ids_without_contacts(tmp_path):
    contacts = YamlContacts(tmp_path / "missing.yaml")
    assert contacts.resolve("rosa", None) is None and contacts.keeps_unresolved
    a = assess(make_input(observed=["EXP04"]), contacts=contacts)
    assert actors(a) == ["arbeidstilsynet"] and a.next_steps[0].contact is None
    child = assess(make_input(age="under_18", observed=["EXP04"]), contacts=contacts)
    assert "bufdir_minors" in actors(child)  # nobody is left out: the directory is just empty


def test_any_provider_following_the_protocol_can_be_passed():
    a = assess(make_input(observed=["EXP04"], municipality="1804"), contacts=Everyone())
    assert a.next_steps[0].contact.name == "arbeidstilsynet@1804"
    assert assess(make_input(), contacts=NoContacts()).next_steps == ()


def test_the_fixture_file_is_the_one_used():
    assert CONTACTS.path == FIXTURES / "actors.yaml"
    assert not CONTACTS.keeps_unresolved


def test_yaml_referrals_reads_the_directory_file_once():
    paths = default_referrals()
    assert paths is default_referrals() and paths.path == DEFAULT_REFERRALS
    assert set(SITUATION_ORDER) <= set(paths.situation_ids)
    assert all(paths.steps_for(s)[0].actors[0] == "emergency_police" for s in SITUATION_ORDER)
    assert paths.steps_for("minor")[1].title.nb == "Meld fra til barnevernet straks"
    assert paths.title_for("acute_danger") == Text("Akutt fare", "Acute danger")
    assert paths.steps_for("does_not_exist") == () and paths.title_for("does_not_exist") is None


def test_yaml_referrals_tolerates_a_missing_file_and_broken_entries(tmp_path):
    assert YamlReferrals(tmp_path / "missing.yaml").steps_for("minor") == ()
    path = tmp_path / "paths.yaml"
    path.write_text(
        """
situations:
  - id: minor
    title: {nb: Barn}
    steps:
      - {title: {nb: Ring, en: Call}, actors: [emergency_police, 7]}
      - {title: {nb: Tom}, actors: []}
      - actors: child_welfare_municipal
      - not a step
  - {id: minor, steps: [{actors: [rosa]}]}
  - {title: {nb: uten id}}
  - just a string
""",
        encoding="utf-8",
    )
    steps = YamlReferrals(path).steps_for("minor")
    assert [s.actors for s in steps] == [("emergency_police",), ("child_welfare_municipal",)]
    assert steps[0].title == Text("Ring", "Call") and steps[1].title == Text("Barn", "Barn")
    a = assess(make_input(age="under_18", observed=["EXP04"]), contacts=NoContacts(), referrals=YamlReferrals(path))
    assert actors(a) == ["emergency_police", "child_welfare_municipal"]
    assert render_text(a).count("Situasjon: Barn") == 1


# ----------------------------------------------------------------- situations


def test_situations_follow_the_observed_facts_in_a_fixed_urgency_order():
    facts = {"acute_danger": "observed", "wants_no_police": "observed", "no_legal_residence": "observed"}
    a = screen(age="unknown", types=["unknown"], observed=TRAFFICKING_SIGNS, facts=facts)
    assert a.situations == (
        "acute_danger",
        "no_police_wanted",
        "adult_sexual_exploitation",
        "adult_forced_labour",
        "no_legal_residence",
    )
    assert list(a.situations) == [s for s in SITUATION_ORDER if s in a.situations]
    assert a.to_dict()["situations"] == list(a.situations)
    assert a.acute


def test_wishes_and_residence_alone_make_no_situation():
    facts = {"wants_no_police": "observed", "no_legal_residence": "observed", "person_consented": "observed"}
    assert screen(facts=facts).situations == ("no_police_wanted", "no_legal_residence")  # facts are observations
    assert screen(facts={"person_consented": "observed"}).situations == ()
    assert screen().situations == () and screen().next_steps == ()


def test_a_child_is_the_minor_situation_and_never_an_adult_one():
    a = screen(age="under_18", types=["unknown"], observed=TRAFFICKING_SIGNS, facts=NO_DANGER)
    assert a.situations == ("minor",) and not a.acute


def test_an_unknown_age_is_the_minor_situation_only_when_the_child_rule_would_be_met():
    a = screen(age="unknown", observed=["EXP01", "EXP09"], facts={"act_present": "observed"})
    assert "minor" in a.situations
    assert "minor" not in screen(age="unknown", observed=["EXP04"]).situations


def test_sexual_exploitation_and_forced_labour_situations_follow_the_types():
    sexual = screen(types=["sexual"], observed=TRAFFICKING_SIGNS, facts=NO_DANGER)
    assert sexual.situations == ("adult_sexual_exploitation",)
    labour = screen(types=["labour"], observed=TRAFFICKING_SIGNS, facts=NO_DANGER)
    assert labour.situations == ("adult_forced_labour",)
    crime = screen(observed=["EXP05"], facts={"clear_law_breach": "observed"})
    assert crime.continuum == "labour_crime" and crime.situations == ("adult_forced_labour",)
    assert screen(observed=["EXP04"]).situations == ()  # social dumping only


# ----------------------------------------------------------------- next steps from the paths


def test_next_steps_come_only_from_the_situations_steps_with_the_step_titles_as_reasons():
    paths = Paths(
        {
            "minor": [("Call", ["emergency_police"]), ("Tell", ["child_welfare_municipal", "x_only_here"])],
            "adult_forced_labour": [
                ("Call again", ["emergency_police"]),
                ("Work", ["x_work", "child_welfare_municipal"]),
            ],
        }
    )
    inp = make_input(age="unknown", observed=["EXP01", "EXP09"], facts={"act_present": "observed", **NO_DANGER})
    a = assess(inp, contacts=Everyone(), referrals=paths)
    assert a.situations == ("minor", "adult_forced_labour")
    assert actors(a) == ["emergency_police", "child_welfare_municipal", "x_only_here", "x_work"]
    assert [s.reason.en for s in a.next_steps] == ["Call", "Tell", "Tell", "Work"]
    assert a.next_steps[1].reason.nb == "Tell (nb)"


def test_actors_the_provider_cannot_resolve_for_the_municipality_are_left_out():
    class OnlyBodo:
        def resolve(self, actor_id: str, municipality: str | None) -> Contact | None:
            return (
                Contact(id=actor_id, name=actor_id)
                if actor_id != "barnevernvakt_bodo" or municipality == "1804"
                else None
            )

    inp = dict(age="under_18", observed=["EXP04"], facts=NO_DANGER)
    fauske = assess(make_input(**inp, municipality="1841"), contacts=OnlyBodo())
    bodo = assess(make_input(**inp, municipality="1804"), contacts=OnlyBodo())
    assert "barnevernvakt_bodo" not in actors(fauske) and "barnevernvakt_bodo" in actors(bodo)
    assert all(s.contact is not None for s in fauske.next_steps)
    kept = assess(make_input(**inp, municipality="1841"), contacts=NoContacts())
    assert "barnevernvakt_bodo" in actors(kept) and all(s.contact is None for s in kept.next_steps)


def test_a_child_routes_to_112_child_welfare_the_police_and_bufdir():
    a = screen(age="under_18", observed=["EXP04"], facts=NO_DANGER, municipality="1841")
    assert actors(a) == [
        "emergency_police",
        "child_welfare_municipal",
        "child_helpline",
        "barnevernvakt_fauske",
        "police_switchboard",
        "police_nordland_trafficking",
        "bufdir_minors",
    ]
    assert a.next_steps[1].reason.nb == "Meld fra til barnevernet straks"
    assert "Fauske" in a.next_steps[1].contact.name


def test_a_person_who_wants_no_police_gets_rosa_first_and_advice_without_names():
    a = screen(observed=TRAFFICKING_SIGNS, facts={**NO_DANGER, "wants_no_police": "observed"}, municipality="1804")
    assert a.situations == ("no_police_wanted", "adult_forced_labour")
    # Step 1 of the path also names the municipal child welfare service (for a minor); then ROSA.
    assert actors(a)[:3] == ["emergency_police", "child_welfare_municipal", "rosa"]
    police = next(s for s in a.next_steps if s.actor_id == "police_nordland_trafficking")
    assert "Anonymous" in police.reason.en


def test_nav_workers_and_everyone_else_get_the_same_path():
    a = screen(observed=TRAFFICKING_SIGNS, facts=NO_DANGER, role="nav")
    b = screen(observed=TRAFFICKING_SIGNS, facts=NO_DANGER, role="health")
    assert actors(a) == actors(b) and "htso_nav" in actors(a)


# ----------------------------------------------------------------- the extras


def test_acute_danger_routes_to_112_and_113_before_anything_else():
    a = screen(
        age="under_18", observed=["EXP01", "EXP09"], facts={"acute_danger": "observed", "act_present": "observed"}
    )
    assert a.situations[0] == "acute_danger" and actors(a)[:2] == ["emergency_police", "medical_emergency"]
    assert a.next_steps[0].reason.nb == "Ring 112" and a.acute


def test_an_unknown_acute_danger_is_checked_first_in_serious_cases():
    a = screen(observed=TRAFFICKING_SIGNS)
    assert a.next_steps[0].actor_id == "emergency_police"
    assert a.next_steps[0].reason == STEP_REASON["emergency_police_check"] and not a.acute
    answered = screen(observed=TRAFFICKING_SIGNS, facts=NO_DANGER)
    assert answered.next_steps[0].reason.nb == "Akutt fare? Ring 112"
    # Serious (means present) but no situation: the check is the only step, first.
    means_only = screen(observed=["CD01"])
    assert means_only.situations == () and actors(means_only) == ["emergency_police"]
    assert means_only.next_steps[0].reason == STEP_REASON["emergency_police_check"]
    assert screen(observed=["EXP04"], facts=NO_DANGER).next_steps[0].actor_id != "emergency_police"


def test_signs_of_violence_add_the_crisis_centre_and_the_helpline_after_the_paths():
    a = screen(observed=TRAFFICKING_SIGNS + ["CD04"], facts=NO_DANGER, municipality="1841")
    assert actors(a)[-2:] == ["krisesenter_salten", "violence_helpline"]
    assert a.next_steps[-1].reason == STEP_REASON["violence_helpline"]
    sexual = screen(types=["sexual"], observed=TRAFFICKING_SIGNS + ["CD04"], facts=NO_DANGER, municipality="1841")
    shelter = next(s for s in sexual.next_steps if s.actor_id == "krisesenter_salten")
    assert shelter.reason.en == "A safe place in Salten"  # already on the path: its place and title win
    outside = screen(observed=["CD04"], facts={"close_relationship_violence": "observed"}, municipality="1806")
    assert "krisesenter_salten" not in actors(outside) and "violence_helpline" in actors(outside)


def test_social_dumping_alone_goes_to_the_labour_inspection():
    a = screen(observed=["EXP04"])
    assert actors(a) == ["arbeidstilsynet"] and a.next_steps[0].reason == STEP_REASON["arbeidstilsynet"]
    assert actors(screen(types=["sexual"], observed=["EXP04"])) == []


def test_labour_crime_follows_the_forced_labour_path():
    a = screen(observed=["EXP05"], facts={"clear_law_breach": "observed", **NO_DANGER}, municipality="1841")
    # ROSA is responsible for the conversation step; the web resource is named after it, never first.
    assert actors(a)[:5] == ["emergency_police", "rosa", "menneskertilsalgs", "arbeidstilsynet", "akrim_nordland"]


def test_sexual_exploitation_of_a_child_is_not_routed_to_the_labour_inspection():
    facts = {"act_present": "observed", "sexual_exploitation_of_child_established": "observed"}
    a = screen(age="under_18", types=["sexual"], facts=facts, municipality="1841")
    assert "arbeidstilsynet" not in actors(a) and "akrim_nordland" not in actors(a)
    assert {"child_welfare_municipal", "police_nordland_trafficking", "bufdir_minors"} <= set(actors(a))


# ----------------------------------------------------------------- output


def test_the_text_names_the_situations_in_both_languages():
    a = screen(age="unknown", observed=["EXP01", "EXP09"], facts={"act_present": "observed"}, municipality="1841")
    assert a.situations == ("minor", "adult_forced_labour")
    nb, en = render_text(a, "nb"), render_text(a, "en")
    assert (
        "Situasjoner: Personen er, eller kan være, under 18 år; Voksen, mulig tvangsarbeid eller grov utnyttelse i arbeid"
        in nb
    )
    assert "Situations: The person is, or may be, under 18; Adult, possible forced labour" in en
    one = screen(observed=["CD04"], facts={"acute_danger": "observed"})
    assert "Situasjon: Akutt fare\n" in render_text(one) and "Situation: Acute danger\n" in render_text(one, "en")
    assert "Situasjon" not in render_text(screen(observed=["EXP04"]))


def test_the_json_lists_the_situations_in_order():
    a = screen(observed=TRAFFICKING_SIGNS, facts={"wants_no_police": "observed"})
    data = json.loads(json.dumps(a.to_dict()))
    assert data["situations"] == ["no_police_wanted", "adult_forced_labour"]
    assert [s["actor_id"] for s in data["next_steps"]] == actors(a)
