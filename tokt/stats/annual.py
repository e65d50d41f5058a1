"""The annual report for the ministry: the network-wide (protected) numbers of a year, as PDF and spreadsheet.

The narrative is generated from the same protected tables: every sentence
quotes two shown labels ("<3", or a count of at least the threshold), never a
hidden exact value.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from tokt.stats.report import Filter, Overview, Table, overview
from tokt.stats.suppression import SECONDARY_LABEL

NARRATED = ("form", "sector", "age_group", "gender", "region", "source", "referral_outcome")
MAX_SENTENCES = 6
_CSS = Path(__file__).resolve().parent / "print.css"


@dataclass
class AnnualReport:
    year: int
    current: Overview
    previous: Overview
    narrative: list[str]


def _low(display: str, threshold: int) -> int | None:
    """The smallest value a label allows: "<3" is at least 1; "skjult" says nothing."""
    if display == SECONDARY_LABEL:
        return None
    if display.startswith("<"):
        return 1
    return int(display)


def _high(display: str, threshold: int) -> int | None:
    if display == SECONDARY_LABEL:
        return None
    if display.startswith("<"):
        return threshold - 1
    return int(display)


def _change(before: str, after: str, threshold: int) -> int:
    """The change the two labels prove (0 when they do not prove one)."""
    lows, highs = (_low(before, threshold), _low(after, threshold)), (_high(before, threshold), _high(after, threshold))
    if None in lows or None in highs:
        return 0
    if lows[1] > highs[0]:
        return lows[1] - highs[0]
    if highs[1] < lows[0]:
        return highs[1] - lows[0]
    return 0


def _sentence(subject: str, before: str, after: str, rose: bool) -> str:
    if rose:
        return _("%(subject)s økte fra %(before)s til %(after)s.") % {
            "subject": subject,
            "before": before,
            "after": after,
        }
    return _("%(subject)s gikk ned fra %(before)s til %(after)s.") % {
        "subject": subject,
        "before": before,
        "after": after,
    }


def narrative(current: Overview, previous: Overview) -> list[str]:
    threshold = current.threshold
    sentences = []
    total_change = _change(previous.total.display, current.total.display, threshold)
    if total_change:
        sentences.append(_sentence(_("Antall saker"), previous.total.display, current.total.display, total_change > 0))
    elif current.total.display == previous.total.display and current.total.display != SECONDARY_LABEL:
        sentences.append(_("Antall saker var det samme som året før: %(n)s.") % {"n": current.total.display})
    candidates = []
    before_tables = {t.slug: t for t in previous.cases}
    for table in current.cases:
        if table.slug not in NARRATED or table.slug not in before_tables:
            continue
        before_rows = {row.label: row.display for row in before_tables[table.slug].rows}
        after_rows = {row.label: row.display for row in table.rows}
        for label in sorted(set(before_rows) | set(after_rows)):
            before, after = before_rows.get(label, "0"), after_rows.get(label, "0")
            change = _change(before, after, threshold)
            # A change smaller than the threshold is within what small counts can hide: not a main change.
            if abs(change) >= threshold:
                subject = _("Saker i kategorien «%(label)s» (%(table)s)") % {
                    "label": label,
                    "table": table.heading.lower(),
                }
                candidates.append((abs(change), subject, before, after, change > 0))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    sentences.extend(_sentence(s, b, a, rose) for _n, s, b, a, rose in candidates[: MAX_SENTENCES - len(sentences)])
    return sentences


def annual_report(year: int) -> AnnualReport:
    current, previous = overview(Filter(year=year)), overview(Filter(year=year - 1))
    return AnnualReport(year=year, current=current, previous=previous, narrative=narrative(current, previous))


def render_html(report: AnnualReport) -> str:
    return render_to_string("stats/annual_print.html", {"report": report, "overview": report.current})


def render_pdf(report: AnnualReport) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    # Everything is inline (SVG charts, system fonts): no URL is fetched.
    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    css = CSS(string=_CSS.read_text(encoding="utf-8"), url_fetcher=fetcher)
    return HTML(string=render_html(report), url_fetcher=fetcher).write_pdf(stylesheets=[css])


def _cell(display: str):
    return int(display) if display.isdigit() else display


def render_xlsx(report: AnnualReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    book = Workbook()
    summary = book.active
    summary.title = _("Sammendrag")[:31]
    summary.append([_("Årsrapport %(year)s") % {"year": report.year}])
    summary.append([_("Saker"), _cell(report.current.total.display)])
    summary.append(
        [
            _("Tall under %(t)s vises som «<%(t)s»; «skjult» skjuler et tall for å beskytte et lite.")
            % {"t": report.current.threshold}
        ]
    )
    summary.append([])
    for sentence in report.narrative:
        summary.append([sentence])
    tables: list[Table] = [*report.current.cases, *report.current.tips, *report.current.screenings]
    for table in tables:
        sheet = book.create_sheet(table.slug[:31])
        sheet.append([table.title])
        sheet.append([table.heading, _("Antall")])
        for row in table.rows:
            sheet.append([row.label, _cell(row.display)])
        if table.rows:
            chart = BarChart()
            chart.type = "bar" if table.kind == "bars" else "col"
            chart.title = table.title
            chart.legend = None
            chart.add_data(Reference(sheet, min_col=2, min_row=2, max_row=len(table.rows) + 2), titles_from_data=True)
            chart.set_categories(Reference(sheet, min_col=1, min_row=3, max_row=len(table.rows) + 2))
            sheet.add_chart(chart, "D2")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
