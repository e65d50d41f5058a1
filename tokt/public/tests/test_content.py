"""The content loader (pure Python): languages by folder, fallbacks, problems reported not raised."""

from __future__ import annotations

from pathlib import Path

from tokt.public.content import UI_KEYS, load_site

PAGE = """---
title: "{title}"
summary: "s"
translation_status: {status}
sources: []
last_verified: 2026-11-27
---

Text with a [link](page:{link}).
"""


def _write(root: Path, lang: str, pages: dict[str, str], status: str = "machine_assisted", **ui) -> None:
    folder = root / lang
    folder.mkdir(parents=True)
    strings = {key: f"{key} {lang}" for key in UI_KEYS} | ui
    (folder / "_ui.yaml").write_text("\n".join(f'{k}: "{v}"' for k, v in strings.items()), encoding="utf-8")
    for page_id, link in pages.items():
        (folder / f"{page_id}.md").write_text(PAGE.format(title=f"{page_id} {lang}", status=status, link=link))


def test_a_language_is_a_folder_with_ui_strings(tmp_path):
    _write(tmp_path, "nb", {"home": "help", "help": "home"}, status="original")
    _write(tmp_path, "ar", {"home": "help"}, language_name="العربية", direction="rtl")
    (tmp_path / "xx").mkdir()  # no _ui.yaml: not a language
    site = load_site(tmp_path)
    assert list(site.languages) == ["nb", "ar"]
    assert site.languages["ar"].rtl and site.languages["ar"].name == "العربية"
    assert site.languages["nb"].direction == "ltr"


def test_missing_pages_and_strings_fall_back_to_english_then_bokmal(tmp_path):
    _write(tmp_path, "nb", {"home": "help", "help": "home"}, status="original")
    _write(tmp_path, "en", {"home": "help"})
    _write(tmp_path, "pl", {})
    (tmp_path / "pl" / "_ui.yaml").write_text('language_name: "Polski"\n', encoding="utf-8")
    site = load_site(tmp_path)
    assert site.page("pl", "home").lang == "en"
    assert site.page("pl", "help").lang == "nb"
    assert site.strings("pl")["language_name"] == "Polski"
    assert site.strings("pl")["site_name"] == "site_name en"
    assert any("pl/_ui.yaml: missing keys" in p for p in site.problems)


def test_problems_are_collected_not_raised(tmp_path):
    _write(tmp_path, "nb", {"home": "nowhere", "start": "home"}, status="original")
    (tmp_path / "nb" / "broken.md").write_text("no front matter", encoding="utf-8")
    site = load_site(tmp_path)
    assert "start" not in site.page_ids  # reserved: /start/ is the staff start page
    assert "broken" in site.page_ids and ("nb", "broken") not in site.pages
    text = "\n".join(site.problems)
    assert "page:nowhere" in text and "nb/start.md" in text and "front matter" in text


def test_language_tags_follow_bcp47(tmp_path):
    _write(tmp_path, "nb", {"home": "home"}, status="original")
    _write(tmp_path, "pt-br", {"home": "home"}, language_name="Português (Brasil)")
    assert load_site(tmp_path).languages["pt-br"].tag == "pt-BR"


def test_the_real_content_has_no_problems():
    from django.conf import settings

    site = load_site(Path(settings.BASE_DIR) / "content" / "public")
    assert site.problems == []
    assert {"nb", "en"} <= set(site.languages)
    assert len(site.page_ids) == 17 and "help" in site.page_ids
