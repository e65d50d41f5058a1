from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tokt.public.services import PublicError, tips_purge


class Command(BaseCommand):
    help = "Delete closed tips older than the retention period (TOKT_TIP_RETENTION_DAYS, default 180)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.TIP_RETENTION_DAYS, help="retention in days")

    def handle(self, *args, days: int, **options):
        try:
            count = tips_purge(older_than_days=days)
        except PublicError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Deleted {count} closed tip(s) received more than {days} days ago.")
