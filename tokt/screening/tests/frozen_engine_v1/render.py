"""render_text(): the assessment as plain text in bokmål (default) or English."""

from __future__ import annotations

from .assessment import Assessment
from .catalogue import Text
from .texts import DIMENSION_STATUS, ELEMENT_STATUS, HEAD, POSITION_NAME, PROFILE_NAME, THREE_WAY


def render_text(assessment: Assessment, lang: str = "nb") -> str:
    lang = "en" if lang == "en" else "nb"

    def t(x: Text) -> str:
        return x.get(lang)

    a = assessment
    out: list[str] = [t(HEAD["title"]), "", t(a.notice), ""]
    out += [f"{t(HEAD['position'])}: {t(POSITION_NAME[a.continuum])}", t(a.continuum_reason), ""]
    if a.situations:
        label = HEAD["situation"] if len(a.situations) == 1 else HEAD["situations"]
        out += [f"{t(label)}: {'; '.join(t(x) for x in a.situation_titles)}", ""]

    if a.next_steps:
        out.append(f"{t(HEAD['steps'])}:")
        for n, step in enumerate(a.next_steps, 1):
            c = step.contact
            name = c.name if c else step.actor_id
            out.append(f"{n}. {name}: {t(step.reason)}")
            if c is None:
                out.append(f"   {t(HEAD['no_contact'])}")
                continue
            details = [f"{'tel.' if lang == 'en' else 'tlf.'} {c.phone}"] if c.phone else []
            details += [x for x in (c.email, c.url) if x]
            if c.hours:
                details.append(t(c.hours))
            if details:
                out.append("   " + " · ".join(details))
        out.append("")

    if a.unknowns:
        out.append(f"{t(HEAD['ask'])}:")
        out += [f"- {t(u.ask)}" for u in a.unknowns]
        out.append("")

    out.append(f"{t(HEAD['ilo'])}:")
    for p in a.profiles:
        label = t(PROFILE_NAME.get(p.id, Text(p.id, p.id)))
        extras = []
        if p.strength_basis == "proxy_labour_list":
            extras.append(t(HEAD["proxy_label"]))
        if p.conditional_on_age:
            extras.append(t(HEAD["conditional"]))
        suffix = f" ({'; '.join(extras)})" if extras else ""
        out.append(f"  {label}{suffix}: {t(THREE_WAY[p.conclusion])}")
        for d in p.dimensions:
            signs = ", ".join(i for i, _ in d.observed)
            detail = f" [{t(HEAD['signs'])}: {signs}]" if signs else ""
            out.append(f"    - {t(d.name)}: {t(DIMENSION_STATUS[d.status])}{detail}")
    out.append(f"  {t(HEAD['overall'])}: {t(THREE_WAY[a.ilo_conclusion])}")
    out.append("")

    fl = a.forced_labour
    out.append(f"{t(HEAD['fl'])}: {t(ELEMENT_STATUS[fl['status']])}")
    out.append(
        f"  {t(HEAD['invol'])}: {t(ELEMENT_STATUS[fl['involuntariness']])}; {t(HEAD['coerc'])}: {t(ELEMENT_STATUS[fl['coercion']])}"
    )
    out.append("")

    s = a.section_257
    out.append(f"{t(HEAD['s257'])}: {t(ELEMENT_STATUS[s['status']])}")
    if s["means_required"] == "no":
        out.append(f"  {t(HEAD['means'])}: {t(HEAD['means_not_required'])}")
    else:
        out.append(f"  {t(HEAD['means'])}: {t(ELEMENT_STATUS[s['means']['status']])}")
    out.append(f"  {t(HEAD['purpose'])}: {t(ELEMENT_STATUS[s['purpose']['status']])}")
    out.append(f"  {t(HEAD['conduct'])}: {t(ELEMENT_STATUS[s['conduct']])}")
    out.append(f"  {t(HEAD['facilitation'])}: {t(ELEMENT_STATUS[s['facilitation_act']])}")
    out.append("")

    out.append(f"{t(HEAD['s258'])}:")
    names = {
        "G_UNDER18": Text("under 18 år", "under 18"),
        "G_GROV_VOLD_TVANG": Text("grov vold eller tvang", "gross violence or coercion"),
        "G_UTBYTTE": Text("betydelig utbytte", "significant proceeds"),
    }
    for fid, status in a.section_258.items():
        out.append(f"  - {t(names.get(fid, Text(fid, fid)))}: {t(ELEMENT_STATUS[status])}")
    out.append(f"  {t(HEAD['s258_note'])}")
    out.append("")

    if a.notes:
        out.append(f"{t(HEAD['notes'])}:")
        out += [f"- {t(note)}" for _, note in a.notes]
        out.append("")
    v = HEAD["version"]
    out.append(
        t(
            Text(
                v.nb.format(c=a.catalogue_version, s=a.schema_version),
                v.en.format(c=a.catalogue_version, s=a.schema_version),
            )
        )
    )
    return "\n".join(out) + "\n"
