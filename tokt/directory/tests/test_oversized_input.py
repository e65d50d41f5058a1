"""Oversized numbers and deeply nested files get a clear message, never a 500."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tokt.core.models import Agency
from tokt.directory.models import Actor, Meeting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("agency_id", ["9" * 30, "-1", "1e9"])
def test_an_oversized_agency_id_in_the_meeting_form_gets_a_message(signed_in, koordinator, agency_id):
    client = signed_in(koordinator)
    client.raise_request_exception = False
    data = {"kind": "nettverksmote", "date": "2026-12-01", "place": "Bodø", "agenda": "Tema", "agencies": [agency_id]}
    response = client.post(reverse("directory:meeting_create"), data)
    assert response.status_code == 200
    assert "Bodø" in response.content.decode()  # what was typed is kept
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"services": [' + b"9" * 10_000 + b"]}",
        b'{"n": 1e999}',
        b'{"n": NaN}',
    ],
    ids=["deep", "huge-int", "huge-float", "nan"],
)
def test_a_deeply_nested_or_huge_number_hsds_file_gets_a_message(signed_in, koordinator, content):
    client = signed_in(koordinator)
    client.raise_request_exception = False
    before = Actor.objects.count()
    upload = SimpleUploadedFile("katalog.json", content, content_type="application/json")
    response = client.post(reverse("directory:hsds_import"), {"file": upload})
    assert response.status_code in (200, 400)
    body = response.content.decode()
    assert "for dypt nøstet eller har tall som er for store" in body or "ikke gyldig JSON" in body
    assert Actor.objects.count() == before
    assert Agency.objects.exists()
