"""Demo cases for `make run`: synthetic, through the same services as real use."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tokt.cases import services
from tokt.cases.choices import ConsentScope
from tokt.cases.models import Case
from tokt.cases.tests.factories import case_fields


def load_demo_cases(*, nav_user, police_user, crisis_user) -> int:
    """Three cases, one case conference with two of them and actions; nothing if cases exist already."""
    if Case.objects.exists():
        return 0
    today = timezone.localdate()
    first = services.case_open(
        user=nav_user,
        fields=case_fields(sector="fisheries", forms=("forced_labour",), met_on=today - dt.timedelta(days=20)),
        note="Oppsøkte NAV om dagpenger. Forteller om lange skift uten overtidsbetaling og at arbeidsgiver holder passet.",
    )
    second = services.case_open(
        user=nav_user,
        fields=case_fields(
            age_group="26_40",
            gender="man",
            region="asia",
            country="",
            sector="restaurants",
            forms=("forced_labour",),
            met_on=today - dt.timedelta(days=9),
        ),
        note="Kom sammen med en kollega; virket redd for å si noe om bosted.",
    )
    services.case_open(
        user=crisis_user,
        fields=case_fields(
            age_group="18_25", sector="commercial_sex", forms=("sexual_exploitation",), municipality_id="1841"
        ),
        note="Bor midlertidig på krisesenteret.",
    )
    services.consent_record(
        user=nav_user,
        case=first,
        scope=ConsentScope.DETAILS_AND_NOTES,
        given_on=today - dt.timedelta(days=2),
        agencies=[police_user.agency],
    )
    conference = services.conference_create(
        user=nav_user,
        title="Drøftingsmøte Salten",
        date=today + dt.timedelta(days=3),
        place="Bodø rådhus, møterom 2",
        agencies=[police_user.agency, crisis_user.agency],
    )
    item = services.agenda_add(user=nav_user, conference=conference, case=first)
    services.agenda_add(user=nav_user, conference=conference, case=second)
    services.action_add(
        user=nav_user,
        item=item,
        description="Vurdere melding til politiet sammen med personen",
        owner_agency=police_user.agency,
        owner_user=police_user,
        due_on=today + dt.timedelta(days=10),
    )
    return 3
