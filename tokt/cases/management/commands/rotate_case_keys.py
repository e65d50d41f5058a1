from __future__ import annotations

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from tokt.audit.models import AuditAction
from tokt.audit.services import log_action
from tokt.cases import crypto
from tokt.cases.fields import encrypted_fields


class Command(BaseCommand):
    help = (
        "Re-encrypt every case text with the newest key. With --new-key (key file only) a new key is put first; "
        "with --drop-old the older keys are removed after every row is re-encrypted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--new-key", action="store_true", help="generate a new key into the key file first")
        parser.add_argument("--drop-old", action="store_true", help="keep only the newest key afterwards")

    def handle(self, *args, new_key: bool, drop_old: bool, **options):
        from_env = bool(crypto.os.environ.get(crypto.ENV_VAR, "").strip())
        if (new_key or drop_old) and from_env:
            raise CommandError(f"Keys come from {crypto.ENV_VAR}: change the variable, then run without options.")
        keys = crypto.configured_keys()
        if new_key:
            keys = [Fernet.generate_key().decode(), *keys]
            crypto.write_key_file(crypto.key_file(), keys)
            crypto.reset_cache()
        count = 0
        with transaction.atomic():
            for model, names in encrypted_fields():
                # Raw SQL: the field would decrypt on read and encrypt afresh on write.
                table = connection.ops.quote_name(model._meta.db_table)
                columns = ", ".join(connection.ops.quote_name(model._meta.get_field(n).column) for n in names)
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT {connection.ops.quote_name(model._meta.pk.column)}, {columns} FROM {table}")  # noqa: S608
                    rows = cursor.fetchall()
                for pk, *values in rows:
                    rotated = {n: crypto.rotate(v) for n, v in zip(names, values, strict=True) if v}
                    if rotated:
                        sets = ", ".join(
                            f"{connection.ops.quote_name(model._meta.get_field(n).column)} = %s" for n in rotated
                        )
                        with connection.cursor() as cursor:
                            cursor.execute(
                                f"UPDATE {table} SET {sets} WHERE {connection.ops.quote_name(model._meta.pk.column)} = %s",  # noqa: S608
                                [*rotated.values(), pk],
                            )
                        count += 1
            log_action(action=AuditAction.CASE_KEYS_ROTATED, actor_username="system", details={"rows": count})
        if drop_old:
            crypto.write_key_file(crypto.key_file(), keys[:1])
            crypto.reset_cache()
        self.stdout.write(f"Re-encrypted {count} rows with the newest of {len(keys)} key(s).")
