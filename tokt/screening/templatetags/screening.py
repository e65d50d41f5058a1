from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def tr(value):
    """Pick the current language from an engine text ({"nb": ..., "en": ...})."""
    if not isinstance(value, dict):
        return value or ""
    lang = (get_language() or "nb")[:2]
    return value.get(lang) or value.get("nb") or value.get("en") or ""


@register.filter
def label(value, mapping):
    return dict(mapping).get(value, value) if not isinstance(mapping, dict) else mapping.get(value, value)
