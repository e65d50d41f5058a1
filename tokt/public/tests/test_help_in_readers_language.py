"""The help page in the reader's language: no English, no internal note, only confirmed contacts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from django.conf import settings
from django.utils import timezone

from tokt.directory.models import Actor
from tokt.public.content import UI_KEYS

pytestmark = pytest.mark.django_db

LANGUAGES = ("pl", "lt", "lv", "ro", "bg", "uk", "ru", "sq", "pt-br", "es", "vi")
# Signs of provenance or research notes that must never reach a reader.
INTERNAL_MARKERS = ("NRK", "(2019)", "ikke bekreftet", "not confirmed", "directory helper", "Leder ToKt", "Co-leads")


def _visible_text(html: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def english_fragments() -> set[str]:
    """Sentences a reader of another language must not see: the English UI, actor texts and help page."""
    root = settings.BASE_DIR / "content" / "public" / "en"
    ui = yaml.safe_load((root / "_ui.yaml").read_text(encoding="utf-8"))
    texts = [str(ui[key]) for key in UI_KEYS if key not in ("language_name",)]
    for actor in Actor.objects.public():
        texts += [actor.description_en, actor.hours_en]
    texts += (root / "help.md").read_text(encoding="utf-8").split("---", 2)[2].splitlines()
    fragments = set()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?:])\s+", text):
            words = re.sub(r"[*#\-]|\{.*?\}|\(page:[^)]*\)", " ", sentence).split()
            # Short strings ("Phone", "ROSA") are names or shared with other languages.
            if len(words) >= 4:
                fragments.add(" ".join(words))
    return fragments


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_help_page_has_no_english_and_no_internal_note(client, confirmed_directory, lang):
    text = _visible_text(client.get(f"/{lang}/help/").content.decode())
    english = [f for f in english_fragments() if f in text]
    assert english == []
    assert [m for m in INTERNAL_MARKERS if m in text] == []
    for actor in Actor.objects.exclude(internal_note=""):
        assert actor.internal_note not in text
    assert "ROSA" in text and "22 33 11 60" in text


def test_the_help_page_leads_with_three_numbers_and_folds_the_rest(client, confirmed_directory):
    html = client.get("/pl/help/").content.decode()
    lead = html[html.index('class="contacts lead"') : html.index("</ul>", html.index('class="contacts lead"'))]
    assert lead.count('class="contact"') == 3
    assert lead.index("tel:112") < lead.index("tel:+4722331160") < lead.index("tel:116111")
    assert "<details" in html and "<summary>Inne miejsca, które mogą pomóc</summary>" in html


def test_numbers_that_cost_money_or_are_not_for_emergencies_say_so(client, confirmed_directory):
    html = client.get("/pl/help/").content.decode()
    switchboard = html[html.index("tel:02800") :][:300]
    assert "Połączenie jest płatne" in switchboard and "To nie jest numer alarmowy" in switchboard
    legevakt = html[html.index("tel:116117") :][:300]
    assert "Połączenie bezpłatne" in legevakt and "To nie jest numer alarmowy" in legevakt
    emergency = html[html.index("tel:112") :][:300]
    assert "To nie jest numer alarmowy" not in emergency


def test_every_contact_shown_has_a_verification_date_under_six_months(client, confirmed_directory):
    html = client.get("/pl/help/").content.decode()
    shown = html.count('class="contact"')
    dates = [dt.date.fromisoformat(d) for d in re.findall(r"Sprawdzone (\d{4}-\d{2}-\d{2})", html)]
    assert shown and len(dates) == shown
    assert all((timezone.localdate() - d).days < 183 for d in dates)


def test_a_missing_translation_leaves_the_field_out_instead_of_showing_english(client, confirmed_directory):
    rosa = Actor.objects.get(slug="rosa")
    rosa.texts.filter(lang="pl", field="description").delete()
    text = _visible_text(client.get("/pl/help/").content.decode())
    assert "22 33 11 60" in text
    assert rosa.description_en.split(".")[0] not in text


def test_every_public_verified_actor_is_translated_into_every_public_language():
    for actor in Actor.objects.public().filter(verified=True):
        for lang in LANGUAGES:
            fields = set(actor.texts.filter(lang=lang).values_list("field", flat=True))
            wanted = {"name", "description"} | ({"hours"} if actor.hours_en else set())
            assert wanted <= fields, (actor.slug, lang, wanted - fields)
