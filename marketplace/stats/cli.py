"""`flask stats report --period 2026-Q3`: the dashboard's figures for reporting, as CSV or JSON."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from marketplace.core.errors import ValidationFailed

stats_cli = AppGroup("stats", help="Pilot-zone statistics.")


class _Operator:
    """Whoever runs the command on the server acts as a platform admin."""

    is_admin = True
    id = None


@stats_cli.command("report")
@click.option("--period", default=None, help="2026 (year), 2026-Q3 (quarter) or 2026-07 (month).")
@click.option("--from", "date_from", default=None, help="Custom range: first day, YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, help="Custom range: last day, YYYY-MM-DD.")
@click.option("--vertical", default=None, help="chemicals, vehicles or cashmere.")
@click.option("--country", default=None, help="Destination country, ISO code (MN, RU…).")
@click.option("--mode", default=None, help="9710, 9810 or stock.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option(
    "--out", type=click.Path(dir_okay=False, writable=True), default=None, help="File (default: stdout)."
)
@click.option("--lang", default="zh", show_default=True, help="Language of the labels (zh, en, ru, mn).")
def report(period, date_from, date_to, vertical, country, mode, fmt, out, lang):
    """Write the statistics of a period (the same figures as the dashboard)."""
    from flask import current_app
    from flask_babel import force_locale

    from marketplace.stats import export, queries
    from marketplace.stats.filters import from_args

    args = {
        "period": period,
        "from": date_from,
        "to": date_to,
        "vertical": vertical,
        "country": country,
        "mode": mode,
    }
    with current_app.test_request_context(f"/{lang}/"), force_locale(lang):
        try:
            filters = from_args({k: v for k, v in args.items() if v})
        except ValidationFailed as exc:
            for field, messages in exc.errors.items():
                for message in messages:
                    click.echo(f"{field}: {message}", err=True)
            sys.exit(2)
        rep = queries.report(_Operator(), filters)
        text = export.report_csv(rep) if fmt == "csv" else export.report_json_text(rep) + "\n"
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        click.echo(f"{out}: {filters.start.isoformat()} – {filters.last_day.isoformat()}", err=True)
    else:
        click.echo(text.removeprefix(export.BOM), nl=False)
