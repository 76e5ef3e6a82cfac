"""The stock ledger: each operation, refusals that change nothing, and (property-based) any sequence of
operations keeps on hand ≥ reserved ≥ 0 and equal to the sum of the movements."""

from __future__ import annotations

from decimal import Decimal

import pytest
import stock_world
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketplace.core.errors import ValidationFailed
from marketplace.extensions import db
from marketplace.warehouses import ledger
from marketplace.warehouses.models import StockBalance, StockMovement
from marketplace.warehouses.states import MovementKind


@pytest.fixture
def w(ctx):
    return stock_world.world()


def _balance(listing, warehouse, lot=""):
    return db.session.scalar(
        db.select(StockBalance).where(
            StockBalance.listing_id == listing.id,
            StockBalance.warehouse_id == warehouse.id,
            StockBalance.lot == lot,
        )
    )


def test_receive_reserve_release_ship(w):
    l1, moscow = w["l1"], w["moscow"]
    ledger.receive(l1, moscow, "100", "R-1")
    ledger.reserve(l1, moscow, "30", "ORDER-1")
    ledger.release(l1, moscow, "10", "ORDER-1")
    ledger.ship(l1, moscow, "20", "ORDER-1")
    b = _balance(l1, moscow)
    assert (b.on_hand, b.reserved, b.available) == (Decimal("80"), Decimal("0"), Decimal("80"))
    kinds = [m.kind for m in db.session.scalars(db.select(StockMovement).order_by(StockMovement.id))]
    assert kinds == [
        MovementKind.RECEIVED,
        MovementKind.RESERVED,
        MovementKind.RELEASED,
        MovementKind.SHIPPED,
    ]
    assert ledger.ledger_sums(b.id) == (b.on_hand, b.reserved, b.in_transit)


def test_service_api_for_orders(w):
    from marketplace.warehouses import services

    l1, moscow = w["l1"], w["moscow"]
    ledger.receive(l1, moscow, "10", "R-1")
    services.reserve(l1, moscow, "6", "ORD-1")
    with pytest.raises(ledger.InsufficientStock):
        services.reserve(l1, moscow, "5", "ORD-2")
    services.release(l1, moscow, "2", "ORD-1")
    services.ship(l1, moscow, "4", "ORD-1")
    b = _balance(l1, moscow)
    assert (b.on_hand, b.reserved, b.available) == (Decimal(6), Decimal(0), Decimal(6))


def test_refusals_change_nothing(w):
    l1, moscow = w["l1"], w["moscow"]
    with pytest.raises(ledger.InsufficientStock):
        ledger.reserve(l1, moscow, "1", "ORDER-0")  # no stock row at all
    ledger.receive(l1, moscow, "10", "R-1")
    ledger.reserve(l1, moscow, "8", "ORDER-1")
    for op, qty in ((ledger.reserve, "3"), (ledger.release, "9"), (ledger.ship, "9")):
        with pytest.raises(ledger.InsufficientStock):
            op(l1, moscow, qty, "ORDER-2")
    with pytest.raises(ledger.InsufficientStock):
        ledger.adjust(l1, moscow, "-3", "count")  # would leave less on hand than reserved
    with pytest.raises(ValidationFailed):
        ledger.adjust(l1, moscow, "-1", "  ")  # a reason is required
    for bad in ("0", "-1", "abc", "1.0001", "NaN", "Infinity"):
        with pytest.raises(ValidationFailed):
            ledger.reserve(l1, moscow, bad, "ORDER-3")
    b = _balance(l1, moscow)
    assert (b.on_hand, b.reserved) == (Decimal("10"), Decimal("8"))
    assert db.session.scalar(db.select(db.func.count(StockMovement.id))) == 2


def test_lots_are_separate_balances(w):
    l1, moscow = w["l1"], w["moscow"]
    ledger.receive(l1, moscow, "5", "R-1", lot="L-2026-11")
    with pytest.raises(ledger.InsufficientStock):
        ledger.reserve(l1, moscow, "1", "ORDER-1")
    ledger.reserve(l1, moscow, "5", "ORDER-1", lot="L-2026-11")
    assert _balance(l1, moscow, "L-2026-11").available == 0


OPS = st.lists(
    st.tuples(
        st.sampled_from(["receive", "reserve", "release", "ship", "adjust", "dispatch", "write_off"]),
        st.decimals(min_value=Decimal("-50"), max_value=Decimal("50"), places=3, allow_nan=False),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_sequence_keeps_the_invariants(w, ops):
    l1, moscow = w["l1"], w["moscow"]
    lot = f"P{next(_examples)}"
    for name, qty in ops:
        try:
            if name == "adjust":
                ledger.adjust(l1, moscow, qty, "stock count", lot=lot)
            elif name == "write_off":
                ledger.write_off_transit(l1, moscow, qty, "B-1", "lost", lot=lot)
            else:
                getattr(ledger, name)(l1, moscow, qty, "REF", lot=lot)
        except (ledger.InsufficientStock, ValidationFailed):
            pass
        b = _balance(l1, moscow, lot)
        if b is None:
            continue
        assert b.on_hand >= b.reserved >= 0
        assert b.in_transit >= 0
        assert ledger.ledger_sums(b.id) == (b.on_hand, b.reserved, b.in_transit)


_examples = iter(range(10**9))
