"""Progress through training modules, kept on the server so a learner can resume on any device.

The modules themselves are content files (content.py); rows refer to them by slug and id.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModuleProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_progress")
    module = models.SlugField(_("modul"), max_length=100)
    # Index of the first step not done yet (== number of steps when completed).
    step = models.PositiveSmallIntegerField(_("steg"), default=0)
    # Bumped on every accepted submission: a form carrying an older number is a replay.
    revision = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(_("startet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)
    completed_at = models.DateTimeField(_("fullført"), null=True, blank=True)

    class Meta:
        ordering = ["module"]
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="training_progress_user_module")]
        verbose_name = _("fremdrift")
        verbose_name_plural = _("fremdrift")

    def __str__(self) -> str:
        return f"{self.user_id}:{self.module}@{self.step}"

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


class QuizAnswer(models.Model):
    """One answer to one question in one attempt (the statistics read the first attempt)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    module = models.SlugField(max_length=100)
    question = models.SlugField(max_length=100)
    option = models.SlugField(max_length=100)
    correct = models.BooleanField()
    attempt = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["attempt", "id"]
        indexes = [models.Index(fields=["module", "question", "attempt"])]

    def __str__(self) -> str:
        return f"{self.module}/{self.question}#{self.attempt}"


class ExerciseAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    module = models.SlugField(max_length=100)
    exercise = models.SlugField(max_length=100)
    ticked = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.module}/{self.exercise}"


class Certificate(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_certificates")
    module = models.SlugField(_("modul"), max_length=100)
    issued_on = models.DateField(_("dato"))
    code = models.CharField(_("kontrollkode"), max_length=20, unique=True)

    class Meta:
        ordering = ["-issued_on", "module"]
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="training_certificate_user_module")]
        verbose_name = _("kursbevis")
        verbose_name_plural = _("kursbevis")

    def __str__(self) -> str:
        return self.code
