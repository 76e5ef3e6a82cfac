"""The statistics dashboard and its CSV downloads (platform admins only)."""

from __future__ import annotations

from datetime import datetime

from flask import Response, abort, render_template, request
from flask_login import current_user, login_required

from marketplace.catalog.states import Vertical
from marketplace.core.db import mark_rollback
from marketplace.core.errors import ValidationFailed
from marketplace.core.i18n import country_choices, localized_blueprint
from marketplace.core.money import Money
from marketplace.stats import charts, export, queries
from marketplace.stats.filters import CHINA, MODES, Filters, from_args, preset_periods

bp = localized_blueprint("stats", __name__, url_prefix="/admin/statistics", template_folder="templates")


@bp.before_request
@login_required
def _admins_only():
    if not current_user.is_admin:
        abort(403)


def _filters() -> tuple[Filters | None, dict]:
    try:
        return from_args(request.args), {}
    except ValidationFailed as exc:
        mark_rollback()
        return None, exc.errors


def _chart_rows(table, kind: str) -> list:
    keys = [c.key for c in table.columns]
    rows = []
    for row in table.rows:
        values = {m: row[keys.index(f"cny_{m}")] for m in charts.SERIES}
        rows.append((_chart_label(kind, row[0]), values))
    return rows


def _chart_label(kind: str, value) -> str:
    if kind == "bucket":
        return value.strftime("%m-%d") if not isinstance(value, str) else value
    return export.label(kind, value)


@bp.get("/")
def dashboard():
    f, errors = _filters()
    today = datetime.now(CHINA).date()
    context = dict(
        errors=errors,
        args=request.args,
        presets=preset_periods(today),
        verticals=list(Vertical),
        modes=MODES,
        countries=country_choices(),
        label=export.label,
        money=lambda amount, currency: Money(amount, currency) if amount is not None else None,
        modes_label=lambda key: MODES[key],
    )
    if f is None:
        return render_template("stats/dashboard.html", report=None, **context), 422
    rep = queries.report(current_user, f, today=today)
    series_rows = _chart_rows(rep.tables["series"], "bucket")
    if not f.weekly:
        series_rows = [
            (r.strftime("%Y-%m"), vals) for r, (_, vals) in zip(rep.buckets, series_rows, strict=True)
        ]
    context.update(
        report=rep,
        filters=f,
        series_chart=charts.columns(series_rows),
        country_chart=charts.bars(_chart_rows(rep.tables["countries"], "country")[:12]),
        vertical_chart=charts.bars(_chart_rows(rep.tables["verticals"], "vertical")),
        colours=charts.COLOURS,
    )
    return render_template("stats/dashboard.html", **context)


@bp.get(
    "/<any(summary, series, countries, verticals, modes, declarations, warehouses, rates, all):table>.csv"
)
def download(table: str):
    f, errors = _filters()
    if f is None:
        return Response(
            "\n".join(m for msgs in errors.values() for m in msgs), status=422, mimetype="text/plain"
        )
    rep = queries.report(current_user, f)
    body = export.report_csv(rep) if table == "all" else export.BOM + export.table_csv(rep.tables[table])
    name = f"ordos-statistics-{table}-{f.start.isoformat()}-{f.last_day.isoformat()}.csv"
    return Response(
        body.encode("utf-8"),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
