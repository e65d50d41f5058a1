import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from tokt.accounts import services
from tokt.accounts.models import Role, User
from tokt.core.models import Agency


class Command(BaseCommand):
    help = "Create an administrator and print a temporary password and a one-time enrolment link (first install)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--agency", default="tokt-sekretariat", help="agency slug (default tokt-sekretariat)")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, agency, first_name, last_name, email, **options):
        found = Agency.objects.filter(slug=agency).first()
        if found is None:
            raise CommandError(f"No agency with slug {agency!r}.")
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"User {username!r} exists already: use `bin/tokt enrolment-link {username}`.")
        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            user = services.user_create(
                by=None,
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=email,
                agency=found,
                role=Role.ADMINISTRATOR,
                password=password,
            )
            token = services.enrolment_link_issue(by=None, user=user)
        self.stdout.write(f"Administrator {username} created.")
        self.stdout.write(f"  temporary password: {password}   (replaced at first sign-in)")
        self.stdout.write(f"  enrolment link:     {enrolment_url(token)}")
        self.stdout.write(f"The link works once, for {services.ENROLMENT_LINK_HOURS} hours. Neither is shown again.")


def enrolment_url(token: str) -> str:
    path = reverse("accounts:enrolment_link", kwargs={"token": token})
    return settings.PUBLIC_BASE_URL.rstrip("/") + path
