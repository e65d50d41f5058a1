"""Catalogue loading and validation (errors name the place)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from tokt.screening.engine import CatalogueError, load_catalogue
from tokt.screening.engine.catalogue import DEFAULT_CATALOGUE

RAW = yaml.safe_load(DEFAULT_CATALOGUE.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "catalogue.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _delphi(data: dict) -> dict:
    return next(f for f in data["frameworks"] if f["id"] == "ilo_ec_2009")


def _broken(tmp_path: Path, change) -> str:
    data = copy.deepcopy(RAW)
    change(data)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(_write(tmp_path, data))
    return str(err.value)


def test_the_default_catalogue_loads_and_is_cached():
    assert load_catalogue() is load_catalogue()
    cat = load_catalogue()
    assert cat.version == RAW["catalogue_version"]
    assert len([i for i in cat.indicators.values() if i.dimension]) == 67
    assert len([i for i in cat.indicators.values() if not i.dimension]) == 11


def test_a_copy_written_back_loads_the_same(tmp_path):
    assert load_catalogue(_write(tmp_path, RAW)).version == load_catalogue().version


def test_every_text_has_both_languages():
    cat = load_catalogue()
    texts = [i.name for i in cat.indicators.values()] + [d.name for d in cat.dimensions]
    texts += [f.name for f in cat.facts.values()] + [f.ask for f in cat.facts.values()]
    texts += [m.name for m in cat.means] + [p.name for p in cat.purposes] + [g.name for g in cat.aggravating]
    assert all(t.nb.strip() and t.en.strip() for t in texts)


def test_verification_marks_are_kept_on_frameworks_rules_and_indicators():
    delphi = _delphi(RAW)
    assert delphi["verification"]["indicator_lists_sexual_exploitation"] == "unverified"
    assert delphi["combination_rules"]["dimension_positive"]["verification"] == "secondary_only"
    assert delphi["combination_rules"]["victim"]["verification"] == "unverified"
    assert delphi["combination_rules"]["three_way_output"]["verification"] == "design_choice"
    for ind in delphi["indicators"]:
        assert ind["verification"]["text"] == "secondary_only"
        assert ind["verification"]["strength_sexual"] == "unverified"
    fl = next(f for f in RAW["frameworks"] if f["id"] == "ilo_forced_labour_indicators_2012")
    assert fl["verification"] == "verified" and fl["maps_to_verification"] == "design_choice"
    assert RAW["norwegian_law"]["straffeloven_257"]["verification"] == "verified"


def test_sexual_strengths_stay_null_and_the_proxy_is_declared():
    for ind in _delphi(RAW)["indicators"]:
        assert ind["strength"]["adult_sexual"] is None and ind["strength"]["child_sexual"] is None
    assert RAW["profiles"]["adult_sexual"]["engine_proxy_from"] == "adult_labour"
    assert RAW["engine_strength_proxy"]["basis_label"] == "proxy_labour_list"


def test_the_open_doubt_on_avr13_and_avr14_is_kept():
    doubts = {i["id"] for i in _delphi(RAW)["indicators"] if i.get("doubt")}
    assert doubts == {"AVR13", "AVR14"}


def test_a_257_means_naming_a_missing_signal_is_rejected(tmp_path):
    def change(data):
        data["norwegian_law"]["straffeloven_257"]["elements"]["means"][0]["ilo_signals"] = ["CD04", "XX99"]

    message = _broken(tmp_path, change)
    assert "means[0].ilo_signals" in message and "'XX99'" in message


def test_a_forced_labour_mapping_to_a_missing_indicator_is_rejected(tmp_path):
    def change(data):
        fl = next(f for f in data["frameworks"] if f["id"] == "ilo_forced_labour_indicators_2012")
        fl["indicators"][0]["maps_to"] = ["AVR", "ZZ01"]

    assert "ZZ01" in _broken(tmp_path, change)


def test_a_257_means_signal_naming_a_missing_indicator_is_rejected(tmp_path):
    def change(data):
        data["norwegian_law"]["straffeloven_257"]["elements"]["means"][0]["ilo_signals"].append("CD99")

    message = _broken(tmp_path, change)
    assert "means[0]" in message and "CD99" in message


def test_a_duplicate_indicator_id_is_rejected(tmp_path):
    def change(data):
        indicators = _delphi(data)["indicators"]
        indicators.append(copy.deepcopy(indicators[0]))

    message = _broken(tmp_path, change)
    assert "duplicate id 'DR01'" in message


def test_a_fact_id_clashing_with_an_indicator_is_rejected(tmp_path):
    def change(data):
        data["facts"]["items"][0]["id"] = "CD01"

    assert "duplicate id 'CD01'" in _broken(tmp_path, change)


def test_a_missing_norwegian_text_is_rejected(tmp_path):
    def change(data):
        del _delphi(data)["indicators"][2]["nb"]

    message = _broken(tmp_path, change)
    assert "DR03" in message and ".nb" in message


def test_a_missing_english_text_on_a_dimension_is_rejected(tmp_path):
    def change(data):
        del _delphi(data)["dimensions"][3]["en"]

    message = _broken(tmp_path, change)
    assert "dimensions[3]" in message and ".en" in message


def test_a_missing_english_question_for_a_fact_is_rejected(tmp_path):
    def change(data):
        data["facts"]["items"][1]["ask"]["en"] = ""

    assert "facts.items[1].ask.en" in _broken(tmp_path, change)


def test_an_invalid_strength_is_rejected(tmp_path):
    def change(data):
        _delphi(data)["indicators"][0]["strength"]["adult_labour"] = "very strong"

    message = _broken(tmp_path, change)
    assert "DR01" in message and "invalid strength" in message


def test_a_sexual_strength_cannot_be_mixed_with_the_proxy(tmp_path):
    def change(data):
        _delphi(data)["indicators"][0]["strength"]["adult_sexual"] = "strong"

    assert "proxy" in _broken(tmp_path, change)


def test_an_unknown_verification_mark_is_rejected(tmp_path):
    def change(data):
        _delphi(data)["combination_rules"]["dimension_positive"]["verification"] = "probably"

    assert "unknown verification mark 'probably'" in _broken(tmp_path, change)


def test_an_invalid_dimension_rule_term_is_rejected(tmp_path):
    def change(data):
        _delphi(data)["combination_rules"]["dimension_positive"]["any_of"][0] = {"strongish": 2}

    assert "dimension_positive.any_of[0].strongish" in _broken(tmp_path, change)


def test_a_missing_catalogue_version_is_rejected(tmp_path):
    assert "catalogue_version" in _broken(tmp_path, lambda data: data.pop("catalogue_version"))


def test_a_missing_file_and_bad_yaml_are_reported(tmp_path):
    with pytest.raises(CatalogueError, match="file not found"):
        load_catalogue(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("catalogue_version: [unclosed", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid YAML"):
        load_catalogue(bad)
