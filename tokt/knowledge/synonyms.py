"""Curated synonyms and abbreviations for the knowledge-bank search (pure Python, no Django).

Each group lists words and phrases that mean the same to a frontline worker, in
either language. A query word or phrase found in a group also searches for the
group's other entries (with a lower weight), and is never dropped as a stop word:
"KOM" is the coordination unit for victims, not the past tense of "komme".
Add a group when a search for an everyday name of a service finds nothing.
"""

from __future__ import annotations

GROUPS: tuple[tuple[str, ...], ...] = (
    ("kom", "koordineringsenheten", "koordineringsenhet", "coordination unit"),
    (
        "a-krim",
        "a krim",
        "akrim",
        "a-krimsenter",
        "arbeidslivskriminalitetssenter",
        "arbeidslivskriminalitet",
        "work-related crime",
    ),
    ("nav", "arbeids- og velferdsforvaltningen", "velferdsforvaltningen", "labour and welfare administration"),
    ("barnevern", "barnevernet", "barnevernstjenesten", "barnevernstjeneste", "child welfare", "child protection"),
    ("lhbt", "lhbti", "lhbtiq", "lhbtiq+", "skeiv", "skeive", "lgbt", "lgbti", "lgbtq", "lgbtiq"),
    ("paragraf", "straffeloven", "lovparagraf", "penal code"),
    ("greta", "ekspertgruppen mot menneskehandel", "group of experts on action against trafficking"),
    ("udi", "utlendingsdirektoratet", "directorate of immigration"),
    ("ilo", "den internasjonale arbeidsorganisasjonen", "international labour organization"),
    ("rvts", "ressurssentrene om vold, traumatisk stress og selvmordsforebygging"),
    ("labor", "labour"),
    ("prostitusjon", "sexarbeid", "sexsalg", "prostitution", "sex work"),
    ("arbeidstilsynet", "arbeidstilsyn", "labour inspection", "labour inspectorate"),
    ("politi", "politiet", "police"),
    ("tigging", "tiggeri", "tigger", "begging"),
    ("husholdningsarbeid", "husarbeid", "hushjelp", "hjemmearbeid", "private hjem", "domestic work", "domestic worker"),
    ("au pair", "aupair"),
)
