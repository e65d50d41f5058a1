"""Synthetic cases for tests and demo data. No real people."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tokt.cases import services
from tokt.cases.choices import AgeGroup, Gender, Region, Source
from tokt.cases.services import CaseFields


def case_fields(**overrides) -> CaseFields:
    values = {
        "age_group": AgeGroup.AGE_18_25,
        "gender": Gender.WOMAN,
        "region": Region.EU_EAST,
        "country": "PL",
        "municipality_id": "1804",
        "sector": "fisheries",
        "forms": ("forced_labour",),
        "source": Source.OWN_WORK,
        "met_on": timezone.localdate() - dt.timedelta(days=3),
    }
    values.update(overrides)
    return CaseFields(**values)


def make_case(user, note: str = "", **overrides):
    return services.case_open(user=user, fields=case_fields(**overrides), note=note)
