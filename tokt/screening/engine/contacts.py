"""Resolve actor ids (from the routing) to contacts.

The directory owns the data (tokt/directory/data/actors.yaml); the engine only
reads it through the ContactsProvider protocol, so the web app can pass a
provider backed by the database instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .catalogue import Text
from .directory_files import entries, optional_text

DEFAULT_ACTORS = Path(__file__).resolve().parents[2] / "directory" / "data" / "actors.yaml"


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    description: Text | None = None
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    hours: Text | None = None
    public: bool = True
    verified: bool = False
    last_verified: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "description": self.description.to_dict() if self.description else None,
            "email": self.email,
            "hours": self.hours.to_dict() if self.hours else None,
            "id": self.id,
            "last_verified": self.last_verified,
            "name": self.name,
            "phone": self.phone,
            "public": self.public,
            "url": self.url,
            "verified": self.verified,
        }


class ContactsProvider(Protocol):
    """None from resolve() means: no such actor for this municipality.

    The routing then leaves the actor out, like the directory's coverage
    filter, unless `keeps_unresolved` is true (a provider that knows nobody:
    then every actor is kept, ids only).
    """

    @property
    def keeps_unresolved(self) -> bool: ...

    def resolve(self, actor_id: str, municipality: str | None) -> Contact | None: ...


@dataclass(frozen=True)
class StaticContacts:
    """Plain data from the caller: the contacts already resolved for one municipality.

    The screening web layer builds it from the directory app, so the engine
    never reads the directory's models or files.
    """

    municipality: str | None
    by_id: Mapping[str, Contact]

    @property
    def keeps_unresolved(self) -> bool:
        return not self.by_id

    def resolve(self, actor_id: str, municipality: str | None) -> Contact | None:
        if municipality != self.municipality:
            return None
        return self.by_id.get(actor_id)


class NoContacts:
    """A provider that knows nobody: every step keeps only its actor id.

    `keeps_unresolved` tells the routing not to leave out actors it cannot
    resolve (any other provider's None means "does not cover the municipality").
    """

    keeps_unresolved = True

    def resolve(self, actor_id: str, municipality: str | None) -> Contact | None:
        return None


def _str(node: Any) -> str | None:
    return None if node is None else str(node)


class YamlContacts:
    """Reads actors.yaml (top-level `actors:` list); tolerant of missing keys.

    A missing file gives an empty directory rather than an error, so a
    screening still works (with actor ids only) while the directory is built.
    Several entries may share an id with different `municipalities`; the one
    covering the municipality wins, then one marked "all".
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else DEFAULT_ACTORS
        self._by_id: dict[str, list[tuple[object, Contact]]] = {}
        self._cache: dict[tuple[str, str | None], Contact | None] = {}
        self._load()

    def _load(self) -> None:
        for node in entries(self.path, "actors"):
            name = node.get("name")
            if isinstance(name, Mapping):
                name = name.get("nb") or name.get("en")
            contact = Contact(
                id=str(node["id"]),
                name=str(name or node["id"]),
                description=optional_text(node.get("description")),
                phone=_str(node.get("phone")),
                email=_str(node.get("email")),
                url=_str(node.get("url")),
                hours=optional_text(node.get("hours")),
                public=bool(node.get("public", True)),
                verified=bool(node.get("verified", False)),
                last_verified=_str(node.get("last_verified")),
            )
            self._by_id.setdefault(contact.id, []).append((node.get("municipalities", "all"), contact))

    @property
    def keeps_unresolved(self) -> bool:
        """An empty directory (missing file) behaves like NoContacts: ids only, nobody left out."""
        return not self._by_id

    def resolve(self, actor_id: str, municipality: str | None) -> Contact | None:
        key = (actor_id, municipality)
        if key not in self._cache:
            self._cache[key] = self._find(actor_id, municipality)
        return self._cache[key]

    def _find(self, actor_id: str, municipality: str | None) -> Contact | None:
        candidates = self._by_id.get(actor_id)
        if not candidates and municipality:
            # Also accept per-municipality ids such as child_welfare_municipal_1804.
            candidates = self._by_id.get(f"{actor_id}_{municipality}")
        if not candidates:
            return None
        if municipality:
            for scope, contact in candidates:
                if isinstance(scope, list) and municipality in [str(m) for m in scope]:
                    return contact
        for scope, contact in candidates:
            if scope == "all" or scope is None:
                return contact
        if municipality is None and len(candidates) == 1:
            # One regional entry and no municipality given: it is the one.
            return candidates[0][1]
        # Never hand out another municipality's service.
        return None
