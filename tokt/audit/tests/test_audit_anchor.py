"""Anchors outside the database: HMACs and signed checkpoints catch truncation and full re-hashing."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tokt.audit import anchor
from tokt.audit.chain import entry_hash
from tokt.audit.models import AuditAction, AuditEntry
from tokt.audit.services import log_action
from tokt.audit.triggers import statements

pytestmark = pytest.mark.django_db


def _entries(user, n, django_capture_on_commit_callbacks):
    # The test runs in one rolled-back transaction: run the after-commit checkpoint writes by hand.
    with django_capture_on_commit_callbacks(execute=True):
        return [log_action(actor=user, action=AuditAction.RECORD_READ, details={"n": i}) for i in range(n)]


def _sql(*commands):
    with connection.cursor() as cursor:
        for statement in statements(connection.vendor, create=False):
            cursor.execute(statement)
        for sql, params in commands:
            cursor.execute(sql, params)
        for statement in statements(connection.vendor, create=True):
            cursor.execute(statement)


def test_every_entry_has_an_hmac_and_the_checkpoint_names_the_head(fagperson, django_capture_on_commit_callbacks):
    entries = _entries(fagperson, 3, django_capture_on_commit_callbacks)
    assert all(AuditEntry.objects.get(seq=e.seq).mac for e in entries)
    checkpoint = anchor.checkpoint_read()
    assert (checkpoint.seq, checkpoint.entry_hash) == (entries[-1].seq, entries[-1].entry_hash)
    out = StringIO()
    call_command("verify_audit", stdout=out)
    assert "intact" in out.getvalue() and f"checkpoint outside the database at entry {entries[-1].seq}" in (
        out.getvalue()
    )


def test_verify_detects_the_last_twenty_entries_deleted_behind_the_triggers(
    fagperson, django_capture_on_commit_callbacks
):
    entries = _entries(fagperson, 30, django_capture_on_commit_callbacks)
    first_gone = entries[-20].seq
    _sql(("DELETE FROM audit_auditentry WHERE seq >= %s", [first_gone]))
    with pytest.raises(CommandError, match=rf"entries {first_gone} to {entries[-1].seq} are missing"):
        call_command("verify_audit")


def test_verify_detects_an_edit_with_every_later_hash_recomputed(fagperson, django_capture_on_commit_callbacks):
    entries = _entries(fagperson, 10, django_capture_on_commit_callbacks)
    victim = entries[3].seq
    commands = []
    prev = AuditEntry.objects.get(seq=victim).prev_hash
    for entry in AuditEntry.objects.filter(seq__gte=victim).order_by("seq"):
        if entry.seq == victim:
            entry.actor_username = "someone-else"
        new_hash = entry_hash(prev, entry.hashed_fields())
        commands.append(
            (
                "UPDATE audit_auditentry SET actor_username = %s, prev_hash = %s, entry_hash = %s WHERE seq = %s",
                [entry.actor_username, prev, new_hash, entry.seq],
            )
        )
        prev = new_hash
    _sql(*commands)
    with pytest.raises(CommandError, match=rf"entry {victim}\b.*HMAC"):
        call_command("verify_audit")


def test_a_full_rehash_without_macs_is_caught_by_the_checkpoint(fagperson, django_capture_on_commit_callbacks):
    entries = _entries(fagperson, 5, django_capture_on_commit_callbacks)
    commands, prev = [], "0" * 64
    json_param = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    for entry in AuditEntry.objects.order_by("seq"):
        if entry.seq == entries[1].seq:
            entry.details = {"n": "edited"}
        new_hash = entry_hash(prev, entry.hashed_fields())
        commands.append(
            (
                f"UPDATE audit_auditentry SET details = {json_param}, prev_hash = %s, entry_hash = %s, mac = NULL "
                "WHERE seq = %s",
                [json.dumps(entry.details), prev, new_hash, entry.seq],
            )
        )
        prev = new_hash
    _sql(*commands)
    with pytest.raises(CommandError, match="re-hashed"):
        call_command("verify_audit")


def test_entries_written_before_macs_existed_still_verify(fagperson, django_capture_on_commit_callbacks):
    entries = _entries(fagperson, 4, django_capture_on_commit_callbacks)
    _sql(("UPDATE audit_auditentry SET mac = NULL WHERE seq <= %s", [entries[1].seq]))
    call_command("verify_audit", stdout=StringIO())


def test_a_forged_checkpoint_is_refused(fagperson, django_capture_on_commit_callbacks, settings):
    _entries(fagperson, 2, django_capture_on_commit_callbacks)
    path = settings.AUDIT_CHECKPOINT_FILE
    data = json.loads(path.read_text())
    path.write_text(json.dumps(data | {"seq": data["seq"] + 5}))
    with pytest.raises(CommandError, match="wrong signature"):
        call_command("verify_audit")


def test_the_checkpoint_file_is_private(fagperson, django_capture_on_commit_callbacks, settings):
    _entries(fagperson, 1, django_capture_on_commit_callbacks)
    assert settings.AUDIT_CHECKPOINT_FILE.stat().st_mode & 0o077 == 0
