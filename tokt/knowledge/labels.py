"""Translated names for the shared vocabularies (ids in vocab.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

AUDIENCE_LABELS = {
    "all": _("Alle"),
    "nav": _("NAV"),
    "health": _("Helse"),
    "child_welfare": _("Barnevern"),
    "labour_inspection": _("Arbeidstilsynet"),
    "police": _("Politi"),
    "ngo": _("Krisesenter og frivillige organisasjoner"),
}

SECTOR_LABELS = {
    "fisheries": _("Fiskeri og fiskeindustri"),
    "construction": _("Bygg og anlegg"),
    "cleaning": _("Renhold"),
    "car_wash": _("Bilpleie"),
    "restaurants": _("Restaurant og servering"),
    "nail_massage": _("Negle- og massasjesalonger"),
    "agriculture": _("Landbruk"),
    "transport": _("Transport"),
    "domestic_work": _("Arbeid i private hjem"),
    "commercial_sex": _("Prostitusjon og sexsalg"),
    "begging_crime": _("Tigging og kriminalitet"),
}

FORM_LABELS = {
    "sexual_exploitation": _("Seksuell utnytting"),
    "forced_labour": _("Tvangsarbeid"),
    "forced_crime": _("Tvangskriminalitet"),
    "begging": _("Tigging"),
    "domestic_servitude": _("Tvangsarbeid i private hjem"),
    "forced_marriage": _("Tvangsekteskap"),
    "organ_removal": _("Organfjerning"),
    "illegal_adoption": _("Ulovlig adopsjon"),
}


def labelled(ids, labels: dict) -> list[str]:
    return [str(labels.get(ident, ident)) for ident in ids]
