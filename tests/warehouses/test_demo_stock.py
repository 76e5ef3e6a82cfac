"""The demo data has overseas stock for several listings in two countries, a replenishment in transit,
direct shipments in several states, and the customs declarations of issue 8 (every message valid and
signed), and loading it twice changes nothing."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from customs.customs_factories import make_key_pair
from lxml import etree

from marketplace.accounts.models import Company
from marketplace.customs import messages as m
from marketplace.customs.models import Declaration, DeclarationMessage, Delivery, SourceKind
from marketplace.customs.routing import Route
from marketplace.customs.signing import RsaSigner
from marketplace.customs.states import DeclarationState as DS
from marketplace.extensions import db
from marketplace.shipments.models import Shipment
from marketplace.shipments.states import ShipmentState as SS
from marketplace.warehouses.models import ReplenishmentBooking, StockBalance, Warehouse
from marketplace.warehouses.states import BookingState


@pytest.fixture
def signer(app, tmp_path):
    before = app.extensions.get("customs_signer")
    app.extensions["customs_signer"] = RsaSigner.from_files(*make_key_pair(tmp_path))
    yield app.extensions["customs_signer"]
    if before is None:
        app.extensions.pop("customs_signer")
    else:
        app.extensions["customs_signer"] = before


def _counts():
    from marketplace.credit.models import CreditSnapshot, Rating

    tables = (Declaration, DeclarationMessage, Shipment, ReplenishmentBooking, Rating, CreditSnapshot)
    return [db.session.scalar(sa.select(sa.func.count()).select_from(t)) for t in tables]


def test_demo_overseas_stock_shipments_and_declarations(app, runner, signer):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        first = _counts()
    assert runner.invoke(args=["demo", "load"]).exit_code == 0  # idempotent
    with app.app_context():
        assert _counts() == first
        stocked = list(db.session.scalars(sa.select(StockBalance).where(StockBalance.on_hand > 0)))
        assert len({b.listing_id for b in stocked}) >= 3
        assert {db.session.get(Warehouse, b.warehouse_id).country for b in stocked} == {"MN", "RU"}
        states = [b.state for b in db.session.scalars(sa.select(ReplenishmentBooking))]
        assert sorted(states) == sorted([BookingState.RECEIVED] * 2 + [BookingState.IN_TRANSIT] * 2)
        transit = db.session.scalars(sa.select(StockBalance).where(StockBalance.in_transit > 0)).all()
        assert transit and all(b.on_hand == 0 for b in transit)
        homes = db.session.scalar(sa.select(sa.func.count(Warehouse.id)).where(Warehouse.kind == "home"))
        assert homes == 3

        # A completed order from the Moscow yarn stock, rated by the buyer and answered by the seller.
        from marketplace.credit.models import CreditSnapshot, Rating
        from marketplace.orders.states import OrderState

        [rating] = db.session.scalars(sa.select(Rating)).all()
        assert rating.order.state == OrderState.COMPLETED and rating.order.warehouse.city == "Moscow"
        assert rating.overall == 5 and rating.comment_language == "ru" and rating.reply
        assert db.session.scalar(sa.select(sa.func.count()).select_from(CreditSnapshot)) >= 1

        shipments = {s.waybill_number: s for s in db.session.scalars(sa.select(Shipment))}
        assert {s.state for s in shipments.values()} >= {
            SS.CREATED,
            SS.DECLARED,
            SS.RELEASED,
            SS.DEPARTED,
            SS.DELIVERED,
        }
        decls = list(db.session.scalars(sa.select(Declaration).order_by(Declaration.id)))

        def source(d):
            model = Shipment if d.source_kind == SourceKind.SHIPMENT else ReplenishmentBooking
            return db.session.get(model, d.source_id)

        def seller(d):
            return db.session.get(Company, source(d).seller_id).legal_name_latin

        chemicals = [
            d
            for d in decls
            if d.mode == "9710"
            and d.route == Route.LIST
            and d.state == DS.RELEASED
            and "Chemical" in seller(d)
            and d.input_data["destination_country"] == "MN"
            and d.input_data["transport_mode"] == "road"
        ]
        assert chemicals and all(d.invt_no and d.pre_no for d in chemicals)
        assert source(chemicals[0]).state in (SS.RELEASED, SS.DEPARTED, SS.CROSSED_BORDER, SS.DELIVERED)

        vehicles = [d for d in decls if d.route == Route.FULL and "Vehicle" in seller(d)]
        assert {d.state for d in vehicles} == {DS.ENTERED, DS.BROKER}
        for d in vehicles:
            assert d.handoff["attached_documents"] == [{"code": "10000004", "number": d.order_no}]
            assert not d.messages
        assert [len(d.entry_no or "") for d in vehicles if d.state == DS.ENTERED] == [18]

        booking = [d for d in decls if d.mode == "9810"]
        assert len(booking) == 1 and booking[0].state == DS.RELEASED and booking[0].route == Route.LIST
        assert source(booking[0]).warehouse.code == "moscow" and "Cashmere" in seller(booking[0])

        rejected = [d for d in decls if d.state == DS.REJECTED]
        assert len(rejected) == 1 and "申报要素" in rejected[0].rejection_reason
        assert rejected[0].receipts[-1].return_status == "100"

        messages = list(db.session.scalars(sa.select(DeclarationMessage)))
        assert len(messages) == 3 * len([d for d in decls if d.route == Route.LIST])
        for message in messages:
            root = etree.fromstring(message.xml.encode())
            assert m.validate(root) == [] and signer.verify(root)
            assert message.delivery == Delivery.DELIVERED and message.app_type == "1"


def test_demo_without_a_signing_key_skips_the_declarations(app, runner, monkeypatch):
    monkeypatch.delitem(app.extensions, "customs_signer", raising=False)
    monkeypatch.setitem(app.config, "CUSTOMS_SIGNING_KEY", None)
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0 and "demo declarations skipped" in result.output
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Declaration)) == 0
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Shipment)) == 6
