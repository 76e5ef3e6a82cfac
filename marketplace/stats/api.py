"""/api/v1/admin/statistics: the dashboard's figures and tables for platform admins (same filters)."""

from __future__ import annotations

from flask import Response, jsonify, request
from flask_babel import lazy_gettext as _l

from marketplace.core.api import current_api_user, forbid_unless, route
from marketplace.core.errors import ValidationFailed
from marketplace.stats import export, queries
from marketplace.stats.filters import from_args

TABLES = ("summary", "series", "countries", "verticals", "modes", "declarations", "warehouses", "rates")
_NUMBER = {"type": "string", "format": "decimal"}
REPORT_SCHEMA = {
    "type": "object",
    "properties": {
        "filters": {"type": "object"},
        "generated_at": {"type": "string", "format": "date-time"},
        "figures": {"type": "object", "additionalProperties": {"oneOf": [_NUMBER, {"type": "integer"}]}},
        "unconverted": {"type": "object", "additionalProperties": _NUMBER},
        "tables": {"type": "object"},
    },
}

_FILTERS = (
    "filters: ?period=2026-Q3 (or 2026, 2026-07) or ?from=YYYY-MM-DD&to=YYYY-MM-DD, "
    "&vertical=chemicals|vehicles|cashmere, &country=MN, &mode=9710|9810|stock"
)


@route(
    "/admin/statistics",
    "GET",
    summary=f"Pilot-zone statistics (admins; {_FILTERS}; amounts in CNY and USD as decimal strings)",
    tag="statistics",
    response=REPORT_SCHEMA,
)
def statistics():
    user = current_api_user()
    forbid_unless(user.is_admin)
    return jsonify(export.report_json(queries.report(user, from_args(request.args))))


@route(
    "/admin/statistics.csv",
    "GET",
    summary=f"Pilot-zone statistics as CSV: every table, or one with ?table=summary|series|countries|"
    f"verticals|modes|declarations|warehouses|rates (admins; {_FILTERS})",
    tag="statistics",
)
def statistics_csv():
    user = current_api_user()
    forbid_unless(user.is_admin)
    table = request.args.get("table") or "all"
    if table != "all" and table not in TABLES:
        raise ValidationFailed({"table": [str(_l("Choose one of: %(tables)s", tables=", ".join(TABLES)))]})
    rep = queries.report(user, from_args(request.args))
    body = export.report_csv(rep) if table == "all" else export.BOM + export.table_csv(rep.tables[table])
    return Response(body.encode("utf-8"), mimetype="text/csv")
