"""Writes of the training app: accepted steps, quiz answers, exercise attempts, certificates.

Every submission carries a signed token naming the user, the module, the step
and the progress revision it was shown at. A token that does not verify is
tampered; one with an older revision is a replay (or the learner moved on in
another tab or device). Both are refused, audited, and change nothing.
"""

from __future__ import annotations

import secrets

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.training.content import Module
from tokt.training.models import Certificate, ExerciseAttempt, ModuleProgress, QuizAnswer

TOKEN_SALT = "tokt.training.step"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


class TrainingError(Exception):
    pass


def step_token(*, user, module: Module, step: int, revision: int) -> str:
    return signing.dumps([user.pk, module.slug, step, revision], salt=TOKEN_SALT)


def current_revision(user, module: Module) -> tuple[int, int]:
    """(step, revision) of the user's progress in ``module``; (0, 0) before the first step."""
    progress = ModuleProgress.objects.filter(user=user, module=module.slug).first()
    return (progress.step, progress.revision) if progress else (0, 0)


def _refuse(*, user, module: Module, step: int, reason: str, message) -> TrainingError:
    """Write the audit entry of a refused submission (its own transaction) and return the error to raise."""
    with transaction.atomic():
        log_action(
            actor=user,
            action=AuditAction.TRAINING_REFUSED,
            target_type="training.module",
            target_id=module.slug,
            details={"step": step, "reason": reason},
        )
    return TrainingError(message)


def _locked_progress(user, module: Module, step: int, token: str) -> ModuleProgress:
    """The progress row, locked, if ``token`` is a fresh token for ``step``; else a refusal is raised.

    Call inside transaction.atomic(); the caller raises outside it so the audit row survives.
    """
    try:
        user_id, slug, token_step, revision = signing.loads(token or "", salt=TOKEN_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        raise _TokenProblem("tampered") from None
    if user_id != user.pk or slug != module.slug or token_step != step:
        raise _TokenProblem("tampered")
    progress, _created = ModuleProgress.objects.select_for_update().get_or_create(user=user, module=module.slug)
    if progress.revision != revision or progress.step != step:
        raise _TokenProblem("replayed")
    return progress


class _TokenProblem(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_MESSAGES = {
    "tampered": _("Innsendingen kunne ikke kontrolleres og ble avvist. Fremdriften din er ikke endret."),
    "replayed": _(
        "Dette steget er allerede sendt inn, kanskje fra en annen fane eller enhet. Fremdriften din er ikke endret."
    ),
    "bad_option": _("Et av svarene er ikke blant alternativene. Ingen svar er lagret; prøv igjen."),
    "bad_sign": _("Et av tegnene er ikke blant tegnene i oppgaven. Ingenting er lagret; prøv igjen."),
    "wrong_step": _("Dette steget hører ikke til det du skal gjøre nå. Fremdriften din er ikke endret."),
}


def _advance(progress: ModuleProgress, module: Module, *, user) -> Certificate | None:
    progress.step += 1
    progress.revision += 1
    certificate = None
    if progress.step >= len(module.steps) and progress.completed_at is None:
        progress.completed_at = timezone.now()
        certificate = Certificate.objects.create(
            user=user, module=module.slug, issued_on=timezone.localdate(), code=_new_code()
        )
        log_action(
            actor=user,
            action=AuditAction.TRAINING_COMPLETED,
            target=certificate,
            details={"module": module.slug},
        )
    progress.save()
    return certificate


def _new_code() -> str:
    while True:
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
        code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
        if not Certificate.objects.filter(code=code).exists():
            return code


def _run(user, module: Module, step: int, token: str, write):
    """Verify the token, run ``write(progress)`` in one transaction, or refuse and audit."""
    try:
        with transaction.atomic():
            progress = _locked_progress(user, module, step, token)
            if step >= len(module.steps):
                raise _TokenProblem("wrong_step")
            return write(progress)
    except _TokenProblem as problem:
        raise _refuse(
            user=user, module=module, step=step, reason=problem.reason, message=_MESSAGES[problem.reason]
        ) from None


def section_complete(*, user, module: Module, step: int, token: str) -> Certificate | None:
    """Mark a reading step done."""

    def write(progress):
        if module.steps[step].kind != "section":
            raise _TokenProblem("wrong_step")
        return _advance(progress, module, user=user)

    return _run(user, module, step, token, write)


def quiz_submit(*, user, module: Module, step: int, token: str, answers: dict[str, str]) -> bool:
    """Record one attempt at the quiz; the step is done when every answer is right. Returns that."""
    for question in module.quiz:
        if question.option(answers.get(question.id, "")) is None:
            raise _refuse(user=user, module=module, step=step, reason="bad_option", message=_MESSAGES["bad_option"])
    if set(answers) - {q.id for q in module.quiz}:
        raise _refuse(user=user, module=module, step=step, reason="bad_option", message=_MESSAGES["bad_option"])

    def write(progress):
        if module.steps[step].kind != "quiz":
            raise _TokenProblem("wrong_step")
        last = QuizAnswer.objects.filter(user=user, module=module.slug).order_by("-attempt").first()
        attempt = (last.attempt if last else 0) + 1
        results = []
        for question in module.quiz:
            option = question.option(answers[question.id])
            results.append(option.correct)
            QuizAnswer.objects.create(
                user=user,
                module=module.slug,
                question=question.id,
                option=option.id,
                correct=option.correct,
                attempt=attempt,
            )
        if all(results):
            _advance(progress, module, user=user)
        else:
            progress.revision += 1
            progress.save()
        return all(results)

    return _run(user, module, step, token, write)


def exercise_submit(*, user, module: Module, step: int, token: str, ticked: list[str]) -> Certificate | None:
    """Record the signs the learner ticked in a case exercise and move on."""
    shown = module.steps[step] if 0 <= step < len(module.steps) else None
    exercise = module.exercise(shown.key) if shown is not None and shown.kind == "exercise" else None
    if exercise is None or not set(ticked) <= set(exercise.sign_ids):
        reason = "bad_sign" if exercise is not None else "wrong_step"
        raise _refuse(user=user, module=module, step=step, reason=reason, message=_MESSAGES[reason])

    def write(progress):
        ExerciseAttempt.objects.create(user=user, module=module.slug, exercise=exercise.id, ticked=sorted(set(ticked)))
        return _advance(progress, module, user=user)

    return _run(user, module, step, token, write)


def certificate_denied(*, user, code: str) -> None:
    """Audit a request for a certificate the user does not own (the view answers 404)."""
    with transaction.atomic():
        log_action(
            actor=user,
            action=AuditAction.CERTIFICATE_DENIED,
            target_type="training.certificate",
            target_id=code[:64],
        )
