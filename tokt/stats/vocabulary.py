"""What the statistics break cases down by, and the labels shown for each value."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tokt.cases.choices import AgeGroup, Gender, ReferralStatus, Region, Source
from tokt.cases.vocabulary import FORM_LABELS, FORMS, SECTOR_LABELS, SECTORS

__all__ = ["DIMENSIONS", "FORMS", "SECTORS", "TTR_BUCKETS", "dimension_values", "value_label"]

# Time from registration to the first referral: (bucket, upper bound in days; None = no bound).
TTR_BUCKETS = (("0_7", 7), ("8_30", 30), ("31_90", 90), ("over_90", None))
TTR_LABELS = {
    "none": _("Ikke henvist"),
    "0_7": _("Inntil 7 dager"),
    "8_30": _("8–30 dager"),
    "31_90": _("31–90 dager"),
    "over_90": _("Mer enn 90 dager"),
}
MONTH_LABELS = {
    f"{n:02d}": label
    for n, label in enumerate(
        [
            _("jan"),
            _("feb"),
            _("mar"),
            _("apr"),
            _("mai"),
            _("jun"),
            _("jul"),
            _("aug"),
            _("sep"),
            _("okt"),
            _("nov"),
            _("des"),
        ],
        start=1,
    )
}
OUTCOME_LABELS = {"none": _("Ingen henvisning"), **dict(ReferralStatus.choices)}

DIMENSIONS: dict[str, tuple] = {
    "month": (_("Måned"), MONTH_LABELS),
    "age_group": (_("Aldersgruppe"), dict(AgeGroup.choices)),
    "gender": (_("Kjønn"), dict(Gender.choices)),
    "region": (_("Opprinnelse (region)"), dict(Region.choices)),
    "source": (_("Hvordan saken ble kjent"), dict(Source.choices)),
    "referral_outcome": (_("Utfall av siste henvisning"), OUTCOME_LABELS),
    "time_to_referral": (_("Tid fra registrering til henvisning"), TTR_LABELS),
}
SECTOR_VALUE_LABELS = {**{s: SECTOR_LABELS.get(s, s) for s in SECTORS}, "": _("Ikke oppgitt")}
FORM_VALUE_LABELS = {f: FORM_LABELS.get(f, f) for f in FORMS}


def dimension_values(name: str) -> list[str]:
    return list(DIMENSIONS[name][1])


def value_label(name: str, value: str) -> str:
    return str(DIMENSIONS[name][1].get(value, value))
