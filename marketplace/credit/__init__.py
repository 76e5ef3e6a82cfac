"""Seller credit: buyers' ratings of completed orders (answered once by the seller, hidden by admins
when abusive) and a credit profile per seller computed from its record (on-time shipment, disputes,
declaration rejections, quote response time, ratings) with the history of its snapshots."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask

from marketplace.notifications.services import KINDS, N_

KINDS.update(
    {
        "rating_received": (
            N_("Order %(number)s rated %(stars)s of 5"),
            N_("%(buyer)s rated order %(number)s: %(stars)s of 5 stars. You can answer publicly once."),
        ),
        "rating_answered": (
            N_("Order %(number)s: the seller answered your rating"),
            N_("%(seller)s answered your rating of order %(number)s."),
        ),
    }
)


def init_app(app: Flask) -> None:
    from flask_login import current_user

    from marketplace.core import outbox
    from marketplace.credit import admin_views, api, cli, explain, models, queries, services, views  # noqa: F401

    app.register_blueprint(views.bp)
    app.register_blueprint(admin_views.bp)
    app.cli.add_command(cli.credit_cli)

    def order_rating(order):
        rating = queries.rating_of_order(order.id)
        user = current_user
        return {
            "rating": rating,
            "can_rate": rating is None and services.can_rate(user, order),
            "can_reply": rating is not None and services.can_reply(user, rating),
            "can_hide": rating is not None and user.is_admin and rating.state.value == "visible",
        }

    app.jinja_env.globals.update(
        seller_credit=queries.profile_of,
        seller_badge=queries.badge_of,
        credit_snapshots=queries.latest_snapshots,
        credit_components=explain.components,
        order_rating=order_rating,
        seller_ratings=queries.ratings_of_seller,
        seller_rating_summary=queries.rating_summary,
    )

    @outbox.handler(services.RECOMPUTE_JOB)
    def _recompute(job):
        from marketplace.accounts.models import Company
        from marketplace.extensions import db

        seller_id = int(job.payload["seller_id"])
        if db.session.get(Company, seller_id) is not None:  # a deleted company has nothing to recompute
            services.recompute(seller_id, trigger=str(job.payload.get("trigger", "")))

    @outbox.periodic("credit.refresh_changed", services.REFRESH_EVERY)
    def _refresh_changed():
        services.refresh_changed()

    @outbox.periodic("credit.recompute_all", timedelta(hours=24))
    def _nightly():
        services.recompute_all()
