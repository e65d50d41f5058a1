from django.core.management.base import BaseCommand, CommandError

from tokt.audit import anchor
from tokt.audit.models import AuditEntry
from tokt.audit.selectors import audit_chain_break


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain, HMACs and signed checkpoint; report the first broken link."

    def handle(self, *args, **options):
        broken = audit_chain_break()
        if broken:
            raise CommandError(f"Audit trail broken at entry {broken.seq}: {broken.reason}.")
        total = AuditEntry.objects.count()
        signed = AuditEntry.objects.exclude(mac__isnull=True).count()
        checkpoint = anchor.checkpoint_read()
        self.stdout.write(
            f"Audit trail intact: {total} entries verified ({signed} with HMAC); "
            f"checkpoint outside the database at entry {checkpoint.seq if checkpoint else '-'}."
        )
