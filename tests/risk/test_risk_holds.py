"""Shipments and replenishment bookings held by flags: not created, declared or departed until an
admin clears them; a shipment whose consignee differs from its order's is flagged."""

from __future__ import annotations

import sys
from pathlib import Path

import factories
import pytest

from marketplace.core.errors import Conflict
from marketplace.risk import services as risk
from marketplace.risk.states import Rule
from marketplace.shipments import declare
from marketplace.shipments import services as shipments
from marketplace.shipments.states import ShipmentState
from marketplace.warehouses import services as warehouses

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "shipments"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouses"))
import shipment_world
import stock_world


def _rules(obj):
    return {f.rule for f in risk.flags_of(obj)}


def test_a_held_order_cannot_be_shipped_until_cleared(ctx):
    _buyer, _company, seller, _sc, order = shipment_world.ready_order()
    admin = factories.make_user(admin=True)
    risk.record_details(
        seller, order, risk.DetailsData(consignee_name="Erdenet Trading LLC", consignee_country="MN")
    )
    [flag] = risk.flags_of(order)
    assert flag.rule == Rule.ROUTE_CHANGE
    with pytest.raises(Conflict) as exc:
        shipments.create_shipment(seller, order, shipment_world.shipment_data(order))
    assert exc.value.code == "compliance_hold"
    risk.decide(admin, flag, "clear", "Consignee is the buyer's Erdenet branch.")
    shipment = shipments.create_shipment(seller, order, shipment_world.shipment_data(order))
    assert _rules(shipment) == set()  # plain PP, the consignee the order has
    assert not risk.is_held(shipment)


def test_a_shipment_to_another_consignee_is_not_declared_until_cleared(ctx):
    _buyer, _company, seller, _sc, order = shipment_world.ready_order()
    admin = factories.make_user(admin=True)
    shipment = shipments.create_shipment(seller, order, shipment_world.shipment_data(order))
    risk.record_details(
        seller, shipment, risk.DetailsData(consignee_name="Baikal Resale LLC", consignee_country="RU")
    )
    [flag] = risk.flags_of(shipment)
    assert flag.rule == Rule.ROUTE_CHANGE
    assert flag.evidence["changes"]["country"] == {"before": "MN", "after": "RU"}
    with pytest.raises(Conflict) as exc:
        declare.declare_shipment(seller, shipment, "1240")
    assert exc.value.code == "compliance_hold" and shipment.state == ShipmentState.CREATED
    assert shipment.destination_port is None
    risk.decide(admin, flag, "clear", "Checked.")
    risk.require_clear(shipment)  # the customs steps may go on


def test_a_held_shipment_may_still_be_cancelled(ctx):
    _buyer, _company, seller, _sc, order = shipment_world.ready_order()
    shipment = shipments.create_shipment(seller, order, shipment_world.shipment_data(order))
    risk.record_details(
        seller, shipment, risk.DetailsData(consignee_name="Baikal Resale LLC", consignee_country="RU")
    )
    assert risk.is_held(shipment)
    shipments.move(seller, shipment, ShipmentState.CANCELLED, reason="Re-plan")
    assert shipment.state == ShipmentState.CANCELLED


def test_booking_to_a_checked_country_is_held_until_cleared(ctx):
    w = stock_world.world()
    risk.set_country(w["admin"], "RU", "extra_check", "End-use statement required")
    booking = warehouses.create_booking(
        w["s1"], w["c1"], stock_world.booking_data(w["moscow"], [(w["l1"], 10)])
    )
    [flag] = risk.flags_of(booking)
    assert flag.rule == Rule.DESTINATION
    with pytest.raises(Conflict) as exc:
        risk.require_clear(booking)
    assert exc.value.code == "compliance_hold"
    with pytest.raises(Conflict):
        warehouses.mark_departed(w["s1"], booking)
    with pytest.raises(Conflict) as exc:
        declare.declare_booking(w["s1"], booking, "MOW")
    assert exc.value.code == "compliance_hold" and booking.destination_port is None
    assert booking.state.value == "booked"
    risk.decide(w["admin"], flag, "clear", "End-use statement on file.")
    risk.require_clear(booking)  # departure now depends on customs alone


def test_booking_to_an_unlisted_country_is_not_held(ctx):
    w = stock_world.world()
    booking = warehouses.create_booking(w["s1"], w["c1"], stock_world.booking_data(w["ub"], [(w["l1"], 10)]))
    assert risk.flags_of(booking) == []
    risk.require_clear(booking)
