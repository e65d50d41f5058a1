"""Helpers shared by the training tests: walk through a module as a learner would."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tokt.training import selectors


def token_of(response) -> str:
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert match, "no step token on the page"
    return match.group(1)


def right_answers(module) -> dict:
    return {f"q-{q.id}": next(o.id for o in q.options if o.correct) for q in module.quiz}


def wrong_answers(module) -> dict:
    return {f"q-{q.id}": next(o.id for o in q.options if not o.correct) for q in module.quiz}


def step_url(slug: str, number: int) -> str:
    return reverse("training:step", kwargs={"slug": slug, "number": number})


def walk(client, slug: str, *, until: int | None = None, wrong_first: bool = False) -> None:
    """Do every step of ``slug`` (or the first ``until``) through the pages."""
    module = selectors.module(slug, "nb")
    for number, shown in enumerate(module.steps, start=1):
        if until is not None and number > until:
            return
        url = step_url(slug, number)
        token = token_of(client.get(url))
        if shown.kind == "quiz":
            if wrong_first:
                client.post(url, {"token": token, **wrong_answers(module)})
                token = token_of(client.get(url))
            response = client.post(url, {"token": token, **right_answers(module)})
        elif shown.kind == "exercise":
            exercise = module.exercise(shown.key)
            response = client.post(url, {"token": token, "signs": sorted(exercise.expected)})
        else:
            response = client.post(url, {"token": token})
        assert response.status_code == 302, response.content.decode()[:500]


@pytest.fixture
def nav_user(agency):
    from tokt.accounts.tests.factories import make_user

    return make_user(username="nyansatt", role="fagperson", agency=agency, first_name="Kari", last_name="Nordmann")
