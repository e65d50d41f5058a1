"""The content check: the real articles pass, and broken files are named with file and line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tokt.knowledge.content_check import DEFAULT_DIR, check_folder, main
from tokt.knowledge.tests.helpers import article_text, write_pair

TODAY = dt.date(2026, 6, 1)
ROOT = Path(__file__).resolve().parents[3]


def _check(folder):
    return check_folder(folder, today=TODAY, topics_path=None)


def _lines(problems):
    return [(p.path.rsplit("/", 1)[-1], p.line) for p in problems]


def test_the_real_articles_pass_the_content_check():
    problems = check_folder(DEFAULT_DIR)
    assert problems == [], "content/knowledge has problems:\n" + "\n".join(map(str, problems))


def test_every_real_article_exists_in_both_languages():
    slugs = {p.name.split(".")[0] for p in DEFAULT_DIR.glob("*.md")}
    assert len(slugs) >= 26
    for slug in slugs:
        assert (DEFAULT_DIR / f"{slug}.nb.md").exists() and (DEFAULT_DIR / f"{slug}.en.md").exists(), slug


def test_a_clean_pair_has_no_problems(tmp_path):
    write_pair(tmp_path)
    assert _check(tmp_path) == []


def test_broken_yaml_is_reported_with_its_line(tmp_path):
    broken = article_text().replace("audience: [all]", "audience: [all, nav")
    write_pair(tmp_path, nb=broken)
    problems = _check(tmp_path)
    assert len(problems) == 1
    assert "not valid YAML" in problems[0].message and "flow sequence on line 4" in problems[0].message
    assert problems[0].path.endswith("test-artikkel.nb.md")
    assert problems[0].line == 5
    assert str(problems[0]).startswith(problems[0].path + f":{problems[0].line}: ")


def test_a_missing_key_points_at_the_end_of_the_front_matter(tmp_path):
    write_pair(tmp_path, nb=article_text().replace('summary: "Et kort sammendrag."\n', ""))
    problems = _check(tmp_path)
    assert [(p.message, p.line) for p in problems] == [
        ("missing key 'summary' in the front matter (which ends on this line)", 13)
    ]


def test_unknown_ids_are_reported_on_their_own_line(tmp_path):
    text = (
        article_text()
        .replace("indicators: [FL07, DR01]", "indicators:\n  - FL07\n  - FL99")
        .replace("sectors: [fisheries]", "sectors: [fishing]")
    )
    write_pair(tmp_path, nb=text)
    problems = {p.message.split(" (")[0]: p.line for p in _check(tmp_path)}
    assert problems["unknown indicator id 'FL99' in 'indicators'"] == 9
    assert problems["unknown sector 'fishing' in 'sectors'"] == 5
    assert any("'sectors' differs" in m for m in problems) and any("'indicators' differs" in m for m in problems)


def test_unknown_keys_bad_values_and_duplicates_are_reported(tmp_path):
    text = article_text(visibility="secret").replace(
        "last_reviewed: 2026-01-15", "last_reviewed: sometime\nsector: [x]"
    )
    text = text.replace("audience: [all]", "audience: [all, police]\naudience: [nav]")
    write_pair(tmp_path, nb=text)
    messages = " | ".join(p.message for p in _check(tmp_path))
    for expected in (
        "unknown key 'sector'",
        "'last_reviewed' must be a date",
        "'visibility' must be one of",
        "the key 'audience' appears twice",
    ):
        assert expected in messages


def test_every_article_names_the_role_that_reviewed_it(tmp_path):
    without = article_text().replace('reviewer_role: "Fagredaktør"\n', "")
    empty = article_text(status="machine_assisted").replace('"Fagredaktør"', '"  "')
    write_pair(tmp_path, nb=without, en=empty)
    found = {(p.path.rsplit("/", 1)[-1], p.line, p.message) for p in _check(tmp_path)}
    assert (
        "test-artikkel.nb.md",
        13,
        "missing key 'reviewer_role' in the front matter (which ends on this line)",
    ) in found
    assert ("test-artikkel.en.md", 13, "'reviewer_role' must be a non-empty text") in found
    long_role = article_text().replace('"Fagredaktør"', '"' + "x" * 121 + '"')
    write_pair(tmp_path, nb=long_role, en=article_text(status="machine_assisted"))
    assert [p.message for p in _check(tmp_path)] == ["'reviewer_role' is 121 characters; at most 120"]


def test_every_real_article_names_a_reviewer_role():
    for path in DEFAULT_DIR.glob("*.md"):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        assert "\nreviewer_role: " in head, path.name


def test_a_missing_translation_names_the_file_that_exists(tmp_path):
    nb_path, en_path = write_pair(tmp_path)
    en_path.unlink()
    problems = _check(tmp_path)
    assert len(problems) == 1
    assert problems[0].path.endswith("test-artikkel.nb.md") and problems[0].line == 1
    assert "no English (en) version: add test-artikkel.en.md" in problems[0].message


def test_a_lone_english_file_is_reported_too(tmp_path):
    nb_path, en_path = write_pair(tmp_path)
    nb_path.unlink()
    assert "no Norwegian (nb) version" in _check(tmp_path)[0].message


def test_empty_body_raw_html_and_h1_are_reported_with_lines(tmp_path):
    body = "Tekst med <b>fet</b> skrift.\n\n<div>\nblokk\n</div>\n\n# Ny hovedtittel\n\n#### For dypt\n"
    write_pair(tmp_path, nb=article_text(body=body), en=article_text(status="machine_assisted", body="  \n"))
    problems = _check(tmp_path)
    found = {(p.path.rsplit("/", 1)[-1], p.line, p.code) for p in problems}
    assert ("test-artikkel.nb.md", 16, "html") in found  # inline <b>
    assert ("test-artikkel.nb.md", 18, "html") in found  # the <div> block
    assert ("test-artikkel.nb.md", 22, "h1") in found
    assert ("test-artikkel.nb.md", 24, "heading_skip") in found
    assert ("test-artikkel.en.md", 15, "empty") in found


def test_unclosed_front_matter_and_bad_file_names(tmp_path):
    (tmp_path / "uten-slutt.nb.md").write_text("---\ntitle: x\n\nTekst\n", encoding="utf-8")
    (tmp_path / "Feil Navn.md").write_text(article_text(), encoding="utf-8")
    (tmp_path / "uten-hode.en.md").write_text("Bare tekst\n", encoding="utf-8")
    messages = {p.path.rsplit("/", 1)[-1]: p.message for p in _check(tmp_path)}
    assert "never closed" in messages["uten-slutt.nb.md"]
    assert "file name must be" in messages["Feil Navn.md"]
    assert "must start with a front matter block" in messages["uten-hode.en.md"]


def test_a_future_review_date_and_no_original_are_reported(tmp_path):
    write_pair(tmp_path, nb=article_text(status="machine_assisted").replace("2026-01-15", "2027-01-01"))
    messages = " | ".join(p.message for p in _check(tmp_path))
    assert "is in the future" in messages
    assert "neither language version has translation_status: original" in messages


def test_the_topics_file_must_place_every_article(tmp_path):
    write_pair(tmp_path)
    topics = tmp_path / "topics.yaml"
    topics.write_text("topics:\n  - id: a\n    nb: A\n    en: A\n    articles: [finnes-ikke]\n", encoding="utf-8")
    problems = check_folder(tmp_path, today=TODAY, topics_path=topics)
    assert _lines(problems) == [("test-artikkel.nb.md", 1), ("topics.yaml", 5)]


def test_the_command_fails_with_file_and_line(tmp_path, capsys):
    write_pair(tmp_path, nb=article_text().replace("forms: [forced_labour]", "forms: [slavery]"))
    with pytest.raises(CommandError, match="problem"):
        call_command("check_knowledge", folder=tmp_path)
    assert "test-artikkel.nb.md:6: unknown form of exploitation 'slavery'" in capsys.readouterr().err


def test_the_command_passes_on_the_real_articles(capsys):
    call_command("check_knowledge")
    assert "no problems" in capsys.readouterr().out


def test_the_module_reports_and_fails(tmp_path, capsys):
    write_pair(tmp_path)
    (tmp_path / "test-artikkel.en.md").unlink()
    assert main([str(tmp_path)]) == 1
    assert "1 files checked, 1 problem(s)." in capsys.readouterr().out


def test_the_check_does_not_need_django():
    code = "import sys, tokt.knowledge.content_check as c; c.check_folder(); assert 'django' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_check_knowledge_refuses_an_article_citing_an_internal_file(tmp_path, capsys):
    text = article_text(body="Innledning.\n\nKilde: METHOD.md\n").replace(
        '  - "Testkilde, https://example.org/kilde"',
        '  - "ILO/EC-indikatorene, slik de er gjengitt i ToKts indicators.yaml"\n  - "Se tokt/screening/data"',
    )
    write_pair(tmp_path, nb=text)
    with pytest.raises(CommandError, match="problem"):
        call_command("check_knowledge", folder=tmp_path)
    err = capsys.readouterr().err
    assert "test-artikkel.nb.md:9: 'indicators.yaml' is a file of this repository" in err
    assert "test-artikkel.nb.md:10: 'tokt/screening/data' is a file of this repository" in err
    assert "'METHOD.md' is a file of this repository" in err


def test_public_web_pages_and_ordinary_words_are_not_internal_files(tmp_path):
    text = article_text(
        body="Les https://www.regjeringen.no/no/dokumenter/plan.html og www.example.org/a.pdf.\n\nToKt/KUN-rapporten.\n"
    )
    write_pair(tmp_path, nb=text)
    assert _check(tmp_path) == []
