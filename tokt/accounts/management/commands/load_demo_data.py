from django.core.management.base import BaseCommand
from django.db import transaction

from tokt.accounts.models import Role, User
from tokt.accounts.tests.factories import make_user
from tokt.core.models import Agency

DEMO_PASSWORD = "demo-ToKt-2026"
DEMO_USERS = [
    ("fagperson", Role.FAGPERSON, "nav", "Frida", "Fagperson"),
    ("koordinator", Role.KOORDINATOR, "kun", "Kari", "Koordinator"),
    ("administrator", Role.ADMINISTRATOR, "tokt-sekretariat", "Arne", "Administrator"),
    ("personvernombud", Role.PERSONVERNOMBUD, "tokt-sekretariat", "Petra", "Personvernombud"),
    ("politi", Role.FAGPERSON, "politiet-nordland", "Per", "Politi"),
    ("krisesenter", Role.FAGPERSON, "krisesenter-salten", "Kristin", "Krisesenter"),
]


class Command(BaseCommand):
    help = "Create one synthetic demo user per role (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        with transaction.atomic():
            for username, role, agency_slug, first, last in DEMO_USERS:
                if not User.objects.filter(username=username).exists():
                    make_user(
                        username=username,
                        role=role,
                        agency=Agency.objects.get(slug=agency_slug),
                        password=DEMO_PASSWORD,
                        first_name=first,
                        last_name=last,
                        with_totp=False,
                    )
            from tokt.cases.demo import load_demo_cases

            load_demo_cases(
                nav_user=User.objects.get(username="fagperson"),
                police_user=User.objects.get(username="politi"),
                crisis_user=User.objects.get(username="krisesenter"),
            )
        self.stdout.write("")
        self.stdout.write("ToKt demo logins (synthetic users; two-factor is relaxed in demo mode):")
        for username, role, *_ in DEMO_USERS:
            self.stdout.write(f"  {username:<16} password: {DEMO_PASSWORD}   role: {role.label}")
        self.stdout.write("Open http://127.0.0.1:8000/konto/logg-inn/")
        self.stdout.write("")
