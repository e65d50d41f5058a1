"""Translatable names for the shared vocabularies shown in the screening UI."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tokt.core import vocabulary

# The shared vocabulary (tokt/core/vocabulary.py), translated for the page.
ROLES = [(ident, _(label)) for ident, label in vocabulary.ROLES]
SECTORS = [(ident, _(label)) for ident, label in vocabulary.SECTORS]

AGE_GROUPS = [
    ("adult", _("Voksen (18 år eller eldre)")),
    ("under_18", _("Under 18 år")),
    ("unknown", _("Vet ikke")),
]

EXPLOITATION_TYPES = [
    ("labour", _("Arbeid")),
    ("sexual", _("Seksuell utnytting")),
    ("crime_begging", _("Tigging eller kriminalitet")),
    ("other", _("Annet (tvangsekteskap, organer, adopsjon)")),
]

ANSWERS = [("yes", _("Ja")), ("no", _("Nei")), ("unknown", _("Vet ikke"))]

CONTINUUM = [
    ("social_dumping", _("Sosial dumping")),
    ("labour_crime", _("Arbeidslivskriminalitet")),
    ("forced_labour", _("Tvangsarbeid")),
    ("possible_trafficking", _("Mulig menneskehandel")),
]
INSUFFICIENT = ("insufficient_information", _("For lite informasjon ennå"))

DIMENSION_STATUS = {
    "positive": _("Oppfylt"),
    "not_positive": _("Ikke oppfylt"),
    "cannot_tell_yet": _("Kan ikke si ennå"),
}

ELEMENT_STATUS = {
    "met": _("Tegn på dette"),
    "not_met": _("Ikke tegn på dette"),
    "unknown": _("Ukjent"),
    "not_screened": _("Ikke undersøkt her"),
    "no": _("Nei"),
    "yes": _("Ja"),
}

CONCLUSION = {
    "yes": _("Tegnene er forenlige med mulig menneskehandel etter ILOs regel"),
    "no": _("ILOs regel er ikke oppfylt med det som er kjent"),
    "insufficient_information": _("For lite informasjon til å bruke ILOs regel"),
}

SITUATIONS = {
    "acute_danger": _("Akutt fare"),
    "adult_sexual_exploitation": _("Voksen, mulig seksuell utnytting"),
    "adult_forced_labour": _("Voksen, mulig tvangsarbeid"),
    "minor": _("Person under 18 år"),
    "no_legal_residence": _("Person uten lovlig opphold"),
    "no_police_wanted": _("Personen vil ikke ha politiet inn"),
}

OTHER_ROLE = ("other", _("Annen tjeneste"))
OTHER_SECTOR = ("other", _("Annen bransje, eller vet ikke"))
