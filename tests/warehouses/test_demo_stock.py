"""The demo data has overseas stock for several listings in two countries and a replenishment in transit."""

from __future__ import annotations

import sqlalchemy as sa

from marketplace.extensions import db
from marketplace.warehouses.models import ReplenishmentBooking, StockBalance, Warehouse
from marketplace.warehouses.states import BookingState


def test_demo_overseas_stock(app, runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    assert runner.invoke(args=["demo", "load"]).exit_code == 0  # idempotent
    with app.app_context():
        stocked = list(db.session.scalars(sa.select(StockBalance).where(StockBalance.on_hand > 0)))
        assert len({b.listing_id for b in stocked}) >= 3
        assert {db.session.get(Warehouse, b.warehouse_id).country for b in stocked} == {"MN", "RU"}
        states = [b.state for b in db.session.scalars(sa.select(ReplenishmentBooking))]
        assert sorted(states) == sorted(
            [BookingState.RECEIVED, BookingState.RECEIVED, BookingState.IN_TRANSIT]
        )
        transit = db.session.scalars(sa.select(StockBalance).where(StockBalance.in_transit > 0)).all()
        assert transit and all(b.on_hand == 0 for b in transit)
        homes = db.session.scalar(sa.select(sa.func.count(Warehouse.id)).where(Warehouse.kind == "home"))
        assert homes == 3
