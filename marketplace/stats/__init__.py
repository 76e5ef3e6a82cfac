"""Pilot-zone statistics for admins: export value by mode, destination and vertical, orders, RFQ
conversion, active enterprises, overseas warehouses and stock, declaration outcomes and the share of
Ordos-made products; a dashboard with SVG charts, CSV downloads, the API and `flask stats report`."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from marketplace.stats import api, models, views  # noqa: F401 - routes and indexes
    from marketplace.stats.cli import stats_cli

    app.register_blueprint(views.bp)
    app.cli.add_command(stats_cli)
