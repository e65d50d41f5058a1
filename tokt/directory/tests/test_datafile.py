"""Tests for the directory's YAML reference data and its validator (no database)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
import yaml

from tokt.directory import datafile
from tokt.directory.datafile import (
    MUNICIPALITIES,
    REQUIRED_SITUATIONS,
    SALTEN_MUNICIPALITIES,
    DirectoryDataError,
    actors_for,
    load_actors,
    load_referral_paths,
)

REPO = Path(datafile.__file__).resolve().parents[2]

# Actor ids the project brief fixes (contacts everywhere come from actors.yaml).
BRIEF_ACTOR_IDS = {
    "emergency_police",
    "police_switchboard",
    "medical_emergency",
    "child_helpline",
    "violence_helpline",
    "rosa",
    "kom",
    "menneskertilsalgs",
    "bufdir_minors",
    "police_nordland_trafficking",
    "htso_nav",
    "akrim_nordland",
    "arbeidstilsynet",
    "kun",
    "krisesenter_salten",
    "rvts_nord",
    "kirkens_bymisjon",
    "batteriet_nord",
    "nav",
    "skatteetaten",
    "child_welfare_municipal",
}


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.fixture(scope="module")
def situations(actors):
    return load_referral_paths(actors=actors)


# ------------------------------------------------------------------ helpers


def _actor(actor_id="test_actor", **overrides):
    row = {
        "id": actor_id,
        "name": "Test actor",
        "kind": "national",
        "description": {"nb": "Norsk tekst.", "en": "English text."},
        "services": ["guidance"],
        "municipalities": "all",
        "public": True,
        "verified": False,
        "last_verified": "2026-11-27",
        "verified_by": "test",
        "source": ["synthetic test data"],
    }
    row.update(overrides)
    return row


def _step(actors=("emergency_police",), **overrides):
    row = {
        "title": {"nb": "Tittel", "en": "Title"},
        "detail": {"nb": "Detalj, ring 112.", "en": "Detail, call 112."},
        "actors": list(actors),
    }
    row.update(overrides)
    return row


def _situation(situation_id, steps=None, **overrides):
    row = {
        "id": situation_id,
        "title": {"nb": "Tittel", "en": "Title"},
        "summary": {"nb": "Sammendrag", "en": "Summary"},
        "steps": steps if steps is not None else [_step()],
    }
    row.update(overrides)
    return row


def _all_situations(**replace):
    rows = [_situation(situation_id) for situation_id in REQUIRED_SITUATIONS]
    for index, row in enumerate(rows):
        if row["id"] in replace:
            rows[index] = replace[row["id"]]
    return rows


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _actor_errors(tmp_path, rows):
    path = _write(tmp_path, "actors.yaml", {"actors": rows})
    with pytest.raises(DirectoryDataError) as info:
        load_actors(path)
    return info.value.errors


def _path_errors(tmp_path, rows, actor_rows=None):
    actor_rows = actor_rows or [_actor("emergency_police", phone="112"), _actor("rosa")]
    actors = load_actors(_write(tmp_path, "actors.yaml", {"actors": actor_rows}))
    path = _write(tmp_path, "referral_paths.yaml", {"situations": rows})
    with pytest.raises(DirectoryDataError) as info:
        load_referral_paths(path, actors=actors)
    return info.value.errors


def _has(errors, *fragments):
    return any(all(fragment in error for fragment in fragments) for error in errors)


# ------------------------------------------------------------------ the real data


def test_repository_data_loads(actors, situations):
    assert len(actors) >= len(BRIEF_ACTOR_IDS)
    assert {situation.id for situation in situations} >= set(REQUIRED_SITUATIONS)


def test_brief_actor_ids_present(actors):
    missing = BRIEF_ACTOR_IDS - {actor.id for actor in actors}
    assert not missing, f"actors.yaml lacks ids named in the brief: {sorted(missing)}"


def test_emergency_numbers(actors):
    by_id = {actor.id: actor for actor in actors}
    assert by_id["emergency_police"].phone == "112"
    assert by_id["police_switchboard"].phone == "02800"
    assert by_id["medical_emergency"].phone == "113"
    assert by_id["child_helpline"].phone_e164 == "116111"
    assert by_id["violence_helpline"].phone_e164 == "116006"
    assert by_id["rosa"].phone_e164 == "+4722331160"


def test_every_step_names_existing_actors(actors, situations):
    known = {actor.id for actor in actors}
    for situation in situations:
        for number, step in enumerate(situation.steps, start=1):
            unknown = set(step.actors) - known
            assert not unknown, f"{situation.id} step {number}: {unknown}"
            assert step.responsible == step.actors[0]


def test_every_situation_starts_with_acute_danger(situations):
    for situation in situations:
        first = situation.steps[0]
        assert "emergency_police" in first.actors, situation.id
        texts = [first.title.nb, first.title.en, first.detail.nb, first.detail.en]
        assert any("112" in text for text in texts), f"{situation.id}: step 1 does not name 112"


def test_minor_path_reaches_child_welfare_police_and_bufdir(situations):
    minor = next(situation for situation in situations if situation.id == "minor")
    named = [actor for step in minor.steps for actor in step.actors]
    assert "child_welfare_municipal" in named
    assert "bufdir_minors" in named
    assert {"police_switchboard", "police_nordland_trafficking"} & set(named)
    # child welfare comes before the later advice steps
    assert minor.steps[1].responsible == "child_welfare_fauske"  # the first local service; filtered per municipality


def test_no_legal_residence_mentions_reflection_period(situations):
    path = next(situation for situation in situations if situation.id == "no_legal_residence")
    text = " ".join(step.detail.nb + " " + step.title.nb for step in path.steps)
    assert "refleksjonsperiode" in text.lower()
    named = {actor for step in path.steps for actor in step.actors}
    assert {"rosa", "kom"} <= named


def test_texts_present_in_both_languages(actors, situations):
    for actor in actors:
        assert actor.description.nb and actor.description.en
    for situation in situations:
        for step in situation.steps:
            assert step.title.get("nb") and step.title.get("en")


def test_no_shelter_address_published(actors):
    # Policy: crisis-centre / shelter locations are never published in the directory.
    for actor in actors:
        if "shelter" in actor.services:
            assert actor.address is None, actor.id


def test_unverified_entries_explain_themselves(actors):
    for actor in actors:
        assert actor.verified_by
        assert actor.source
        assert isinstance(actor.last_verified, dt.date)


def test_the_validator_knows_all_41_nordland_municipalities_and_the_ten_in_salten():
    assert len(MUNICIPALITIES) == 41
    assert MUNICIPALITIES["1841"] == ("Fauske", True)
    assert len(SALTEN_MUNICIPALITIES) == 10


# ------------------------------------------------------------------ actors_for


def test_actors_for_salten_municipality(actors):
    fauske = {actor.id for actor in actors_for("1841", actors=actors)}
    assert {"rosa", "emergency_police", "krisesenter_salten", "barnevernvakt_fauske"} <= fauske
    assert "barnevernvakt_bodo" not in fauske


def test_actors_for_service_filter(actors):
    found = actors_for("1856", service="shelter", actors=actors)  # Røst
    assert found and all("shelter" in actor.services for actor in found)
    assert "krisesenter_salten" in {actor.id for actor in found}


def test_actors_for_rejects_bad_input(actors):
    with pytest.raises(ValueError):
        actors_for("0301", actors=actors)
    with pytest.raises(ValueError):
        actors_for("1804", service="teleportation", actors=actors)


def test_actors_for_default_loads_repository_data():
    assert actors_for("1804")


# ------------------------------------------------------------------ invalid actors


def test_valid_minimal_actor_loads(tmp_path):
    path = _write(tmp_path, "actors.yaml", {"actors": [_actor(phone="22 33 11 60")]})
    (actor,) = load_actors(path)
    assert actor.last_verified == dt.date(2026, 11, 27)
    assert actor.anonymous is None


def test_duplicate_actor_id(tmp_path):
    errors = _actor_errors(tmp_path, [_actor("same"), _actor("same")])
    assert _has(errors, "actor 'same' (#2)", "id", "duplicate")


@pytest.mark.parametrize(
    ("overrides", "fragments"),
    [
        ({"id": "Not Snake"}, ("/ id:", "snake_case")),
        ({"description": {"nb": "Bare norsk"}}, ("description.en", "missing")),
        ({"description": {"nb": "", "en": "x"}}, ("description.nb",)),
        ({"description": {"nb": "a", "en": "b", "de": "c"}}, ("description.de", "unexpected")),
        ({"kind": "ministry"}, ("/ kind:",)),
        ({"services": ["guidance", "teleportation"]}, ("/ services:", "teleportation")),
        ({"services": []}, ("/ services:",)),
        ({"municipalities": ["1899"]}, ("/ municipalities:", "1899")),
        ({"municipalities": [1804]}, ("/ municipalities:", "quoted")),
        ({"municipalities": "salten"}, ("/ municipalities:",)),
        ({"phone": "12345"}, ("/ phone:", "12345")),
        ({"phone": "+46 8 123 456 78"}, ("/ phone:", "Norwegian")),
        ({"phone": 22331160}, ("/ phone:", "quoted")),
        ({"email": "not-an-email"}, ("/ email:",)),
        ({"email": "a@b"}, ("/ email:",)),
        ({"url": "www.example.no"}, ("/ url:",)),
        ({"url": "ftp://example.no/"}, ("/ url:",)),
        ({"url": "https://exa mple.no/"}, ("/ url:",)),
        ({"last_verified": "27.11.2026"}, ("/ last_verified:", "ISO")),
        ({"public": "yes"}, ("/ public:",)),
        ({"anonymous": "maybe"}, ("/ anonymous:",)),
        ({"languages": ["Polish"]}, ("/ languages:",)),
        ({"hours": "24/7"}, ("/ hours:",)),
        ({"source": []}, ("/ source:",)),
        ({"phnoe": "112"}, ("/ phnoe:", "unknown field")),
    ],
)
def test_invalid_actor_field_is_reported_with_its_place(tmp_path, overrides, fragments):
    errors = _actor_errors(tmp_path, [_actor("ok_actor"), _actor("bad_actor", **overrides)])
    label = "actor 'bad_actor' (#2)" if "id" not in overrides else "(#2)"
    assert _has(errors, "actors.yaml", label, *fragments), errors


def test_missing_required_field(tmp_path):
    row = _actor("incomplete")
    del row["verified"]
    errors = _actor_errors(tmp_path, [row])
    assert _has(errors, "actor 'incomplete' (#1) / verified: missing required field")


def test_short_numbers_are_accepted(tmp_path):
    rows = [
        _actor(f"short_{index}", phone=number)
        for index, number in enumerate(["112", "113", "02800", "116 111", "116 006", "116117"])
    ]
    assert len(load_actors(_write(tmp_path, "actors.yaml", {"actors": rows}))) == 6


def test_every_error_is_listed_at_once(tmp_path):
    rows = [
        _actor("first", phone="999"),
        _actor("second", email="broken"),
        _actor("third", municipalities=["0000"]),
        _actor("first"),
    ]
    errors = _actor_errors(tmp_path, rows)
    assert _has(errors, "'first' (#1) / phone")
    assert _has(errors, "'second' (#2) / email")
    assert _has(errors, "'third' (#3) / municipalities")
    assert _has(errors, "'first' (#4) / id", "duplicate")
    assert len(errors) == 4
    assert "4 problems" in str(DirectoryDataError(errors))


def test_duplicate_yaml_key_is_an_error(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - id: dup\n    name: One\n    name: Two\n", encoding="utf-8")
    with pytest.raises(DirectoryDataError) as info:
        load_actors(path)
    assert _has(info.value.errors, "actors.yaml", "duplicate key 'name'")


def test_broken_yaml_and_missing_file(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors: [\n", encoding="utf-8")
    with pytest.raises(DirectoryDataError, match="invalid YAML"):
        load_actors(path)
    with pytest.raises(DirectoryDataError, match="cannot read"):
        load_actors(tmp_path / "nope.yaml")


def test_impossible_date_is_reported(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - id: x\n    last_verified: 2026-13-01\n", encoding="utf-8")
    with pytest.raises(DirectoryDataError, match="invalid value"):
        load_actors(path)


def test_unknown_top_level_key(tmp_path):
    path = _write(tmp_path, "actors.yaml", {"actors": [_actor()], "actorz": []})
    with pytest.raises(DirectoryDataError) as info:
        load_actors(path)
    assert _has(info.value.errors, "unknown top-level key 'actorz'")


# ------------------------------------------------------------------ invalid referral paths


def test_valid_minimal_referral_paths_load(tmp_path):
    actors = load_actors(_write(tmp_path, "actors.yaml", {"actors": [_actor("emergency_police")]}))
    path = _write(tmp_path, "referral_paths.yaml", {"situations": _all_situations()})
    situations = load_referral_paths(path, actors=actors)
    assert [situation.id for situation in situations] == list(REQUIRED_SITUATIONS)


def test_step_with_unknown_actor(tmp_path):
    bad = _situation("minor", steps=[_step(), _step(actors=("rosa", "ghost_actor"))])
    errors = _path_errors(tmp_path, _all_situations(minor=bad))
    assert _has(errors, "referral_paths.yaml", "situation 'minor' / step 2 / actors", "ghost_actor")


def test_step_missing_language(tmp_path):
    step = _step(title={"nb": "Bare norsk"})
    bad = _situation("acute_danger", steps=[step])
    errors = _path_errors(tmp_path, _all_situations(acute_danger=bad))
    assert _has(errors, "situation 'acute_danger' / step 1 / title.en")


def test_situation_missing_language(tmp_path):
    bad = _situation("minor", summary={"en": "Only English"})
    errors = _path_errors(tmp_path, _all_situations(minor=bad))
    assert _has(errors, "situation 'minor' / summary.nb")


def test_first_step_must_be_acute_danger(tmp_path):
    bad = _situation("no_police_wanted", steps=[_step(actors=("rosa",)), _step()])
    errors = _path_errors(tmp_path, _all_situations(no_police_wanted=bad))
    assert _has(errors, "situation 'no_police_wanted' / step 1 / actors", "emergency_police")


def test_missing_and_duplicate_situations(tmp_path):
    rows = [row for row in _all_situations() if row["id"] != "minor"]
    rows.append(copy.deepcopy(rows[0]))
    errors = _path_errors(tmp_path, rows)
    assert _has(errors, "missing required situation 'minor'")
    assert _has(errors, "situation 'acute_danger'", "duplicate id")


def test_step_field_errors(tmp_path):
    bad = _situation(
        "adult_forced_labour",
        steps=[_step(), _step(actors=()), {"title": {"nb": "a", "en": "b"}, "actors": ["rosa"], "extra": 1}],
    )
    errors = _path_errors(tmp_path, _all_situations(adult_forced_labour=bad))
    assert _has(errors, "situation 'adult_forced_labour' / step 2 / actors", "non-empty")
    assert _has(errors, "situation 'adult_forced_labour' / step 3 / detail", "missing")
    assert _has(errors, "situation 'adult_forced_labour' / step 3 / extra", "unknown field")


def test_referral_paths_default_actors(tmp_path):
    # Without an explicit actor list, the repository's actors are used.
    path = _write(tmp_path, "referral_paths.yaml", {"situations": _all_situations()})
    assert len(load_referral_paths(path)) == len(REQUIRED_SITUATIONS)
