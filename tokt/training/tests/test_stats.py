from __future__ import annotations

import pytest
from django.urls import reverse

from tokt.accounts.tests.factories import make_user
from tokt.core.models import Agency
from tokt.training import selectors
from tokt.training.models import Certificate
from tokt.training.tests.conftest import walk

pytestmark = pytest.mark.django_db


def test_completion_is_counted_per_agency(signed_in, nav_user, client, koordinator):
    police = make_user(username="politi", role="fagperson", agency=Agency.objects.get(slug="politiet-nordland"))
    walk(signed_in(nav_user), "grunnkurs", wrong_first=True)
    client.logout()
    walk(signed_in(police), "grunnkurs")
    client.logout()
    mods = selectors.modules("nb")
    rows = {r.agency: r for r in selectors.completion_by_agency(mods)}
    column = [m.slug for m in mods].index("grunnkurs")
    assert rows["NAV"].completed[column] == 1 and rows["NAV"].users == 2  # nav_user and the coordinator
    assert rows["Nordland politidistrikt"].completed[column] == 1

    hardest = selectors.hardest_questions("nb")
    assert hardest and all(q.learners == 2 and q.wrong == 1 and q.percent_wrong == 50 for q in hardest)

    page = signed_in(koordinator).get(reverse("training:stats")).content.decode()
    assert "Nordland politidistrikt" in page and hardest[0].text in page


def test_a_coordinator_can_verify_a_certificate_code(signed_in, koordinator, nav_user):
    Certificate.objects.create(user=nav_user, module="nav", issued_on="2026-12-01", code="ABCD-EFGH-JKLM")
    client = signed_in(koordinator)
    page = client.get(reverse("training:stats"), {"kode": "abcd-efgh-jklm"}).content.decode()
    assert "Gyldig" in page and "Kari Nordmann" in page
    page = client.get(reverse("training:stats"), {"kode": "XXXX"}).content.decode()
    assert "Fant ikke noe kursbevis" in page
