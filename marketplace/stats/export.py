"""The report as CSV (UTF-8 with a BOM, so Excel reads Chinese and Cyrillic) and as JSON, and the
labels of its cells in the reader's language."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

from babel.numbers import format_decimal
from flask_babel import lazy_gettext as _l

from marketplace.catalog.states import Vertical
from marketplace.core.i18n import babel_locale, country_name, format_date, format_number, format_rate
from marketplace.stats.filters import MODES
from marketplace.stats.queries import FIGURE_LABELS, Report, Table

BOM = "\ufeff"
SOURCES = {"fx_rates": _l("Exchange-rate table (admins)"), "declaration": _l("Recorded on the declaration")}


def label(kind: str, value) -> str:
    """A cell as a person reads it (names in the active language)."""
    if value is None:
        return "—"
    if kind == "country":
        return f"{country_name(value)} ({value})"
    if kind == "vertical":
        return str(Vertical(value).label) if value else str(_l("Not known (listing deleted)"))
    if kind == "mode":
        return str(MODES[value])
    if kind == "figure":
        return str(FIGURE_LABELS[value])
    if kind == "source":
        return str(SOURCES[value])
    if kind == "bucket" or kind == "date":
        return format_date(value) if isinstance(value, date) else str(value)
    if kind == "rate":
        return format_rate(value)
    if kind in ("cny", "usd"):
        return format_decimal(value, format="#,##0.00", locale=babel_locale())
    if kind in ("int", "percent", "hours", "number"):
        return format_number(value)
    return str(value)


def raw(kind: str, value):
    """A cell as a machine reads it: codes, ISO dates, plain decimal numbers."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _csv_cell(kind: str, value):
    if kind in ("country", "vertical", "mode", "figure", "source"):
        return label(kind, value)
    return raw(kind, value)


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([str(c.label) for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(c.kind, v) for c, v in zip(table.columns, row, strict=True)])
    return out.getvalue()


def report_csv(rep: Report) -> str:
    """Every table, one after the other, each under its title and separated by an empty line."""
    f = rep.filters
    parts = [f"{_l('Period')},{f.start.isoformat()},{f.last_day.isoformat()}\n"]
    for table in rep.tables.values():
        parts.append(f"\n{table.title}\n" + table_csv(table))
    return BOM + "".join(parts)


def report_json(rep: Report) -> dict:
    return {
        "filters": rep.filters.as_json(),
        "generated_at": rep.generated_at.isoformat(),
        "figures": {row[0]: raw("number", row[1]) for row in rep.tables["summary"].rows},
        "unconverted": {k: raw("number", v) for k, v in rep.unconverted.items()},
        "tables": {
            key: {
                "title": str(t.title),
                "columns": [c.key for c in t.columns],
                "rows": [[raw(c.kind, v) for c, v in zip(t.columns, row, strict=True)] for row in t.rows],
            }
            for key, t in rep.tables.items()
            if key != "summary"
        },
    }


def report_json_text(rep: Report) -> str:
    return json.dumps(report_json(rep), ensure_ascii=False, indent=2)
