"""The shared vocabularies the cases app uses, imported in one place.

When the vocabulary moves to tokt/core/vocabulary.py only these two imports change.
"""

from __future__ import annotations

from tokt.knowledge.labels import FORM_LABELS, SECTOR_LABELS  # noqa: F401
from tokt.knowledge.vocab import FORMS, SECTORS  # noqa: F401
