from __future__ import annotations

from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from tokt.audit.chain import GENESIS_HASH, entry_hash
from tokt.audit.models import AuditAction, AuditEntry
from tokt.audit.services import log_action, read_with_audit
from tokt.audit.triggers import statements

pytestmark = pytest.mark.django_db


def _three_entries(user):
    return [log_action(actor=user, action=AuditAction.RECORD_READ, details={"n": n}) for n in range(3)]


def test_each_entry_links_to_the_previous_one(fagperson):
    first, second, third = _three_entries(fagperson)
    assert first.prev_hash == GENESIS_HASH or first.seq > 1
    assert second.prev_hash == first.entry_hash
    assert third.prev_hash == second.entry_hash
    stored = AuditEntry.objects.get(seq=third.seq)
    assert stored.entry_hash == entry_hash(stored.prev_hash, stored.hashed_fields())


def test_verify_reports_an_intact_chain(fagperson):
    _three_entries(fagperson)
    out = StringIO()
    call_command("verify_audit", stdout=out)
    assert "intact" in out.getvalue()


def test_the_database_refuses_update(fagperson):
    entry = _three_entries(fagperson)[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=entry.seq).update(action=AuditAction.LOGIN)
    assert AuditEntry.objects.get(seq=entry.seq).action == AuditAction.RECORD_READ


def test_the_database_refuses_delete(fagperson):
    entry = _three_entries(fagperson)[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(seq=entry.seq).delete()
    assert AuditEntry.objects.filter(seq=entry.seq).exists()


def test_the_database_refuses_raw_sql_update(fagperson):
    entry = _three_entries(fagperson)[0]
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET actor_username = 'x' WHERE seq = %s", [entry.seq])


def _tamper(sql: str, params: list) -> None:
    """Edit the table as an attacker with database access would: triggers off, edit, triggers on."""
    with connection.cursor() as cursor:
        for statement in statements(connection.vendor, create=False):
            cursor.execute(statement)
        cursor.execute(sql, params)
        for statement in statements(connection.vendor, create=True):
            cursor.execute(statement)


def test_verify_names_an_entry_edited_behind_the_triggers(fagperson):
    entries = _three_entries(fagperson)
    victim = entries[1]
    _tamper("UPDATE audit_auditentry SET actor_username = %s WHERE seq = %s", ["someone-else", victim.seq])
    with pytest.raises(CommandError, match=rf"entry {victim.seq}\b.*changed"):
        call_command("verify_audit")


def test_verify_names_the_gap_left_by_a_deleted_entry(fagperson):
    entries = _three_entries(fagperson)
    victim = entries[1]
    _tamper("DELETE FROM audit_auditentry WHERE seq = %s", [victim.seq])
    with pytest.raises(CommandError, match=rf"entry {victim.seq} is missing"):
        call_command("verify_audit")


def test_an_action_does_not_happen_when_its_audit_row_cannot_be_written(fagperson):
    from tokt.accounts.services import user_change_role

    target = type(fagperson).objects.create_user(username="target", password="x" * 16, agency=fagperson.agency)
    admin = fagperson
    admin.role = "administrator"
    with mock.patch("tokt.audit.services.AuditEntry.save", side_effect=DatabaseError("disk full")):
        with pytest.raises(DatabaseError):
            user_change_role(by=admin, user=target, role="koordinator")
    target.refresh_from_db()
    assert target.role == "fagperson"


def test_no_data_is_returned_when_a_read_cannot_be_audited(fagperson):
    loaded = []
    with mock.patch("tokt.audit.services.AuditEntry.save", side_effect=DatabaseError("disk full")):
        with pytest.raises(DatabaseError):
            read_with_audit(actor=fagperson, target=fagperson, load=lambda: loaded.append("secret") or "secret")
    assert loaded == []


def test_a_read_is_recorded_with_its_target(fagperson):
    result = read_with_audit(actor=fagperson, target=fagperson, load=lambda: "data")
    assert result == "data"
    entry = AuditEntry.objects.order_by("-seq").first()
    assert (entry.action, entry.target_type, entry.target_id) == (
        AuditAction.RECORD_READ,
        "accounts.user",
        str(fagperson.pk),
    )
