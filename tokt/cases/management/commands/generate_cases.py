from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tokt.cases import synthetic


class Command(BaseCommand):
    help = "Add COUNT synthetic cases spread over AGENCIES agencies (made-up agencies are added as needed)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--agencies", type=int, default=12)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count: int, agencies: int, seed: int, **options):
        if settings.PRODUCTION:
            raise CommandError("Synthetic cases are never generated in production.")
        if count < 1 or agencies < 1:
            raise CommandError("--count and --agencies must be at least 1.")
        start = time.perf_counter()
        made = synthetic.generate(count=count, agencies=agencies, seed=seed)
        self.stdout.write(
            f"Generated {made} synthetic cases over {agencies} agencies in {time.perf_counter() - start:.1f} s."
        )
