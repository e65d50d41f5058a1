"""The English UI catalogue is complete and compiles."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

PO = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(text: str):
    for block in text.split("\n\n"):
        if "msgid" not in block or block.lstrip().startswith('msgid ""\nmsgstr ""\n"Project'):
            continue
        yield block


def test_every_string_has_an_english_translation():
    untranslated = []
    for block in _entries(PO.read_text(encoding="utf-8")):
        if block.startswith("#~"):
            continue
        if "#, fuzzy" in block or re.search(r'^msgstr(\[\d\])? ""\n(?!")', block + "\n", re.M):
            msgid = re.search(r'msgid "(.*)"', block)
            untranslated.append(msgid.group(1) if msgid else block[:60])
    assert [m for m in untranslated if m] == []


def test_the_catalogue_compiles_without_errors(tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", str(tmp_path / "x.mo"), str(PO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
