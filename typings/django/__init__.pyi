# Minimal local stubs (no django-stubs in the lock): enough for mypy to see
# TextChoices/IntegerChoices members as enum members. Everything else in Django
# stays Any. See docs/STYLE.md, "Types".
from typing import Any

def __getattr__(name: str) -> Any: ...
