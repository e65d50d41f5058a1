"""Pay check: an hourly wage compared with a legal minimum, only when that minimum is verified and valid today."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

RATES = Path(__file__).resolve().parent / "data" / "minimum_rates.yaml"
SECTORS = ("fish_processing", "construction", "cleaning", "agriculture")


class RateStatus(StrEnum):
    USABLE = "usable"
    EXPIRED = "expired"  # past valid_to: never used, the page says so
    NOT_YET_VALID = "not_yet_valid"
    UNVERIFIED = "unverified"  # no one has checked the figure against the regulation
    MISSING = "missing"  # no figure at all


@dataclass(frozen=True)
class Rate:
    sector: str
    group: str
    nok_per_hour: Decimal | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str
    verified_by: str | None
    verified_on: dt.date | None

    def status(self, today: dt.date) -> RateStatus:
        if self.nok_per_hour is None or self.valid_from is None:
            return RateStatus.MISSING
        if self.valid_to is not None and today > self.valid_to:
            return RateStatus.EXPIRED
        if today < self.valid_from:
            return RateStatus.NOT_YET_VALID
        if not (self.verified_by and self.verified_on):
            return RateStatus.UNVERIFIED
        return RateStatus.USABLE


def _rate(raw: dict[str, Any]) -> Rate:
    value = raw.get("nok_per_hour")
    return Rate(
        sector=raw["sector"],
        group=raw.get("group", ""),
        nok_per_hour=Decimal(str(value)) if value is not None else None,
        valid_from=raw.get("valid_from"),
        valid_to=raw.get("valid_to"),
        source=raw.get("source", ""),
        verified_by=raw.get("verified_by"),
        verified_on=raw.get("verified_on"),
    )


def load_rates(path: Path = RATES) -> dict[str, Rate]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {r["sector"]: _rate(r) for r in raw["rates"]}


@functools.lru_cache(maxsize=1)
def default_rates() -> dict[str, Rate]:
    return load_rates()


def parse_wage(text: str) -> Decimal | None:
    """'212,50' or '212.50' or '212 kr' -> Decimal; None for anything that is not a sensible hourly wage."""
    cleaned = text.strip().lower().removesuffix("kr").removesuffix("nok").strip().replace(" ", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value > 10000:
        return None
    return value.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class PayResult:
    status: RateStatus
    rate: Rate | None
    wage: Decimal
    below: bool | None  # None when no usable rate

    @property
    def shortfall(self) -> Decimal | None:
        if not self.below or self.rate is None or self.rate.nok_per_hour is None:
            return None
        return self.rate.nok_per_hour - self.wage


def check_pay(sector: str, wage: Decimal, *, today: dt.date, rates: dict[str, Rate] | None = None) -> PayResult:
    rate = (rates if rates is not None else default_rates()).get(sector)
    if rate is None:
        return PayResult(RateStatus.MISSING, None, wage, None)
    status = rate.status(today)
    if status is not RateStatus.USABLE or rate.nok_per_hour is None:
        return PayResult(status, rate, wage, None)
    return PayResult(status, rate, wage, wage < rate.nok_per_hour)
