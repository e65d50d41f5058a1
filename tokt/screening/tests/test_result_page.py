"""The result page: the child-welfare notice first, plain words, the answers used, GET steps."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tokt.screening.engine import questions_for

pytestmark = pytest.mark.django_db

FAUSKE = {
    "role": "child_welfare",
    "sector": "car_wash",
    "municipality": "1841",
    "age_group": "under_18",
    "mode": "full",
}
FAUSKE_SIGNS = {"EXP04", "EXP02", "EXP05", "CD01"}


def _answers(role, sector, age, wanted):
    found = {}
    for step in questions_for(role, sector, age):
        for q in step.questions:
            if set(q.indicators) & wanted:
                found[f"a_{q.id}"] = "yes"
    return found


def _result(client, context, answers):
    return client.get(reverse("screening:flow"), {**context, "step": "0", "result": "1", **answers})


def test_the_fauske_minor_result_opens_with_the_duty_to_notify_child_welfare(client):
    response = _result(client, FAUSKE, _answers("child_welfare", "car_wash", "under_18", FAUSKE_SIGNS))
    assert response.context["result"]["continuum"]["position"] == "possible_trafficking"
    body = response.content.decode()
    main = body[body.index("<main") :]
    notice = main.index("plikt til å melde fra til barnevernet")
    assert notice < main.index("Hva tegnene peker mot") < main.index("Mulig menneskehandel")
    assert "opplysningsplikten" in main
    assert "Fauske" in main[notice : main.index("Hva tegnene peker mot")]
    ids = [s["actor_id"] for s in response.context["result"]["next_steps"]]
    assert {"arbeidstilsynet", "akrim_nordland"} <= set(ids)


def test_an_unknown_age_with_nothing_answered_still_shows_the_child_welfare_notice(client):
    context = {**FAUSKE, "age_group": "unknown"}
    response = _result(client, context, {})
    body = response.content.decode()
    assert "kan være under 18 år" in body
    assert response.context["child_welfare_steps"]


def test_an_adult_result_has_no_child_notice(client):
    response = _result(client, {**FAUSKE, "age_group": "adult"}, {})
    assert "plikt til å melde fra til barnevernet" not in response.content.decode()


def test_the_result_has_no_indicator_codes_or_english_strength_words(client):
    response = _result(client, FAUSKE, _answers("child_welfare", "car_wash", "under_18", FAUSKE_SIGNS))
    main = response.content.decode().split("<main", 1)[1]
    text = re.sub(r"<[^>]+>", " ", main)
    assert not re.search(r"\b(DR|CR|AVR|EXP|CD|AVD|FL)\d{2}\b", text)
    assert not re.search(r"\((strong|medium|weak)\)", text)
    assert "Lav eller ingen lønn" in text  # the sign in Norwegian words


def test_the_result_lists_the_answers_used_yes_and_no_with_date_role_and_municipality(client):
    answers = _answers("child_welfare", "car_wash", "under_18", {"EXP04"})
    answers["a_q_acute_danger"] = "no"
    response = _result(client, FAUSKE, answers)
    used = response.context["answers_used"]
    assert {"Ja", "Nei"} <= {str(a["answer"]) for a in used}
    body = response.content.decode()
    assert "Dato" in body and "Barnevern eller skole" in body and "Fauske" in body


def test_a_posted_step_is_redirected_to_the_same_step_as_a_get(client):
    response = client.post(reverse("screening:flow"), {**FAUSKE, "step": "0", "next": "1", "a_q_acute_danger": "no"})
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert follow.status_code == 200
    assert follow.context["flow"].step_index == 1
    assert follow.context["flow"].answers["q_acute_danger"] == "no"


def test_no_role_or_sector_is_pre_selected(client):
    body = client.get(reverse("screening:start")).content.decode()
    for name in ("role", "sector"):
        select = body[body.index(f'name="{name}"') :]
        select = select[: select.index("</select>")]
        assert "selected" not in select.replace('value="" selected', "")


NURSE = {"role": "health", "sector": "commercial_sex", "municipality": "1804", "age_group": "unknown"}


def test_the_quick_screening_is_the_default_and_asks_at_most_fifteen_questions(client):
    response = client.get(reverse("screening:flow"), {**NURSE, "step": "-1", "next": "1"})
    flow = response.context["flow"]
    assert flow.quick
    assert 12 <= flow.question_count <= 15
    assert flow.steps[0].questions[0].id == "q_acute_danger"  # safety first


def test_ask_me_more_adds_the_next_most_telling_questions_for_the_answers(client):
    first = client.get(reverse("screening:flow"), {**NURSE, "step": "0", "result": "1"}).context["flow"]
    more = first.next_questions()
    assert more and not set(more) & {q.id for s in first.steps for q in s.questions}
    response = client.get(reverse("screening:flow") + "?" + first.more_query())
    flow = response.context["flow"]
    assert flow.current.id == "more"
    assert [q.id for q in flow.current.questions] == more


def test_the_full_set_stays_available(client):
    response = client.get(reverse("screening:flow"), {**NURSE, "mode": "full", "step": "0"})
    assert response.context["flow"].question_count > 50
