"""The numbers of one view (year, area, form, sector) as tables, read from the protected cube.

The dashboard, the annual report (PDF, spreadsheet) and the narrative all read
these tables, so they show the same numbers and the same hidden cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from tokt.core.models import Municipality
from tokt.stats import charts, selectors
from tokt.stats.cube import ALL, NORDLAND, SALTEN, cell_key, total_key
from tokt.stats.suppression import Protected
from tokt.stats.vocabulary import DIMENSIONS, FORM_VALUE_LABELS, FORMS, SECTOR_VALUE_LABELS, SECTORS, value_label


@dataclass(frozen=True)
class Filter:
    year: int
    area: str = NORDLAND
    form: str = ALL
    sector: str = ALL


@dataclass
class Table:
    slug: str
    title: str
    heading: str
    rows: list[charts.Item]
    kind: str = "bars"
    keys: list[tuple] = field(default_factory=list)

    @property
    def chart(self) -> dict:
        return charts.columns(self.rows) if self.kind == "columns" else charts.bars(self.rows)


def _item(cube: Protected, key: tuple, label: str) -> charts.Item:
    return charts.Item(str(label), cube.value(key), cube.label(key))


def _table(cube, slug, title, heading, pairs, kind="bars", keep_zero=False) -> Table:
    """``pairs``: (key, label). Rows whose true count is 0 are left out unless ``keep_zero`` (months)."""
    pairs = [(k, label) for k, label in pairs if keep_zero or cube.counts.get(k, 0) or k in cube.hidden]
    return Table(
        slug, str(title), str(heading), [_item(cube, k, label) for k, label in pairs], kind, [k for k, _ in pairs]
    )


def area_label(area: str, names: dict[str, str]) -> str:
    if area == NORDLAND:
        return str(_("Hele Nordland"))
    if area == SALTEN:
        return str(_("Hele Salten"))
    return names.get(area, area)


def municipality_names() -> dict[str, str]:
    return dict(Municipality.objects.values_list("number", "name"))


def case_tables(cube: Protected, view: Filter, names: dict[str, str]) -> list[Table]:
    geography = selectors.geography()
    a, f, s = view.area, view.form, view.sector
    tables = [
        _table(
            cube,
            "month",
            _("Saker per måned"),
            _("Måned"),
            [(cell_key("month", a, f, s, m), value_label("month", m)) for m in DIMENSIONS["month"][1]],
            kind="columns",
            keep_zero=True,
        ),
        _table(
            cube,
            "municipality",
            _("Saker per kommune"),
            _("Kommune"),
            [
                (total_key(m, f, s), names.get(m, m))
                for m in sorted(geography.municipalities(a), key=lambda m: names.get(m, m))
            ],
        ),
        _table(
            cube,
            "form",
            _("Saker per form for utnytting"),
            _("Form"),
            [(total_key(a, form, s), FORM_VALUE_LABELS[form]) for form in FORMS if f in (ALL, form)],
        ),
        _table(
            cube,
            "sector",
            _("Saker per bransje"),
            _("Bransje"),
            [(total_key(a, f, sector), SECTOR_VALUE_LABELS[sector]) for sector in (*SECTORS, "") if s in (ALL, sector)],
        ),
    ]
    for name, (title, labels) in DIMENSIONS.items():
        if name == "month":
            continue
        pairs = [(cell_key(name, a, f, s, value), label) for value, label in labels.items()]
        tables.append(_table(cube, name, _("Saker etter %(what)s") % {"what": str(title).lower()}, title, pairs))
    return tables


def breakdown_tables(
    found: selectors.Breakdowns, prefix: str, titles: dict[str, tuple[str, str]], labels=None
) -> list[Table]:
    tables = []
    for name, values in found.tables.items():
        title, heading = titles[name]
        pairs = [((name, v), (labels or {}).get(name, {}).get(v, v)) for v in values]
        kind = "columns" if name == "month" else "bars"
        tables.append(_table(found.protected, f"{prefix}-{name}", title, heading, pairs, kind=kind))
    return tables


TIP_TITLES = {
    "month": (_("Tips per måned"), _("Måned")),
    "lang": (_("Tips etter språk"), _("Språk")),
    "status": (_("Tips etter status"), _("Status")),
}
SCREENING_TITLES = {
    "month": (_("Sjekker av tegn per måned"), _("Måned")),
    "role": (_("Sjekker etter rolle"), _("Rolle")),
    "placement": (_("Sjekker etter bransje eller miljø"), _("Bransje eller miljø")),
}


@dataclass
class Overview:
    view: Filter
    exact: bool
    threshold: int
    total: charts.Item
    years: list[charts.Item]
    cases: list[Table]
    tips: list[Table]
    screenings: list[Table]
    reach: dict[str, dict[str, int]]
    conferences: selectors.ConferenceActivity

    @property
    def year_chart(self) -> dict:
        return charts.columns(self.years)


def overview(view: Filter, *, agency=None) -> Overview:
    """Everything the dashboard shows for one view; ``agency`` set: that agency's own cases, exact."""
    from tokt.public.models import TipStatus
    from tokt.stats.vocabulary import MONTH_LABELS

    names = municipality_names()
    version = selectors.data_version()
    cube = selectors.case_cube(view.year, agency=agency, version=version)
    key = total_key(view.area, view.form, view.sector)
    years = []
    for year in sorted(set(selectors.case_years()) | {view.year}):
        other = cube if year == view.year else selectors.case_cube(year, agency=agency, version=version)
        years.append(_item(other, key, str(year)))
    month_labels = {"month": {k: str(v) for k, v in MONTH_LABELS.items()}}
    tip_labels = {**month_labels, "status": {k: str(v) for k, v in TipStatus.choices}}
    return Overview(
        view=view,
        exact=agency is not None,
        threshold=cube.threshold,
        total=_item(cube, key, area_label(view.area, names)),
        years=years,
        cases=case_tables(cube, view, names),
        tips=breakdown_tables(selectors.tip_tables(view.year), "tips", TIP_TITLES, tip_labels),
        screenings=breakdown_tables(selectors.screening_tables(view.year), "screening", SCREENING_TITLES, month_labels),
        reach=selectors.reach_tables(view.year),
        conferences=selectors.conference_activity(view.year),
    )
