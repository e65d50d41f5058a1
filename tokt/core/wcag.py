"""The WCAG 2.1 level A and AA success criteria and ToKt's status for each.

Statuses: "met" (tested), "not_applicable" (no such content), "deviation" (a
known shortcoming, described in ``note``). Update together with the review date
in tokt/core/views.py.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MET = "met"
NOT_APPLICABLE = "not_applicable"
DEVIATION = "deviation"

CRITERIA = [
    ("1.1.1", "A", _("Ikke-tekstlig innhold"), MET),
    ("1.2.1", "A", _("Bare lyd og bare video (forhåndsinnspilt)"), NOT_APPLICABLE),
    ("1.2.2", "A", _("Teksting (forhåndsinnspilt)"), NOT_APPLICABLE),
    ("1.2.3", "A", _("Synstolking eller mediealternativ (forhåndsinnspilt)"), NOT_APPLICABLE),
    ("1.2.4", "AA", _("Teksting (direkte)"), NOT_APPLICABLE),
    ("1.2.5", "AA", _("Synstolking (forhåndsinnspilt)"), NOT_APPLICABLE),
    ("1.3.1", "A", _("Informasjon og relasjoner"), MET),
    ("1.3.2", "A", _("Meningsfylt rekkefølge"), MET),
    ("1.3.3", "A", _("Sensoriske egenskaper"), MET),
    ("1.3.4", "AA", _("Visningsretning"), MET),
    ("1.3.5", "AA", _("Identifiser formål med inndata"), MET),
    ("1.4.1", "A", _("Bruk av farge"), MET),
    ("1.4.2", "A", _("Styring av lyd"), NOT_APPLICABLE),
    ("1.4.3", "AA", _("Kontrast (minimum)"), MET),
    ("1.4.4", "AA", _("Endring av tekststørrelse"), MET),
    ("1.4.5", "AA", _("Bilder av tekst"), MET),
    ("1.4.10", "AA", _("Dynamisk tilpasning (reflow)"), MET),
    ("1.4.11", "AA", _("Kontrast for ikke-tekstlig innhold"), MET),
    ("1.4.12", "AA", _("Tekstavstand"), MET),
    ("1.4.13", "AA", _("Pekerfølsomt innhold eller innhold ved tastaturfokus"), NOT_APPLICABLE),
    ("2.1.1", "A", _("Tastatur"), MET),
    ("2.1.2", "A", _("Ingen tastaturfelle"), MET),
    ("2.1.4", "A", _("Hurtigtaster som består av ett tegn"), MET),
    ("2.2.1", "A", _("Justerbar hastighet"), MET),
    ("2.2.2", "A", _("Pause, stopp, skjul"), NOT_APPLICABLE),
    ("2.3.1", "A", _("Terskelverdi på maksimalt tre glimt"), MET),
    ("2.4.1", "A", _("Hoppe over blokker"), MET),
    ("2.4.2", "A", _("Sidetitler"), MET),
    ("2.4.3", "A", _("Fokusrekkefølge"), MET),
    ("2.4.4", "A", _("Formål med lenke (i kontekst)"), MET),
    ("2.4.5", "AA", _("Flere måter"), MET),
    ("2.4.6", "AA", _("Overskrifter og ledetekster"), MET),
    ("2.4.7", "AA", _("Synlig fokus"), MET),
    ("2.5.1", "A", _("Pekerbevegelser"), NOT_APPLICABLE),
    ("2.5.2", "A", _("Pekeravbrytelse"), MET),
    ("2.5.3", "A", _("Ledetekst i navn"), MET),
    ("2.5.4", "A", _("Bevegelsesaktivering"), NOT_APPLICABLE),
    ("3.1.1", "A", _("Språk på siden"), MET),
    ("3.1.2", "AA", _("Språk på deler av innhold"), MET),
    ("3.2.1", "A", _("Fokus"), MET),
    ("3.2.2", "A", _("Inndata"), MET),
    ("3.2.3", "AA", _("Konsekvent navigering"), MET),
    ("3.2.4", "AA", _("Konsekvent identifikasjon"), MET),
    ("3.3.1", "A", _("Identifikasjon av feil"), MET),
    ("3.3.2", "A", _("Ledetekster eller instruksjoner"), MET),
    ("3.3.3", "AA", _("Forslag ved feil"), MET),
    ("3.3.4", "AA", _("Forhindre feil (juridiske feil, økonomiske feil, datafeil)"), MET),
    ("4.1.1", "A", _("Parsing (utgått i WCAG 2.2, fortsatt i forskriften)"), MET),
    ("4.1.2", "A", _("Navn, rolle, verdi"), MET),
    ("4.1.3", "AA", _("Statusbeskjeder"), MET),
]

# A known deviation is listed here with its explanation, and its status above set to DEVIATION.
# 2.2.1: signed-in sessions end after 15 idle minutes for security; a warning two
# minutes before lets the user extend the session (static/js/session-timeout.js).
NOTES: dict[str, str] = {}
