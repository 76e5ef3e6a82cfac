"""Replenishment bookings (9810): validation, the state machine with history, stock in transit on
departure, partial receipts, discrepancies, and only received quantities becoming available."""

from __future__ import annotations

from decimal import Decimal

import pytest
import stock_world

from marketplace.core.errors import PermissionDenied, ValidationFailed
from marketplace.core.states import IllegalTransition
from marketplace.extensions import db
from marketplace.warehouses import queries, services
from marketplace.warehouses.models import StockBalance
from marketplace.warehouses.states import BookingState, booking_workflow


@pytest.fixture
def w(ctx):
    return stock_world.world()


def _balance(listing, warehouse):
    return db.session.scalar(
        db.select(StockBalance).where(
            StockBalance.listing_id == listing.id, StockBalance.warehouse_id == warehouse.id
        )
    )


def test_booking_records_what_the_9810_declaration_needs(w):
    booking = services.create_booking(
        w["s1"], w["c1"], stock_world.booking_data(w["moscow"], [(w["l1"], 300)])
    )
    assert booking.number.startswith("HWC") and len(booking.number) <= 32
    assert booking.state == BookingState.BOOKED
    assert (booking.warehouse_name, booking.warehouse_country) == (w["moscow"].name, "RU")
    assert booking.warehouse_operator == w["moscow"].operator_name
    line = booking.lines[0]
    assert (line.position, line.hs_code, line.unit.value) == (1, "5108101100", "kg")
    assert line.value == Decimal("42600.00") == booking.total_value
    assert (booking.carrier_customs_code, booking.exit_customs_code) == ("1101980001", "0702")
    assert booking.net_weight_kg <= booking.gross_weight_kg


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"net_weight_kg": "600"}, "net_weight_kg"),
        ({"waybill_number": "X" * 33}, "waybill_number"),
        ({"carrier_customs_code": "12"}, "carrier_customs_code"),
        ({"exit_customs_code": "ERL"}, "exit_customs_code"),
        ({"packages": "0"}, "packages"),
        ({"transport_mode": "sea"}, "transport_mode"),
        ({"departure_date": "tomorrow"}, "departure_date"),
        ({"lines": []}, "lines"),
    ],
)
def test_invalid_bookings_are_refused(w, overrides, field):
    with pytest.raises(ValidationFailed) as exc:
        services.create_booking(
            w["s1"], w["c1"], stock_world.booking_data(w["moscow"], [(w["l1"], 10)], **overrides)
        )
    assert field in exc.value.errors


def test_cannot_book_another_sellers_listing_or_warehouse(w):
    with pytest.raises(ValidationFailed) as exc:
        services.create_booking(w["s1"], w["c1"], stock_world.booking_data(w["moscow"], [(w["l2"], 10)]))
    assert "lines" in exc.value.errors
    with pytest.raises(PermissionDenied):
        services.create_booking(w["s2"], w["c1"], stock_world.booking_data(w["moscow"], [(w["l1"], 10)]))


def test_waybill_unique_per_carrier(w):
    data = stock_world.booking_data(w["moscow"], [(w["l1"], 10)], waybill_number="CRCT-1")
    services.create_booking(w["s1"], w["c1"], data)
    with pytest.raises(ValidationFailed) as exc:
        services.create_booking(w["s1"], w["c1"], data)
    assert "waybill_number" in exc.value.errors


def test_flow_with_partial_receipts_and_discrepancy(w):
    l1, moscow, s1 = w["l1"], w["moscow"], w["s1"]
    booking = services.create_booking(s1, w["c1"], stock_world.booking_data(moscow, [(l1, 300)]))
    line = booking.lines[0]
    services.mark_departed(s1, booking)
    b = _balance(l1, moscow)
    assert (b.on_hand, b.in_transit) == (Decimal(0), Decimal(300))
    assert queries.overseas_availability(l1.id) == []  # in transit is not sellable
    services.mark_in_transit(s1, booking, "crossed at Zamyn-Üüd")
    services.record_receipt(w["operator"], booking, {line.id: "200"}, final=False)
    assert booking.state == BookingState.PARTIALLY_RECEIVED
    assert (b.on_hand, b.in_transit) == (Decimal(200), Decimal(100))
    [avail] = queries.overseas_availability(l1.id)
    assert (avail.city, avail.available, avail.ships_in_days) == ("Moscow", Decimal(200), 3)
    services.record_receipt(w["operator"], booking, {line.id: "95"}, final=True, note="5 kg damaged")
    assert booking.state == BookingState.RECEIVED
    assert (b.on_hand, b.in_transit) == (Decimal(295), Decimal(0))
    assert line.received_quantity == Decimal(295) and line.discrepancy == Decimal(-5)
    states = [c.to_state for c in booking_workflow.history(booking)]
    assert states == ["booked", "departed", "in_transit", "partially_received", "received"]
    with pytest.raises(IllegalTransition):
        services.record_receipt(w["operator"], booking, {line.id: "1"}, final=False)


def test_illegal_transitions_and_who_may_act(w):
    booking = services.create_booking(
        w["s1"], w["c1"], stock_world.booking_data(w["moscow"], [(w["l1"], 10)])
    )
    with pytest.raises(IllegalTransition):
        services.record_receipt(w["s1"], booking, {booking.lines[0].id: "10"}, final=False)
    with pytest.raises(IllegalTransition):
        services.mark_in_transit(w["s1"], booking)
    with pytest.raises(PermissionDenied):
        services.mark_departed(w["s2"], booking)
    with pytest.raises(PermissionDenied):
        services.mark_departed(w["operator"], booking)  # operators receive, sellers dispatch
    services.cancel_booking(w["s1"], booking, "changed plans")
    with pytest.raises(IllegalTransition):
        services.mark_departed(w["s1"], booking)
    assert _balance(w["l1"], w["moscow"]) is None  # nothing moved


def test_over_receipt_is_recorded(w):
    booking = services.create_booking(w["s1"], w["c1"], stock_world.booking_data(w["ub"], [(w["l1"], 10)]))
    services.mark_departed(w["s1"], booking)
    with pytest.raises(PermissionDenied):
        services.record_receipt(
            w["operator"], booking, {booking.lines[0].id: "10"}, final=False
        )  # not Ulaanbaatar
    services.record_receipt(w["s1"], booking, {booking.lines[0].id: "12"}, final=False)
    b = _balance(w["l1"], w["ub"])
    assert (b.on_hand, b.in_transit) == (Decimal(12), Decimal(0))
    assert booking.state == BookingState.RECEIVED and booking.lines[0].discrepancy == Decimal(2)


@pytest.mark.parametrize(
    "start, target, ok",
    [
        (BookingState.BOOKED, BookingState.DEPARTED, True),
        (BookingState.BOOKED, BookingState.RECEIVED, False),
        (BookingState.DEPARTED, BookingState.IN_TRANSIT, True),
        (BookingState.DEPARTED, BookingState.BOOKED, False),
        (BookingState.IN_TRANSIT, BookingState.PARTIALLY_RECEIVED, True),
        (BookingState.IN_TRANSIT, BookingState.CANCELLED, False),
        (BookingState.PARTIALLY_RECEIVED, BookingState.RECEIVED, True),
        (BookingState.RECEIVED, BookingState.IN_TRANSIT, False),
        (BookingState.CANCELLED, BookingState.BOOKED, False),
    ],
)
def test_transition_table(start, target, ok):
    class Obj:
        state = start

    assert booking_workflow.can(Obj(), target) is ok
