"""Public, anonymous self-check: one GET form, answers only in the query string, nothing stored.

The pages use the public site's base template and chrome (quick exit, language list,
no cookies, no tracking) and are rendered without the request, like every public page.
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from tokt.accounts.permissions import Perm, public, require
from tokt.public.contacts import public_contacts
from tokt.public.pages import current_site
from tokt.public.views import _chrome, _respond

from .advert import MAX_CHARS, find_signals, load_rules, segments
from .engine import ANSWERS, assess_answers
from .pay import SECTORS, check_pay, parse_wage
from .texts import pay_texts, questions, texts


def _base(lang: str, view: str) -> tuple[dict, dict]:
    try:
        t = texts(lang)
    except FileNotFoundError:
        raise Http404 from None
    site = current_site()
    context = _chrome(site, lang, switch_to=lambda code: reverse(view, kwargs={"lang": code})) | {"t": t}
    return t, context


def _rows(t: dict, answers: dict[str, str]) -> list[dict]:
    options = [("yes", t["answer_yes"]), ("no", t["answer_no"]), ("unknown", t["answer_unknown"])]
    return [
        {"id": q.id, "text": t["questions"][q.id], "options": options, "value": answers.get(q.id, "unknown")}
        for q in questions()
    ]


@public
def check(request, lang: str):
    t, context = _base(lang, "selfcheck:check")
    context |= {
        "title": t["title"],
        "rows": _rows(t, {}),
        "action": reverse("selfcheck:result", kwargs={"lang": lang}),
    }
    return _respond("selfcheck/check.html", context, no_store=True)


@public
def result(request, lang: str):
    t, context = _base(lang, "selfcheck:check")
    answers = {q.id: request.GET.get(q.id, "unknown") for q in questions()}
    if any(v not in ANSWERS for v in answers.values()):
        kept = {k: v for k, v in answers.items() if v in ANSWERS}
        context |= {
            "title": t["title"],
            "rows": _rows(t, kept),
            "action": reverse("selfcheck:result", kwargs={"lang": lang}),
            "error": t["missing_answers"],
        }
        return _respond("selfcheck/check.html", context, status=400, no_store=True)
    outcome = assess_answers(answers)
    phones = {c.id: c for c in public_contacts(lang)}
    contacts = []
    for cid, entry in t["contacts"].items():
        c = phones.get(cid)
        if c is None or not c.phone:
            continue
        contacts.append(
            {
                "name": entry["name"],
                "text": entry["text"],
                "phone": c.phone,
                "href": c.phone_href,
                "free": entry["free"],
            }
        )
    change = reverse("selfcheck:check", kwargs={"lang": lang})
    context |= {
        "title": t["result_title"],
        "outcome": outcome,
        "areas": [t["areas"][a] for a in outcome.areas],
        "unsure": [t["area_names"][a] for a in outcome.unsure_areas],
        "position": t["positions"][outcome.position],
        "could_reach": t["positions"][outcome.could_reach]
        if outcome.unsure_areas and outcome.could_reach != outcome.position
        else None,
        "contacts": contacts,
        "tip_url": reverse("public:tips", kwargs={"lang": lang}),
        "change_url": change,
        "pay_url": reverse("selfcheck:pay", kwargs={"lang": lang}),
        "pay_link": pay_texts(lang)[0]["link"],
    }
    return _respond("selfcheck/result.html", context, no_store=True)


@public
def no_favicon(request):
    """Browsers ask for /favicon.ico; the site's 404 page would set a CSRF cookie, so answer 204 here."""
    return HttpResponse(status=204)


def _today() -> dt.date:
    return timezone.localdate()


@public
def pay(request, lang: str):
    _, context = _base(lang, "selfcheck:pay")
    p, p_lang = pay_texts(lang)
    sector = request.GET.get("sector", "")
    wage_text = request.GET.get("wage", "")[:40]
    errors: dict[str, str] = {}
    result = None
    submitted = "sector" in request.GET or "wage" in request.GET
    if submitted:
        wage = parse_wage(wage_text)
        if sector not in SECTORS:
            errors["sector"] = p["bad_sector"]
        if wage is None:
            errors["wage"] = p["bad_wage"]
        if not errors and wage is not None:
            result = check_pay(sector, wage, today=_today())
    message = ""
    if result is not None:
        rate = result.rate
        fmt = {
            "rate": f"{rate.nok_per_hour:.2f}" if rate and rate.nok_per_hour is not None else "",
            "short": f"{result.shortfall:.2f}" if result.shortfall is not None else "",
            "valid_from": rate.valid_from.isoformat() if rate and rate.valid_from else "",
            "valid_to": rate.valid_to.isoformat() if rate and rate.valid_to else "",
        }
        key = result.status.value if result.below is None else ("below" if result.below else "above")
        message = p[key].format(**fmt)
    context |= {
        "title": p["title"],
        "p": p,
        "p_lang": context["lang"].tag if p_lang == lang else "en",
        "sectors": [(code, p["sectors"][code]) for code in SECTORS],
        "sector": sector,
        "wage": wage_text,
        "errors": errors,
        "result": result,
        "message": message,
        "action": reverse("selfcheck:pay", kwargs={"lang": lang}),
        "back_url": reverse("selfcheck:check", kwargs={"lang": lang}),
    }
    return _respond("selfcheck/pay.html", context, status=400 if errors else 200, no_store=True)


@require(Perm.USE_ADVERT_AID)
def advert(request):
    """Paste an advert, see its risk signals with reasons. Nothing is stored or logged."""
    lang = "nb" if (get_language() or "nb").startswith("nb") else "en"
    rules = load_rules()
    text = ""
    error = ""
    found = None
    if request.method == "POST":
        text = request.POST.get("text", "")
        if not text.strip():
            error = "empty"
        elif len(text) > MAX_CHARS:
            error = "too_long"
        else:
            hits = find_signals(text, rules)
            seen: dict[str, object] = {}
            for hit in hits:
                seen.setdefault(hit.rule.id, hit.rule)
            found = {
                "segments": [(piece, rule.id if rule else "") for piece, rule in segments(text, hits)],
                "signals": [
                    {"id": r.id, "signal": r.signal[lang], "reason": r.reason[lang]}  # type: ignore[attr-defined]
                    for r in seen.values()
                ],
            }
    context = {
        "text": text,
        "error": error,
        "found": found,
        "max_chars": MAX_CHARS,
        "version": rules.version,
        "rules": [{"id": r.id, "signal": r.signal[lang], "reason": r.reason[lang]} for r in rules.rules],
    }
    response = render(request, "selfcheck/advert.html", context, status=400 if error else 200)
    response["Cache-Control"] = "no-store"
    return response
