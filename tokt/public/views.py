"""The public site: no cookies at all, no JavaScript needed, no third parties.

Pages are rendered without the request, so a page's bytes depend only on the
content files (the static export writes exactly what is served), and no
context processor can touch the session or set a cookie.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core import signing
from django.http import HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from tokt.accounts.permissions import public
from tokt.public.contacts import LEAD, Contact, phone_labels, public_contacts
from tokt.public.content import MASTER, Site
from tokt.public.forms import CONTACT_MAX, MESSAGE_MAX, TipForm
from tokt.public.pages import FOOTER_PAGES, HOME, current_site, exit_url, page_html, page_url
from tokt.public.ratelimit import client_of
from tokt.public.services import PublicError, tip_submit
from tokt.stats.services import page_view_count

# Pages that end with a link to the tip form (the help page also has it beside its contacts).
TIP_LINK_PAGES = frozenset({HOME, "help", "worried-about-someone"})

# Fallback texts for optional _ui.yaml keys (a language may add its own).
_EXTRA = {
    "tip_error_expired": {
        "nb": "Skjemaet var utløpt. Trykk «Send» en gang til.",
        "en": "The form had expired. Press Send once more.",
    },
    "tip_error_client": {
        "nb": "Du har sendt flere beskjeder på kort tid. Vent en time og prøv igjen. Er du i fare, ring 112.",
        "en": "You have sent several messages in a short time. Please wait an hour and try again. "
        "If you are in danger, call 112.",
    },
    "tip_error_huge": {
        "nb": "Beskjeden er altfor lang til å sendes (over 2 MB). Gjør den kortere.",
        "en": "The message is far too long to send (over 2 MB). Please make it shorter.",
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
        # Shown on every public page of a demo instance, so nobody sends a real tip to it.
        "demo_mode": settings.DEMO_MODE,
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


def _contact_row(contact: Contact, ui: dict[str, str], lang: str) -> dict:
    return {
        "c": contact,
        "name_lang": contact.name_lang if contact.name_lang != lang else "",
        "phone_labels": phone_labels(contact, ui),
        "languages": ", ".join(contact.languages),
        "checked": ui["checked_on"].format(date=contact.checked_on.isoformat()) if contact.checked_on else "",
    }


def _contacts_context(site: Site, lang: str, contacts: tuple[Contact, ...]) -> dict:
    """The help page's contacts: the three lead numbers, then the rest (folded)."""
    ui = _strings(site, lang)
    rows = [_contact_row(c, ui, lang) for c in contacts]
    lead = [r for r in rows if r["c"].id in LEAD]
    dates = [r["c"].translated_on for r in rows if r["c"].machine_assisted and r["c"].translated_on]
    return {
        "contacts_shown": True,
        "lead_contacts": lead,
        "more_contacts": [r for r in rows if r["c"].id not in LEAD],
        "contacts_translated_on": max(dates) if dates else None,
    }


def _machine_notice(ui: dict[str, str], page, contacts: dict) -> str:
    """Tells readers, in their language and with the date, that machine help made the text they read."""
    dates = [contacts.get("contacts_translated_on")]
    if page.status == "machine_assisted":
        dates.append(page.translated_on or page.last_verified)
    dates = [d for d in dates if d]
    return ui["machine_notice"].format(date=max(dates).isoformat()) if dates else ""


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


# Public pages are the same for every reader of a language: each is rendered
# once per (language, page, demo flag, contacts shown) for the loaded content
# and then served from memory (the cache lives on the Site, so new content
# files start a new one). The contacts are part of the key, so a coordinator's
# edit or an entry passing its six months shows at once. Bounded; cleared when full.
_PAGE_CACHE_LIMIT = 1024


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
    # A page that says "call ROSA" gives the number (and 112, 116 111) right there.
    wants_contacts = len(parts) > 1 or "ROSA" in found.body
    contacts = tuple(public_contacts(lang)) if wants_contacts else ()
    cache = site.rendered.setdefault("public_pages", {})
    key = (lang, page_id, settings.DEMO_MODE, contacts)
    hit = cache.get(key)
    if hit is None:
        if len(cache) >= _PAGE_CACHE_LIMIT:
            cache.clear()
        hit = cache[key] = _render_page(site, lang, page_id, found, parts, contacts)
    response = HttpResponse(hit[0])
    response["Content-Language"] = hit[1]
    return response


def _render_page(site: Site, lang: str, page_id: str, found, parts, contacts) -> tuple[bytes, str]:
    chrome = _chrome(site, lang, switch_to=lambda code: page_url(code, page_id))
    context_contacts = {}
    if len(parts) > 1:
        context_contacts = _contacts_context(site, lang, contacts)
    elif contacts:
        context_contacts = {"number_box": _contacts_context(site, lang, contacts)["lead_contacts"]}
    context = (
        chrome
        | context_contacts
        | {
            "page": found,
            "title": found.title if page_id != HOME else "",
            "parts": parts,
            "content_lang": site.languages[found.lang].tag if found.lang != lang else "",
            "machine_notice": _machine_notice(chrome["ui"], found, context_contacts) if lang != MASTER else "",
            "contacts_url": page_url(lang, "help"),
            "tip_url": reverse("public:tips", kwargs={"lang": lang}),
            "tip_linked": page_id in TIP_LINK_PAGES,
            "quick_exit_note": page_id == "safe-browsing",
        }
    )
    return render_to_string("public/page.html", context).encode(), chrome["lang"].tag


@public
def unknown_language(request, code: str, rest: str = ""):
    """Anything under a language-shaped first segment that matched nothing: a 404 page."""
    return not_found_response(current_site(), code)


_FORM_SALT = "tokt.public.tip-form"
_FORM_MAX_AGE = 4 * 3600
# Posts up to this size are read even though Django's own limit is lower, so
# that a too-long message is shown again with the limit instead of being lost.
TIP_BODY_MAX = 2 * 1024 * 1024


def _form_token() -> str:
    """A signed, expiring form token: CSRF protection for a form that sets no cookie."""
    return signing.dumps(secrets.token_hex(8), salt=_FORM_SALT)


def _forged(request, data) -> bool:
    """Refuse a post from another site (fetch metadata, Origin) or without a fresh form token."""
    if getattr(request, "_dont_enforce_csrf_checks", False):
        return False
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in {"same-origin", "none"}:
        return True
    origin = request.headers.get("Origin")
    if origin and origin != "null" and origin != f"{request.scheme}://{request.get_host()}":
        return True
    try:
        signing.loads(data.get("csrfmiddlewaretoken", ""), salt=_FORM_SALT, max_age=_FORM_MAX_AGE)
    except signing.BadSignature:
        return True
    return False


def _tip_data(request) -> tuple[QueryDict, bool]:
    """The posted fields, also when they exceed Django's upload limit (up to TIP_BODY_MAX); and whether lost."""
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        return request.POST, False
    if length > TIP_BODY_MAX or request.content_type != "application/x-www-form-urlencoded":
        return QueryDict(), True
    # Read the stream directly: request.POST would refuse a body over DATA_UPLOAD_MAX_MEMORY_SIZE.
    return QueryDict(request.read(length), encoding=request.encoding), False


def _sent(lang: str) -> HttpResponse:
    response = redirect("public:tip_sent", lang=lang)
    response.status_code = 303
    response["Cache-Control"] = "no-store"
    return response


@public
@csrf_exempt  # checked by _forged (no cookie), so a failure keeps the reader's text and language
def tips(request, lang: str):
    site = current_site()
    ui = _strings(site, lang)
    form, error, status = TipForm(ui=ui), "", 200
    if request.method == "POST":
        data, lost = _tip_data(request)
        form = TipForm(data, ui=ui)
        if lost:
            error, status = ui["tip_error_huge"], 413
        elif _forged(request, data):
            form.is_valid()
            error, status = ui["tip_error_expired"], 403
        elif form.is_bot():
            return _sent(lang)  # looks accepted to the bot; nothing is stored
        elif form.is_valid():
            fields = {k: form.cleaned_data[k] for k in ("message", "contact")}
            try:
                tip_submit(lang=lang, client=client_of(request), **fields)
            except PublicError as exc:
                error, status = ui["tip_error_client" if exc.code == "client" else "tip_error_busy"], 429
            else:
                return _sent(lang)
        else:
            status = 400
    switch = lambda code: reverse("public:tips", kwargs={"lang": code})  # noqa: E731
    context = _chrome(site, lang, switch_to=switch) | {
        "title": ui["tip_title"],
        "form": form,
        "error": error,
        "csrf_token": _form_token(),
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
