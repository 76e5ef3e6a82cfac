"""Payments: the schedule an order's terms produce (payment requests), payments received by bank
transfer (recorded by the seller or an admin) and refunds."""

from flask import Flask


def init_app(app: Flask) -> None:
    from marketplace.payments import models, stripe_gateway, views  # noqa: F401 - tables, job handlers

    app.register_blueprint(views.bp)
