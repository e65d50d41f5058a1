"""Shared vocabularies and the indicator catalogue, as plain Python (no Django).

The content check runs without Django, so the ids it validates live here; the
translated labels for the web pages are in labels.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from tokt.core import vocabulary
from tokt.lib.yamlfile import read_yaml

LANGS = ("nb", "en")
# The shared vocabulary (tokt/core/vocabulary.py): ids only here.
ROLES = vocabulary.ROLE_IDS
AUDIENCE = ("all", *ROLES)
SECTORS = vocabulary.SECTOR_IDS
FORMS = vocabulary.FORM_IDS
TRANSLATION_STATUSES = ("original", "machine_assisted", "reviewed")
VISIBILITIES = ("public", "internal")

APP_DIR = Path(__file__).resolve().parent
CATALOGUE_PATH = APP_DIR.parent / "screening" / "data" / "catalogue.yaml"
TOPICS_PATH = APP_DIR / "data" / "topics.yaml"
_INDICATOR_ID = re.compile(r"[A-Z]{2,3}\d{2}")


@lru_cache(maxsize=4)
def indicator_catalogue(path: Path = CATALOGUE_PATH) -> dict[str, dict[str, str]]:
    """Indicator id -> {"nb": name, "en": name}, read from the screening catalogue."""
    data = read_yaml(path)
    found: dict[str, dict[str, str]] = {}
    for framework in data.get("frameworks") or []:
        for item in framework.get("indicators") or []:
            ident = item.get("id") if isinstance(item, dict) else None
            if isinstance(ident, str) and _INDICATOR_ID.fullmatch(ident):
                found.setdefault(ident, {"nb": str(item.get("nb", ident)), "en": str(item.get("en", ident))})
    return found


@lru_cache(maxsize=4)
def topics(path: Path = TOPICS_PATH) -> list[dict]:
    """The topic groups of the index page: [{"id", "nb", "en", "articles": [slug, ...]}]."""
    return list(read_yaml(path)["topics"])
