"""The public pages' content: content/public/<lang>/{_ui.yaml,<page-id>.md}.

Pure Python (no Django). A language exists when its folder holds ``_ui.yaml``,
so dropping in a folder adds a language. ``nb`` is the master: its files define
the page ids. A page or UI string missing in a language falls back to English,
then to bokmål, so a half-translated language still shows every page.

Problems (bad YAML, unknown page ids, broken ``page:`` links) never crash the
site: the broken file is skipped (the fallback is shown) and the problem is
listed for coordinators on the translation status page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MASTER = "nb"
SOURCE = "en"  # the text every other language is translated from

# Order of the language picker; languages not listed follow alphabetically.
PREFERRED_ORDER = ("nb", "en", "pl", "lt", "lv", "ro", "bg", "uk", "ru", "sq", "pt-br", "es", "vi", "th")
# Used when _ui.yaml does not say `direction:` itself.
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv"})

UI_KEYS = tuple(
    """
    language_name site_name skip_link quick_exit quick_exit_hint choose_language menu emergency_banner
    not_for_emergencies tip_title tip_intro tip_message_label tip_contact_label tip_contact_hint tip_submit
    tip_thanks tip_error_empty tip_error_too_long tip_error_script footer_no_tracking poster_headline
    poster_body poster_scan contacts_heading phone email web open_hours languages_served not_found_title
    not_found_body back_home machine_notice more_services cost_free cost_charged cost_standard not_emergency
    checked_on no_contacts tip_link tip_who tip_languages tip_when tip_cannot tip_next_heading tip_next demo_banner
    quick_exit_back
    """.split()
)
# Keys a language may add; missing ones fall back like every other string.
OPTIONAL_UI_KEYS = ("direction", "tip_error_expired", "tip_error_busy")
# Page ids that would clash with URLs under /<lang>/ or with site paths.
RESERVED_IDS = frozenset({"tips", "start", "static", "koordinator", "konto", "index"})

STATUS_ORIGINAL = "original"
STATUS_MACHINE = "machine_assisted"
STATUS_REVIEWED = "reviewed"
KNOWN_STATUSES = (STATUS_ORIGINAL, STATUS_MACHINE, STATUS_REVIEWED)

CONTACTS_MARKER = "{{ contacts }}"
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PAGE_LINK_RE = re.compile(r"\]\(page:([^)\s]*)\)")
_FRONT_MATTER_RE = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n?(.*)\Z", re.S)


@dataclass(frozen=True)
class Language:
    code: str  # folder name and URL segment, e.g. "pt-br"
    name: str  # the language's own name, e.g. "Português (Brasil)"
    tag: str  # BCP 47 tag for lang="", e.g. "pt-BR"
    direction: str  # "ltr" or "rtl"

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


@dataclass(frozen=True)
class Page:
    id: str
    lang: str  # language of the text (differs from the requested one after a fallback)
    title: str
    summary: str
    status: str
    sources: tuple[str, ...]
    last_verified: dt.date | None
    translated_on: dt.date | None  # when a translation was made (front matter `translated_on`)
    body: str  # Markdown
    words: int
    links: tuple[str, ...]  # page ids named in page: links


@dataclass
class Site:
    root: Path
    languages: dict[str, Language] = field(default_factory=dict)  # picker order
    page_ids: tuple[str, ...] = ()
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)
    ui: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    rendered: dict = field(default_factory=dict)  # render cache, filled by tokt.public.pages

    def fallbacks(self, lang: str) -> tuple[str, ...]:
        chain = (lang, SOURCE, MASTER) if lang != MASTER else (MASTER,)
        return tuple(dict.fromkeys(code for code in chain if code in self.languages))

    def page(self, lang: str, page_id: str) -> Page | None:
        """The page in ``lang`` or its first available fallback."""
        for code in self.fallbacks(lang):
            found = self.pages.get((code, page_id))
            if found is not None:
                return found
        return None

    def strings(self, lang: str) -> dict[str, str]:
        """UI strings for ``lang``; each missing key falls back along the chain."""
        merged: dict[str, str] = {}
        for code in reversed(self.fallbacks(lang)):
            merged.update(self.ui.get(code, {}))
        return merged


def _sort_key(code: str) -> tuple[int, str]:
    return (PREFERRED_ORDER.index(code), "") if code in PREFERRED_ORDER else (len(PREFERRED_ORDER), code)


def language_tag(code: str) -> str:
    """BCP 47 spelling of a folder code: "pt-br" -> "pt-BR"."""
    head, *rest = code.split("-")
    return "-".join([head] + [part.upper() if len(part) == 2 else part for part in rest])


def load_site(root: Path) -> Site:
    site = Site(root=root)
    if not root.is_dir():
        site.problems.append(f"{root}: content folder missing")
        return site
    codes = sorted(
        (p.name for p in root.iterdir() if p.is_dir() and (p / "_ui.yaml").is_file() and _LANG_RE.match(p.name)),
        key=_sort_key,
    )
    for code in codes:
        ui = _load_ui(root / code / "_ui.yaml", site.problems)
        site.ui[code] = ui
        direction = ui.get("direction") or ("rtl" if code.split("-")[0] in RTL_LANGUAGES else "ltr")
        if direction not in ("ltr", "rtl"):
            site.problems.append(f"{code}/_ui.yaml: direction must be ltr or rtl, not {direction!r}")
            direction = "ltr"
        site.languages[code] = Language(code, ui.get("language_name") or code, language_tag(code), direction)
    if MASTER not in site.languages:
        site.problems.append(f"{MASTER}: the master language folder (with _ui.yaml) is missing")
        return site
    site.page_ids = tuple(
        sorted(p.stem for p in (root / MASTER).glob("*.md") if _ID_RE.match(p.stem) and p.stem not in RESERVED_IDS)
    )
    for p in (root / MASTER).glob("*.md"):
        if p.stem not in site.page_ids:
            site.problems.append(f"{MASTER}/{p.name}: page id is not allowed (lowercase-with-dashes, not reserved)")
    for code in codes:
        for path in sorted((root / code).glob("*.md")):
            if path.stem not in site.page_ids:
                site.problems.append(f"{code}/{path.name}: no such page in {MASTER}; ignored")
                continue
            page = _load_page(path, code, site.problems)
            if page is not None:
                site.pages[(code, page.id)] = page
    _check_links(site)
    return site


def _load_ui(path: Path, problems: list[str]) -> dict[str, str]:
    where = f"{path.parent.name}/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(f"{where}: cannot read ({type(exc).__name__})")
        return {}
    if not isinstance(data, dict):
        problems.append(f"{where}: must be a mapping of key: text")
        return {}
    ui = {}
    for key, value in data.items():
        if key not in UI_KEYS and key not in OPTIONAL_UI_KEYS:
            problems.append(f"{where}: unknown key {key!r}")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: {key} must be a non-empty text")
        else:
            ui[key] = value.strip()
    missing = [key for key in UI_KEYS if key not in ui]
    if missing:
        problems.append(f"{where}: missing keys {', '.join(missing)}")
    return ui


def _load_page(path: Path, lang: str, problems: list[str]) -> Page | None:
    where = f"{lang}/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{where}: cannot read ({type(exc).__name__})")
        return None
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        problems.append(f"{where}: front matter between --- lines is missing")
        return None
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        problems.append(f"{where}: front matter is not valid YAML")
        return None
    if not isinstance(meta, dict) or not isinstance(meta.get("title"), str) or not meta["title"].strip():
        problems.append(f"{where}: front matter needs a title")
        return None
    status = meta.get("translation_status")
    if status == STATUS_MACHINE and not isinstance(meta.get("translated_on"), dt.date):
        problems.append(f"{where}: a machine-assisted page needs translated_on: YYYY-MM-DD")
    if status not in KNOWN_STATUSES:
        problems.append(f"{where}: translation_status {status!r} is not one of {', '.join(KNOWN_STATUSES)}")
        status = str(status or "unknown")
    sources = meta.get("sources") or []
    if not isinstance(sources, list):
        problems.append(f"{where}: sources must be a list")
        sources = []
    verified = meta.get("last_verified")
    body = match.group(2).strip() + "\n"
    return Page(
        id=path.stem,
        lang=lang,
        title=meta["title"].strip(),
        summary=str(meta.get("summary") or "").strip(),
        status=status,
        sources=tuple(str(s) for s in sources),
        last_verified=verified if isinstance(verified, dt.date) else None,
        translated_on=translated if isinstance(translated := meta.get("translated_on"), dt.date) else None,
        body=body,
        words=len(re.findall(r"\w+", body.replace(CONTACTS_MARKER, ""))),
        links=tuple(_PAGE_LINK_RE.findall(body)),
    )


def _check_links(site: Site) -> None:
    known = set(site.page_ids)
    for (code, page_id), page in site.pages.items():
        for target in page.links:
            if target not in known:
                site.problems.append(f"{code}/{page_id}.md: link to unknown page 'page:{target}'")
        if page_id == "help" and not any(line.strip() == CONTACTS_MARKER for line in page.body.splitlines()):
            site.problems.append(f"{code}/help.md: the line {CONTACTS_MARKER} is missing")


def signature(root: Path) -> tuple:
    """Names and modification times of every content file: changes when any file does."""
    if not root.is_dir():
        return ()
    return tuple(sorted((str(p.relative_to(root)), p.stat().st_mtime_ns) for p in root.glob("*/*") if p.is_file()))
