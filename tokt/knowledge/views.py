from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tokt.accounts.permissions import Perm, has_perm, is_signed_in, public, require
from tokt.knowledge import selectors, services, vocab
from tokt.knowledge.forms import ArticleCreateForm, ArticleEditForm, SearchForm
from tokt.knowledge.history import article_versions
from tokt.knowledge.labels import AUDIENCE_LABELS, FORM_LABELS, SECTOR_LABELS, labelled
from tokt.knowledge.models import Article, ArticleStatus
from tokt.knowledge.rendering import linkify, render_markdown
from tokt.knowledge.text import MAX_QUERY_CHARS, QueryProblem, parse_query


def _ui_lang() -> str:
    return "en" if (get_language() or "nb").startswith("en") else "nb"


def _query_message(problem: QueryProblem) -> str:
    if problem is QueryProblem.EMPTY:
        return _("Skriv inn ett eller flere ord du vil søke etter, for eksempel «tegn på tvangsarbeid».")
    if problem is QueryProblem.TOO_LONG:
        return _("Søket er for langt. Bruk høyst %(max)s tegn, gjerne bare noen få stikkord.") % {
            "max": MAX_QUERY_CHARS
        }
    return _("Søket må inneholde minst ett ord med bokstaver eller tall.")


def _page_url(request, page: int) -> str:
    params = request.GET.copy()
    params["side"] = str(page)
    return f"?{params.urlencode()}"


@public
@require_http_methods(["GET", "HEAD"])
def index(request):
    lang = _ui_lang()
    form = SearchForm(request.GET if "q" in request.GET else None)
    context = {"form": form, "lang": lang, "can_edit": has_perm(request.user, Perm.EDIT_KNOWLEDGE)}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        parsed = parse_query(data["q"])
        if isinstance(parsed, QueryProblem):
            context["message"] = _query_message(parsed)
        else:
            results = selectors.search(
                parsed,
                user=request.user,
                langs=form.langs(),
                ui_lang=lang,
                audience=data["malgruppe"],
                sector=data["bransje"],
                form=data["utnytting"],
                page=data["side"] or 1,
            )
            suggestion_params = request.GET.copy()
            suggestion_params["q"] = results.suggestion
            suggestion_params.pop("side", None)
            context.update(
                query=parsed,
                results=results,
                suggestion_url=f"?{suggestion_params.urlencode()}" if results.suggestion else "",
                other_lang=results.langs != (lang,) and len(results.langs) == 1,
                prev_url=_page_url(request, results.page - 1) if results.page > 1 else "",
                next_url=_page_url(request, results.page + 1) if results.page < results.pages else "",
            )
    if "results" not in context:
        context["topics"] = selectors.topic_groups(lang=lang, user=request.user)
    return render(request, "knowledge/index.html", context)


@public
@require_http_methods(["GET", "HEAD"])
def article(request, slug):
    lang = _ui_lang()
    wanted = request.GET.get("sprak") if request.GET.get("sprak") in vocab.LANGS else lang
    item, fallback = selectors.article_to_show(slug, wanted)
    if item is None or (item.status == ArticleStatus.RETIRED and not has_perm(request.user, Perm.EDIT_KNOWLEDGE)):
        raise Http404
    if not item.is_public and not has_perm(request.user, Perm.READ_INTERNAL_KNOWLEDGE):
        if not is_signed_in(request.user):
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    context = {
        "article": item,
        "fallback": fallback,
        "wanted": wanted,
        "lang": lang,
        "indicators": selectors.indicator_names(item.indicators, lang),
        "sectors": labelled(item.sectors, SECTOR_LABELS),
        "forms": labelled(item.forms, FORM_LABELS),
        "audience": labelled(item.audience, AUDIENCE_LABELS),
        "sources": [mark_safe(linkify(source)) for source in item.sources],  # noqa: S308 - escaped by linkify()
        "others": selectors.other_versions(item),
        "can_edit": has_perm(request.user, Perm.EDIT_KNOWLEDGE),
        "needs_review": item.needs_review(timezone.localdate()),
        "retired": item.status == ArticleStatus.RETIRED,
    }
    return render(request, "knowledge/article.html", context)


def _get_version(slug: str, lang: str) -> Article:
    if lang not in vocab.LANGS:
        raise Http404
    return get_object_or_404(Article, slug=slug, lang=lang)


PREVIEW = "forhandsvis"


def _preview(request, form, lang: str) -> SafeString | None:
    """The sanitised page text when the coordinator pressed "Forhåndsvis" (nothing is saved)."""
    if PREVIEW not in request.POST or not form.is_valid():
        return None
    return mark_safe(render_markdown(form.cleaned_data["body_md"], lang).html)  # noqa: S308 - sanitised by nh3


@require(Perm.EDIT_KNOWLEDGE)
@require_http_methods(["GET", "POST"])
def create(request):
    form = ArticleCreateForm(
        request.POST or None,
        initial={
            "lang": _ui_lang(),
            "visibility": "public",
            "audience": ["all"],
            "last_reviewed": timezone.localdate(),
        },
    )
    preview = _preview(
        request, form, request.POST.get("lang", "nb") if request.POST.get("lang") in vocab.LANGS else "nb"
    )
    if request.method == "POST" and preview is None and form.is_valid():
        try:
            item = services.article_create(user=request.user, **form.cleaned_data)
        except services.KnowledgeError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Artikkelen er opprettet."))
            return redirect(selectors.article_url(item.slug, item.lang))
    return render(request, "knowledge/create.html", {"form": form, "preview": preview})


@require(Perm.EDIT_KNOWLEDGE)
@require_http_methods(["GET", "POST"])
def edit(request, slug, lang):
    item = _get_version(slug, lang)
    form = ArticleEditForm(request.POST or None, initial=ArticleEditForm.initial_for(item))
    preview = _preview(request, form, item.lang)
    if request.method == "POST" and preview is None and form.is_valid():
        try:
            changed = services.article_update(article=item, user=request.user, **form.cleaned_data)
        except services.KnowledgeError as error:
            form.add_error(None, error.message)
        else:
            if changed:
                messages.success(request, _("Endringene er lagret."))
            else:
                messages.info(request, _("Ingen endringer å lagre."))
            return redirect(selectors.article_url(item.slug, item.lang))
    return render(request, "knowledge/edit.html", {"article": item, "form": form, "preview": preview})


@require(Perm.EDIT_KNOWLEDGE)
@require_POST
def retire(request, slug, lang):
    item = _get_version(slug, lang)
    try:
        services.article_retire(article=item, user=request.user)
    except services.KnowledgeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Artikkelen er trukket tilbake. Den vises ikke lenger i lister og søk."))
    return redirect(selectors.article_url(item.slug, item.lang))


@require(Perm.EDIT_KNOWLEDGE)
@require_POST
def restore(request, slug, lang):
    item = _get_version(slug, lang)
    try:
        services.article_restore(article=item, user=request.user)
    except services.KnowledgeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Artikkelen er tatt i bruk igjen."))
    return redirect(selectors.article_url(item.slug, item.lang))


@require(Perm.EDIT_KNOWLEDGE)
@require_POST
def restore_version(request, slug, lang, history_id):
    item = _get_version(slug, lang)
    try:
        services.article_restore_version(article=item, user=request.user, history_id=history_id)
    except services.KnowledgeError as error:
        messages.error(request, error.message)
        return redirect("knowledge:history", slug=item.slug, lang=item.lang)
    messages.success(request, _("Den tidligere versjonen er gjenopprettet."))
    return redirect(selectors.article_url(item.slug, item.lang))


@require(Perm.EDIT_KNOWLEDGE)
@require_http_methods(["GET", "HEAD"])
def retired(request):
    return render(request, "knowledge/retired.html", {"articles": selectors.retired_articles()})


@require(Perm.EDIT_KNOWLEDGE)
@require_POST
def mark_reviewed(request, slug, lang):
    item = _get_version(slug, lang)
    services.article_mark_reviewed(article=item, user=request.user)
    messages.success(request, _("Artikkelen er merket som gjennomgått i dag."))
    if request.POST.get("tilbake") == "liste":
        return redirect("knowledge:stale")
    return redirect(selectors.article_url(item.slug, item.lang))


@require(Perm.EDIT_KNOWLEDGE)
@require_http_methods(["GET", "HEAD"])
def history(request, slug, lang):
    item = _get_version(slug, lang)
    return render(request, "knowledge/history.html", {"article": item, "versions": article_versions(item)})


@require(Perm.EDIT_KNOWLEDGE)
@require_http_methods(["GET", "HEAD"])
def stale(request):
    today = timezone.localdate()
    return render(request, "knowledge/stale.html", {"articles": selectors.not_reviewed(today), "today": today})
