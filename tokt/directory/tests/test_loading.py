from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.management import call_command

from tokt.directory import datafile, models
from tokt.directory.loading import load_directory
from tokt.directory.models import Actor, ReferralSituation, StepActor

pytestmark = pytest.mark.django_db

MODELS = SimpleNamespace(
    Actor=Actor, ReferralSituation=ReferralSituation, ReferralStep=models.ReferralStep, StepActor=StepActor
)


def test_the_migration_loads_every_actor_and_situation_from_the_files():
    assert Actor.objects.count() == len(datafile.load_actors())
    assert set(ReferralSituation.objects.values_list("slug", flat=True)) == set(datafile.REQUIRED_SITUATIONS)


def test_steps_keep_their_order_and_the_responsible_actor_first():
    step = models.ReferralStep.objects.get(situation__slug="minor", number=2)
    assert [link.actor.slug for link in step.step_actors.all()][0] == "child_welfare_fauske"
    first_steps = models.ReferralStep.objects.filter(number=1)
    assert all(s.step_actors.filter(actor__slug="emergency_police").exists() for s in first_steps)


def test_municipality_lists_are_loaded():
    fauske = Actor.objects.get(slug="barnevernvakt_fauske")
    assert sorted(fauske.municipalities.values_list("number", flat=True)) == ["1841", "1845"]
    assert Actor.objects.get(slug="emergency_police").all_municipalities


def test_loading_again_changes_nothing_and_writes_no_history():
    history_before = Actor.history.count()
    report = load_directory(models=MODELS)
    assert report.created == [] and report.updated == [] and report.situations_changed == []
    assert Actor.history.count() == history_before


def test_loading_keeps_coordinator_edits_unless_told_to_overwrite():
    Actor.objects.filter(slug="rosa").update(name="ROSA (endret)", edited_in_ui=True)
    report = load_directory(models=MODELS)
    assert report.kept_ui_edits == ["rosa"]
    assert Actor.objects.get(slug="rosa").name == "ROSA (endret)"
    load_directory(models=MODELS, overwrite=True)
    assert Actor.objects.get(slug="rosa").name != "ROSA (endret)"


def test_the_command_prints_what_it_did(capsys):
    call_command("load_directory")
    assert "load_directory: actors: 0 created" in capsys.readouterr().out
