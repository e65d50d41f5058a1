"""Every write names what happened; entries stored under the old generic action still verify."""

from __future__ import annotations

import ast
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action

ROOT = Path(__file__).resolve().parents[2]


def _is_log_action_with_what(node: ast.AST) -> bool:
    """A log_action(...) call whose details dict names the event in a "what" key."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name != "log_action":
        return False
    for keyword in node.keywords:
        if keyword.arg == "details" and isinstance(keyword.value, ast.Dict):
            if any(isinstance(k, ast.Constant) and k.value == "what" for k in keyword.value.keys):
                return True
    return False


def _calls_with(name: str) -> list[str]:
    found = []
    for path in ROOT.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts or path.name == "models.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == name:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if _is_log_action_with_what(node):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} (details['what'])")
    return found


def test_no_code_writes_the_generic_record_written_action():
    assert _calls_with("RECORD_WRITTEN") == []


def test_named_actions_fit_the_column():
    assert max(len(value) for value in AuditAction.values) <= 32


@pytest.mark.django_db
def test_entries_stored_under_the_old_generic_action_still_verify(fagperson):
    log_action(actor=fagperson, action=AuditAction.RECORD_WRITTEN, details={"what": "directory_actor_updated"})
    log_action(actor=fagperson, action=AuditAction.DIRECTORY_ACTOR_UPDATED, details={"fields": ["name"]})
    out = StringIO()
    call_command("verify_audit", stdout=out)
    assert "intact" in out.getvalue()
