"""Split a Markdown file into its YAML front matter and its body (plain Python).

A file starts with a line ``---``, then YAML, then a line ``---`` (or ``...``).
Parse the YAML with ``tokt.lib.yamlfile.load_yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass


class FrontMatterError(ValueError):
    """The front matter is missing (``reason == "missing"``) or never closed (``"unclosed"``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FrontMatter:
    lines: list[str]  # the YAML lines between the two markers
    body: str
    body_line: int  # the 1-based line number on which the body starts

    @property
    def yaml_text(self) -> str:
        return "\n".join(self.lines)


def split_front_matter(text: str) -> FrontMatter:
    """The front matter and body of ``text`` (``\\r\\n`` is read as ``\\n``); raises ``FrontMatterError``."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0].strip() != "---":
        raise FrontMatterError("missing")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return FrontMatter(lines[1:index], "\n".join(lines[index + 1 :]), index + 2)
    raise FrontMatterError("unclosed")
