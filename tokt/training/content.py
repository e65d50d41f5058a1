"""Training modules as content files: content/training/<slug>.<nb|en>.yaml (pure Python, no Django).

A module is short sections (own text plus references to knowledge-bank
articles by slug, rendered from the database at request time), a quiz with
feedback on every option, and case exercises whose signs are indicator ids of
the screening catalogue. ``load_modules`` parses and checks every file; each
problem names the file and line to fix. ``make test`` runs the check over the
real files (tests/test_content_check.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

APP_DIR = Path(__file__).resolve().parent
DEFAULT_DIR = APP_DIR.parent.parent / "content" / "training"
KNOWLEDGE_DIR = APP_DIR.parent.parent / "content" / "knowledge"
AGENCIES_FILE = APP_DIR.parent / "core" / "data" / "agencies.yaml"
REFERRALS_FILE = APP_DIR.parent / "directory" / "data" / "referral_paths.yaml"
FILENAME_RE = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>nb|en)\.yaml$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGS = ("nb", "en")
AGE_GROUPS = ("adult", "under_18", "unknown")
EXPLOITATION_TYPES = ("labour", "sexual", "crime_begging", "other", "unknown")
# Reading speed used for the time estimate (words per minute), and the time a
# learner needs per quiz question and per exercise beyond reading its words.
WORDS_PER_MINUTE = 200
MINUTES_PER_QUESTION = 0.25
MINUTES_PER_EXERCISE = 1.0


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class ArticleRef:
    slug: str
    section: str = ""  # a heading id (s-...) of the article; empty: its summary


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    text: str  # Markdown, the module's own words
    articles: tuple[ArticleRef, ...] = ()
    # Situation ids of the directory's referral paths, shown for the learner's municipality.
    referrals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Sign:
    id: str  # an indicator id of the screening catalogue
    in_story: bool
    why: str


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    story: str
    age_group: str
    types: tuple[str, ...]
    signs: tuple[Sign, ...]
    explanation: str
    # Facts of the screening catalogue that the story settles (e.g. act_present), given to the engine as observed.
    facts: tuple[str, ...] = ()

    @property
    def sign_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.signs)

    @property
    def expected(self) -> frozenset[str]:
        return frozenset(s.id for s in self.signs if s.in_story)


@dataclass(frozen=True)
class Step:
    kind: str  # "section" | "quiz" | "exercise"
    key: str  # the section or exercise id; "quiz" for the quiz
    title: str


@dataclass(frozen=True)
class Module:
    slug: str
    lang: str
    title: str
    summary: str
    order: int
    agencies: tuple[str, ...]  # agency slugs it is written for; empty: everyone
    sections: tuple[Section, ...]
    quiz: tuple[Question, ...]
    exercises: tuple[Exercise, ...]
    sources: tuple[str, ...] = ()
    path: str = ""

    @property
    def steps(self) -> tuple[Step, ...]:
        quiz_title = "Quiz" if self.lang == "en" else "Quiz"
        return (
            *(Step("section", s.id, s.title) for s in self.sections),
            Step("quiz", "quiz", quiz_title),
            *(Step("exercise", e.id, e.title) for e in self.exercises),
        )

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.quiz if q.id == question_id), None)

    def exercise(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


def word_count(*texts: str) -> int:
    return sum(len(re.findall(r"\w+", t or "")) for t in texts)


def own_words(module: Module) -> int:
    """Words the module itself holds (the articles it shows are counted by the caller)."""
    parts: list[str] = [module.title, module.summary]
    for s in module.sections:
        parts += [s.title, s.text]
    for q in module.quiz:
        parts.append(q.text)
        for o in q.options:
            parts += [o.text, o.feedback]
    for e in module.exercises:
        parts += [e.title, e.story, e.explanation, *(s.why for s in e.signs)]
    return word_count(*parts)


def estimated_minutes(module: Module, article_words: int) -> float:
    """Reading at WORDS_PER_MINUTE plus a fixed time to answer each question and exercise."""
    reading = (own_words(module) + article_words) / WORDS_PER_MINUTE
    return reading + MINUTES_PER_QUESTION * len(module.quiz) + MINUTES_PER_EXERCISE * len(module.exercises)


# ----------------------------------------------------------------- parsing with lines


class _Doc:
    """A YAML node tree read as plain values, remembering where each value is."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems

    def problem(self, node, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.path, line, message))

    def mapping(self, node, where: str) -> dict | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{where} must be a mapping (key: value)")
            return None
        return {str(k.value): v for k, v in node.value}

    def seq(self, node, where: str) -> list:
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{where} must be a list")
            return []
        return list(node.value)

    def text(self, node, where: str, *, required: bool = True) -> str:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.value == "" and not required):
            return ""
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            self.problem(node, f"{where} must be a non-empty text")
            return ""
        return str(node.value).strip()

    def ident(self, node, where: str) -> str:
        value = self.text(node, where)
        if value and not ID_RE.match(value):
            self.problem(node, f"{where} {value!r} must be lower-case letters, digits and '-'")
        return value

    def boolean(self, node, where: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
            return node.value.lower() in ("true", "yes", "on")
        self.problem(node, f"{where} must be true or false")
        return False

    def require(self, data: dict, key: str, node, where: str):
        if key not in data:
            self.problem(node, f"{where} has no {key!r}")
            return None
        return data[key]


@dataclass
class Checker:
    """What the content is checked against: article files, catalogue sign ids, agency slugs."""

    article_sections: Callable[[str, str], set[str] | None]
    sign_ids: frozenset[str]
    agency_slugs: frozenset[str]
    situation_ids: frozenset[str] = frozenset()
    fact_ids: frozenset[str] = frozenset()


def knowledge_sections(directory: Path = KNOWLEDGE_DIR) -> Callable[[str, str], set[str] | None]:
    """A reader of the heading ids of content/knowledge/<slug>.<lang>.md (None: no such file)."""
    from tokt.knowledge.rendering import heading_id

    def read(slug: str, lang: str) -> set[str] | None:
        path = directory / f"{slug}.{lang}.md"
        if not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
        return {heading_id(m) for m in re.findall(r"^#{2,3} (.+?)\s*$", text, flags=re.M)}

    return read


def agency_slugs(path: Path = AGENCIES_FILE) -> frozenset[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(a["slug"] for a in data["agencies"])


def situation_ids(path: Path = REFERRALS_FILE) -> frozenset[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(s["id"] for s in data["situations"])


def _parse_article_ref(doc: _Doc, node, lang: str, check: Checker) -> ArticleRef | None:
    data = doc.mapping(node, "an article reference")
    if data is None:
        return None
    slug = doc.ident(doc.require(data, "slug", node, "an article reference"), "the article slug")
    section = doc.text(data.get("section"), "the article section", required=False)
    if not slug:
        return None
    headings = check.article_sections(slug, lang)
    if headings is None:
        doc.problem(data.get("slug"), f"no knowledge article {slug!r} in {lang} (content/knowledge/{slug}.{lang}.md)")
    elif section and section not in headings:
        doc.problem(data.get("section"), f"article {slug!r} has no section {section!r} (one of {sorted(headings)})")
    return ArticleRef(slug, section)


def _parse_section(doc: _Doc, node, lang: str, check: Checker) -> Section | None:
    data = doc.mapping(node, "a section")
    if data is None:
        return None
    refs = (
        [_parse_article_ref(doc, n, lang, check) for n in doc.seq(data.get("articles"), "articles")]
        if ("articles" in data)
        else []
    )
    referrals = []
    for rnode in doc.seq(data["referrals"], "referrals") if "referrals" in data else []:
        situation = doc.text(rnode, "a referral situation")
        if situation and situation not in check.situation_ids:
            doc.problem(rnode, f"no referral situation {situation!r} in tokt/directory/data/referral_paths.yaml")
        referrals.append(situation)
    section = Section(
        id=doc.ident(doc.require(data, "id", node, "a section"), "the section id"),
        title=doc.text(doc.require(data, "title", node, "a section"), "the section title"),
        text=doc.text(data.get("text"), "the section text", required=False),
        articles=tuple(r for r in refs if r is not None),
        referrals=tuple(r for r in referrals if r),
    )
    if not section.text and not section.articles and not section.referrals:
        doc.problem(node, f"section {section.id!r} has neither text, articles nor referrals")
    return section


def _parse_question(doc: _Doc, node) -> Question | None:
    data = doc.mapping(node, "a quiz question")
    if data is None:
        return None
    qid = doc.ident(doc.require(data, "id", node, "a quiz question"), "the question id")
    options = []
    for onode in doc.seq(doc.require(data, "options", node, f"question {qid!r}"), "options"):
        odata = doc.mapping(onode, "an option")
        if odata is None:
            continue
        feedback = doc.require(odata, "feedback", onode, f"an option of question {qid!r}")
        options.append(
            Option(
                id=doc.ident(doc.require(odata, "id", onode, "an option"), "the option id"),
                text=doc.text(doc.require(odata, "text", onode, "an option"), "the option text"),
                correct=doc.boolean(odata["correct"], "correct") if "correct" in odata else False,
                feedback=doc.text(feedback, "the feedback") if feedback is not None else "",
            )
        )
    if len(options) < 2:
        doc.problem(node, f"question {qid!r} needs at least two options")
    if sum(o.correct for o in options) != 1:
        doc.problem(node, f"question {qid!r} needs exactly one option with correct: true")
    _unique(doc, node, [o.id for o in options], f"option ids of question {qid!r}")
    return Question(qid, doc.text(doc.require(data, "text", node, f"question {qid!r}"), "the question"), tuple(options))


def _parse_exercise(doc: _Doc, node, check: Checker) -> Exercise | None:
    data = doc.mapping(node, "an exercise")
    if data is None:
        return None
    eid = doc.ident(doc.require(data, "id", node, "an exercise"), "the exercise id")
    age = doc.text(doc.require(data, "age_group", node, f"exercise {eid!r}"), "age_group")
    if age and age not in AGE_GROUPS:
        doc.problem(data["age_group"], f"age_group must be one of {', '.join(AGE_GROUPS)}")
    types = []
    for tnode in doc.seq(doc.require(data, "types", node, f"exercise {eid!r}"), "types"):
        value = doc.text(tnode, "a type")
        if value and value not in EXPLOITATION_TYPES:
            doc.problem(tnode, f"type {value!r} must be one of {', '.join(EXPLOITATION_TYPES)}")
        types.append(value)
    signs = []
    for snode in doc.seq(doc.require(data, "signs", node, f"exercise {eid!r}"), "signs"):
        sdata = doc.mapping(snode, "a sign")
        if sdata is None:
            continue
        sid = doc.text(doc.require(sdata, "id", snode, "a sign"), "the sign id")
        if sid and sid not in check.sign_ids:
            doc.problem(sdata["id"], f"sign {sid!r} is not an indicator id of the screening catalogue")
        in_story = doc.boolean(sdata["in_story"], "in_story") if "in_story" in sdata else False
        if "in_story" not in sdata:
            doc.problem(snode, f"sign {sid!r} has no 'in_story' (true or false)")
        why = doc.text(doc.require(sdata, "why", snode, f"sign {sid!r}"), "why")
        signs.append(Sign(sid, in_story, why))
    facts = []
    for fnode in doc.seq(data["facts"], "facts") if "facts" in data else []:
        fact = doc.text(fnode, "a fact")
        if fact and fact not in check.fact_ids:
            doc.problem(fnode, f"fact {fact!r} is not a fact id of the screening catalogue")
        facts.append(fact)
    _unique(doc, node, [s.id for s in signs], f"signs of exercise {eid!r}")
    if not any(s.in_story for s in signs) or all(s.in_story for s in signs):
        doc.problem(node, f"exercise {eid!r} needs signs both in the story and not in it")
    return Exercise(
        id=eid,
        title=doc.text(doc.require(data, "title", node, f"exercise {eid!r}"), "the exercise title"),
        story=doc.text(doc.require(data, "story", node, f"exercise {eid!r}"), "the story"),
        age_group=age,
        types=tuple(types),
        signs=tuple(signs),
        explanation=doc.text(doc.require(data, "explanation", node, f"exercise {eid!r}"), "the explanation"),
        facts=tuple(f for f in facts if f),
    )


def _unique(doc: _Doc, node, ids: list[str], where: str) -> None:
    seen = set()
    for value in ids:
        if value in seen:
            doc.problem(node, f"{where}: {value!r} appears twice")
        seen.add(value)


def parse_file(path: Path, check: Checker) -> tuple[Module | None, list[Problem]]:
    name = display_path(path)
    match = FILENAME_RE.match(path.name)
    if not match:
        return None, [Problem(name, 1, "the file name must be <slug>.nb.yaml or <slug>.en.yaml")]
    problems: list[Problem] = []
    doc = _Doc(name, problems)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.MarkedYAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(name, mark.line + 1 if mark else 1, f"not valid YAML: {exc}")]
    data = doc.mapping(root, "the file")
    if data is None:
        return None, problems
    lang = match["lang"]
    order_node = doc.require(data, "order", root, "the module")
    order = int(order_node.value) if isinstance(order_node, yaml.ScalarNode) and order_node.value.isdigit() else 0
    if order_node is not None and not order:
        doc.problem(order_node, "order must be a positive whole number")
    agencies = [doc.ident(n, "an agency") for n in doc.seq(data.get("agencies", yaml.SequenceNode("", [])), "agencies")]
    for anode, slug in zip(doc.seq(data.get("agencies", yaml.SequenceNode("", [])), "agencies"), agencies, strict=True):
        if slug and slug not in check.agency_slugs:
            doc.problem(anode, f"agency {slug!r} is not in tokt/core/data/agencies.yaml")
    sections = [
        _parse_section(doc, n, lang, check)
        for n in doc.seq(doc.require(data, "sections", root, "the module"), "sections")
    ]
    quiz = [_parse_question(doc, n) for n in doc.seq(doc.require(data, "quiz", root, "the module"), "quiz")]
    exercises = [
        _parse_exercise(doc, n, check) for n in doc.seq(doc.require(data, "exercises", root, "the module"), "exercises")
    ]
    if not sections:
        doc.problem(root, "the module needs at least one section")
    if not quiz:
        doc.problem(root, "the module needs at least one quiz question")
    _unique(doc, root, [s.id for s in sections if s], "section ids")
    _unique(doc, root, [q.id for q in quiz if q], "question ids")
    _unique(doc, root, [e.id for e in exercises if e], "exercise ids")
    module = Module(
        slug=match["slug"],
        lang=lang,
        title=doc.text(doc.require(data, "title", root, "the module"), "the title"),
        summary=doc.text(doc.require(data, "summary", root, "the module"), "the summary"),
        order=order,
        agencies=tuple(a for a in agencies if a),
        sections=tuple(s for s in sections if s),
        quiz=tuple(q for q in quiz if q),
        exercises=tuple(e for e in exercises if e),
        sources=tuple(
            doc.text(n, "a source") for n in doc.seq(data.get("sources", yaml.SequenceNode("", [])), "sources")
        ),
        path=name,
    )
    return module, problems


def _shape(module: Module) -> dict:
    """What both language versions must share: ids, correct answers, signs, audience."""
    return {
        "order": module.order,
        "agencies": module.agencies,
        "sections": [(s.id, [(a.slug, bool(a.section)) for a in s.articles], s.referrals) for s in module.sections],
        "quiz": [(q.id, [(o.id, o.correct) for o in q.options]) for q in module.quiz],
        "exercises": [
            (e.id, e.age_group, e.types, e.facts, [(s.id, s.in_story) for s in e.signs]) for e in module.exercises
        ],
    }


def compare_languages(modules: Iterable[Module]) -> list[Problem]:
    by_slug: dict[str, dict[str, Module]] = {}
    for m in modules:
        by_slug.setdefault(m.slug, {})[m.lang] = m
    problems = []
    for slug, versions in sorted(by_slug.items()):
        for lang in LANGS:
            if lang not in versions:
                other = next(iter(versions.values()))
                problems.append(Problem(other.path, 1, f"module {slug!r} has no {lang} version ({slug}.{lang}.yaml)"))
        if len(versions) == len(LANGS):
            nb, en = _shape(versions["nb"]), _shape(versions["en"])
            for key in nb:
                if nb[key] != en[key]:
                    problems.append(
                        Problem(versions["en"].path, 1, f"{key} differ from the nb version: {en[key]} vs {nb[key]}")
                    )
    return problems


def load_modules(directory: Path = DEFAULT_DIR, check: Checker | None = None) -> tuple[list[Module], list[Problem]]:
    if check is None:
        from tokt.training.engine import fact_ids, sign_ids

        check = Checker(knowledge_sections(), sign_ids(), agency_slugs(), situation_ids(), fact_ids())
    modules, problems = [], []
    for path in sorted(Path(directory).glob("*")):
        if path.name == "README.md" or path.is_dir():
            continue
        module, found = parse_file(path, check)
        problems += found
        if module is not None:
            modules.append(module)
    problems += compare_languages(modules)
    return modules, sorted(problems)


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
