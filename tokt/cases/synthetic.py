"""Synthetic cases in bulk, for benchmarks, statistics development and demos. No real people.

The distributions are invented but plausible for Salten, loosely shaped by what
the network's own reports and KOM's national figures describe (labour
exploitation more common than sexual exploitation in the north, many workers
from Eastern Europe, fisheries as the largest sector). They are *not*
statistics: never publish anything derived from them.

- Owning agency: Zipf-like (the first agencies hold most cases).
- Age group: 12 % under 18, 30 % 18–25, 38 % 26–40, 15 % over 40, 5 % unknown.
- Gender: 55 % women, 40 % men, 1 % other, 4 % unknown.
- Region: 40 % Eastern EU, 15 % Asia, 15 % Africa, 10 % Europe outside the EU,
  5 % Norway, 5 % other EU, 3 % Nordic, 3 % Americas, 4 % unknown; a country is
  named for 70 % (uniform among the region's countries).
- Municipality: 90 % Salten (Bodø about half of those), 10 % the rest of Nordland.
- Sector and forms: sector weights below; one or two forms typical of the sector.
- Source: 45 % own work, 20 % another agency, 15 % screening, 10 % tip, 7 % self-referral, 3 % other.
- Status: 15 % registered, 5 % on the agenda, 10 % discussed, 15 % referred,
  15 % followed up, 40 % closed; first met uniformly over the last three years.
"""

from __future__ import annotations

import datetime as dt
import random

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tokt.cases.choices import COUNTRIES, CaseStatus, Region
from tokt.cases.models import CODE_ALPHABET, Case, StatusChange, opaque_id
from tokt.directory.models import months_before

AGE = {"under_18": 12, "18_25": 30, "26_40": 38, "over_40": 15, "unknown": 5}
GENDER = {"woman": 55, "man": 40, "other": 1, "unknown": 4}
REGION = {
    "eu_east": 40,
    "asia": 15,
    "africa": 15,
    "europe_non_eu": 10,
    "norway": 5,
    "eu_other": 5,
    "nordic": 3,
    "americas": 3,
    "unknown": 4,
}
SECTOR = {
    "fisheries": 25,
    "construction": 12,
    "cleaning": 10,
    "restaurants": 10,
    "commercial_sex": 10,
    "agriculture": 8,
    "nail_massage": 7,
    "car_wash": 5,
    "transport": 5,
    "domestic_work": 4,
    "begging_crime": 4,
}
FORMS_BY_SECTOR = {
    "commercial_sex": ["sexual_exploitation"],
    "nail_massage": ["forced_labour", "sexual_exploitation"],
    "domestic_work": ["domestic_servitude", "forced_labour"],
    "begging_crime": ["begging", "forced_crime"],
}
SOURCE = {"own_work": 45, "other_agency": 20, "screening": 15, "public_tip": 10, "self_referral": 7, "other": 3}
STATUS = {"registered": 15, "on_agenda": 5, "discussed": 10, "referred": 15, "followed_up": 15, "closed": 40}
COUNTRY_SHARE = 0.7
BATCH = 5000


def _pick(rnd: random.Random, weights: dict[str, int]) -> str:
    return rnd.choices(list(weights), weights=list(weights.values()))[0]


def synthetic_agencies(count: int):
    """The real agencies first, then made-up ones ("Syntetisk etat 13") up to ``count``."""
    from tokt.core.models import Agency, AgencyKind

    agencies = list(Agency.objects.order_by("pk"))
    for n in range(len(agencies) + 1, count + 1):
        agency, _created = Agency.objects.get_or_create(
            slug=f"syntetisk-{n}", defaults={"name": f"Syntetisk etat {n}", "kind": AgencyKind.MUNICIPAL}
        )
        agencies.append(agency)
    return agencies[:count]


def generate(*, count: int, agencies: int, seed: int = 2026) -> int:
    from tokt.core.models import Municipality

    rnd = random.Random(seed)
    owners = synthetic_agencies(agencies)
    owner_weights = [1 / (rank + 1) for rank in range(len(owners))]
    salten = list(Municipality.objects.salten().values_list("number", flat=True))
    others = list(Municipality.objects.filter(salten=False).values_list("number", flat=True))
    countries_by_region: dict[str, list[str]] = {}
    for code, (_name, region) in COUNTRIES.items():
        countries_by_region.setdefault(region.value, []).append(code)
    today = timezone.localdate()
    used = set(Case.objects.values_list("code", flat=True))
    made = 0
    while made < count:
        batch = []
        for _ in range(min(BATCH, count - made)):
            met_on = today - dt.timedelta(days=rnd.randrange(3 * 365))
            while True:
                code = f"SAL-{met_on.year}-{''.join(rnd.choice(CODE_ALPHABET) for _ in range(4))}"
                if code not in used:
                    used.add(code)
                    break
            region = _pick(rnd, REGION)
            country = ""
            if region != Region.UNKNOWN and rnd.random() < COUNTRY_SHARE:
                country = rnd.choice(countries_by_region.get(region, [""]))
            if rnd.random() < 0.9:
                municipality = "1804" if rnd.random() < 0.5 and "1804" in salten else rnd.choice(salten)
            else:
                municipality = rnd.choice(others)
            sector = _pick(rnd, SECTOR)
            typical = FORMS_BY_SECTOR.get(sector, ["forced_labour"])
            forms = rnd.sample(typical, k=rnd.randint(1, len(typical)))
            status = _pick(rnd, STATUS)
            closed_on = met_on + dt.timedelta(days=rnd.randrange(30, 300)) if status == CaseStatus.CLOSED else None
            if closed_on and closed_on > today:
                closed_on = today
            batch.append(
                Case(
                    public_id=opaque_id(),
                    code=code,
                    agency=rnd.choices(owners, weights=owner_weights)[0],
                    age_group=_pick(rnd, AGE),
                    gender=_pick(rnd, GENDER),
                    region=region,
                    country=country,
                    municipality_id=municipality,
                    sector=sector,
                    forms=forms,
                    source=_pick(rnd, SOURCE),
                    met_on=met_on,
                    status=status,
                    closed_on=closed_on,
                    retain_until=months_before(closed_on, -settings.CASE_RETENTION_MONTHS) if closed_on else None,
                )
            )
        with transaction.atomic():
            created = Case.objects.bulk_create(batch, batch_size=1000)
            if created and created[0].pk is None:  # backends that do not return ids
                created = list(Case.objects.filter(code__in=[c.code for c in batch]).only("pk", "status"))
            StatusChange.objects.bulk_create(
                [StatusChange(case=c, to_status=c.status) for c in created], batch_size=1000
            )
        made += len(batch)
    return made
