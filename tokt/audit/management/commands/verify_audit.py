from django.core.management.base import BaseCommand, CommandError

from tokt.audit.models import AuditEntry
from tokt.audit.selectors import audit_chain_break


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain and report the first broken link."

    def handle(self, *args, **options):
        broken = audit_chain_break()
        if broken:
            raise CommandError(f"Audit trail broken at entry {broken.seq}: {broken.reason}.")
        self.stdout.write(f"Audit trail intact: {AuditEntry.objects.count()} entries verified.")
