from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from tokt.knowledge.rendering import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    # render_markdown switches raw HTML off and sanitises the result with nh3.
    return mark_safe(render_markdown(text or "").html)  # noqa: S308


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)


@register.filter
def continuum_label(position: str) -> str:
    from tokt.screening import labels

    return str(dict([*labels.CONTINUUM, labels.INSUFFICIENT]).get(position, position))


@register.filter
def reason(result, lang: str) -> str:
    return result.reason(lang)
