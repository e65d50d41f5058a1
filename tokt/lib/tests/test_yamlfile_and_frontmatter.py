from __future__ import annotations

import pytest
import yaml

from tokt.lib.frontmatter import FrontMatterError, split_front_matter
from tokt.lib.yamlfile import load_yaml, read_yaml


def test_a_duplicate_key_is_an_error_with_both_lines():
    with pytest.raises(yaml.YAMLError, match=r"duplicate key 'name' \(first on line 2, again on line 3\)"):
        load_yaml("id: a\nname: one\nname: two\n")


def test_a_duplicate_key_in_a_nested_mapping_is_an_error_too():
    with pytest.raises(yaml.YAMLError, match="duplicate key 'nb'"):
        load_yaml("rows:\n  - id: a\n    title:\n      nb: x\n      nb: y\n")


def test_plain_yaml_reads_as_the_safe_loader_would():
    text = "a: 1\nb: [x, y]\nc: 2026-01-02\nd: {e: f}\n"
    assert load_yaml(text) == yaml.safe_load(text)


def test_unsafe_tags_are_refused():
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")


def test_read_yaml_reads_a_utf8_file(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("navn: Bodø\n", encoding="utf-8")
    assert read_yaml(path) == {"navn": "Bodø"}


def test_front_matter_and_body_with_the_body_line():
    front = split_front_matter("---\r\ntitle: T\nlang: nb\n---\n# Heading\ntext\n")
    assert front.yaml_text == "title: T\nlang: nb"
    assert front.body == "# Heading\ntext\n"
    assert front.body_line == 5


@pytest.mark.parametrize(("text", "reason"), [("title: T\n", "missing"), ("---\ntitle: T\n", "unclosed")])
def test_missing_or_unclosed_front_matter_says_which(text, reason):
    with pytest.raises(FrontMatterError) as caught:
        split_front_matter(text)
    assert caught.value.reason == reason
