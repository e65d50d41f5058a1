from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tokt.core.models import Agency
from tokt.directory.models import Meeting

pytestmark = pytest.mark.django_db


def _post(client, **changes):
    data = {
        "kind": "nettverkssamling",
        "date": "2026-10-14",
        "place": "Bodø rådhus",
        "agenda": "Status i nettverket",
        "agencies": [a.pk for a in Agency.objects.filter(slug__in=["nav", "politiet-nordland"])],
    }
    data.update(changes)
    return client.post(reverse("directory:meeting_create"), data)


def test_a_koordinator_registers_a_meeting(signed_in, koordinator):
    response = _post(signed_in(koordinator))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.agencies.count() == 2 and meeting.created_by == koordinator
    assert meeting.history.exists()


def test_a_fagperson_reads_but_cannot_register_meetings(signed_in, fagperson):
    client = signed_in(fagperson)
    assert client.get(reverse("directory:meetings")).status_code == 200
    assert _post(client).status_code == 403
    assert not Meeting.objects.exists()


def test_activity_is_counted_per_month(signed_in, koordinator):
    client = signed_in(koordinator)
    _post(client)
    _post(client, kind="case_conference", date="2026-10-20")
    _post(client, date="2026-09-02", agencies=[Agency.objects.get(slug="nav").pk])
    body = client.get(reverse("directory:meetings")).content.decode()
    october = body.split("oktober 2026")[1].split("</tr>")[0]
    assert [cell.split("<")[0] for cell in october.split("<td>")[1:]] == ["1", "1", "2"]
    assert "september 2026" in body


def test_a_meeting_needs_date_place_agenda_and_agencies(signed_in, koordinator):
    response = _post(signed_in(koordinator), date="", place="", agenda="", agencies=[])
    assert response.status_code == 200
    assert response.content.decode().count("Feltet er påkrevet") >= 3
    assert not Meeting.objects.exists()


def test_a_date_far_in_the_future_is_refused(signed_in, koordinator):
    later = (dt.date.today() + dt.timedelta(days=800)).isoformat()
    assert "mer enn ett år fram i tid" in _post(signed_in(koordinator), date=later).content.decode()
