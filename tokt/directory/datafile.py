"""Loader and validator for the directory's reference data (pure Python, no Django).

The directory's facts live as YAML in ``tokt/directory/data``:

* ``actors.yaml``          services, help lines and network members
* ``referral_paths.yaml``  ordered "what to do" steps per situation

``load_actors()`` and ``load_referral_paths()`` read those files, check them and
return frozen dataclasses. Every problem found is collected and raised together
in one :class:`DirectoryDataError`, each message naming its place (file, actor
id or situation id, field, step number), so an editor can fix a file in one go.

This module is the public entry point; the work is done in

* ``field_rules.py``    vocabularies and the check for each kind of field
* ``yaml_reader.py``    YAML reading that rejects duplicate keys
* ``actor_file.py``     ``actors.yaml`` into :class:`Actor`
* ``referral_file.py``  ``referral_paths.yaml`` into :class:`Situation`

The format is described in ``tokt/directory/data/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tokt.directory.actor_file import Actor, parse_actors
from tokt.directory.field_rules import (
    KINDS,
    LANGUAGES,
    MUNICIPALITIES,
    MUNICIPALITIES_FILE,
    SALTEN_MUNICIPALITIES,
    SERVICES,
    SHORT_NUMBERS,
    LocalText,
)
from tokt.directory.referral_file import ACUTE_ACTOR, REQUIRED_SITUATIONS, Situation, Step, parse_situations
from tokt.directory.yaml_reader import read_yaml

__all__ = [
    "ACTORS_FILE",
    "ACUTE_ACTOR",
    "DATA_DIR",
    "KINDS",
    "LANGUAGES",
    "MUNICIPALITIES",
    "MUNICIPALITIES_FILE",
    "REFERRAL_PATHS_FILE",
    "REQUIRED_SITUATIONS",
    "SALTEN_MUNICIPALITIES",
    "SERVICES",
    "SHORT_NUMBERS",
    "Actor",
    "DirectoryDataError",
    "LocalText",
    "Situation",
    "Step",
    "actors_by_id",
    "actors_for",
    "load_actors",
    "load_referral_paths",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
ACTORS_FILE = DATA_DIR / "actors.yaml"
REFERRAL_PATHS_FILE = DATA_DIR / "referral_paths.yaml"


class DirectoryDataError(ValueError):
    """Raised when a directory data file is invalid; ``errors`` lists every problem."""

    def __init__(self, errors: Iterable[str]):
        self.errors: list[str] = list(errors)
        count = len(self.errors)
        lines = "\n".join(f"  - {error}" for error in self.errors)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in directory data:\n{lines}")


def load_actors(path: str | Path | None = None) -> list[Actor]:
    """Read, validate and return the actors in ``path`` (default: actors.yaml)."""
    path = Path(path) if path is not None else ACTORS_FILE
    errors: list[str] = []
    data = read_yaml(path, errors)
    actors: list[Actor] = []
    if data is not None:
        actors = parse_actors(data, path.name, errors)
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
    kinds = {actor.id: actor.kind for actor in actors}
    errors: list[str] = []
    data = read_yaml(path, errors)
    situations: list[Situation] = []
    if data is not None:
        situations = parse_situations(data, path.name, set(kinds), errors)
    for situation in situations:
        for number, step in enumerate(situation.steps, start=1):
            # A web page cannot take responsibility for a person: it may be named, never first.
            if kinds.get(step.responsible) == "resource":
                errors.append(
                    f"{path.name}: situation {situation.id!r} / step {number} / actors: "
                    f"{step.responsible!r} is a web resource and cannot be responsible (put it after a service)"
                )
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
