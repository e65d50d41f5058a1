"""parse_input(): a JSON-like dict -> ScreeningInput, or every problem at once.

Accepted shape (schema_version 1):

    {"age_group": "adult" | "under_18" | "unknown",          required
     "exploitation_types": ["labour", ...],                   optional, default ["unknown"]
     "indicators": {"DR01": "observed", ...}                  or a list of {"id", "state"}
     "facts": {"act_present": "not_observed", ...}            or a list of {"id", "state"}
     "municipality": "1841", "sector": "fisheries", "role": "nav",
     "schema_version": 1}

Contradictions (each is an error, never silently resolved):
  * the same indicator or fact given twice with different states (list form);
  * "unknown" together with another exploitation type;
  * age_group "adult" with a child-only fact observed
    (e.g. sexual_exploitation_of_child_established).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .catalogue import Catalogue, load_catalogue
from .model import AgeGroup, ExploitationType, ScreeningInput, ScreeningInputError, State

KEYS = frozenset(
    {"age_group", "exploitation_types", "indicators", "facts", "municipality", "sector", "role", "schema_version"}
)
MUNICIPALITY = re.compile(r"^\d{4}$")
Err = tuple[str, str, str, str]


def parse_input(data: Any, catalogue: Catalogue | None = None) -> ScreeningInput:
    cat = catalogue or load_catalogue()
    errors: list[Err] = []
    if not isinstance(data, Mapping):
        raise ScreeningInputError(
            [("not_object", "", "Inndata må være et JSON-objekt.", "The input must be a JSON object.")]
        )
    for key in sorted(set(data) - KEYS, key=str):
        errors.append(("unknown_field", str(key), "ukjent felt", "unknown field"))
    if data.get("schema_version", 1) != 1:
        errors.append(("schema_version", "schema_version", "bare versjon 1 støttes", "only version 1 is supported"))

    age = _age(data, errors)
    types = _types(data.get("exploitation_types"), cat, errors)
    indicators = _states(
        data.get("indicators"), "indicators", frozenset(cat.indicators), "indikator", "indicator", errors
    )
    facts = _states(data.get("facts"), "facts", frozenset(cat.facts), "faktum", "fact", errors)
    if age is AgeGroup.ADULT:
        for fid, state in facts.items():
            if state is State.OBSERVED and cat.facts[fid].applies_to == "under_18":
                errors.append(
                    (
                        "contradiction_age",
                        f"facts.{fid}",
                        "gjelder bare personer under 18, men alderen er oppgitt som voksen",
                        "applies only to persons under 18, but the age group is adult",
                    )
                )
    municipality = _optional(data, "municipality", errors)
    if municipality is not None and not MUNICIPALITY.match(municipality):
        errors.append(
            (
                "bad_municipality",
                "municipality",
                "må være et kommunenummer med fire sifre",
                "must be a four-digit municipality number",
            )
        )
    sector = _optional(data, "sector", errors)
    if sector is not None and sector not in cat.vocab["sectors"]:
        errors.append(("bad_sector", "sector", f"ukjent bransje {sector!r}", f"unknown sector {sector!r}"))
    role = _optional(data, "role", errors)
    if role is not None and role not in cat.vocab["roles"]:
        errors.append(("bad_role", "role", f"ukjent rolle {role!r}", f"unknown role {role!r}"))
    if errors or age is None:
        raise ScreeningInputError(errors)
    return ScreeningInput(age, types, indicators, facts, municipality, sector, role)


def _age(data: Mapping[str, Any], errors: list[Err]) -> AgeGroup | None:
    if "age_group" not in data or data["age_group"] is None:
        errors.append(
            (
                "missing_age_group",
                "age_group",
                "mangler: velg under_18, adult eller unknown",
                "missing: choose under_18, adult or unknown",
            )
        )
        return None
    try:
        return AgeGroup(data["age_group"])
    except (ValueError, TypeError):
        errors.append(
            (
                "bad_age_group",
                "age_group",
                "må være under_18, adult eller unknown",
                "must be under_18, adult or unknown",
            )
        )
        return None


def _types(node: Any, cat: Catalogue, errors: list[Err]) -> frozenset[ExploitationType]:
    if node is None:
        return frozenset({ExploitationType.UNKNOWN})
    if isinstance(node, str) or not isinstance(node, list) or not all(isinstance(t, str) for t in node):
        errors.append(("bad_type", "exploitation_types", "må være en liste med tekster", "must be a list of strings"))
        return frozenset()
    aliases = cat.vocab.get("exploitation_type_aliases") or {}
    out = set()
    for raw in node:
        name = str(aliases.get(raw, raw))
        try:
            out.add(ExploitationType(name))
        except ValueError:
            errors.append(
                ("bad_exploitation_type", "exploitation_types", f"ukjent type {raw!r}", f"unknown type {raw!r}")
            )
    if ExploitationType.UNKNOWN in out and len(out) > 1:
        errors.append(
            (
                "contradiction_types",
                "exploitation_types",
                "«unknown» kan ikke kombineres med en kjent type",
                "'unknown' cannot be combined with a known type",
            )
        )
    return frozenset(out) or frozenset({ExploitationType.UNKNOWN})


def _states(
    node: Any, field: str, allowed: frozenset[str], kind_nb: str, kind_en: str, errors: list[Err]
) -> dict[str, State]:
    if node is None:
        return {}
    pairs: list[tuple[Any, Any]]
    if isinstance(node, Mapping):
        pairs = list(node.items())
    elif isinstance(node, list):
        pairs = []
        for i, item in enumerate(node):
            if not isinstance(item, Mapping) or "id" not in item or "state" not in item:
                errors.append(
                    (
                        "bad_type",
                        f"{field}[{i}]",
                        "må være et objekt med id og state",
                        "must be an object with id and state",
                    )
                )
                continue
            pairs.append((item["id"], item["state"]))
    else:
        errors.append(("bad_type", field, "må være et objekt eller en liste", "must be an object or a list"))
        return {}
    out: dict[str, State] = {}
    for ident, raw_state in pairs:
        place = f"{field}.{ident}"
        if not isinstance(ident, str) or ident not in allowed:
            errors.append((f"unknown_{kind_en}", place, f"ukjent {kind_nb}", f"unknown {kind_en}"))
            continue
        try:
            state = State(raw_state)
        except (ValueError, TypeError):
            errors.append(
                (
                    "bad_state",
                    place,
                    "må være observed, not_observed eller unknown",
                    "must be observed, not_observed or unknown",
                )
            )
            continue
        if ident in out and out[ident] is not state:
            errors.append(
                (
                    "contradiction_duplicate",
                    place,
                    f"oppgitt to ganger med ulike svar ({out[ident].value} og {state.value})",
                    f"given twice with different states ({out[ident].value} and {state.value})",
                )
            )
            continue
        out[ident] = state
    return out


def _optional(data: Mapping[str, Any], key: str, errors: list[Err]) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        errors.append(("bad_type", key, "må være tekst", "must be a string"))
        return None
    return value
