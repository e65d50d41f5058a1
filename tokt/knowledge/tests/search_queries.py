"""A held-out set of queries as frontline workers type them, with the articles that answer them.

Written before the search was tuned (from the article titles and the report's
examples, not from the ranking), and kept as it was written: when the search
changes, the hit rate over this list is what moves, not the list. Each entry is
(query, UI language, acceptable slugs); a query hits when one of the slugs, in
the language the query is written in, is among the first three results.
"""

from __future__ import annotations

SOSIAL_DUMPING = "sosial-dumping-arbeidslivskriminalitet-menneskehandel"
HVA_ER = "hva-er-menneskehandel"
HOUSEHOLD = "hushold-og-tvangsekteskap"
CHILDREN = "barn-og-unge-utsatt-for-menneskehandel"
SUSPECT = "hva-gjor-jeg-ved-mistanke"
LABOUR = ("tvangsarbeid", SOSIAL_DUMPING, "risikobransjer-og-leverandorkjeder", "arbeidsinnvandrere-og-sesongarbeid")

# (query, UI language, expected language, acceptable slugs)
MISSPELLED = [
    ("menneskhandel", "nb", "nb", (HVA_ER,)),
    ("menneskehandell", "nb", "nb", (HVA_ER,)),
    ("menneskehandl", "nb", "nb", (HVA_ER,)),
    ("tvangsarbied", "nb", "nb", ("tvangsarbeid",)),
    ("tvangsarbeit", "nb", "nb", ("tvangsarbeid",)),
    ("sosial dumpin", "nb", "nb", (SOSIAL_DUMPING,)),
    ("sossial dumping", "nb", "nb", (SOSIAL_DUMPING,)),
    ("tvangsekteskapp", "nb", "nb", (HOUSEHOLD,)),
    ("tvangskriminallitet", "nb", "nb", ("tvangskriminalitet-og-tigging",)),
    ("organfjernig", "nb", "nb", ("organfjerning-og-ulovlig-adopsjon",)),
    ("misoppfattninger", "nb", "nb", ("vanlige-misoppfatninger",)),
    ("strafeloven 257", "nb", "nb", ("straffeloven-257-258",)),
    ("seksuel utnytting", "nb", "nb", ("seksuell-utnytting", "den-digitale-arenaen")),
    ("kjønsperspektivet", "nb", "nb", ("kjonnsperspektivet",)),
    ("handlingsplam mot menneskehandel", "nb", "nb", ("handlingsplan-og-strategi",)),
    ("ordlsite", "nb", "nb", ("ordliste",)),
    ("europarådets konvensjon greta", "nb", "nb", ("europaradets-konvensjon-og-greta",)),
    ("samtale med mulig ofer", "nb", "nb", ("samtale-med-mulig-offer",)),
    ("sesongarbeidere i fiskeriet", "nb", "nb", ("arbeidsinnvandrere-og-sesongarbeid",)),
    ("mistanke om menneskehandel hva gjør jeg", "nb", "nb", (SUSPECT,)),
]
COMPOUND = [
    ("arbeidsutnyttelse", "nb", "nb", LABOUR),
    ("husholdningsarbeid", "nb", "nb", (HOUSEHOLD,)),
    ("barnemenneskehandel", "nb", "nb", (CHILDREN,)),
    (
        "fiskeindustriarbeidere",
        "nb",
        "nb",
        ("arbeidsinnvandrere-og-sesongarbeid", "risikobransjer-og-leverandorkjeder"),
    ),
    ("tvangsarbeidsofre", "nb", "nb", ("tvangsarbeid",)),
    ("organhandel", "nb", "nb", ("organfjerning-og-ulovlig-adopsjon",)),
    ("menneskehandelsofre", "nb", "nb", ("ofres-rettigheter", HVA_ER, SUSPECT)),
    ("leverandørkjedeansvar", "nb", "nb", ("risikobransjer-og-leverandorkjeder",)),
    ("tiggervirksomhet", "nb", "nb", ("tvangskriminalitet-og-tigging",)),
    ("nettutnytting", "nb", "nb", ("den-digitale-arenaen", "seksuell-utnytting")),
]
SYNONYMS = [
    ("KOM", "nb", "nb", (SUSPECT, "situasjonen-i-norge", "ordliste", "ofres-rettigheter", "handlingsplan-og-strategi")),
    ("A-krim", "nb", "nb", (SOSIAL_DUMPING, "tvangsarbeid", "arbeidsinnvandrere-og-sesongarbeid")),
    ("barnevern", "nb", "nb", (CHILDREN,)),
    ("lhbt", "nb", "nb", ("lhbti-og-menneskehandel",)),
    ("paragraf 257", "nb", "nb", ("straffeloven-257-258",)),
]
ENGLISH = [
    ("human trafficking definition", "nb", "en", (HVA_ER,)),
    ("forced labor", "nb", "en", ("tvangsarbeid",)),
    ("forced marriage", "nb", "en", (HOUSEHOLD,)),
    ("exploitation of domestic workers", "nb", "en", (HOUSEHOLD,)),
    ("victims rights", "nb", "en", ("ofres-rettigheter",)),
    ("what to do if I suspect trafficking", "nb", "en", (SUSPECT,)),
    ("child trafficking", "nb", "en", (CHILDREN,)),
    ("organ removal", "nb", "en", ("organfjerning-og-ulovlig-adopsjon",)),
    ("forced begging", "nb", "en", ("tvangskriminalitet-og-tigging",)),
    ("modern slavery", "nb", "en", ("moderne-slaveri-og-kritikk",)),
    ("signs of trafficking", "nb", "en", ("tegn-pa-menneskehandel",)),
    ("traficking glossary", "nb", "en", ("ordliste",)),
    ("seasonal workers in fisheries", "nb", "en", ("arbeidsinnvandrere-og-sesongarbeid",)),
    ("LGBTI victims", "nb", "en", ("lhbti-og-menneskehandel",)),
    ("talking to a possible victim", "en", "en", ("samtale-med-mulig-offer",)),
]
PLAIN = [
    ("menneskehandel", "nb", "nb", (HVA_ER,)),
    ("hva er menneskehandel", "nb", "nb", (HVA_ER,)),
]
HELD_OUT = MISSPELLED + COMPOUND + SYNONYMS + ENGLISH + PLAIN
