"""What the method page shows: each part of the catalogue with its verification mark."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tokt.screening.engine import load_catalogue

MARKS = {
    "verified": _("Kontrollert i kilden"),
    "secondary_only": _("Bare lest i en sekundærkilde"),
    "unverified": _("Ikke kontrollert"),
    "design_choice": _("Vår egen regel"),
    "verified_as_far_as_read": _("Ingenting motstridende funnet i kildene som er lest"),
    "verified_principle": _("Prinsippet er kontrollert"),
}


@dataclass(frozen=True)
class Part:
    name: str
    mark: str
    mark_label: str
    statement: str = ""


def _part(name: str, mark: str, statement: str = "") -> Part:
    return Part(name=name, mark=mark, mark_label=str(MARKS.get(mark, mark)), statement=statement.strip())


def method_parts() -> dict:
    cat = load_catalogue()
    raw = cat.raw
    ilo = next(f for f in raw["frameworks"] if f["id"] == "ilo_ec_2009")
    fl = next(f for f in raw["frameworks"] if f["id"] == "ilo_forced_labour_indicators_2012")
    measure = next(f for f in raw["frameworks"] if f["id"] == "ilo_forced_labour_measurement")
    law = raw["norwegian_law"]
    rules = ilo["combination_rules"]
    parts = [
        *(_part(f"ILO/EC 2009: {key.replace('_', ' ')}", mark) for key, mark in ilo["verification"].items()),
        _part(
            _("Regel for når en dimensjon er oppfylt"),
            rules["dimension_positive"]["verification"],
            rules["dimension_positive"]["statement"],
        ),
        _part(
            _("Regel for når personen kan være utsatt (ILO)"),
            rules["victim"]["verification"],
            rules["victim"]["statement"],
        ),
        _part(_("Tredelt svar: ja, nei, for lite informasjon"), rules["three_way_output"]["verification"]),
        _part(_("ILOs indikatorer på tvangsarbeid (2012)"), fl["verification"], fl["usage_rule"]),
        _part(_("Kobling fra tvangsarbeidsindikatorer til ILO/EC-indikatorer"), fl["maps_to_verification"]),
        *(_part(f"ILO: {key.replace('_', ' ')}", mark) for key, mark in measure["verification"].items()),
        _part(_("Straffeloven § 257"), law["straffeloven_257"]["verification"]),
        _part(_("Straffeloven § 257 bokstav b, ordlyd"), law["straffeloven_257"]["letter_b_wording"]),
        _part(
            _("Kobling fra ILO-tegn til midlene i § 257"),
            law["straffeloven_257"]["elements"]["ilo_signals_verification"],
        ),
        _part(_("Straffeloven § 258"), law["straffeloven_258"]["verification"]),
        _part(
            _("Plassering mellom sosial dumping og menneskehandel"),
            raw["norwegian_concepts"]["continuum_categories"]["verification"],
        ),
    ]
    profiles = [
        {
            "id": pid,
            "audience": p.audience,
            "type": p.exploitation_type,
            "mark": str(MARKS.get(p.strength_verification, p.strength_verification)),
            "proxy_from": p.proxy_from,
        }
        for pid, p in cat.profiles.items()
    ]
    dimensions = [
        {"dimension": d, "indicators": [i for i in cat.indicators.values() if i.dimension == d.id]}
        for d in cat.dimensions
    ]
    return {
        "version": cat.version,
        "parts": parts,
        "profiles": profiles,
        "dimensions": dimensions,
        "notes": ilo.get("notes", []),
    }
