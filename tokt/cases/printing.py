"""PDFs: conference agenda and minutes, and referral letters. Only the pseudonymised case is printed."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from tokt.cases.access import Access
from tokt.cases.choices import ConsentScope
from tokt.cases.models import Conference, Referral
from tokt.cases.selectors import CaseCard

CONFERENCE_DOCUMENTS = ("agenda", "referat")

_CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: sans-serif; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 1.2em; }
dl { display: grid; grid-template-columns: 12em 1fr; gap: 0.2em 1em; }
dt { font-weight: bold; } table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #999; padding: 0.3em; text-align: left; vertical-align: top; }
"""


def _pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    # Nothing is fetched: the documents carry everything inline.
    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[CSS(string=_CSS, url_fetcher=fetcher)])


def conference_html(conference: Conference, kind: str, viewer=None) -> str:
    """Only pseudonymised fields; for a viewer who may no longer see a case (the meeting is closed), only its code."""
    from tokt.cases.access import case_access

    def card(case):
        if viewer is not None and case_access(viewer, case) == Access.NONE:
            return None
        return CaseCard.of(case, Access.PSEUDONYMISED)

    items = [
        {"item": item, "card": card(item.case), "code": item.case.code, "actions": list(item.actions.all())}
        for item in conference.agenda.select_related("case__agency", "case__municipality").prefetch_related(
            "actions__owner_agency", "actions__owner_user"
        )
    ]
    context = {
        "conference": conference,
        "kind": kind,
        "items": items,
        "agencies": list(conference.invited_agencies.all()),
        "attendees": list(conference.attendees.select_related("agency")),
        "printed": timezone.localdate(),
    }
    return render_to_string("cases/print/conference.html", context)


def conference_pdf(conference: Conference, kind: str, viewer=None) -> bytes:
    return _pdf(conference_html(conference, kind, viewer))


def referral_letter_html(referral: Referral) -> str:
    """Identifying details only as far as a consent in force covers this actor."""
    case = referral.case
    scopes = set(case.consents.in_force().filter(actors=referral.actor).values_list("scope", flat=True))
    access = Access.PSEUDONYMISED
    if referral.share_identifying and ConsentScope.DETAILS_AND_NOTES in scopes:
        access = Access.DETAILS_AND_NOTES
    elif referral.share_identifying and ConsentScope.DETAILS in scopes:
        access = Access.DETAILS
    context = {
        "referral": referral,
        "card": CaseCard.of(case, access),
        "notes": list(case.notes.all()) if access >= Access.DETAILS_AND_NOTES else [],
        "purpose": referral.purpose if access >= Access.DETAILS else "",
        "printed": timezone.localdate(),
    }
    return render_to_string("cases/print/referral_letter.html", context)


def referral_letter_pdf(referral: Referral) -> bytes:
    return _pdf(referral_letter_html(referral))
