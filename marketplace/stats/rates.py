"""Exchange rates for the statistics: the rates admins recorded in `fx_rates`, as of a given day.

An amount is converted at the newest rate recorded on or before its day; a pair with no rate that early
uses its oldest rate instead (and the page lists every rate it used with its date, so this shows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from marketplace.catalog import services as catalog
from marketplace.catalog.models import FxRate
from marketplace.core.money import Money
from marketplace.extensions import db


@dataclass(frozen=True)
class _Rate:
    rate: Decimal
    as_of: date


@dataclass(frozen=True)
class UsedRate:
    base: str
    quote: str
    rate: Decimal
    as_of: date | None  # None for a declaration's own rate
    source: str  # "fx_rates" (admins' table) or "declaration" (the rate recorded on the declaration)


class Rates:
    def __init__(self) -> None:
        rows = db.session.execute(sa.select(FxRate.base, FxRate.quote, FxRate.rate, FxRate.as_of)).all()
        self._pairs: dict[tuple[str, str], list[_Rate]] = {}
        for base, quote, rate, as_of in rows:
            self._pairs.setdefault((base, quote), []).append(_Rate(Decimal(rate), as_of))
        for history in self._pairs.values():
            history.sort(key=lambda r: r.as_of)
        self._cache: dict[tuple[str, str, date], _Rate | None] = {}
        self.used: dict[tuple, UsedRate] = {}

    def days(self) -> set[date]:
        """Every day on which some rate changes."""
        return {r.as_of for history in self._pairs.values() for r in history}

    def _on(self, day: date) -> dict[tuple[str, str], _Rate]:
        out = {}
        for pair, history in self._pairs.items():
            before = [r for r in history if r.as_of <= day]
            out[pair] = before[-1] if before else history[0]
        return out

    def factor(self, currency: str, target: str, day: date) -> Decimal | None:
        """Units of `target` per unit of `currency` on `day` (None if no rate connects them)."""
        if currency == target:
            return Decimal(1)
        key = (currency, target, day)
        if key not in self._cache:
            conv = catalog.convert(Money(Decimal(1), currency), target, self._on(day))
            self._cache[key] = _Rate(conv.rate, conv.as_of) if conv else None
        found = self._cache[key]
        if found is None:
            return None
        self.used[(currency, target, found.as_of, "fx_rates")] = UsedRate(
            currency, target, found.rate, found.as_of, "fx_rates"
        )
        return found.rate

    def record_declared(self, currency: str, rate: Decimal) -> None:
        if currency != "CNY":
            key = (currency, "CNY", None, str(rate.normalize()))
            self.used[key] = UsedRate(currency, "CNY", rate, None, "declaration")

    def used_list(self) -> list[UsedRate]:
        return sorted(
            self.used.values(), key=lambda u: (u.source, u.base, u.quote, u.as_of or date.min, u.rate)
        )
