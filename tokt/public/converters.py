"""URL converters: a language segment matches only folders present in content/public."""

from __future__ import annotations

from tokt.public.pages import current_site


class LanguageConverter:
    # Broad on purpose: reverse() accepts any value, resolving checks the folders.
    regex = r"[a-z][a-z0-9-]*"

    def to_python(self, value: str) -> str:
        if value not in current_site().languages:
            raise ValueError(value)
        return value

    def to_url(self, value: str) -> str:
        return value


class LanguageShapedConverter:
    """Looks like a language code (two or three letters, optional region): for helpful 404s."""

    regex = r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
