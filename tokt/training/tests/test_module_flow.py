from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from tokt.accounts.tests.factories import sign_in
from tokt.audit.models import AuditAction, AuditEntry
from tokt.training.models import Certificate, ModuleProgress, QuizAnswer
from tokt.training.tests.conftest import step_url, token_of, walk

pytestmark = pytest.mark.django_db


def test_a_learner_finishes_a_module_and_gets_a_certificate(signed_in, nav_user):
    client = signed_in(nav_user)
    walk(client, "grunnkurs")
    progress = ModuleProgress.objects.get(user=nav_user, module="grunnkurs")
    assert progress.completed
    certificate = Certificate.objects.get(user=nav_user, module="grunnkurs")
    assert AuditEntry.objects.filter(action=AuditAction.TRAINING_COMPLETED, target_id=str(certificate.pk)).exists()
    page = client.get(reverse("training:module", kwargs={"slug": "grunnkurs"})).content.decode()
    assert "Du har fullført modulen" in page and certificate.code in page

    response = client.get(reverse("training:certificate", kwargs={"code": certificate.code}))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Kursbevis" in text and "Kari Nordmann" in text and certificate.code in text
    assert "Grunnkurs: menneskehandel i førstelinjen" in text


def test_progress_is_kept_on_the_server_and_resumes_on_another_device(signed_in, nav_user):
    walk(signed_in(nav_user), "nav", until=3)
    other_device = Client()
    sign_in(other_device, nav_user)
    page = other_device.get(reverse("training:module", kwargs={"slug": "nav"})).content.decode()
    assert "Fortsett der du slapp" in page and step_url("nav", 4) in page
    assert other_device.get(step_url("nav", 4)).status_code == 200


def test_a_wrong_quiz_answer_gets_feedback_and_keeps_the_learner_on_the_quiz(signed_in, nav_user):
    from tokt.training import selectors
    from tokt.training.tests.conftest import wrong_answers

    client = signed_in(nav_user)
    module = selectors.module("grunnkurs", "nb")
    quiz_number = next(i for i, s in enumerate(module.steps, 1) if s.kind == "quiz")
    walk(client, "grunnkurs", until=quiz_number - 1)
    url = step_url("grunnkurs", quiz_number)
    response = client.post(url, {"token": token_of(client.get(url)), **wrong_answers(module)})
    result = client.get(response["Location"]).content.decode()
    for question in module.quiz:
        chosen = next(o for o in question.options if not o.correct)
        assert chosen.feedback in result
    assert "Prøv igjen" in result
    assert ModuleProgress.objects.get(user=nav_user, module="grunnkurs").step == quiz_number - 1
    assert QuizAnswer.objects.filter(user=nav_user, attempt=1, correct=False).count() == len(module.quiz)


def test_the_exercise_result_compares_with_the_screening_engine(signed_in, nav_user):
    from tokt.training import selectors

    client = signed_in(nav_user)
    module = selectors.module("nav", "nb")
    number = next(i for i, s in enumerate(module.steps, 1) if s.kind == "exercise")
    walk(client, "nav", until=number - 1)
    url = step_url("nav", number)
    exercise = module.exercise(module.steps[number - 1].key)
    response = client.post(url, {"token": token_of(client.get(url)), "signs": []})
    page = client.get(response["Location"]).content.decode()
    assert "Med tegnene du krysset av" in page and "Med tegnene i fasiten" in page
    assert "For lite informasjon ennå" in page  # nothing ticked: the engine cannot say anything yet
    assert all(sign.why.replace('"', "&quot;") in page for sign in exercise.signs)


def test_the_module_pages_render_in_english_with_the_article_from_the_database(signed_in, nav_user):
    from tokt.knowledge.models import Article

    client = signed_in(nav_user)
    walk(client, "nav", until=1)
    client.cookies["django_language"] = "en"
    page = client.get(step_url("nav", 2)).content.decode()
    assert "Signs in meetings and cases" in page and "Warning signs" in page and "Step 2 of" in page
    # One source of truth: an edit of the article in the knowledge bank shows in the module.
    article = Article.objects.get(slug="arbeidsinnvandrere-og-sesongarbeid", lang="en")
    article.body_html = article.body_html.replace("Warning signs</h2>", "Warning signs</h2><p>Edited in the bank.</p>")
    article.save()
    assert "Edited in the bank." in client.get(step_url("nav", 2)).content.decode()


def test_the_referral_section_shows_the_directory_paths_for_the_chosen_municipality(signed_in, nav_user):
    client = signed_in(nav_user)
    walk(client, "etter-bekymring", until=1)
    url = step_url("etter-bekymring", 2)
    assert "Velg kommunen du jobber i" in client.get(url).content.decode()
    page = client.get(url, {"kommune": "1804"}).content.decode()
    assert "Barnevernvakta i Bodø" in page and "A-krimsenteret i Nordland" in page
    page = client.get(url, {"kommune": "9999"}, follow=True).content.decode()
    assert "Velg en kommune fra listen." in page and "Barnevernvakta i Bodø" not in page
