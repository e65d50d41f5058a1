"""Loader and validator for the directory's reference data (pure Python, no Django).

The directory's facts live as YAML in ``tokt/directory/data``:

* ``actors.yaml``          services, help lines and network members
* ``referral_paths.yaml``  ordered "what to do" steps per situation

``load_actors()`` and ``load_referral_paths()`` read those files, check them and
return frozen dataclasses. Every problem found is collected and raised together
in one :class:`DirectoryDataError`, each message naming its place (file, actor
id or situation id, field, step number), so an editor can fix a file in one go.

The format is described in ``tokt/directory/data/README.md``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
ACTORS_FILE = DATA_DIR / "actors.yaml"
REFERRAL_PATHS_FILE = DATA_DIR / "referral_paths.yaml"

LANGUAGES = ("nb", "en")

KINDS = frozenset({"emergency", "national", "regional", "network", "municipal"})

SERVICES = frozenset(
    {
        "identification",
        "protection",
        "shelter",
        "health",
        "legal_aid",
        "investigation",
        "labour_inspection",
        "interpreting",
        "outreach",
        "guidance",
        "helpline",
        "child_protection",
        "competence",
    }
)

# Short numbers accepted as they are (digits only, spaces ignored). They are not
# ordinary subscriber numbers, so ``phonenumbers`` does not validate them.
SHORT_NUMBERS = frozenset({"110", "112", "113", "02800", "116006", "116111", "116117"})

# Nordland's municipalities come from the core app's reference file (the one
# place they are kept); read here without Django so this module stays plain Python.
MUNICIPALITIES_FILE = Path(__file__).resolve().parents[1] / "core" / "data" / "municipalities.yaml"
MUNICIPALITIES: dict[str, tuple[str, bool]] = {
    str(row["number"]): (row["name"], bool(row["salten"]))
    for row in yaml.safe_load(MUNICIPALITIES_FILE.read_text(encoding="utf-8"))["municipalities"]
}
SALTEN_MUNICIPALITIES = tuple(number for number, (_, salten) in MUNICIPALITIES.items() if salten)

# Situations every referral_paths.yaml must contain.
REQUIRED_SITUATIONS = (
    "acute_danger",
    "adult_sexual_exploitation",
    "adult_forced_labour",
    "minor",
    "no_legal_residence",
    "no_police_wanted",
)
# The first step of every situation must involve this actor (112).
ACUTE_ACTOR = "emergency_police"

_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}$")
_EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
)
_HOSTNAME_RE = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")

_TOP_LEVEL_ACTOR_KEYS = frozenset({"meta", "municipality_sets", "actors"})
_TOP_LEVEL_PATH_KEYS = frozenset({"meta", "situations"})
_ACTOR_REQUIRED = (
    "id",
    "name",
    "kind",
    "description",
    "services",
    "municipalities",
    "public",
    "verified",
    "last_verified",
    "verified_by",
    "source",
)
_ACTOR_OPTIONAL = ("phone", "email", "url", "address", "hours", "languages", "anonymous")
_SITUATION_KEYS = frozenset({"id", "title", "summary", "steps", "sources", "unverified"})
_STEP_KEYS = frozenset({"title", "detail", "actors", "when"})


class DirectoryDataError(ValueError):
    """Raised when a directory data file is invalid; ``errors`` lists every problem."""

    def __init__(self, errors: Iterable[str]):
        self.errors: list[str] = list(errors)
        count = len(self.errors)
        lines = "\n".join(f"  - {error}" for error in self.errors)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in directory data:\n{lines}")


@dataclass(frozen=True)
class LocalText:
    """A text in Norwegian bokmål and English."""

    nb: str
    en: str

    def get(self, language: str) -> str:
        """Text in ``language`` ("nb" or "en"); falls back to bokmål."""
        return self.en if language == "en" else self.nb

    def __str__(self) -> str:
        return self.nb


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    description: LocalText
    services: tuple[str, ...]
    municipalities: str | tuple[str, ...]  # "all" or kommunenummer
    public: bool
    verified: bool
    last_verified: _dt.date
    verified_by: str
    source: tuple[str, ...]
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    address: str | None = None
    hours: LocalText | None = None
    languages: tuple[str, ...] = ()
    anonymous: bool | None = None

    def serves(self, municipality: str) -> bool:
        return self.municipalities == "all" or municipality in self.municipalities

    @property
    def phone_e164(self) -> str | None:
        """The phone number for ``tel:`` links (E.164, or the short number)."""
        if not self.phone:
            return None
        compact = _compact(self.phone)
        if compact in SHORT_NUMBERS:
            return compact
        parsed = phonenumbers.parse(self.phone, "NO")
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


@dataclass(frozen=True)
class Step:
    title: LocalText
    detail: LocalText
    actors: tuple[str, ...]
    when: LocalText | None = None

    @property
    def responsible(self) -> str:
        """Id of the actor responsible for this step (the first one named)."""
        return self.actors[0]


@dataclass(frozen=True)
class Situation:
    id: str
    title: LocalText
    summary: LocalText
    steps: tuple[Step, ...]
    sources: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()


# --------------------------------------------------------------------- public API


def load_actors(path: str | Path | None = None) -> list[Actor]:
    """Read, validate and return the actors in ``path`` (default: actors.yaml)."""
    path = Path(path) if path is not None else ACTORS_FILE
    errors: list[str] = []
    data = _read_yaml(path, errors)
    actors: list[Actor] = []
    if data is not None:
        actors = _parse_actors(data, path.name, errors)
    if errors:
        raise DirectoryDataError(errors)
    return actors


def load_referral_paths(path: str | Path | None = None, actors: Iterable[Actor] | None = None) -> list[Situation]:
    """Read, validate and return the situations in ``path`` (default: referral_paths.yaml).

    Steps are checked against ``actors`` (default: ``load_actors()``).
    """
    path = Path(path) if path is not None else REFERRAL_PATHS_FILE
    if actors is None:
        actors = load_actors()
    actor_ids = {actor.id for actor in actors}
    errors: list[str] = []
    data = _read_yaml(path, errors)
    situations: list[Situation] = []
    if data is not None:
        situations = _parse_situations(data, path.name, actor_ids, errors)
    if errors:
        raise DirectoryDataError(errors)
    return situations


def actors_for(municipality: str, service: str | None = None, actors: Iterable[Actor] | None = None) -> list[Actor]:
    """Actors that serve ``municipality`` (kommunenummer), optionally offering ``service``.

    National actors (``municipalities: all``) are included. Order is file order.
    """
    municipality = str(municipality)
    if municipality not in MUNICIPALITIES:
        raise ValueError(f"unknown kommunenummer {municipality!r} (expected one of Nordland's 41)")
    if service is not None and service not in SERVICES:
        raise ValueError(f"unknown service {service!r}; expected one of {sorted(SERVICES)}")
    if actors is None:
        actors = load_actors()
    return [actor for actor in actors if actor.serves(municipality) and (service is None or service in actor.services)]


def actors_by_id(actors: Iterable[Actor] | None = None) -> dict[str, Actor]:
    """Map of actor id to actor."""
    if actors is None:
        actors = load_actors()
    return {actor.id: actor for actor in actors}


# --------------------------------------------------------------------- YAML reading


class _UniqueKeyLoader(yaml.SafeLoader):
    """Safe loader that rejects duplicate mapping keys (a silent overwrite otherwise)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first on line {seen[key]}, again on line {line})",
                key_node.start_mark,
            )
        seen[key] = line
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path, errors: list[str]) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        errors.append(f"{path.name}: cannot read file ({exc.strerror or exc})")
        return None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        errors.append(f"{path.name}: invalid YAML: {exc}")
        return None
    except ValueError as exc:  # e.g. an impossible date such as 2026-13-01
        errors.append(f"{path.name}: invalid value in YAML: {exc}")
        return None


# --------------------------------------------------------------------- actors


def _parse_actors(data: Any, filename: str, errors: list[str]) -> list[Actor]:
    if not isinstance(data, Mapping):
        errors.append(f"{filename}: top level must be a mapping with an 'actors' list")
        return []
    for key in data:
        if key not in _TOP_LEVEL_ACTOR_KEYS:
            errors.append(f"{filename}: unknown top-level key {key!r}")
    rows = data.get("actors")
    if not isinstance(rows, list) or not rows:
        errors.append(f"{filename}: 'actors' must be a non-empty list")
        return []

    actors: list[Actor] = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows, start=1):
        raw_id = row.get("id") if isinstance(row, Mapping) else None
        duplicate = isinstance(raw_id, str) and raw_id in seen
        if duplicate:
            errors.append(
                f"{filename}: actor {raw_id!r} (#{index}) / id: duplicate id (first used by actor #{seen[raw_id]})"
            )
        elif isinstance(raw_id, str):
            seen[raw_id] = index
        actor = _parse_actor(row, index, filename, errors)
        if actor is not None and not duplicate:
            actors.append(actor)
    return actors


def _parse_actor(row: Any, index: int, filename: str, errors: list[str]) -> Actor | None:
    if not isinstance(row, Mapping):
        errors.append(f"{filename}: actor #{index}: must be a mapping")
        return None
    raw_id = row.get("id")
    label = f"actor {raw_id!r} (#{index})" if isinstance(raw_id, str) else f"actor #{index}"
    start = len(errors)

    def err(field: str, message: str) -> None:
        errors.append(f"{filename}: {label} / {field}: {message}")

    for key in row:
        if key not in _ACTOR_REQUIRED and key not in _ACTOR_OPTIONAL:
            err(str(key), "unknown field")
    for key in _ACTOR_REQUIRED:
        if key not in row:
            err(key, "missing required field")

    actor_id = _check_id(row.get("id"), err) if "id" in row else None
    name = _check_str(row, "name", err)
    kind = row.get("kind")
    if "kind" in row and kind not in KINDS:
        err("kind", f"{kind!r} is not one of {sorted(KINDS)}")
    description = _check_text(row, "description", err)
    services = _check_services(row, err)
    municipalities = _check_municipalities(row, err)
    public = _check_bool(row, "public", err)
    verified = _check_bool(row, "verified", err)
    last_verified = _check_date(row, "last_verified", err)
    verified_by = _check_str(row, "verified_by", err)
    source = _check_str_list(row, "source", err, required=True)

    phone = _check_phone(row, err)
    email = _check_email(row, err)
    url = _check_url(row, "url", err)
    address = _check_str(row, "address", err, required=False)
    hours = _check_text(row, "hours", err, required=False)
    languages = _check_languages(row, err)
    anonymous = row.get("anonymous")
    if anonymous is not None and not isinstance(anonymous, bool):
        err("anonymous", "must be true, false or null (unknown)")
        anonymous = None

    if len(errors) > start:
        return None
    return Actor(
        id=actor_id,
        name=name,
        kind=kind,
        description=description,
        services=services,
        municipalities=municipalities,
        public=public,
        verified=verified,
        last_verified=last_verified,
        verified_by=verified_by,
        source=source,
        phone=phone,
        email=email,
        url=url,
        address=address,
        hours=hours,
        languages=languages,
        anonymous=anonymous,
    )


def _check_id(value: Any, err) -> str | None:
    if not isinstance(value, str) or not _ID_RE.match(value):
        err("id", f"{value!r} is not a snake_case id")
        return None
    return value


def _check_str(row: Mapping, field: str, err, required: bool = True) -> str | None:
    if field not in row:
        return None
    value = row[field]
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        err(field, "must be a non-empty string")
        return None
    return value.strip()


def _check_text(row: Mapping, field: str, err, required: bool = True) -> LocalText | None:
    if field not in row:
        return None
    value = row[field]
    if value is None and not required:
        return None
    if not isinstance(value, Mapping):
        err(field, "must be a mapping with 'nb' and 'en' texts")
        return None
    ok = True
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            err(f"{field}.{language}", "missing or empty text")
            ok = False
    for language in value:
        if language not in LANGUAGES:
            err(f"{field}.{language}", f"unexpected language (only {', '.join(LANGUAGES)})")
            ok = False
    if not ok:
        return None
    return LocalText(nb=value["nb"].strip(), en=value["en"].strip())


def _check_bool(row: Mapping, field: str, err) -> bool | None:
    if field not in row:
        return None
    value = row[field]
    if not isinstance(value, bool):
        err(field, "must be true or false")
        return None
    return value


def _check_date(row: Mapping, field: str, err) -> _dt.date | None:
    if field not in row:
        return None
    value = row[field]
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    err(field, f"{value!r} is not an ISO date (YYYY-MM-DD)")
    return None


def _check_str_list(row: Mapping, field: str, err, required: bool = False) -> tuple[str, ...]:
    if field not in row:
        return ()
    value = row[field]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or (required and not value):
        err(field, "must be a non-empty list of strings" if required else "must be a list of strings")
        return ()
    items: list[str] = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            err(f"{field}[{position}]", "must be a non-empty string")
        else:
            items.append(item.strip())
    return tuple(items)


def _check_services(row: Mapping, err) -> tuple[str, ...]:
    if "services" not in row:
        return ()
    value = row["services"]
    if not isinstance(value, list) or not value:
        err("services", "must be a non-empty list")
        return ()
    for service in value:
        if service not in SERVICES:
            err("services", f"unknown service {service!r}")
    if len(set(value)) != len(value):
        err("services", "lists a service twice")
    return tuple(value)


def _check_municipalities(row: Mapping, err) -> str | tuple[str, ...]:
    if "municipalities" not in row:
        return ()
    value = row["municipalities"]
    if value == "all":
        return "all"
    if not isinstance(value, list) or not value:
        err("municipalities", "must be 'all' or a non-empty list of kommunenummer strings")
        return ()
    for number in value:
        if not isinstance(number, str):
            err("municipalities", f'{number!r} must be a quoted string (e.g. "1804")')
        elif number not in MUNICIPALITIES:
            err("municipalities", f"{number!r} is not a Nordland kommunenummer")
    if len(set(map(str, value))) != len(value):
        err("municipalities", "lists a municipality twice")
    return tuple(str(number) for number in value)


def _compact(phone: str) -> str:
    return re.sub(r"[\s\u00a0-]", "", phone)


def _check_phone(row: Mapping, err) -> str | None:
    if "phone" not in row or row["phone"] is None:
        return None
    value = row["phone"]
    if not isinstance(value, str):
        err("phone", f"{value!r} must be a quoted string")
        return None
    if _compact(value) in SHORT_NUMBERS:
        return value
    try:
        parsed = phonenumbers.parse(value, "NO")
    except phonenumbers.NumberParseException as exc:
        err("phone", f"{value!r} cannot be parsed ({exc})")
        return None
    if not phonenumbers.is_valid_number(parsed) or phonenumbers.region_code_for_number(parsed) != "NO":
        err("phone", f"{value!r} is not a valid Norwegian phone number")
        return None
    return value


def _check_email(row: Mapping, err) -> str | None:
    if "email" not in row or row["email"] is None:
        return None
    value = row["email"]
    if not isinstance(value, str) or not _EMAIL_RE.match(value):
        err("email", f"{value!r} is not a well-formed e-mail address")
        return None
    return value


def _check_url(row: Mapping, field: str, err) -> str | None:
    if field not in row or row[field] is None:
        return None
    value = row[field]
    if not isinstance(value, str) or any(ch.isspace() for ch in value):
        err(field, f"{value!r} is not a well-formed URL")
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or not _HOSTNAME_RE.match(parts.hostname):
        err(field, f"{value!r} is not a well-formed http(s) URL")
        return None
    return value


def _check_languages(row: Mapping, err) -> tuple[str, ...]:
    if "languages" not in row or row["languages"] is None:
        return ()
    value = row["languages"]
    if not isinstance(value, list):
        err("languages", "must be a list of ISO 639-1 codes")
        return ()
    for code in value:
        if not isinstance(code, str) or not _LANGUAGE_CODE_RE.match(code):
            err("languages", f"{code!r} is not an ISO 639 language code")
    return tuple(value)


# --------------------------------------------------------------------- referral paths


def _parse_situations(data: Any, filename: str, actor_ids: set[str], errors: list[str]) -> list[Situation]:
    if not isinstance(data, Mapping):
        errors.append(f"{filename}: top level must be a mapping with a 'situations' list")
        return []
    for key in data:
        if key not in _TOP_LEVEL_PATH_KEYS:
            errors.append(f"{filename}: unknown top-level key {key!r}")
    rows = data.get("situations")
    if not isinstance(rows, list) or not rows:
        errors.append(f"{filename}: 'situations' must be a non-empty list")
        return []

    situations: list[Situation] = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows, start=1):
        raw_id = row.get("id") if isinstance(row, Mapping) else None
        duplicate = isinstance(raw_id, str) and raw_id in seen
        if duplicate:
            errors.append(
                f"{filename}: situation {raw_id!r} (#{index}) / id: duplicate id "
                f"(first used by situation #{seen[raw_id]})"
            )
        elif isinstance(raw_id, str):
            seen[raw_id] = index
        situation = _parse_situation(row, index, filename, actor_ids, errors)
        if situation is not None and not duplicate:
            situations.append(situation)

    for required in REQUIRED_SITUATIONS:
        if required not in seen:
            errors.append(f"{filename}: missing required situation {required!r}")
    return situations


def _parse_situation(row: Any, index: int, filename: str, actor_ids: set[str], errors: list[str]) -> Situation | None:
    if not isinstance(row, Mapping):
        errors.append(f"{filename}: situation #{index}: must be a mapping")
        return None
    raw_id = row.get("id")
    label = f"situation {raw_id!r}" if isinstance(raw_id, str) else f"situation #{index}"
    start = len(errors)

    def err(field: str, message: str) -> None:
        errors.append(f"{filename}: {label} / {field}: {message}")

    for key in row:
        if key not in _SITUATION_KEYS:
            err(str(key), "unknown field")
    for key in ("id", "title", "summary", "steps"):
        if key not in row:
            err(key, "missing required field")

    situation_id = _check_id(row.get("id"), err) if "id" in row else None
    title = _check_text(row, "title", err)
    summary = _check_text(row, "summary", err)
    sources = _check_str_list(row, "sources", err)
    unverified = _check_str_list(row, "unverified", err)

    steps: list[Step] = []
    raw_steps = row.get("steps")
    if "steps" in row:
        if not isinstance(raw_steps, list) or not raw_steps:
            err("steps", "must be a non-empty list")
        else:
            for number, raw_step in enumerate(raw_steps, start=1):
                step = _parse_step(raw_step, f"{filename}: {label} / step {number}", actor_ids, errors)
                if step is not None:
                    steps.append(step)
            first = raw_steps[0]
            first_actors = first.get("actors") if isinstance(first, Mapping) else None
            if not isinstance(first_actors, list) or ACUTE_ACTOR not in first_actors:
                err(
                    "step 1 / actors",
                    f"the first step must involve {ACUTE_ACTOR!r} (acute danger: 112)",
                )

    if len(errors) > start:
        return None
    return Situation(
        id=situation_id,
        title=title,
        summary=summary,
        steps=tuple(steps),
        sources=sources,
        unverified=unverified,
    )


def _parse_step(raw: Any, place: str, actor_ids: set[str], errors: list[str]) -> Step | None:
    start = len(errors)

    def err(field: str, message: str) -> None:
        errors.append(f"{place} / {field}: {message}")

    if not isinstance(raw, Mapping):
        errors.append(f"{place}: must be a mapping")
        return None
    for key in raw:
        if key not in _STEP_KEYS:
            err(str(key), "unknown field")
    for key in ("title", "detail", "actors"):
        if key not in raw:
            err(key, "missing required field")
    title = _check_text(raw, "title", err)
    detail = _check_text(raw, "detail", err)
    when = _check_text(raw, "when", err, required=False)

    actors: tuple[str, ...] = ()
    if "actors" in raw:
        value = raw["actors"]
        if not isinstance(value, list) or not value:
            err("actors", "must be a non-empty list of actor ids (first = responsible)")
        else:
            for actor_id in value:
                if actor_id not in actor_ids:
                    err("actors", f"unknown actor id {actor_id!r}")
            if len(set(value)) != len(value):
                err("actors", "names an actor twice")
            actors = tuple(value)

    if len(errors) > start:
        return None
    return Step(title=title, detail=detail, actors=actors, when=when)
