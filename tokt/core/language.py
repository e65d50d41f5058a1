"""The user's UI language, the one way views, forms and templates pick it."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language


def ui_language() -> str:
    """The active UI language as a code of ``settings.LANGUAGES`` (``"nb"`` or ``"en"``).

    Django's active language may carry a region ("en-gb") or be None outside a
    request; anything that is not one of ToKt's languages falls back to
    ``settings.LANGUAGE_CODE`` (bokmål).
    """
    active = (get_language() or settings.LANGUAGE_CODE).lower()
    for code, _name in settings.LANGUAGES:
        if active == code or active.startswith(f"{code}-"):
            return str(code)
    return str(settings.LANGUAGE_CODE)
