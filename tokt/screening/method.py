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


STRENGTHS = {"strong": _("sterk"), "medium": _("middels"), "weak": _("svak")}

# Public sources the method rests on (titles as published; no internal files).
# A link only where the address was read in the research (METHOD.md, the catalogue).
SOURCES = [
    (
        "ILO og Europakommisjonen: Operational indicators of trafficking in human beings (2009)",
        "https://www.ilo.org/global/topics/forced-labour/publications/WCMS_105023/lang--en/index.htm",
    ),
    ("ILO: Indicators of Forced Labour (2012)", ""),
    ("ILO: Hard to see, harder to count (2012)", ""),
    ("ILO-konvensjon nr. 29 om tvangsarbeid (1930), artikkel 2", ""),
    ("FN: Palermoprotokollen (2000), artikkel 3", ""),
    ("Straffeloven §§ 257 og 258 (Lovdata)", "https://lovdata.no/lov/2005-05-20-28"),
    ("NOU 2024: 13 Lov og frihet, kapittel 1.2", ""),
    ("Barnevernsloven § 13-2 (opplysningsplikt)", "https://lovdata.no/lov/2021-06-18-97"),
    ("Regjeringen: Strategi mot arbeidslivskriminalitet, kapittel 2.1", ""),
    ("Fafo-rapport 2019:35 Menneskehandel i arbeidslivet", ""),
]


def method_parts() -> dict:
    cat = load_catalogue()
    raw = cat.raw
    ilo = next(f for f in raw["frameworks"] if f["id"] == "ilo_ec_2009")
    fl = next(f for f in raw["frameworks"] if f["id"] == "ilo_forced_labour_indicators_2012")
    law = raw["norwegian_law"]
    rules = ilo["combination_rules"]
    parts = [
        _part(
            _("ILO/EU-indikatorene og de seks dimensjonene"),
            ilo["verification"]["framework_existence_and_six_dimensions"],
        ),
        _part(
            _("Tekst og vekt for indikatorene, voksne og barn i arbeid"),
            ilo["verification"]["indicator_texts_and_strengths_adult_labour"],
        ),
        _part(_("Listene for seksuell utnytting"), ilo["verification"]["indicator_lists_sexual_exploitation"]),
        _part(_("Regel for når en dimensjon er oppfylt"), rules["dimension_positive"]["verification"]),
        _part(_("Regel for når personen kan være utsatt (ILO)"), rules["victim"]["verification"]),
        _part(_("Tredelt svar: ja, nei, for lite informasjon"), rules["three_way_output"]["verification"]),
        _part(_("ILOs indikatorer på tvangsarbeid (2012)"), fl["verification"]),
        _part(_("Straffeloven § 257"), law["straffeloven_257"]["verification"]),
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
    dimensions = [
        {
            "dimension": d,
            "indicators": [
                {
                    "id": i.id,
                    "name": i.name,
                    "doubt": bool(i.doubt),
                    "adult": STRENGTHS.get(i.strengths.get("adult_labour") or "", "–"),
                    "child": STRENGTHS.get(i.strengths.get("child_labour") or "", "–"),
                }
                for i in cat.indicators.values()
                if i.dimension == d.id
            ],
        }
        for d in cat.dimensions
    ]
    return {"version": cat.version, "parts": parts, "dimensions": dimensions, "sources": SOURCES}
