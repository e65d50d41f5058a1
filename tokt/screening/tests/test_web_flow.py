"""The web form: step by step without JavaScript, nothing stored, result with contacts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.screening.engine import questions_for

pytestmark = pytest.mark.django_db

CONTEXT = {
    "role": "child_welfare",
    "sector": "car_wash",
    "municipality": "1841",
    "age_group": "under_18",
    "mode": "full",
}


def _post(client, data):
    """Each step is a GET (Back never resubmits); the name is kept from the POST flow."""
    return client.get(reverse("screening:flow"), data)


def test_the_start_page_is_open_without_login_and_says_nothing_is_stored(client):
    response = client.get(reverse("screening:start"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ingenting lagres" in body and "112" in body
    # No session: the only cookie is the CSRF token of the language switcher.
    assert set(response.cookies) <= {"csrftoken"}


def test_the_steps_follow_the_role_and_sector(client):
    response = _post(client, {**CONTEXT, "step": "-1", "next": "1"})
    assert response.status_code == 200
    steps = questions_for("child_welfare", "car_wash", "under_18")
    assert response.context["step"].id == steps[0].id
    body = response.content.decode()
    assert "Steg 1 av" in body
    assert f'<h1 class="ds-heading" data-size="lg">{steps[0].title.nb}</h1>' in body
    assert "Text(" not in body


def test_answers_are_carried_between_steps_in_the_form_only(client):
    steps = questions_for(**{k: CONTEXT[k] for k in ("role", "sector")}, age_group="under_18")
    first_q = steps[1].questions[0].id
    response = _post(client, {**CONTEXT, "step": "1", "next": "1", f"a_{first_q}": "yes"})
    assert f'name="a_{first_q}" value="yes"' in response.content.decode()
    assert "sessionid" not in response.cookies


def test_a_minor_at_a_car_wash_in_fauske_gets_a_result_with_local_contacts(client):
    from tokt.screening.engine import load_questions

    bank = load_questions()
    wanted = {"EXP01", "EXP04"}
    answers = {}
    for step in questions_for("child_welfare", "car_wash", "under_18"):
        for q in step.questions:
            if set(q.indicators) & wanted or "act_present" in q.facts:
                answers[f"a_{q.id}"] = "yes"
    assert answers, bank.version
    response = _post(client, {**CONTEXT, "step": "0", "result": "1", **answers})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Hva tegnene peker mot" in body
    assert "ikke en juridisk vurdering" in body
    result = response.context["result"]
    assert result["input"]["municipality"] == "1841"
    actors = [s["actor_id"] for s in result["next_steps"]]
    assert "child_welfare_municipal" in actors
    # No contact that does not cover Fauske (Bodø's emergency service) is shown.
    assert "barnevernvakt_bodo" not in actors
    # The knowledge bank's articles behind the observed signs and the sector are linked.
    assert response.context["articles"]
    assert all(a.url in body for a in response.context["articles"])


def test_unknown_is_never_read_as_no(client):
    response = _post(client, {**CONTEXT, "step": "0", "result": "1"})
    result = response.context["result"]
    assert result["continuum"]["position"] == "insufficient_information"
    assert all(v == "unknown" for v in result["input"]["indicators"].values()) or result["input"]["indicators"] == {}


def test_a_missing_age_group_gets_a_message_in_the_form(client):
    response = _post(client, {"role": "nav", "sector": "fisheries", "step": "-1", "next": "1"})
    assert response.status_code == 200
    assert "Noe må rettes" in response.content.decode()


@pytest.mark.parametrize(
    "junk",
    [
        {"role": "<script>", "sector": "x", "age_group": "adult"},
        {**CONTEXT, "step": "not-a-number", "next": "1"},
        {**CONTEXT, "step": "999", "next": "1"},
        {**CONTEXT, "step": "-50", "back": "1"},
        {**CONTEXT, "a_q_does_not_exist": "yes", "a_q_acute_danger": "maybe", "result": "1"},
        {**CONTEXT, "exploitation_types": ["labour", "nonsense"], "next": "1"},
    ],
)
def test_bad_input_never_causes_an_error(client, junk):
    assert _post(client, junk).status_code == 200


def test_going_back_keeps_the_answers(client):
    steps = questions_for("child_welfare", "car_wash", "under_18")
    qid = steps[0].questions[0].id
    response = _post(client, {**CONTEXT, "step": "1", "back": "1", f"a_{qid}": "yes"})
    assert response.context["step"].id == steps[0].id
    assert response.context["form"].initial[f"a_{qid}"] == "yes"


def test_the_method_page_shows_verification_marks(client):
    body = client.get(reverse("screening:method")).content.decode()
    assert "Bare lest i en sekundærkilde" in body and "Ikke kontrollert" in body and "Vår egen regel" in body
    assert "Lurt om hva slags arbeid" in body and "Palermoprotokollen" in body
    # Plain words and public sources: no indicator codes, no internal file names.
    assert "DR01" not in body and ".yaml" not in body and "METHOD.md" not in body


def test_the_result_names_the_same_contacts_as_the_directory_for_the_fauske_minor(client):
    """A minor found working at a car wash in Fauske: the tool's contacts equal the directory's answer."""
    from tokt.directory.selectors import contacts_for_situations

    answers = {}
    for step in questions_for("child_welfare", "car_wash", "under_18"):
        for q in step.questions:
            if {"EXP01", "EXP04"} & set(q.indicators) or "act_present" in q.facts:
                answers[f"a_{q.id}"] = "yes"
    answers["a_q_acute_danger"] = "no"
    response = _post(client, {**CONTEXT, "step": "0", "result": "1", **answers})
    result = response.context["result"]
    assert result["situations"] == ["minor"]
    directory = [card.id for card in contacts_for_situations(["minor"], "1841")]
    named = [s["actor_id"] for s in result["next_steps"]]
    assert named[: len(directory)] == directory
    assert named[len(directory) :] == ["arbeidstilsynet", "akrim_nordland"]
    assert response.context["referral_url"] in response.content.decode().replace("&amp;", "&")
    page = client.get(response.context["referral_url"])
    assert page.status_code == 302  # members only: the directory asks for login
