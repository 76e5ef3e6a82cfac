"""Warehouses (home in Ordos, public overseas, a seller's own overseas), the stock ledger with
reservations, and replenishment bookings to overseas warehouses (the 9810 flow)."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from flask_login import current_user

    from marketplace.warehouses import admin_views, api, queries, services, views  # noqa: F401 - routes
    from marketplace.warehouses.cli import warehouses_cli
    from marketplace.warehouses.states import BookingState

    app.register_blueprint(views.bp)
    app.register_blueprint(admin_views.bp)
    app.cli.add_command(warehouses_cli)

    def booking_state_label(value) -> str:
        try:
            return BookingState(str(value)).label
        except ValueError:
            return str(value)

    app.jinja_env.globals.update(
        overseas_availability=queries.overseas_availability,
        booking_state_label=booking_state_label,
        booking_may_depart=services.declaration_allows_departure,
        operates_warehouse=lambda: bool(services.operated_ids(current_user)),
    )
