"""The project's one vocabulary: roles, sectors and forms of exploitation (ids and bokmål labels).

Pure Python (the screening engine and the knowledge content check read it
without Django). To rename a sector, edit its label here; to add one, add a
row here and give its English text in locale/en/LC_MESSAGES/django.po
(`make messages`). The web pages translate the labels with gettext_lazy
(tokt/screening/labels.py, tokt/knowledge/labels.py).
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    """Marks a label for `makemessages` (xgettext reads the name); translated where it is shown."""
    return message


# Where the person using the tool works (screening) or who an article is for (knowledge).
ROLES: tuple[tuple[str, str], ...] = (
    ("nav", gettext_noop("NAV")),
    ("health", gettext_noop("Helsetjenesten")),
    ("child_welfare", gettext_noop("Barnevern eller skole")),
    ("labour_inspection", gettext_noop("Arbeidstilsyn eller A-krim")),
    ("police", gettext_noop("Politi")),
    ("ngo", gettext_noop("Krisesenter eller frivillig organisasjon")),
)

SECTORS: tuple[tuple[str, str], ...] = (
    ("fisheries", gettext_noop("Fiskeri og fiskeindustri")),
    ("construction", gettext_noop("Bygg og anlegg")),
    ("cleaning", gettext_noop("Renhold")),
    ("car_wash", gettext_noop("Bilvask og bilpleie")),
    ("restaurants", gettext_noop("Restaurant og servering")),
    ("nail_massage", gettext_noop("Negle- og massasjesalong")),
    ("agriculture", gettext_noop("Landbruk og bærplukking")),
    ("transport", gettext_noop("Transport og taxi")),
    ("domestic_work", gettext_noop("Arbeid i private hjem")),
    ("commercial_sex", gettext_noop("Salg av sex, også på nett")),
    ("begging_crime", gettext_noop("Tigging og tvungen kriminalitet")),
)

# Forms of exploitation (knowledge articles); the screening engine maps them to
# the types it screens with EXPLOITATION_TYPE_OF.
FORMS: tuple[tuple[str, str], ...] = (
    ("sexual_exploitation", gettext_noop("Seksuell utnytting")),
    ("forced_labour", gettext_noop("Tvangsarbeid")),
    ("forced_crime", gettext_noop("Tvangskriminalitet")),
    ("begging", gettext_noop("Tigging")),
    ("domestic_servitude", gettext_noop("Tvangsarbeid i private hjem")),
    ("forced_marriage", gettext_noop("Tvangsekteskap")),
    ("organ_removal", gettext_noop("Organfjerning")),
    ("illegal_adoption", gettext_noop("Ulovlig adopsjon")),
)

# Form of exploitation -> the screening engine's exploitation type (design choice).
EXPLOITATION_TYPE_OF: dict[str, str] = {
    "sexual_exploitation": "sexual",
    "forced_labour": "labour",
    "domestic_servitude": "labour",
    "forced_crime": "crime_begging",
    "begging": "crime_begging",
    "forced_marriage": "other",
    "organ_removal": "other",
    "illegal_adoption": "other",
}

ROLE_IDS = tuple(ident for ident, _ in ROLES)
SECTOR_IDS = tuple(ident for ident, _ in SECTORS)
FORM_IDS = tuple(ident for ident, _ in FORMS)
