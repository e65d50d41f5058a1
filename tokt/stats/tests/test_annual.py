"""The annual report: every number in it is reproduced from the case rows, and none is small."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tokt.cases.models import Case, Referral
from tokt.cases.synthetic import generate
from tokt.stats import annual, selectors
from tokt.stats.cube import ALL, NORDLAND, SALTEN, TOTAL
from tokt.stats.vocabulary import TTR_BUCKETS

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    generate(count=500, agencies=3, seed=5)
    return max(selectors.case_years())


def _ttr(case) -> str:
    referrals = list(Referral.objects.filter(case=case).order_by("sent_at"))
    if not referrals:
        return "none"
    days = referrals[0].sent_at - case.created_at
    for bucket, bound in TTR_BUCKETS:
        if bound is None or days.days < bound or (days.days == bound and days.seconds == 0):
            return bucket
    return TTR_BUCKETS[-1][0]


def _value(case, dimension: str) -> str:
    if dimension == "month":
        return f"{case.met_on.month:02d}"
    if dimension == "referral_outcome":
        latest = Referral.objects.filter(case=case).order_by("-sent_at", "-pk").first()
        return latest.status if latest else "none"
    if dimension == "time_to_referral":
        return _ttr(case)
    return getattr(case, dimension)


def _recount(cases, key) -> int:
    """What a key means, read straight from the rows (independently of the GROUP BY code)."""
    dimension, area, form, sector, value = key
    n = 0
    for case in cases:
        if area == SALTEN and not case.municipality.salten:
            continue
        if area not in (SALTEN, NORDLAND) and case.municipality_id != area:
            continue
        if form != ALL and form not in case.forms:
            continue
        if sector != ALL and case.sector != sector:
            continue
        if dimension != TOTAL and _value(case, dimension) != value:
            continue
        n += 1
    return n


def test_every_number_in_the_report_is_reproduced_from_the_rows(year):
    report = annual.annual_report(year)
    cases = [c for c in Case.objects.select_related("municipality") if c.met_on.year == year]
    cube = selectors.case_cube(year)
    checked = 0
    for table in report.current.cases:
        for key, row in zip(table.keys, table.rows, strict=True):
            truth = _recount(cases, key)
            if key in cube.primary:
                assert row.display == "<3" and 0 < truth < 3
            elif key in cube.hidden:
                assert row.display == "skjult"
            else:
                assert int(row.display) == truth and (truth == 0 or truth >= 3)
                checked += 1
    assert checked > 20
    assert report.current.total.display == str(len(cases))


def test_the_narrative_only_quotes_shown_labels(year):
    report = annual.annual_report(year)
    shown = {row.display for t in report.current.cases + report.previous.cases for row in t.rows}
    shown |= {report.current.total.display, report.previous.total.display, "0"}
    assert report.narrative
    for sentence in report.narrative:
        quoted = sentence.rsplit(" fra ", 1)[1].rstrip(".").split(" til ") if " fra " in sentence else []
        assert all(q in shown for q in quoted), sentence
        assert "skjult" not in sentence


def test_the_narrative_says_a_rise_from_a_small_count():
    from tokt.stats.annual import _change

    assert _change("<3", "7", 3) == 5
    assert _change("<3", "3", 3) == 1
    assert _change("5", "skjult", 3) == 0
    assert _change("10", "4", 3) == -6


def test_the_coordinator_downloads_pdf_and_spreadsheet_in_time(signed_in, koordinator, year):
    import time

    client = signed_in(koordinator)
    started = time.monotonic()
    pdf = client.get(reverse("stats:annual_pdf", kwargs={"year": year}))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert str(year) in text
    xlsx = client.get(reverse("stats:annual_xlsx", kwargs={"year": year}))
    assert xlsx.status_code == 200
    assert time.monotonic() - started < 60
    book = load_workbook(io.BytesIO(xlsx.content))
    numbers = [
        c for sheet in book.worksheets for row in sheet.iter_rows(min_row=3) for c in row if isinstance(c.value, int)
    ]
    assert numbers and all(c.value == 0 or c.value >= 3 for c in numbers)
    assert signed_in(koordinator).get(reverse("stats:annual_pdf", kwargs={"year": 1990})).status_code == 404
