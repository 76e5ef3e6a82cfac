"""Direct export shipments (the 9710 flow): partial shipments of an order with everything the
declaration needs, their tracking timeline, and the commercial invoice and packing list."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from flask_login import current_user

    from marketplace.shipments import (  # noqa: F401 - routes, tables
        api,
        declare,
        declare_api,
        declare_views,
        models,
        queries,
        services,
        views,
    )

    app.register_blueprint(views.bp)
    app.register_blueprint(declare_views.bookings_bp)
    declare.connect()  # the shipment follows its declaration's receipts
    app.jinja_env.globals.update(
        declaration_panel=lambda source: declare.panel(current_user, source),
        declaration_receipt_label=declare.receipt_label,
        shipments_of_order=queries.shipments_of,
        can_ship=lambda order: services.can_ship(current_user, order),
        shipment_may_download=lambda shipment: services.may_download(current_user, shipment),
    )
