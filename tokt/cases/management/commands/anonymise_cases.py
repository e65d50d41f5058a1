from __future__ import annotations

from django.core.management.base import BaseCommand

from tokt.cases import retention


class Command(BaseCommand):
    help = "Warn owners of closed cases due within a month, and anonymise closed cases whose retention has run out."

    def handle(self, *args, **options):
        result = retention.run()
        self.stdout.write(f"Warned about {result.warned} case(s); anonymised {result.anonymised} case(s).")
