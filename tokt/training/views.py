from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tokt.accounts.permissions import Perm, require
from tokt.training import certificate as certificate_pdf
from tokt.training import selectors, services
from tokt.training.engine import screen_signs, sign_names
from tokt.training.forms import ExerciseForm, QuizForm, StepForm
from tokt.training.models import Certificate, ExerciseAttempt


def _module_or_404(slug: str):
    module = selectors.module(slug)
    if module is None:
        raise Http404
    return module


def _step_url(module, index: int) -> str:
    return reverse("training:step", kwargs={"slug": module.slug, "number": index + 1})


@require(Perm.TAKE_TRAINING)
@require_GET
def index(request):
    mods = selectors.modules()
    recommended = {m.slug for m in selectors.recommended_for(request.user)}
    rows = selectors.statuses(request.user, mods)
    context = {
        "recommended": [r for r in rows if r.module.slug in recommended],
        "others": [r for r in rows if r.module.slug not in recommended],
        "minutes": {m.slug: selectors.minutes(m) for m in mods},
    }
    return render(request, "training/index.html", context)


@require(Perm.TAKE_TRAINING)
@require_GET
def module_detail(request, slug):
    module = _module_or_404(slug)
    status = selectors.statuses(request.user, [module])[0]
    context = {"module": module, "status": status, "minutes": selectors.minutes(module)}
    return render(request, "training/module.html", context)


@require(Perm.TAKE_TRAINING)
@require_http_methods(["GET", "POST"])
def step(request, slug, number):
    module = _module_or_404(slug)
    index = number - 1
    if not 0 <= index < len(module.steps):
        raise Http404
    done, revision = services.current_revision(request.user, module)
    if index > done:
        messages.info(request, _("Fullfør stegene i rekkefølge. Her er steget du er kommet til."))
        return redirect(_step_url(module, done))
    shown = module.steps[index]
    if request.method == "POST":
        return _submit(request, module, index, shown)
    token = services.step_token(user=request.user, module=module, step=index, revision=revision)
    return _render_step(request, module, index, shown, done, StepForm(initial={"token": token}), token)


def _submit(request, module, index, shown):
    if shown.kind == "quiz":
        form = QuizForm(request.POST, module=module)
    elif shown.kind == "exercise":
        exercise = module.exercise(shown.key)
        form = ExerciseForm(request.POST, exercise=exercise, names=sign_names(exercise.sign_ids, module.lang))
    else:
        form = StepForm(request.POST)
    if not form.is_valid():
        done, _revision = services.current_revision(request.user, module)
        return _render_step(request, module, index, shown, done, form, request.POST.get("token", ""), status=400)
    common = {"user": request.user, "module": module, "step": index, "token": form.cleaned_data["token"]}
    try:
        if shown.kind == "quiz":
            services.quiz_submit(**common, answers=form.answers())
            return redirect("training:quiz_result", slug=module.slug)
        if shown.kind == "exercise":
            services.exercise_submit(**common, ticked=form.cleaned_data["signs"])
            return redirect("training:exercise_result", slug=module.slug, exercise=shown.key)
        services.section_complete(**common)
    except services.TrainingError as error:
        messages.error(request, str(error))
        done, _revision = services.current_revision(request.user, module)
        return redirect(_step_url(module, min(done, len(module.steps) - 1)))
    return _next(module, index)


def _next(module, index):
    if index + 1 < len(module.steps):
        return redirect(_step_url(module, index + 1))
    return redirect("training:module", slug=module.slug)


def _render_step(request, module, index, shown, done, form, token, status=200):
    context = {"module": module, "index": index, "number": index + 1, "shown": shown, "done": index < done}
    context["total"] = len(module.steps)
    context["token"] = token
    if shown.kind == "section":
        section = module.section(shown.key)
        context.update(section=section, parts=selectors.article_parts(section, module.lang), form=form)
        if section.referrals:
            context.update(_referral_context(request, section, module.lang))
        template = "training/step_section.html"
    elif shown.kind == "quiz":
        context["form"] = form if isinstance(form, QuizForm) else QuizForm(initial={"token": token}, module=module)
        template = "training/step_quiz.html"
    else:
        exercise = module.exercise(shown.key)
        names = sign_names(exercise.sign_ids, module.lang)
        if not isinstance(form, ExerciseForm):
            form = ExerciseForm(initial={"token": token}, exercise=exercise, names=names)
        context.update(exercise=exercise, form=form)
        template = "training/step_exercise.html"
    return render(request, template, context, status=status)


def _referral_context(request, section, lang) -> dict:
    """The municipality chosen in the query string (one of Salten's, else none) and its paths."""
    municipalities = selectors.municipalities()
    wanted = request.GET.get("kommune", "")
    chosen = wanted if wanted in {m.number for m in municipalities} else ""
    if wanted and not chosen:
        messages.error(request, _("Velg en kommune fra listen."))
    return {
        "municipalities": municipalities,
        "municipality": chosen,
        "paths": selectors.referral_paths(section, chosen, lang) if chosen else [],
    }


@require(Perm.TAKE_TRAINING)
@require_GET
def quiz_result(request, slug):
    module = _module_or_404(slug)
    answers = {a.question: a for a in selectors.latest_quiz_answers(request.user, module)}
    if not answers:
        raise Http404
    rows = []
    for question in module.quiz:
        answer = answers.get(question.id)
        option = question.option(answer.option) if answer else None
        rows.append({"question": question, "option": option, "correct": bool(option and option.correct)})
    passed = all(r["correct"] for r in rows)
    index = next(i for i, s in enumerate(module.steps) if s.kind == "quiz")
    context = {"module": module, "rows": rows, "passed": passed, "quiz_url": _step_url(module, index)}
    context["next_url"] = _step_url(module, index + 1) if index + 1 < len(module.steps) else ""
    return render(request, "training/quiz_result.html", context)


@require(Perm.TAKE_TRAINING)
@require_GET
def exercise_result(request, slug, exercise):
    module = _module_or_404(slug)
    found = module.exercise(exercise)
    attempt = ExerciseAttempt.objects.filter(user=request.user, module=module.slug, exercise=exercise).first()
    if found is None or attempt is None:
        raise Http404
    ticked = set(attempt.ticked)
    names = sign_names(found.sign_ids, module.lang)
    rows = [{"sign": s, "name": names[s.id], "ticked": s.id in ticked} for s in found.signs]
    scope = {"age_group": found.age_group, "types": found.types, "facts": found.facts}
    yours = screen_signs(ticked, **scope)
    expected = screen_signs(found.expected, **scope)
    index = next(i for i, s in enumerate(module.steps) if s.key == found.id and s.kind == "exercise")
    context = {"module": module, "exercise": found, "rows": rows, "yours": yours, "expected": expected}
    context["matches"] = sum(r["ticked"] == r["sign"].in_story for r in rows)
    context["next_url"] = _step_url(module, index + 1) if index + 1 < len(module.steps) else ""
    return render(request, "training/exercise_result.html", context)


@require(Perm.TAKE_TRAINING)
@require_GET
def certificate(request, code):
    found = Certificate.objects.filter(code=code, user=request.user).first()
    module = selectors.module(found.module) if found else None
    if module is None:
        services.certificate_denied(user=request.user, code=code)
        raise Http404
    pdf = certificate_pdf.render_pdf(certificate=found, module=module, name=request.user.display_name)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="kursbevis-{module.slug}.pdf"'
    return response


@require(Perm.VIEW_TRAINING_STATS)
@require_GET
def stats(request):
    mods = selectors.modules()
    context = {
        "modules": mods,
        "rows": selectors.completion_by_agency(mods),
        "hardest": selectors.hardest_questions(),
        "code": request.GET.get("kode", "")[:20],
    }
    if context["code"]:
        context["verified"] = selectors.certificate_by_code(context["code"])
        context["verified_module"] = selectors.module(context["verified"].module) if context["verified"] else None
    return render(request, "training/stats.html", context)
