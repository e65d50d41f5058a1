"""The public site: no cookies (except on the tip form), no JavaScript needed, no third parties.

Pages are rendered without the request, so a page's bytes depend only on the
content files (the static export writes exactly what is served), and no
context processor can touch the session or set a cookie.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from tokt.accounts.permissions import public
from tokt.core.csrf import NoReferrerCsrfViewMiddleware
from tokt.public.contacts import public_contacts
from tokt.public.content import MASTER, Site
from tokt.public.forms import CONTACT_MAX, MESSAGE_MAX, TipForm
from tokt.public.pages import FOOTER_PAGES, HOME, current_site, exit_url, page_html, page_url
from tokt.public.services import PublicError, tip_submit
from tokt.stats.services import page_view_count

# Fallback texts for optional _ui.yaml keys (a language may add its own).
_EXTRA = {
    "tip_error_expired": {
        "nb": "Skjemaet var utløpt. Trykk «Send» en gang til.",
        "en": "The form had expired. Press Send once more.",
    },
    "tip_error_busy": {
        "nb": "Vi får mange beskjeder akkurat nå. Prøv igjen om litt. Er du i fare, ring 112.",
        "en": "We are receiving many messages right now. Please try again later. If you are in danger, call 112.",
    },
}


def _strings(site: Site, lang: str) -> dict[str, str]:
    ui = site.strings(lang)
    for key, texts in _EXTRA.items():
        ui.setdefault(key, texts["nb" if lang == MASTER else "en"])
    return ui


def _chrome(site: Site, lang: str, *, switch_to=None) -> dict:
    """Context every public page shares: language, strings, header and footer links."""
    ui = _strings(site, lang)
    switch_to = switch_to or (lambda code: page_url(code, HOME))
    footer = [(ui["site_name"], page_url(lang, HOME))]
    for page_id in FOOTER_PAGES:
        page = site.page(lang, page_id)
        if page is not None:
            footer.append((page.title, page_url(lang, page_id)))
    footer.append((ui["tip_title"], reverse("public:tips", kwargs={"lang": lang})))
    languages = [
        {"lang": language, "url": switch_to(code), "current": code == lang} for code, language in site.languages.items()
    ]
    return {
        "lang": site.languages[lang],
        "ui": ui,
        "exit_url": exit_url(),
        "home_url": page_url(lang, HOME),
        "languages": languages,
        "footer_links": footer,
    }


def _respond(template: str, context: dict, *, status: int = 200, no_store: bool = False) -> HttpResponse:
    response = HttpResponse(render_to_string(template, context), status=status)
    response["Content-Language"] = context["lang"].tag
    if no_store:
        response["Cache-Control"] = "no-store"
    return response


def not_found_response(site: Site, lang: str) -> HttpResponse:
    lang = lang if lang in site.languages else MASTER
    context = _chrome(site, lang) | {"title": site.strings(lang)["not_found_title"]}
    return _respond("public/not_found.html", context, status=404)


def _contact_rows(site: Site, lang: str, page_lang: str) -> list[dict]:
    names = {code: language.name for code, language in site.languages.items()}
    rows = []
    for contact in public_contacts(lang):
        rows.append(
            {
                "c": contact,
                "text_lang": contact.text_lang if contact.text_lang != page_lang else "",
                "languages": ", ".join(names.get(code, code) for code in contact.languages),
            }
        )
    return rows


@public
def landing(request):
    site = current_site()
    with translation.override(MASTER):
        entries = []
        for code, language in site.languages.items():
            home = site.page(code, HOME)
            entries.append({"lang": language, "url": page_url(code, HOME), "summary": home.summary if home else ""})
        context = _chrome(site, MASTER) | {"entries": entries, "login_url": reverse("accounts:login")}
        return _respond("public/landing.html", context)


@public
def home(request, lang: str):
    return page(request, lang, HOME)


@public
def page(request, lang: str, page_id: str):
    site = current_site()
    if page_id == HOME and request.resolver_match.url_name == "page":
        return HttpResponsePermanentRedirect(page_url(lang, HOME))
    found = site.page(lang, page_id)
    if found is None:
        return not_found_response(site, lang)
    parts = page_html(site, lang, found)
    page_view_count(lang=lang, page=page_id)
    context = _chrome(site, lang, switch_to=lambda code: page_url(code, page_id)) | {
        "page": found,
        "title": found.title if page_id != HOME else "",
        "parts": parts,
        "content_lang": site.languages[found.lang].tag if found.lang != lang else "",
        "contacts": _contact_rows(site, lang, found.lang) if len(parts) > 1 else [],
    }
    return _respond("public/page.html", context)


@public
def unknown_language(request, code: str, rest: str = ""):
    """Anything under a language-shaped first segment that matched nothing: a 404 page."""
    return not_found_response(current_site(), code)


class _TipCsrfCheck(NoReferrerCsrfViewMiddleware):
    """The project's CSRF check, answering with a reason instead of the staff error page."""

    def _reject(self, request, reason):
        return reason


def _csrf_failed(request) -> bool:
    return _TipCsrfCheck(lambda r: None).process_view(request, None, (), {}) is not None


def _sent(lang: str) -> HttpResponse:
    response = redirect("public:tip_sent", lang=lang)
    response.status_code = 303
    response["Cache-Control"] = "no-store"
    # The form's session-only CSRF cookie is not needed any more.
    response.delete_cookie(
        settings.CSRF_COOKIE_NAME,
        path=settings.CSRF_COOKIE_PATH,
        domain=settings.CSRF_COOKIE_DOMAIN,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
    return response


@public
@csrf_exempt  # checked by _csrf_failed, so a failure keeps the reader's text and language
def tips(request, lang: str):
    site = current_site()
    ui = _strings(site, lang)
    form, error, status = TipForm(ui=ui), "", 200
    if request.method == "POST":
        form = TipForm(request.POST, ui=ui)
        if _csrf_failed(request):
            form.is_valid()
            error, status = ui["tip_error_expired"], 403
        elif form.is_valid():
            try:
                tip_submit(lang=lang, **form.cleaned_data)
            except PublicError:
                error, status = ui["tip_error_busy"], 429
            else:
                return _sent(lang)
        else:
            status = 400
    switch = lambda code: reverse("public:tips", kwargs={"lang": code})  # noqa: E731
    context = _chrome(site, lang, switch_to=switch) | {
        "title": ui["tip_title"],
        "form": form,
        "error": error,
        "csrf_token": get_token(request),
        "message_max": MESSAGE_MAX,
        "contact_max": CONTACT_MAX,
        "hide_no_tracking": True,
    }
    return _respond("public/tips.html", context, status=status, no_store=True)


@public
def tip_sent(request, lang: str):
    site = current_site()
    switch = lambda code: reverse("public:tips", kwargs={"lang": code})  # noqa: E731
    context = _chrome(site, lang, switch_to=switch) | {"title": site.strings(lang)["tip_title"]}
    return _respond("public/tip_sent.html", context, no_store=True)
