"""The dashboard's filters: a period (a preset year, quarter or month, or a custom range of days),
a vertical, a destination country and a mode. Periods are whole days in China time (Asia/Shanghai),
the pilot zone's reporting time; the end is exclusive."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l

from marketplace.catalog.states import Vertical
from marketplace.core.errors import ValidationFailed

CHINA = ZoneInfo("Asia/Shanghai")

# Mode keys: 9710 direct export, 9810 export to an overseas warehouse, "stock" = sales from overseas stock.
MODES = {
    "9710": _l("9710 direct export"),
    "9810": _l("9810 export to overseas warehouses"),
    "stock": _l("Sales from overseas stock"),
}

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
MAX_DAYS = 3 * 366


def china_midnight(day: date) -> datetime:
    """The UTC instant at which `day` starts in China."""
    return datetime.combine(day, time(0), CHINA).astimezone(UTC)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def parse_period(text: str) -> tuple[date, date]:
    """`2026` → the year, `2026-Q3` → the quarter, `2026-07` → the month: (first day, day after)."""
    text = (text or "").strip()
    if m := _YEAR.match(text):
        year = int(m.group(1))
        return date(year, 1, 1), date(year + 1, 1, 1)
    if m := _QUARTER.match(text):
        year, quarter = int(m.group(1)), int(m.group(2))
        start = date(year, 3 * quarter - 2, 1)
        return start, _next_month(_next_month(_next_month(start)))
    if m := _MONTH.match(text):
        start = date(int(m.group(1)), int(m.group(2)), 1)
        return start, _next_month(start)
    raise ValidationFailed(
        {"period": [str(_l("Give the period as a year (2026), a quarter (2026-Q3) or a month (2026-07)."))]}
    )


@dataclass(frozen=True)
class Filters:
    start: date  # first day (China time)
    end: date  # the day after the last day
    period: str = ""  # the preset it came from ("" for a custom range)
    vertical: str | None = None
    country: str | None = None
    mode: str | None = None

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def start_at(self) -> datetime:
        return china_midnight(self.start)

    @property
    def end_at(self) -> datetime:
        return china_midnight(self.end)

    @property
    def weekly(self) -> bool:
        """Time series per week up to a quarter, per month beyond."""
        return (self.end - self.start).days <= 92

    def includes(self, mode: str) -> bool:
        return self.mode is None or self.mode == mode

    def query_args(self) -> dict[str, str]:
        """The URL arguments that reproduce these filters."""
        args = (
            {"period": self.period}
            if self.period
            else {"from": self.start.isoformat(), "to": self.last_day.isoformat()}
        )
        for key in ("vertical", "country", "mode"):
            if getattr(self, key):
                args[key] = getattr(self, key)
        return args

    def as_json(self) -> dict:
        return {
            "from": self.start.isoformat(),
            "to": self.last_day.isoformat(),
            "period": self.period or None,
            "vertical": self.vertical,
            "country": self.country,
            "mode": self.mode,
            "time_zone": "Asia/Shanghai",
        }


def default_period(today: date) -> str:
    return str(today.year)


def from_args(args, today: date | None = None) -> Filters:
    """Filters from request arguments (period=2026-Q3, or from=YYYY-MM-DD&to=YYYY-MM-DD inclusive when no
    period is given; vertical, country, mode). Anything malformed is refused with the field named."""
    today = today or datetime.now(CHINA).date()
    errors: dict[str, list[str]] = {}
    period = (args.get("period") or "").strip()
    custom_from, custom_to = (args.get("from") or "").strip(), (args.get("to") or "").strip()
    start = end = None
    if (custom_from or custom_to) and not period:
        try:
            start = date.fromisoformat(custom_from)
        except ValueError:
            errors["from"] = [str(_l("Enter the date as YYYY-MM-DD."))]
        try:
            end = date.fromisoformat(custom_to) + timedelta(days=1)
        except ValueError:
            errors["to"] = [str(_l("Enter the date as YYYY-MM-DD."))]
        if start and end:
            if end <= start:
                errors["to"] = [str(_l("The end date must not be before the start date."))]
            elif (end - start).days > MAX_DAYS:
                errors["to"] = [str(_l("Choose a range of at most %(days)d days.", days=MAX_DAYS))]
    else:
        period = period or default_period(today)
        try:
            start, end = parse_period(period)
        except ValidationFailed as exc:
            errors.update(exc.errors)
        period = period.upper()
    vertical = (args.get("vertical") or "").strip() or None
    if vertical and vertical not in {v.value for v in Vertical}:
        errors["vertical"] = [str(_l("Choose chemicals, vehicles or cashmere."))]
    country = (args.get("country") or "").strip().upper() or None
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        errors["country"] = [str(_l("Use a two-letter ISO country code such as MN or RU."))]
    mode = (args.get("mode") or "").strip().lower() or None
    if mode and mode not in MODES:
        errors["mode"] = [str(_l("Choose 9710, 9810 or stock."))]
    if errors:
        raise ValidationFailed(errors)
    assert start is not None and end is not None
    return Filters(start=start, end=end, period=period, vertical=vertical, country=country, mode=mode)


def preset_periods(today: date) -> list[tuple[str, str]]:
    """The presets offered: this and last year, their quarters, and the last twelve months."""
    out: list[tuple[str, str]] = []
    for year in (today.year, today.year - 1):
        out.append((str(year), str(year)))
        out.extend((f"{year}-Q{q}", f"{year}-Q{q}") for q in range(4, 0, -1))
    month = date(today.year, today.month, 1)
    for _ in range(12):
        key = f"{month:%Y-%m}"
        out.append((key, key))
        month = date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)
    return out
