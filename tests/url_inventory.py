"""Every URL the project has, for tests that must cover them all."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter, SlugConverter, StringConverter


@dataclass(frozen=True)
class Route:
    name: str
    view: object
    converters: dict


def all_routes() -> list[Route]:
    routes: list[Route] = []

    def walk(patterns, namespace: str, converters: dict):
        for entry in patterns:
            merged = {**converters, **getattr(entry.pattern, "converters", {})}
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, ns, merged)
            elif isinstance(entry, URLPattern) and entry.name:
                routes.append(Route(f"{namespace}{entry.name}", entry.callback, merged))

    walk(get_resolver().url_patterns, "", {})
    return routes


def sample_kwargs(route: Route, *, pk: int, overrides: dict | None = None) -> dict:
    kwargs = {}
    for name, converter in route.converters.items():
        if overrides and name in overrides:
            kwargs[name] = overrides[name]
        elif isinstance(converter, IntConverter):
            kwargs[name] = pk
        elif isinstance(converter, SlugConverter | StringConverter):
            kwargs[name] = "x"
        else:
            kwargs[name] = "x"
    return kwargs


def view_attr(view, attr: str):
    """Read a marker set by a decorator, looking through functools.wraps chains."""
    while view is not None:
        if hasattr(view, attr):
            return getattr(view, attr)
        view = getattr(view, "__wrapped__", None)
    return None
