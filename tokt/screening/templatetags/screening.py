from django import template

from tokt.core.language import ui_language

register = template.Library()


@register.filter
def tr(value):
    """Pick the current language from an engine text: a Text object or its {"nb", "en"} dict."""
    lang = ui_language()
    if isinstance(value, dict):
        return value.get(lang) or value.get("nb") or value.get("en") or ""
    if hasattr(value, "nb") and hasattr(value, "en"):
        return getattr(value, lang) or value.nb
    return value or ""


@register.filter
def label(value, mapping):
    return dict(mapping).get(value, value) if not isinstance(mapping, dict) else mapping.get(value, value)
