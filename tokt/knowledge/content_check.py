"""The content check for content/knowledge/<slug>.<nb|en>.md (pure Python, no Django).

Every problem names the file and the line to fix. Run it with
``python -m tokt.knowledge.content_check [folder]`` or ``manage.py check_knowledge``;
a test runs it over the real articles, so ``make test`` fails on broken content.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tokt.knowledge import vocab
from tokt.knowledge.rendering import parse_tokens

FILENAME_RE = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>nb|en)\.md$")
IGNORED_FILES = {"README.md"}
REQUIRED_KEYS = (
    "title",
    "summary",
    "audience",
    "sectors",
    "forms",
    "indicators",
    "sources",
    "last_reviewed",
    "reviewer_role",
    "translation_status",
    "visibility",
)
# Both language versions must agree on these, or filters would differ by language.
SHARED_KEYS = ("audience", "sectors", "forms", "indicators", "visibility")
# Files of this repository are no source for a reader: an article cites public
# sources only ("Kilde: METHOD.md", "as reproduced in indicators.yaml").
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_INTERNAL_FILE_RE = re.compile(
    r"(?<![\w/.-])(?:[\w-]+/)*[\w-]+\.(?i:md|ya?ml|py|json|csv|toml|po|txt|html|cfg|ini)(?![\w-])"
    r"|(?<![\w/.-])(?:tokt|content|bench|scripts|tests|locale)/[\w./-]+"
)
MAX_TITLE = 300
MAX_SUMMARY = 1000
# A role, not a person's name: "Koordinator, ToKt Salten", "Fagredaktør".
MAX_REVIEWER_ROLE = 120
LANG_NAMES = {"nb": "Norwegian (nb)", "en": "English (en)"}
DEFAULT_DIR = vocab.APP_DIR.parent.parent / "content" / "knowledge"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    code: str = field(default="", compare=False)  # for the edit form's own wording
    detail: str = field(default="", compare=False)  # what the edit form's wording names

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class ArticleFile:
    path: str
    slug: str
    lang: str
    meta: dict
    body: str
    body_line: int  # file line of the first body line
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)

    def line_of(self, key: str, index: int | None = None) -> int:
        items = self.item_lines.get(key, [])
        if index is not None and index < len(items):
            return items[index]
        return self.key_lines.get(key, 1)


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _split_front_matter(name: str, text: str) -> tuple[list[str], str, int] | Problem:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Problem(name, 1, "the file must start with a front matter block: a line '---', YAML keys, a line '---'")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return lines[1:index], "\n".join(lines[index + 1 :]), index + 2
    return Problem(name, 1, "the front matter opened on line 1 is never closed with a line '---'")


def parse_file(path: Path) -> tuple[ArticleFile | None, list[Problem]]:
    """Read one article file: its front matter (with the line of every key) and body."""
    name = display_path(path)
    match = FILENAME_RE.match(path.name)
    if not match:
        return None, [Problem(name, 1, "the file name must be <slug>.nb.md or <slug>.en.md (slug: a-z, 0-9, '-')")]
    try:
        text = path.read_bytes().decode("utf-8").replace("\r\n", "\n").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        return None, [Problem(name, 1, f"the file is not UTF-8 ({exc.reason} at byte {exc.start})")]
    split = _split_front_matter(name, text)
    if isinstance(split, Problem):
        return None, [split]
    fm_lines, body, body_line = split
    fm_text = "\n".join(fm_lines)
    try:
        root = yaml.compose(fm_text, Loader=yaml.SafeLoader)
        meta = yaml.safe_load(fm_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 2
        message = f"the front matter is not valid YAML: {exc.problem or exc.context}"
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            message += f" ({exc.context} on line {exc.context_mark.line + 2})"
        return None, [Problem(name, line, message)]
    if not isinstance(root, yaml.MappingNode) or not isinstance(meta, dict):
        return None, [Problem(name, 2, "the front matter must be YAML keys and values (key: value)")]
    article = ArticleFile(path=name, slug=match["slug"], lang=match["lang"], meta=meta, body=body, body_line=body_line)
    problems = []
    for key_node, value_node in root.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 2
        if key in article.key_lines:
            problems.append(
                Problem(name, line, f"the key '{key}' appears twice (first on line {article.key_lines[key]})")
            )
        article.key_lines.setdefault(key, line)
        if isinstance(value_node, yaml.SequenceNode):
            article.item_lines[key] = [item.start_mark.line + 2 for item in value_node.value]
    return article, problems


def _check_list(article: ArticleFile, key: str, allowed, what: str, *, required: bool = False) -> list[Problem]:
    value = article.meta.get(key)
    line = article.line_of(key)
    if not isinstance(value, list):
        return [Problem(article.path, line, f"'{key}' must be a list, for example {key}: [a, b] (or [] for none)")]
    if required and not value:
        return [Problem(article.path, line, f"'{key}' must name at least one {what}")]
    problems, seen = [], set()
    for index, item in enumerate(value):
        item_line = article.line_of(key, index)
        if not isinstance(item, str) or (allowed is not None and item not in allowed):
            hint = f" (allowed: {', '.join(sorted(allowed))})" if allowed is not None and len(allowed) < 20 else ""
            problems.append(Problem(article.path, item_line, f"unknown {what} '{item}' in '{key}'{hint}"))
        elif item in seen:
            problems.append(Problem(article.path, item_line, f"'{item}' is listed twice in '{key}'"))
        seen.add(item)
    return problems


def _check_text(article: ArticleFile, key: str, limit: int) -> list[Problem]:
    value = article.meta.get(key)
    if not isinstance(value, str) or not value.strip():
        return [Problem(article.path, article.line_of(key), f"'{key}' must be a non-empty text")]
    if len(value) > limit:
        return [Problem(article.path, article.line_of(key), f"'{key}' is {len(value)} characters; at most {limit}")]
    return []


def check_meta(article: ArticleFile, *, catalogue: dict, today: dt.date) -> list[Problem]:
    meta, path = article.meta, article.path
    close_line = article.body_line - 1
    problems = [
        Problem(path, close_line, f"missing key '{key}' in the front matter (which ends on this line)")
        for key in REQUIRED_KEYS
        if key not in meta
    ]
    problems += [
        Problem(path, article.line_of(key), f"unknown key '{key}' (allowed: {', '.join(REQUIRED_KEYS)})")
        for key in meta
        if key not in REQUIRED_KEYS
    ]
    if "title" in meta:
        problems += _check_text(article, "title", MAX_TITLE)
    if "summary" in meta:
        problems += _check_text(article, "summary", MAX_SUMMARY)
    if "reviewer_role" in meta:
        problems += _check_text(article, "reviewer_role", MAX_REVIEWER_ROLE)
    for key in ("title", "summary"):
        if isinstance(meta.get(key), str):
            problems += _check_internal(path, article.line_of(key), meta[key])
    if "audience" in meta:
        problems += _check_list(article, "audience", vocab.AUDIENCE, "audience", required=True)
        if isinstance(meta["audience"], list) and "all" in meta["audience"] and len(meta["audience"]) > 1:
            problems.append(
                Problem(path, article.line_of("audience"), "'all' stands alone in 'audience': drop the roles or 'all'")
            )
    if "sectors" in meta:
        problems += _check_list(article, "sectors", vocab.SECTORS, "sector")
    if "forms" in meta:
        problems += _check_list(article, "forms", vocab.FORMS, "form of exploitation")
    if "indicators" in meta:
        problems += _check_list(article, "indicators", set(catalogue), "indicator id")
    if "sources" in meta:
        problems += _check_list(article, "sources", None, "source", required=True)
        for index, source in enumerate(meta["sources"] if isinstance(meta["sources"], list) else []):
            if isinstance(source, str) and not source.strip():
                problems.append(Problem(path, article.line_of("sources", index), "empty source"))
            elif isinstance(source, str):
                problems += _check_internal(path, article.line_of("sources", index), source)
    if "last_reviewed" in meta:
        reviewed = meta["last_reviewed"]
        if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
            problems.append(
                Problem(path, article.line_of("last_reviewed"), "'last_reviewed' must be a date: YYYY-MM-DD")
            )
        elif reviewed > today + dt.timedelta(days=1):
            problems.append(
                Problem(path, article.line_of("last_reviewed"), f"'last_reviewed' {reviewed} is in the future")
            )
    for key, allowed in (("translation_status", vocab.TRANSLATION_STATUSES), ("visibility", vocab.VISIBILITIES)):
        if key in meta and meta[key] not in allowed:
            problems.append(Problem(path, article.line_of(key), f"'{key}' must be one of: {', '.join(allowed)}"))
    return problems


def internal_references(text: str) -> list[str]:
    """Names of repository files cited in ``text`` (links to public web pages are fine)."""
    return list(dict.fromkeys(_INTERNAL_FILE_RE.findall(_URL_RE.sub(" ", text))))


def _check_internal(path: str, line: int, text: str) -> list[Problem]:
    return [
        Problem(
            path,
            line,
            f"'{name}' is a file of this repository, not a public source: cite the public source instead",
            "internal_file",
            name,
        )
        for name in internal_references(text)
    ]


def _inline_line(lines: list[str], start: int, end: int, content: str) -> int:
    for index in range(start, min(end, len(lines))):
        if content in lines[index]:
            return index
    return start


def check_body(body: str, *, path: str = "", first_line: int = 1) -> list[Problem]:
    """Problems in an article body: empty, raw HTML, or headings out of order."""
    if not body.strip():
        return [Problem(path, first_line, "the article has no text after the front matter", "empty")]
    lines = body.split("\n")
    problems = []
    for number, text in enumerate(lines):
        problems += _check_internal(path, first_line + number, text)
    level = 1
    for token in parse_tokens(body, html=True):
        line = first_line + (token.map[0] if token.map else 0)
        if token.type == "html_block":
            problems.append(Problem(path, line, "raw HTML is not allowed in articles: use Markdown", "html"))
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == "html_inline":
                    at = _inline_line(lines, token.map[0], token.map[1], child.content) if token.map else 0
                    problems.append(
                        Problem(
                            path,
                            first_line + at,
                            f"raw HTML {child.content[:30]!r} is not allowed: use Markdown",
                            "html",
                        )
                    )
        elif token.type == "heading_open":
            depth = int(token.tag[1])
            if depth == 1:
                problems.append(
                    Problem(path, line, "use '## ' for sections: the title is the page's only top heading", "h1")
                )
            elif depth > level + 1:
                problems.append(
                    Problem(
                        path, line, f"heading level {depth} follows level {level}: do not skip levels", "heading_skip"
                    )
                )
            level = max(depth, 2)
    return problems


def _check_pairs(articles: list[ArticleFile], present: set[tuple[str, str]]) -> list[Problem]:
    """``present``: every (slug, lang) with a file, readable or not (a broken file is not a missing one)."""
    by_slug: dict[str, dict[str, ArticleFile]] = {}
    for article in articles:
        by_slug.setdefault(article.slug, {})[article.lang] = article
    problems = []
    for slug, versions in sorted(by_slug.items()):
        for lang in vocab.LANGS:
            if (slug, lang) not in present:
                other = next(iter(versions.values()))
                problems.append(
                    Problem(other.path, 1, f"no {LANG_NAMES[lang]} version: add {slug}.{lang}.md next to this file")
                )
        if len(versions) < len(vocab.LANGS):
            continue  # one version is missing or unreadable: reported already
        nb, en = versions["nb"], versions["en"]
        for key in SHARED_KEYS:
            a, b = nb.meta.get(key), en.meta.get(key)
            same = set(a) == set(b) if isinstance(a, list) and isinstance(b, list) else a == b
            if not same:
                problems.append(
                    Problem(
                        en.path,
                        en.line_of(key),
                        f"'{key}' differs from {nb.path} ({a} vs {b}): both versions must agree",
                    )
                )
        if "original" not in (nb.meta.get("translation_status"), en.meta.get("translation_status")):
            problems.append(
                Problem(
                    en.path,
                    en.line_of("translation_status"),
                    "neither language version has translation_status: original",
                )
            )
    return problems


def _check_topics(articles: list[ArticleFile], topics_path: Path) -> list[Problem]:
    name = display_path(topics_path)
    text = topics_path.read_text(encoding="utf-8")
    slugs = {article.slug: article.path for article in articles if article.lang == "nb"}
    placed: dict[str, str] = {}
    problems = []
    for topic in vocab.topics(topics_path):
        for slug in topic.get("articles", []):
            line = next(
                (i + 1 for i, row in enumerate(text.split("\n")) if re.search(rf"\b{re.escape(slug)}\b", row)), 1
            )
            if slug in placed:
                problems.append(Problem(name, line, f"'{slug}' is in two topics ({placed[slug]}, {topic['id']})"))
            elif slug not in slugs:
                problems.append(
                    Problem(name, line, f"topic '{topic['id']}' lists '{slug}', but there is no {slug}.nb.md")
                )
            placed.setdefault(slug, topic["id"])
    for slug, path in sorted(slugs.items()):
        if slug not in placed:
            problems.append(Problem(path, 1, f"the article is in no topic: add '{slug}' to a topic in {name}"))
    return problems


_DEFAULT = object()


def load_folder(
    folder: Path, *, today: dt.date | None = None, catalogue: dict | None = None, topics_path=_DEFAULT
) -> tuple[list[ArticleFile], list[Problem]]:
    """Parse and check every article; returns the articles without problems, and all problems.

    The topics file is checked against the real folder only, unless ``topics_path`` is given.
    """
    today = today or dt.date.today()
    catalogue = vocab.indicator_catalogue() if catalogue is None else catalogue
    folder = Path(folder)
    if topics_path is _DEFAULT:
        topics_path = vocab.TOPICS_PATH if folder.resolve() == DEFAULT_DIR.resolve() else None
    if not folder.is_dir():
        return [], [Problem(display_path(folder), 1, "the knowledge folder does not exist")]
    parsed, problems, present = [], [], set()
    for path in sorted(folder.glob("*.md")):
        if path.name in IGNORED_FILES:
            continue
        if match := FILENAME_RE.match(path.name):
            present.add((match["slug"], match["lang"]))
        article, found = parse_file(path)
        if article is not None:
            found += check_meta(article, catalogue=catalogue, today=today)
            found += check_body(article.body, path=article.path, first_line=article.body_line)
            parsed.append((article, found))
        problems += found
    articles = [article for article, _ in parsed]
    # Only a file's own problems keep it from loading; a missing translation or
    # topic is reported but does not hide the version that is there.
    loadable = [article for article, found in parsed if not found]
    problems += _check_pairs(articles, present)
    if topics_path is not None:
        problems += _check_topics(articles, topics_path)
    return loadable, sorted(set(problems))


def check_folder(folder: Path = DEFAULT_DIR, **kwargs) -> list[Problem]:
    return load_folder(folder, **kwargs)[1]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else DEFAULT_DIR
    problems = check_folder(folder)
    for problem in problems:
        print(problem)
    count = len(list(folder.glob("*.md"))) if folder.is_dir() else 0
    print(f"{count} files checked, {len(problems)} problem(s).")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
