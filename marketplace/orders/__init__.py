"""Orders: created from accepted quotes (this issue); payments and fulfilment extend them."""

from datetime import timedelta

from flask import Flask


def _order_state_label(value: str):
    from marketplace.orders.states import OrderState

    try:
        return OrderState(value).label
    except ValueError:
        return value


def init_app(app: Flask) -> None:
    from marketplace.core import outbox
    from marketplace.orders import api, services, views  # noqa: F401 - routes

    app.register_blueprint(views.bp)
    app.jinja_env.globals["order_state_label"] = _order_state_label

    @outbox.periodic("orders.cancel_unpaid_overseas", timedelta(minutes=15))
    def _cancel_unpaid_overseas():
        services.cancel_unpaid_overseas()
