"""A shipment (9710) and a replenishment booking (9810) become declaration inputs whose order,
waybill and list messages validate against the official XSD and agree with each other."""

from __future__ import annotations

import sys
from pathlib import Path

from shipment_world import ready_order, shipment_data

from marketplace.customs import messages as m
from marketplace.customs import services as customs
from marketplace.customs.messages import check_input
from marketplace.shipments import services
from marketplace.shipments.declarations import booking_declaration_input, declaration_input
from marketplace.warehouses import services as warehouses

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "warehouses"))
from stock_world import booking_data, world


def _rates():
    from datetime import date
    from decimal import Decimal

    from marketplace.catalog.models import FxRate
    from marketplace.core.cache import clear_all
    from marketplace.extensions import db

    db.session.add(FxRate(base="USD", quote="CNY", rate=Decimal("7.1"), as_of=date(2026, 11, 20)))
    db.session.flush()
    clear_all()


def _assert_valid_set(inp):
    check_input(inp)
    built = customs.build_set(inp)
    assert [b.kind for b in built] and all(m.validate(b.root) == [] for b in built)
    return built


def test_shipment_declaration_validates(ctx):
    _rates()
    _b, _bc, seller, _sc, order = ready_order("100")
    shipment = services.create_shipment(seller, order, shipment_data(order, "60"))
    inp = declaration_input(shipment, destination_port="1240")
    assert inp.mode == "9710" and inp.reference == shipment.number and inp.waybill_no == "EOL-2026-0001"
    assert inp.lines[0].quantity == 60 and len(inp.lines[0].hs_code) in (6, 10)
    assert inp.gross_weight == shipment.gross_weight_kg and inp.export_date == shipment.departure_date
    _assert_valid_set(inp)


def test_booking_declaration_validates(ctx):
    _rates()
    w = world()
    booking = warehouses.create_booking(w["s1"], w["c1"], booking_data(w["moscow"], [(w["l1"], 40)]))
    inp = booking_declaration_input(booking, destination_port="1240")
    assert (
        inp.mode == "9810"
        and inp.reference == booking.number
        and inp.warehouse_name == booking.warehouse_name
    )
    _assert_valid_set(inp)
