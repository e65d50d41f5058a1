from __future__ import annotations

import copy
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from tokt.audit.models import AuditAction, AuditEntry
from tokt.directory import hsds
from tokt.directory.models import Actor

pytestmark = pytest.mark.django_db


def _export() -> dict:
    return hsds.export_document(Actor.objects.prefetch_related("municipalities"))


def _snapshot() -> list[tuple]:
    return [
        (
            a.slug,
            a.name,
            a.phone,
            a.email,
            a.url,
            a.hours_nb,
            tuple(a.services),
            a.all_municipalities,
            tuple(sorted(a.municipalities.values_list("number", flat=True))),
            a.last_verified,
            a.public,
            a.anonymous,
        )
        for a in Actor.objects.order_by("slug")
    ]


def test_the_export_is_valid_hsds():
    document = _export()
    assert hsds.schema_errors(document) == []
    assert len(document["services"]) == Actor.objects.count() == len(document["organizations"])


def test_the_export_maps_contact_points_and_areas():
    service = next(s for s in _export()["services"] if s["tokt"]["id"] == "barnevernvakt_fauske")
    assert service["phones"][0]["number"] == "469 55 776"
    assert [a["extent"] for a in service["service_areas"]] == ["1841", "1845"]
    assert service["schedules"][0]["description"].startswith("Hverdager")
    assert {a["value"] for a in service["attributes"]} == {"child_protection", "protection"}
    assert service["assured_date"] == "2026-11-27"


def test_ids_are_stable_between_exports():
    assert [s["id"] for s in _export()["services"]] == [s["id"] for s in _export()["services"]]


def test_the_schema_catches_broken_objects():
    document = _export()
    document["services"][0]["id"] = "not-a-uuid"
    del document["services"][1]["status"]
    errors = hsds.schema_errors(document)
    assert any(e.startswith("$.services[0].id:") for e in errors)
    assert any(e.startswith("$.services[1]:") and "status" in e for e in errors)


def test_an_export_imports_back_without_changes():
    before = _snapshot()
    history = Actor.history.count()
    report = hsds.import_file(json.dumps(_export()))
    assert report.updated == [] and report.created == []
    assert len(report.unchanged) == Actor.objects.count()
    assert _snapshot() == before
    assert Actor.history.count() == history  # nothing was saved


def test_an_import_creates_new_actors_and_records_history():
    document = _export()
    service = copy.deepcopy(next(s for s in document["services"] if s["tokt"]["id"] == "kun"))
    service["tokt"]["id"] = "kun_test"
    service["name"] = "Testaktør"
    document["services"] = [service]
    report = hsds.import_file(json.dumps(document))
    assert report.created == ["kun_test"]
    actor = Actor.objects.get(slug="kun_test")
    assert actor.history.exists() and actor.municipalities.count() == 10
    assert AuditEntry.objects.latest("seq").action == AuditAction.DIRECTORY_HSDS_IMPORTED


def test_a_foreign_file_with_only_standard_fields_is_accepted():
    document = {
        "hsds_version": "3.0",
        "organizations": [],
        "services": [
            {
                "id": "6f1d3a40-1b7e-4c36-9d1e-8c7a2b6e0a11",
                "name": "Hjelpetelefon Nord",
                "status": "active",
                "description": "Råd til ansatte.",
                "assured_date": "2026-10-01",
                "phones": [{"id": "0b7a3f02-5a51-4d55-8a4e-1b1e9c3d2f10", "number": "75 55 58 90"}],
                "service_areas": [{"id": "9a0b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d", "name": "Fauske"}],
                "attributes": [{"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "value": "helpline"}],
            }
        ],
    }
    assert hsds.import_file(json.dumps(document)).created == ["hjelpetelefon_nord"]
    actor = Actor.objects.get(slug="hjelpetelefon_nord")
    assert actor.kind == "regional" and not actor.public and not actor.verified
    assert list(actor.municipalities.values_list("number", flat=True)) == ["1841"]


def test_an_invalid_file_changes_nothing_and_reports_every_error_with_its_place():
    before = _snapshot()
    history = Actor.history.count()
    document = _export()
    document["services"][0]["phones"][0]["number"] = "12 34"
    document["services"][1]["email"] = "ikke-en-adresse"
    document["services"][2]["url"] = "ftp://example.org"
    document["services"][3]["service_areas"] = [{"id": "9a0b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d", "name": "Oslo"}]
    document["services"][4]["assured_date"] = "i fjor"
    with pytest.raises(hsds.HsdsImportError) as caught:
        hsds.import_file(json.dumps(document))
    errors = caught.value.errors
    assert any(e.startswith("$.services[0].phones[0].number:") and "telefonnummer" in e for e in errors)
    assert any(e.startswith("$.services[1].email:") for e in errors)
    assert any(e.startswith("$.services[2].url:") for e in errors)
    assert any(e.startswith("$.services[3].service_areas[0]:") and "Oslo" in e for e in errors)
    assert any(e.startswith("$.services[4].assured_date:") for e in errors)
    assert len(errors) == 5
    assert _snapshot() == before and Actor.history.count() == history


def test_schema_errors_stop_the_import_before_anything_is_written():
    before = _snapshot()
    with pytest.raises(hsds.HsdsImportError) as caught:
        hsds.import_file(json.dumps({"hsds_version": "3.0", "organizations": [], "services": [{"name": 5}]}))
    assert any(e.startswith("$.services[0]") for e in caught.value.errors)
    assert _snapshot() == before


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe\x00", b"[]"])
def test_garbage_is_reported_not_crashed(raw):
    with pytest.raises(hsds.HsdsImportError) as caught:
        hsds.import_file(raw)
    assert caught.value.errors[0].startswith("$")


def test_export_and_import_commands(tmp_path, capsys):
    target = tmp_path / "katalog.json"
    call_command("export_hsds", str(target))
    assert "export_hsds: wrote" in capsys.readouterr().out
    assert hsds.schema_errors(json.loads(target.read_text(encoding="utf-8"))) == []
    call_command("import_hsds", str(target))
    assert "import_hsds: 0 created" in capsys.readouterr().out
    broken = json.loads(target.read_text(encoding="utf-8"))
    broken["services"][0]["email"] = "x"
    target.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(CommandError, match=r"\$\.services\[0\]\.email"):
        call_command("import_hsds", str(target))


def test_coordinators_download_and_upload_in_the_web_ui(signed_in, koordinator):
    client = signed_in(koordinator)
    response = client.get(reverse("directory:hsds_export"))
    assert response["Content-Disposition"].startswith("attachment;")
    document = json.loads(response.content)
    assert hsds.schema_errors(document) == []
    document["services"][0]["phones"][0]["number"] = "12 34"
    upload = SimpleUploadedFile("k.json", json.dumps(document).encode(), content_type="application/json")
    body = client.post(reverse("directory:hsds_import"), {"file": upload}).content.decode()
    assert "Ingenting er endret" in body and "$.services[0].phones[0].number" in body
    upload = SimpleUploadedFile("k.json", response.content, content_type="application/json")
    assert client.post(reverse("directory:hsds_import"), {"file": upload}).status_code == 302


def test_an_over_long_name_is_refused_with_its_json_path_and_nothing_changes():
    document = _export()
    document["services"][0]["name"] = "N" * (5 * 1024 * 1024)
    before = _snapshot()
    with pytest.raises(hsds.HsdsImportError) as caught:
        hsds.import_file(json.dumps(document))
    assert any(e.startswith("$.services[0].name:") and "for langt" in e for e in caught.value.errors)
    assert _snapshot() == before


@pytest.mark.parametrize(
    ("field", "value", "limit"),
    [("url", "https://example.org/" + "a" * 600, 500), ("email", "a" * 250 + "@example.org", 254)],
)
def test_every_over_long_field_is_refused_not_cut(field, value, limit):
    document = _export()
    document["services"][0][field] = value
    with pytest.raises(hsds.HsdsImportError) as caught:
        hsds.import_file(json.dumps(document))
    assert any(e.startswith(f"$.services[0].{field}:") for e in caught.value.errors)


def test_the_schema_checks_uuids_and_uris():
    document = _export()
    document["organizations"][0]["id"] = "123"
    document["services"][0]["url"] = "not a uri"
    errors = hsds.schema_errors(document)
    assert any(e.startswith("$.organizations[0].id:") and "uuid" in e for e in errors)
    assert any(e.startswith("$.services[0].url:") and "uri" in e for e in errors)


PUBLISHED_3_0_1_DIGEST = "39ca52002d5a0ad81494b56749740065c2f140eee883e651571b99bb60e4e6ce"


def test_the_vendored_schemas_are_the_published_hsds_3_0_1_files():
    import hashlib

    vendored = {p.name: p.read_bytes() for p in hsds.SCHEMA_DIR.glob("*.json")}
    assert len(vendored) == 21
    # Digest of the published 3.0.1 schema files (name + SHA-256 of each, sorted by name), taken from
    # the project's reference copy when they were vendored; any edit to a vendored file changes it.
    digest = hashlib.sha256()
    for name in sorted(vendored):
        digest.update(name.encode() + b"\0" + hashlib.sha256(vendored[name]).digest())
    assert digest.hexdigest() == PUBLISHED_3_0_1_DIGEST
    # Every $ref resolves to a vendored file (no silent "any object" fallback).
    for name in vendored:
        for ref in re.findall(r'"\$ref":\s*"([^"#]+)', vendored[name].decode()):
            assert ref.rsplit("/", 1)[-1] in vendored, (name, ref)
