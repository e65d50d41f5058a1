"""Answers outside the options, replayed and tampered submissions, another user's certificate."""

from __future__ import annotations

import pytest
from django.core import signing
from django.urls import reverse

from tokt.accounts.tests.factories import make_user
from tokt.audit.models import AuditAction, AuditEntry
from tokt.training import selectors
from tokt.training.models import Certificate, ModuleProgress, QuizAnswer
from tokt.training.services import TOKEN_SALT
from tokt.training.tests.conftest import right_answers, step_url, token_of, walk

pytestmark = pytest.mark.django_db


def _refusals(reason: str) -> int:
    return AuditEntry.objects.filter(action=AuditAction.TRAINING_REFUSED, details__reason=reason).count()


def _state(user):
    progress = ModuleProgress.objects.filter(user=user).values_list("module", "step", "revision")
    return sorted(progress), QuizAnswer.objects.filter(user=user).count()


def _quiz(client):
    module = selectors.module("grunnkurs", "nb")
    number = next(i for i, s in enumerate(module.steps, 1) if s.kind == "quiz")
    walk(client, "grunnkurs", until=number - 1)
    return module, step_url("grunnkurs", number)


def test_an_answer_outside_the_options_is_refused_and_audited(signed_in, nav_user):
    client = signed_in(nav_user)
    module, url = _quiz(client)
    before = _state(nav_user)
    answers = {**right_answers(module), f"q-{module.quiz[0].id}": "z"}
    response = client.post(url, {"token": token_of(client.get(url)), **answers}, follow=True)
    assert "ikke blant alternativene" in response.content.decode()
    assert _state(nav_user) == before
    assert _refusals("bad_option") == 1


def test_a_missing_answer_is_a_plain_form_error(signed_in, nav_user):
    client = signed_in(nav_user)
    module, url = _quiz(client)
    before = _state(nav_user)
    answers = right_answers(module)
    answers.pop(f"q-{module.quiz[-1].id}")
    response = client.post(url, {"token": token_of(client.get(url)), **answers})
    assert response.status_code == 400 and "Velg et svar." in response.content.decode()
    assert _state(nav_user) == before


def test_a_replayed_submission_is_refused_and_changes_nothing(signed_in, nav_user):
    client = signed_in(nav_user)
    token = token_of(client.get(step_url("grunnkurs", 1)))
    assert client.post(step_url("grunnkurs", 1), {"token": token}).status_code == 302
    before = _state(nav_user)
    response = client.post(step_url("grunnkurs", 1), {"token": token}, follow=True)
    assert "allerede sendt inn" in response.content.decode()
    assert _state(nav_user) == before
    assert _refusals("replayed") == 1


def test_a_tampered_token_is_refused(signed_in, nav_user, fagperson):
    client = signed_in(nav_user)
    forged = [
        "junk",
        signing.dumps([fagperson.pk, "grunnkurs", 0, 0], salt=TOKEN_SALT),  # another user's
        signing.dumps([nav_user.pk, "grunnkurs", 0, 0], salt="other"),  # wrong key
        signing.dumps([nav_user.pk, "nav", 0, 0], salt=TOKEN_SALT),  # another module
    ]
    for token in forged:
        response = client.post(step_url("grunnkurs", 1), {"token": token}, follow=True)
        assert "kunne ikke kontrolleres" in response.content.decode()
    assert _state(nav_user) == ([], 0)
    assert _refusals("tampered") == len(forged)


def test_a_sign_not_in_the_exercise_is_refused(signed_in, nav_user):
    client = signed_in(nav_user)
    module = selectors.module("grunnkurs", "nb")
    number = next(i for i, s in enumerate(module.steps, 1) if s.kind == "exercise")
    walk(client, "grunnkurs", until=number - 1)
    before = _state(nav_user)
    url = step_url("grunnkurs", number)
    response = client.post(url, {"token": token_of(client.get(url)), "signs": ["EXP01", "CD99"]}, follow=True)
    assert "ikke blant tegnene" in response.content.decode()
    assert _state(nav_user) == before and _refusals("bad_sign") == 1


def test_skipping_ahead_leads_back_to_the_current_step(signed_in, nav_user):
    client = signed_in(nav_user)
    response = client.get(step_url("grunnkurs", 4))
    assert response.status_code == 302 and response["Location"] == step_url("grunnkurs", 1)
    assert client.get(step_url("grunnkurs", 99)).status_code == 404
    assert client.get(step_url("finnes-ikke", 1)).status_code == 404


def test_the_certificate_of_another_user_is_404_and_audited(signed_in, nav_user, agency):
    owner = make_user(username="eier", role="fagperson", agency=agency)
    certificate = Certificate.objects.create(
        user=owner, module="grunnkurs", issued_on="2026-12-01", code="ABCD-EFGH-JKLM"
    )
    client = signed_in(nav_user)
    response = client.get(reverse("training:certificate", kwargs={"code": certificate.code}))
    assert response.status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.CERTIFICATE_DENIED, target_id=certificate.code).count() == 1
    assert client.get(reverse("training:certificate", kwargs={"code": "NOPE"})).status_code == 404
