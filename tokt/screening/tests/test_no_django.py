"""The engine is pure Python: no module under tokt/screening/engine imports Django."""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "engine"


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("__import__", "import_module"):
            names += [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return names


def test_no_engine_module_imports_django():
    files = sorted(ENGINE.rglob("*.py"))
    assert len(files) > 5
    offenders = {
        str(f.relative_to(ENGINE)): n for f in files for n in _imports(f) if n == "django" or n.startswith("django.")
    }
    assert offenders == {}
