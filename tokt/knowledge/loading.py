"""Load content/knowledge/*.md into the database: the files seed an installation.

The database is the source of truth once an article is loaded. Policy
(idempotent; run as often as you like):
- A file without an article creates it (a new installation, or an article new
  in a release).
- A file whose contents have not changed since it was last loaded is skipped.
- A changed file updates its article only while no coordinator has changed the
  article in the web UI (edited, retired, restored): a web edit is never
  overwritten, the file is reported as kept instead. ``--force`` reloads
  unchanged files too, never edited articles.
- Files with problems (see content_check) are reported and not loaded.
- Articles whose file was removed are reported, never deleted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from tokt.knowledge.content_check import DEFAULT_DIR, REQUIRED_KEYS, ArticleFile, Problem, load_folder
from tokt.knowledge.derived import derive_fields

# The front-matter keys copied onto the model: exactly the required ones.
META_FIELDS = REQUIRED_KEYS


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "kept_edited": self.kept_edited,
            "unchanged": len(self.unchanged),
            "orphaned": self.orphaned,
            "problems": len(self.problems),
        }


def file_hash(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _apply(article, source: ArticleFile, digest: str) -> None:
    for name in META_FIELDS:
        value = source.meta[name]
        setattr(article, name, value.strip() if isinstance(value, str) else value)
    article.body_md = source.body.strip() + "\n"
    article.source_file = source.path
    article.source_hash = digest
    article.edited_in_ui = False
    article.updated_by = None
    derive_fields(article)


def load_articles(*, model, folder: Path | None = None, force: bool = False) -> LoadReport:
    """Create or update ``model`` rows from the files. Call inside a transaction."""
    folder = Path(folder or DEFAULT_DIR)
    articles, problems = load_folder(folder, topics_path=None)
    report = LoadReport(problems=problems)
    existing = {(a.slug, a.lang): a for a in model.objects.all()}
    for source in articles:
        key = (source.slug, source.lang)
        label = f"{source.slug}.{source.lang}"
        digest = file_hash(folder / f"{label}.md")
        article = existing.get(key)
        if article is not None and article.source_hash == digest and not force:
            report.unchanged.append(label)
            continue
        if article is not None and article.edited_in_ui:
            report.kept_edited.append(label)
            continue
        (report.updated if article is not None else report.created).append(label)
        article = article or model(slug=source.slug, lang=source.lang)
        _apply(article, source, digest)
        article.save()
    loaded = {(a.slug, a.lang) for a in articles}
    broken = {
        (Path(p.path).name.split(".")[0], Path(p.path).name.split(".")[1])
        for p in problems
        if p.path.endswith(".md") and Path(p.path).name.count(".") == 2
    }
    report.orphaned = sorted(
        f"{s}.{lang}"
        for (s, lang), article in existing.items()
        if article.source_file and (s, lang) not in loaded | broken
    )
    return report
