"""User-facing engine texts in bokmål (nb) and English (en).

Wording rule (METHOD.md): the tool screens. It never says that something is
or is not trafficking, and never calls anyone a victim. nb texts are
machine-assisted and await native review.
"""

from __future__ import annotations

from .catalogue import Text

T = Text

THREE_WAY = {
    "yes": T(
        "ja: tegnene er forenlige med mulig menneskehandel", "yes: the signs are consistent with possible trafficking"
    ),
    "no": T("nei: svarene utelukker at regelen er oppfylt", "no: the answers rule out that the rule is met"),
    "insufficient_information": T("for lite informasjon", "insufficient information"),
}

DIMENSION_STATUS = {
    "positive": T("oppfylt", "positive"),
    "not_positive": T("ikke oppfylt (svarene utelukker det)", "not positive (ruled out by the answers)"),
    "cannot_tell_yet": T("kan ikke avgjøres ennå", "cannot tell yet"),
}

ELEMENT_STATUS = {
    "met": T("tegn til stede", "signs present"),
    "not_met": T("ikke vist ut fra svarene", "not shown by the answers"),
    "unknown": T("ukjent ennå", "not known yet"),
    "not_screened": T("vurderes ikke av verktøyet", "not screened by this tool"),
}

POSITION_NAME = {
    "insufficient_information": T("for lite informasjon", "insufficient information"),
    "social_dumping": T("sosial dumping", "social dumping"),
    "labour_crime": T("arbeidslivskriminalitet", "labour crime"),
    "forced_labour": T("tegn på tvangsarbeid", "signs of forced labour"),
    "possible_trafficking": T("mulig menneskehandel", "possible trafficking"),
}

POSITION_REASON = {
    "insufficient_information": T(
        "Det er for få opplysninger til å plassere situasjonen. Se listen over hva du kan spørre om.",
        "There is too little information to place the situation. See the list of what to ask about.",
    ),
    "social_dumping": T(
        "Det er tegn på dårlige arbeids- eller levevilkår, men ikke nok til at dimensjonen «utnyttende arbeidsvilkår» er oppfylt, og ingen kjente lovbrudd eller tvangsmidler. Sosial dumping er ikke et juridisk begrep.",
        "There are signs of poor working or living conditions, but not enough to make the dimension 'exploitative conditions of work' positive, and no known breach of law or means of coercion. Social dumping is not a legal term.",
    ),
    "labour_crime": T(
        "Det er tegn på brudd på regler om lønn, arbeidsforhold, skatt eller trygd (arbeidslivskriminalitet), men tegnene på tvang når ikke tersklene ennå.",
        "There are signs of breaches of the rules on pay, working conditions, tax or social insurance (labour crime), but the signs of coercion do not reach the thresholds yet.",
    ),
    "forced_labour": T(
        "Det er tegn på både ufrivillighet og tvang (tvangsarbeid), men ILO/EU-regelen for menneskehandel er ikke oppfylt ennå. Straffeloven § 257 krever ikke rekruttering eller transport, så § 257 kan likevel være aktuell.",
        "There are signs of both involuntariness and coercion (forced labour), but the ILO/EC trafficking rule is not met yet. Section 257 of the Penal Code does not require recruitment or transport, so section 257 may still apply.",
    ),
    "possible_trafficking": T(
        "Tegnene du har registrert er forenlige med mulig menneskehandel. Dette er ikke en juridisk vurdering.",
        "The signs you recorded are consistent with possible trafficking. This is not a legal assessment.",
    ),
}

CHILD_REASON = T(
    "Personen er under 18 år, og det er tegn på utnytting. Da plasseres saken som mulig menneskehandel uansett hva som er kjent om rekruttering eller midler: straffeloven § 257 krever ikke rekruttering eller transport, og for barn kreves ikke vold, trusler eller andre midler (§ 257 tredje ledd, Palermo art. 3 c).",
    "The person is under 18 and there are signs of exploitation. The case is then placed at possible trafficking whatever is known about recruitment or means: section 257 of the Penal Code requires no recruitment or transport, and for a child no violence, threats or other means are required (section 257, third paragraph; Palermo art. 3(c)).",
)
MAYBE_CHILD_REASON = T(
    "Alderen er ikke kjent, og det er tegn på utnytting. Personen kan være under 18 år, og da skal saken behandles som mulig menneskehandel (straffeloven § 257 tredje ledd). Finn ut hvor gammel personen er.",
    "The age is not known and there are signs of exploitation. The person may be under 18, and then the case is to be treated as possible trafficking (section 257, third paragraph). Find out how old the person is.",
)
COULD_REACH = T(
    "Hvis ukjente tegn viser seg å være til stede, kan situasjonen høre til en høyere kategori: {name}.",
    "If unknown signs turn out to be present, the situation may belong to a higher category: {name}.",
)
S257_MAY_APPLY = T(
    "Det er tegn på både midler og formål i straffeloven § 257. Paragrafen krever ikke rekruttering eller transport, så den kan være aktuell selv om ILO/EU-regelen ikke er oppfylt.",
    "There are signs of both the means and the purpose in section 257 of the Penal Code. It does not require recruitment or transport, so it may apply even though the ILO/EC rule is not met.",
)
S257_OPEN = T(
    "Om straffeloven § 257 kan være aktuell, er ikke avklart ennå: se hva som er ukjent.",
    "Whether section 257 of the Penal Code may apply is not settled yet: see what is unknown.",
)

NOTES = {
    "consent": T(
        "Personen sier at de samtykket. Samtykke endrer ikke vurderingen når vold, trusler, bedrag eller misbruk av en sårbar situasjon er brukt (Palermo art. 3 b), og for barn under 18 har samtykke ingen betydning.",
        "The person says they consented. Consent does not change the assessment where violence, threats, deception or abuse of a vulnerable situation was used (Palermo art. 3(b)), and for a child under 18 consent has no bearing.",
    ),
    "age_unknown": T(
        "Alderen er ukjent. Verktøyet har vurdert både regelen for voksne og regelen for barn. Er personen under 18, gjelder strengere vern og barnevernet skal kobles inn.",
        "The age is unknown. The tool evaluated both the adult and the child rule. If the person is under 18, stronger protection applies and child welfare must be involved.",
    ),
    "proxy": T(
        "Styrkene for seksuell utnytting er ikke kontrollert i kilden. Verktøyet bruker styrkene fra listen for arbeid (merket «proxy»). Les resultatet for seksuell utnytting med dette forbeholdet.",
        "The strengths for sexual exploitation have not been checked in the source. The tool uses the strengths from the labour list (marked 'proxy'). Read the sexual-exploitation result with this caveat.",
    ),
    "doubt": T(
        "Styrken til {ids} er usikker for voksne (kan være svak, ikke middels). Resultatet er regnet med middels.",
        "The strength of {ids} is in doubt for adults (may be weak, not medium). The result uses medium.",
    ),
    "not_in_list": T(
        "{ids} finnes ikke i ILO/EU-listen for barn og telles ikke i barneprofilen.",
        "{ids} is not in the ILO/EC list for children and is not counted in the child profile.",
    ),
    "ilo_rule_scope": T(
        "At ILO/EU-regelen ikke er oppfylt, betyr bare at tegnene ikke når tersklene i indikatorlistene. Det avgjør ikke om straffeloven § 257 er overtrådt.",
        "That the ILO/EC rule is not met only means that the signs do not reach the thresholds of the indicator lists. It does not settle whether section 257 of the Penal Code applies.",
    ),
}

ASK_AGE = T(
    "Spør om alderen: er personen under 18 år? Er du i tvil, behandle personen som et barn til alderen er avklart.",
    "Ask about the age: is the person under 18? If in doubt, treat the person as a child until the age is settled.",
)
ASK_FALLBACK = T("Spør om dette: {nb}.", "Ask about this: {en}.")

STEP_REASON = {
    # Reasons for the routing's extras only; every other next step takes its
    # reason from the title of its referral step (referral_paths.yaml).
    "emergency_police_check": T(
        "Sjekk om noen er i akutt fare. Er de det: ring 112 først.",
        "Check whether anyone is in acute danger. If so: call 112 first.",
    ),
    "arbeidstilsynet": T(
        "Tilsyn med brudd på arbeidsmiljøloven: lønn, arbeidstid, sikkerhet og bolig.",
        "Inspects breaches of the Working Environment Act: pay, hours, safety and housing.",
    ),
    "arbeidstilsynet_minor": T(
        "Et barn i arbeid: Arbeidstilsynet fører tilsyn med barn og unges arbeid (arbeidsmiljøloven kap. 11), i tillegg til barnevernet.",
        "A child at work: the Labour Inspection Authority oversees the work of children and young people (Working Environment Act ch. 11), alongside child welfare.",
    ),
    "akrim_minor": T(
        "A-krimsenteret (Arbeidstilsynet, politi, NAV og Skatteetaten sammen) kan følge opp arbeidsplassen, i tillegg til barnevernet.",
        "The A-krim centre (labour inspection, police, NAV and the tax authority together) can follow up the workplace, alongside child welfare.",
    ),
    "krisesenter_salten": T(
        "Det er tegn på vold: krisesenteret gir råd, støtte og trygt sted å bo.",
        "There are signs of violence: the crisis centre offers advice, support and a safe place to stay.",
    ),
    "violence_helpline": T(
        "Hjelpetelefon for personer utsatt for vold og overgrep.", "Helpline for people exposed to violence and abuse."
    ),
}

HEAD = {
    "title": T("Sjekk tegnene: resultat", "Check the signs: result"),
    "position": T("Plassering", "Position"),
    "situation": T("Situasjon", "Situation"),
    "situations": T("Situasjoner", "Situations"),
    "steps": T("Neste steg", "Next steps"),
    "ask": T(
        "Spør om dette (det som kan endre vurderingen mest)", "Ask about this (what could change the assessment most)"
    ),
    "ilo": T("ILO/EU-indikatorene for menneskehandel", "ILO/EC indicators of trafficking"),
    "overall": T("Samlet etter ILO/EU-regelen", "Overall by the ILO/EC rule"),
    "fl": T("Tvangsarbeid (ILO): ufrivillighet og tvang", "Forced labour (ILO): involuntariness and coercion"),
    "s257": T("Straffeloven § 257 (menneskehandel): elementer", "Penal Code section 257 (trafficking): elements"),
    "s258": T(
        "Straffeloven § 258 (grov menneskehandel): momenter", "Penal Code section 258 (aggravated trafficking): factors"
    ),
    "notes": T("Merk", "Note"),
    "version": T("Katalogversjon {c}, skjemaversjon {s}", "Catalogue version {c}, schema version {s}"),
    "proxy_label": T("styrker: proxy fra arbeidslisten", "strengths: proxy from the labour list"),
    "conditional": T("gjelder bare hvis personen er under 18", "applies only if the person is under 18"),
    "signs": T("tegn", "signs"),
    "no_contact": T("(kontaktopplysninger mangler i katalogen)", "(contact details missing from the directory)"),
    "invol": T("ufrivillighet", "involuntariness"),
    "coerc": T("tvang", "coercion"),
    "means": T("midler", "means"),
    "purpose": T("formål", "purpose"),
    "conduct": T("handling (tvinger, utnytter, forleder)", "conduct (forces, exploits, induces)"),
    "means_not_required": T("midler kreves ikke (under 18)", "means not required (under 18)"),
    "facilitation": T(
        "tilrettelegging ved å skaffe, frakte eller ta imot (annet ledd)",
        "facilitation by procuring, moving or receiving (second paragraph)",
    ),
    "s258_note": T(
        "Listen er ikke uttømmende; bare politiet og domstolene vurderer dette.",
        "The list is not exhaustive; only the police and the courts assess this.",
    ),
}

PROFILE_NAME = {
    "adult_labour": T("voksen, arbeid", "adult, labour"),
    "child_labour": T("barn, arbeid", "child, labour"),
    "adult_sexual": T("voksen, seksuell utnytting", "adult, sexual exploitation"),
    "child_sexual": T("barn, seksuell utnytting", "child, sexual exploitation"),
}
