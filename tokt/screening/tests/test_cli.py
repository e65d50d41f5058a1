"""The command line: exit codes, stdout, stderr; never a traceback."""

from __future__ import annotations

import io
import json

from tokt.screening.cli import main
from tokt.screening.tests.helpers import FIXTURES

CASE = {
    "age_group": "adult",
    "exploitation_types": ["labour"],
    "indicators": {"EXP01": "observed", "EXP04": "observed"},
}


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def test_screen_reads_a_file_and_prints_sorted_json(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE), encoding="utf-8")
    code, out, err = run(["screen", str(path), "--contacts", str(FIXTURES / "actors.yaml")])
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["continuum"]["position"] == "labour_crime"
    assert list(data) == sorted(data)


def test_screen_reads_standard_input_with_a_dash_or_no_file():
    assert run(["screen", "-"], json.dumps(CASE))[0] == 0
    code, out, _ = run(["screen"], json.dumps(CASE))
    assert code == 0 and json.loads(out)["schema_version"] == 1


def test_screen_prints_norwegian_text_by_default_and_english_on_request():
    code, out, _ = run(["screen", "--format", "text"], json.dumps(CASE))
    assert code == 0 and "Plassering: arbeidslivskriminalitet" in out and "ikke en juridisk vurdering" in out
    code, out, _ = run(["screen", "--format", "text", "--lang", "en"], json.dumps(CASE))
    assert code == 0 and "Position: labour crime" in out


def test_malformed_json_exits_2_with_a_message():
    code, out, err = run(["screen"], "{not json")
    assert code == 2 and out == ""
    assert "invalid JSON" in err and "Traceback" not in err


def test_a_duplicate_json_key_exits_2():
    code, _, err = run(["screen"], '{"age_group": "adult", "age_group": "under_18"}')
    assert code == 2 and "appears twice" in err


def test_unknown_ids_exit_2_with_both_languages():
    code, _, err = run(["screen"], json.dumps({"age_group": "adult", "indicators": {"XX1": "observed"}}))
    assert code == 2
    assert "ukjent indikator" in err and "unknown indicator" in err


def test_a_missing_age_group_exits_2():
    code, _, err = run(["screen"], json.dumps({"indicators": {}}))
    assert code == 2 and "age_group" in err


def test_a_contradiction_exits_2():
    data = {"age_group": "adult", "facts": {"sexual_exploitation_of_child_established": "observed"}}
    code, _, err = run(["screen"], json.dumps(data))
    assert code == 2 and "under 18" in err


def test_a_missing_file_exits_2():
    code, _, err = run(["screen", "/nonexistent/case.json"])
    assert code == 2 and "file not found" in err and "Traceback" not in err


def test_bad_usage_exits_2_and_help_exits_0():
    assert run(["fly"])[0] == 2
    assert run(["screen", "--format", "pdf"])[0] == 2
    code, out, _ = run(["--help"])
    assert code == 0 and "screen" in out


def test_questions_prints_the_flow_for_a_role_and_sector():
    code, out, _ = run(["questions", "--role", "health", "--sector", "fisheries", "--lang", "en"])
    steps = json.loads(out)
    assert code == 0 and steps[0]["id"] == "safety"
    ids = {q["id"] for s in steps for q in s["questions"]}
    assert {"q_health_injuries", "q_fish_housing_rent"} <= ids
    assert run(["questions", "--role", "mayor"])[0] == 2


def test_catalogue_validates_and_prints_versions():
    code, out, _ = run(["catalogue"])
    assert code == 0 and "ok" in out


def test_deeply_nested_json_gives_a_short_error_and_no_traceback():
    out, err = io.StringIO(), io.StringIO()
    deep = "[" * 1000 + "]" * 1000
    code = main(["screen", "-"], io.StringIO(deep), out, err)
    assert code == 2
    assert "Traceback" not in err.getvalue() and "nested" in err.getvalue()
    assert len(err.getvalue()) < 300


def test_a_huge_string_is_never_echoed_in_full():
    out, err = io.StringIO(), io.StringIO()
    huge = json.dumps({"age_group": "x" * 900_000, "indicators": {"EXP01": "y" * 50_000}})
    code = main(["screen", "-"], io.StringIO(huge), out, err)
    assert code == 2
    assert len(err.getvalue()) < 3000
    assert "Traceback" not in err.getvalue()
