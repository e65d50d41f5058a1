"""The done-when scenario: a minor from Romania found working at a car wash in Fauske."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.directory.selectors import DirectoryContacts, contacts_for_situations, referral_answer

pytestmark = pytest.mark.django_db

FAUSKE = "1841"


def _ids(cards):
    return [c.id for c in cards]


def test_the_minor_path_in_fauske_names_the_local_emergency_child_welfare_service():
    answer = referral_answer(["minor"], FAUSKE)[0]
    steps = {step.number: [a.id for a in step.actors] for step in answer.steps}
    assert steps[1] == ["emergency_police"]
    # Fauske's own child welfare service is responsible; the generic entry and the helplines follow.
    assert steps[2] == ["child_welfare_fauske", "child_welfare_municipal", "child_helpline", "barnevernvakt_fauske"]
    assert "barnevernvakt_bodo" not in _ids(contacts_for_situations(["minor"], FAUSKE))


def test_contacts_are_in_step_order_and_each_actor_once():
    ids = _ids(contacts_for_situations(["minor", "adult_forced_labour"], FAUSKE))
    assert ids[:3] == ["emergency_police", "child_welfare_fauske", "child_welfare_municipal"]
    assert len(ids) == len(set(ids))
    assert {"arbeidstilsynet", "akrim_nordland", "bufdir_minors"} <= set(ids)


def test_bodo_gets_its_own_emergency_child_welfare_service():
    ids = _ids(contacts_for_situations(["minor"], "1804"))
    assert "barnevernvakt_bodo" in ids and "barnevernvakt_fauske" not in ids


def test_unknown_situations_are_ignored():
    assert referral_answer(["finnes_ikke"], FAUSKE) == []


def test_the_who_does_what_page_answers_the_fauske_minor_case_on_one_page(signed_in, fagperson):
    url = reverse("directory:referral") + f"?situasjon=minor&situasjon=adult_forced_labour&kommune={FAUSKE}"
    body = signed_in(fagperson).get(url).content.decode()
    assert "Hvem gjør hva i Fauske" in body
    for text in (
        "Ring 112",
        "Meld fra til barnevernet straks",
        "Barnevernvakta for Fauske og Sørfold",
        'href="tel:+4746955776"',
        "Råd fra Bufdir",
        "466 15 000",
        "Arbeidstilsynet",
    ):
        assert text in body, text
    assert "Barnevernvakta i Bodø" not in body
    # The ordered contact list on the page is exactly the selector the screening result uses.
    order = body.split('id="contacts-heading"')[1].split("</ol>")[0]
    names = [card.name for card in contacts_for_situations(["minor", "adult_forced_labour"], FAUSKE)]
    positions = [order.index(name) for name in names]
    assert positions == sorted(positions)


def test_the_page_asks_for_situation_and_municipality_first(signed_in, fagperson):
    response = signed_in(fagperson).get(reverse("directory:referral") + "?kommune=9999")
    assert response.status_code == 200
    assert "Noe må rettes" in response.content.decode()


def test_the_situation_page_shows_steps_and_a_diagram(signed_in, fagperson):
    body = signed_in(fagperson).get(reverse("directory:situation", kwargs={"slug": "acute_danger"})).content.decode()
    assert body.count('class="tokt-flow__number"') == 4
    assert "tokt-flow__step--conditional" in body
    assert "Steg for steg" in body and "Ring 112" in body
    assert "style=" not in body


def test_the_screening_engine_can_use_the_directory_as_its_contacts_provider():
    from tokt.screening.engine import AgeGroup, ExploitationType, ScreeningInput, State, assess

    inp = ScreeningInput(
        age_group=AgeGroup.UNDER_18,
        exploitation_types=frozenset({ExploitationType.LABOUR}),
        indicators={"CR01": State.OBSERVED},
        municipality=FAUSKE,
        sector="car_wash",
        role="labour_inspection",
    )
    assessment = assess(inp, contacts=DirectoryContacts())
    recommended = [step.actor_id for step in assessment.next_steps]
    assert all(step.contact is not None for step in assessment.next_steps), recommended
    child_track = {"child_welfare_municipal", "bufdir_minors", "police_nordland_trafficking", "child_helpline"}
    assert child_track <= set(recommended)
    assert child_track <= set(_ids(contacts_for_situations(["minor"], FAUSKE)))


def test_directory_contacts_never_hand_out_another_municipalitys_service():
    contacts = DirectoryContacts()
    assert contacts.resolve("barnevernvakt_fauske", FAUSKE).phone == "469 55 776"
    assert contacts.resolve("barnevernvakt_fauske", "1804") is None
    assert contacts.resolve("rosa", FAUSKE).name.startswith("ROSA")
    assert contacts.resolve("finnes_ikke", FAUSKE) is None


def test_a_minor_comes_first_whatever_else_is_chosen():
    for other in ("adult_forced_labour", "adult_sexual_exploitation", "no_legal_residence", "no_police_wanted"):
        answers = referral_answer([other, "minor"], FAUSKE)
        assert answers[0].id == "minor", other
        ids = _ids(contacts_for_situations([other, "minor"], FAUSKE))
        assert ids.index("child_welfare_fauske") == 1, other


def test_acute_danger_stays_before_the_minor_path():
    assert [a.id for a in referral_answer(["adult_forced_labour", "minor", "acute_danger"], FAUSKE)] == [
        "acute_danger",
        "minor",
        "adult_forced_labour",
    ]


def test_a_web_resource_is_never_responsible_for_a_step():
    from tokt.directory.models import Actor, ActorKind

    resources = set(Actor.objects.filter(kind=ActorKind.RESOURCE).values_list("slug", flat=True))
    assert "menneskertilsalgs" in resources
    for situation in ("adult_forced_labour", "adult_sexual_exploitation", "no_legal_residence", "minor"):
        for step in referral_answer([situation], None)[0].steps:
            assert step.responsible.id not in resources, (situation, step.number)


def test_the_data_file_refuses_a_web_resource_as_responsible(tmp_path):
    from tokt.directory.datafile import REFERRAL_PATHS_FILE, DirectoryDataError, load_referral_paths

    text = REFERRAL_PATHS_FILE.read_text(encoding="utf-8").replace(
        "actors: [rosa, menneskertilsalgs]", "actors: [menneskertilsalgs, rosa]", 1
    )
    path = tmp_path / "referral_paths.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DirectoryDataError, match="web resource and cannot be responsible"):
        load_referral_paths(path)


@pytest.mark.parametrize(("number", "town"), [("1841", "Fauske"), ("1804", "Bodø"), ("1839", "Beiarn")])
def test_the_contact_sheet_lists_the_municipalitys_own_services(signed_in, fagperson, number, town):
    from django.urls import reverse

    body = signed_in(fagperson).get(reverse("directory:contact_sheet") + f"?kommune={number}").content.decode()
    for name in (f"Barneverntjenesten i {town} kommune", f"Legevakt for {town}", f"NAV {town}"):
        assert name in body
    # Not yet confirmed by a coordinator: marked, and no local number was invented.
    assert "(ikke bekreftet)" in body


def test_local_entries_carry_no_invented_numbers():
    from tokt.directory.models import Actor

    for slug in ("child_welfare_fauske", "nav_bodo", "child_welfare_beiarn", "nav_beiarn"):
        actor = Actor.objects.get(slug=slug)
        assert not actor.phone and not actor.verified and "coordinator" in actor.internal_note


def test_referral_data_gives_the_screening_paths_and_contacts_as_plain_data():
    import dataclasses

    from tokt.directory.selectors import referral_data

    data = referral_data(["adult_forced_labour", "minor"], FAUSKE)
    assert dataclasses.is_dataclass(data) and [p.id for p in data.paths] == ["minor", "adult_forced_labour"]
    assert data.paths[0].steps[1].responsible.id == "child_welfare_fauske"
    assert [c.id for c in data.contacts] == _ids(contacts_for_situations(["minor", "adult_forced_labour"], FAUSKE))
