from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tokt.accounts.models import User
from tokt.directory.tests.factories import confirm_public_actors


class Command(BaseCommand):
    help = "Demo only: let the demo coordinator confirm the verified public entries so the public pages show them."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Only in demo mode (TOKT_DEMO_MODE=1): a real entry is confirmed by a coordinator.")
        user = User.objects.filter(username="koordinator").first()
        if user is None:
            raise CommandError("Run load_demo_data first (it creates the demo coordinator).")
        slugs = confirm_public_actors(user=user)
        self.stdout.write(f"directory_demo_confirm: {len(slugs)} entries confirmed by {user.username}")
