from django.core.management.base import BaseCommand, CommandError

from tokt.accounts import services
from tokt.accounts.management.commands.create_administrator import enrolment_url
from tokt.accounts.models import User


class Command(BaseCommand):
    help = "Print a new one-time enrolment link for a user (earlier unused links stop working)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username__iexact=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {username!r}.")
        token = services.enrolment_link_issue(by=None, user=user)
        self.stdout.write(f"Enrolment link for {user.username} (works once, {services.ENROLMENT_LINK_HOURS} hours):")
        self.stdout.write(f"  {enrolment_url(token)}")
