"""Reads for the training pages: the modules, the articles they show, progress and statistics."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from tokt.core.models import Agency, Municipality
from tokt.knowledge.selectors import article_to_show, article_url
from tokt.training.content import Module, Section, estimated_minutes, load_modules, word_count
from tokt.training.models import Certificate, ModuleProgress, QuizAnswer

_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)


@functools.lru_cache(maxsize=1)
def _all_modules() -> dict[tuple[str, str], Module]:
    modules, _problems = load_modules()
    return {(m.slug, m.lang): m for m in modules}


def current_lang() -> str:
    return "en" if (get_language() or "nb").startswith("en") else "nb"


def modules(lang: str | None = None) -> list[Module]:
    lang = lang or current_lang()
    found = _all_modules()
    chosen = {slug: m for (slug, lg), m in found.items() if lg == "nb"}
    chosen.update({slug: m for (slug, lg), m in found.items() if lg == lang})
    return sorted(chosen.values(), key=lambda m: (m.order, m.slug))


def module(slug: str, lang: str | None = None) -> Module | None:
    lang = lang or current_lang()
    found = _all_modules()
    return found.get((slug, lang)) or found.get((slug, "nb"))


def recommended_for(user, lang: str | None = None) -> list[Module]:
    """The modules for everyone and those written for the user's agency."""
    slug = getattr(getattr(user, "agency", None), "slug", "")
    return [m for m in modules(lang) if not m.agencies or slug in m.agencies]


# ----------------------------------------------------------------- the articles a section shows


@dataclass(frozen=True)
class ArticlePart:
    slug: str
    title: str
    heading: str  # the article section's heading, empty for the summary
    html: SafeString
    url: str
    lang: str

    @property
    def words(self) -> int:
        return word_count(self.heading, strip_tags(self.html))


def _section_html(body_html: str, section_id: str) -> tuple[str, str] | None:
    """(heading text, HTML up to the next h2) of the h2 with ``section_id``."""
    matches = list(_H2.finditer(body_html))
    for index, match in enumerate(matches):
        if match.group(1) == section_id:
            end = matches[index + 1].start() if index + 1 < len(matches) else len(body_html)
            return strip_tags(match.group(2)), body_html[match.end() : end]
    return None


def article_parts(section: Section, lang: str) -> list[ArticlePart]:
    """The knowledge-bank text a section shows, read from the database (the one source of truth).

    A section that a coordinator has since removed from the article falls back to the summary.
    """
    parts = []
    for ref in section.articles:
        article, _fallback = article_to_show(ref.slug, lang)
        if article is None:
            continue
        found = _section_html(article.body_html, ref.section) if ref.section else None
        if found:
            heading, html = found
        else:
            heading, html = "", f"<p>{_escape(article.summary)}</p>"
        parts.append(
            ArticlePart(
                ref.slug,
                article.title,
                heading,
                mark_safe(html),  # noqa: S308 (body_html is sanitised by the knowledge app; the summary is escaped)
                article_url(ref.slug, article.lang),
                article.lang,
            )
        )
    return parts


def _escape(text: str) -> str:
    from django.utils.html import escape

    return escape(text)


def article_words(module: Module) -> int:
    """Words the module shows from other apps: knowledge-bank articles and referral-path steps.

    Contact cards of the referral paths are scanned, not read, and are not counted.
    """
    words = sum(part.words for section in module.sections for part in article_parts(section, module.lang))
    for section in module.sections:
        for answer in referral_paths(section, "", module.lang) if section.referrals else []:
            words += word_count(answer.title, answer.summary, *(f"{s.title} {s.detail} {s.when}" for s in answer.steps))
    return words


def minutes(module: Module) -> int:
    """The module's estimated time in whole minutes (rounded up)."""
    return int(-(-estimated_minutes(module, article_words(module)) // 1))


def municipalities():
    return list(Municipality.objects.salten())


def referral_paths(section: Section, municipality: str, lang: str) -> list:
    """The directory's referral paths of the section's situations, with the actors of one municipality."""
    from tokt.directory.selectors import referral_answer

    return referral_answer(section.referrals, municipality or None, lang) if section.referrals else []


# ----------------------------------------------------------------- progress


@dataclass(frozen=True)
class ModuleStatus:
    module: Module
    step: int
    completed: bool
    certificate: Certificate | None

    @property
    def started(self) -> bool:
        return self.step > 0 or self.completed

    @property
    def total(self) -> int:
        return len(self.module.steps)


def statuses(user, mods: list[Module]) -> list[ModuleStatus]:
    progress = {p.module: p for p in ModuleProgress.objects.filter(user=user)}
    certificates = {c.module: c for c in Certificate.objects.filter(user=user)}
    out = []
    for m in mods:
        p = progress.get(m.slug)
        out.append(ModuleStatus(m, p.step if p else 0, bool(p and p.completed), certificates.get(m.slug)))
    return out


def latest_quiz_answers(user, module: Module) -> list[QuizAnswer]:
    last = QuizAnswer.objects.filter(user=user, module=module.slug).order_by("-attempt").first()
    if last is None:
        return []
    return list(QuizAnswer.objects.filter(user=user, module=module.slug, attempt=last.attempt))


# ----------------------------------------------------------------- statistics for coordinators


@dataclass(frozen=True)
class AgencyRow:
    agency: str
    users: int
    completed: tuple[int, ...]  # per module, in the order of the columns


def completion_by_agency(mods: list[Module]) -> list[AgencyRow]:
    slugs = [m.slug for m in mods]
    counts: dict[tuple[int, str], int] = {
        (row["user__agency"], row["module"]): row["n"]
        for row in ModuleProgress.objects.filter(completed_at__isnull=False, module__in=slugs)
        .values("user__agency", "module")
        .annotate(n=Count("user", distinct=True))
    }
    agencies = Agency.objects.annotate(n=Count("users", filter=Q(users__is_active=True))).filter(n__gt=0)
    return [AgencyRow(a.name, a.n, tuple(counts.get((a.pk, s), 0) for s in slugs)) for a in agencies]


@dataclass(frozen=True)
class QuestionStat:
    module: Module
    question_id: str
    text: str
    learners: int
    wrong: int

    @property
    def percent_wrong(self) -> int:
        return round(100 * self.wrong / self.learners) if self.learners else 0


def hardest_questions(lang: str | None = None, limit: int = 10) -> list[QuestionStat]:
    """Questions by the share of learners whose first answer was wrong."""
    rows = (
        QuizAnswer.objects.filter(attempt=1)
        .values("module", "question")
        .annotate(learners=Count("user", distinct=True), wrong=Count("user", distinct=True, filter=Q(correct=False)))
    )
    stats = []
    for row in rows:
        m = module(row["module"], lang)
        question = m.question(row["question"]) if m else None
        if question is None or not row["wrong"]:
            continue
        stats.append(QuestionStat(m, question.id, question.text, row["learners"], row["wrong"]))
    stats.sort(key=lambda s: (-s.percent_wrong, -s.wrong, s.module.order, s.question_id))
    return stats[:limit]


def certificate_by_code(code: str) -> Certificate | None:
    return Certificate.objects.select_related("user", "user__agency").filter(code=code.strip().upper()).first()
