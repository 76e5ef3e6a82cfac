"""Constructed histories for the credit figures: orders, declarations and quote invitations written
as rows with their state changes at chosen instants (the SQL aggregates read nothing else)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import count

import factories
import sqlalchemy as sa

from marketplace.catalog.models import Category
from marketplace.catalog.states import Incoterm, Unit
from marketplace.core.states import StateChange
from marketplace.customs.models import Declaration
from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.orders.states import BalanceDue
from marketplace.rfq.models import Quote, Rfq
from marketplace.shipments.models import Shipment
from marketplace.warehouses.models import ReplenishmentBooking, Warehouse
from marketplace.warehouses.states import BookingTransport, PackageType, WarehouseKind

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
_n = count(1)


def day(n: float) -> datetime:
    """`n` days before NOW."""
    return NOW - timedelta(days=n)


def parties(seller_ids: int = 0):
    """(seller owner, seller company, buyer owner, buyer company)."""
    owner, seller = factories.verified_seller(seller_ids=seller_ids)
    buyer_user = factories.make_user()
    buyer = factories.make_company(buyer_user)
    return owner, seller, buyer_user, buyer


def _changes(subject_type: str, subject_id: int, history) -> None:
    previous = None
    for state, at in history:
        db.session.add(
            StateChange(
                subject_type=subject_type, subject_id=subject_id, from_state=previous, to_state=state, at=at
            )
        )
        previous = state
    db.session.flush()


def order(seller, buyer, history, *, lead: int = 10) -> Order:
    """An order of `seller` whose state history is `history` [(state, at), ...]; its state is the last."""
    n = next(_n)
    row = Order(
        number=f"ORD-T-{n:06d}",
        buyer_id=buyer.id,
        seller_id=seller.id,
        state=history[-1][0],
        currency="USD",
        total=Decimal("1000.00"),
        incoterm=Incoterm.FCA,
        incoterm_place="Erenhot",
        lead_time_days=lead,
        deposit_percent=Decimal(30),
        balance_due=BalanceDue.BEFORE_SHIPMENT,
        destination_country="MN",
        destination_place="Ulaanbaatar",
        placed_at=history[0][1],
    )
    db.session.add(row)
    db.session.flush()
    _changes("orders.state", row.id, history)
    return row


def _declaration(kind: str, source_id: int, history) -> Declaration:
    n = next(_n)
    decl = Declaration(
        source_kind=kind,
        source_id=source_id,
        mode="9710" if kind == "shipment" else "9810",
        route="list",
        state=history[-1][0],
        order_no=f"D{n}",
        waybill_no=f"W{n}",
        cop_no=f"C{n}",
        seller_code="1506960123",
        input_data={},
        route_data={},
    )
    db.session.add(decl)
    db.session.flush()
    _changes("customs_declaration", decl.id, history)
    return decl


def shipment_declaration(seller, buyer, history) -> Declaration:
    """A declaration of a direct export shipment of `seller` with the state history `history`."""
    o = order(seller, buyer, [("in_production", day(500)), ("shipped", day(495))])  # outside the window
    n = next(_n)
    ship = Shipment(
        number=f"SHP-T-{n}",
        order_id=o.id,
        seller_id=seller.id,
        state="departed",
        packages=1,
        package_type=PackageType.CARTON,
        gross_weight_kg=Decimal(10),
        net_weight_kg=Decimal(9),
        transport_mode="road",
        carrier_name="Carrier",
        carrier_customs_code="1506960123",
        waybill_number=f"WB{n}",
        exit_customs_code="0701",
        departure_date=date(2026, 5, 1),
    )
    db.session.add(ship)
    db.session.flush()
    return _declaration("shipment", ship.id, history)


def booking_declaration(seller, history) -> Declaration:
    """A declaration of a replenishment booking (9810) of `seller`."""
    n = next(_n)
    wh = Warehouse(
        kind=WarehouseKind.PUBLIC,
        code=f"T{n}",
        name="Ulaanbaatar",
        operator_name="Operator",
        country="MN",
        city="Ulaanbaatar",
        address="Street 1",
    )
    db.session.add(wh)
    db.session.flush()
    booking = ReplenishmentBooking(
        number=f"HWC-T-{n}",
        seller_id=seller.id,
        warehouse_id=wh.id,
        state="departed",
        warehouse_name="Ulaanbaatar",
        warehouse_operator="Operator",
        warehouse_country="MN",
        currency="USD",
        total_value=Decimal("100.00"),
        packages=1,
        package_type=PackageType.CARTON,
        gross_weight_kg=Decimal(10),
        net_weight_kg=Decimal(9),
        transport_mode=BookingTransport.ROAD,
        carrier_name="Carrier",
        carrier_customs_code="1506960123",
        waybill_number=f"BWB{n}",
        exit_customs_code="0701",
        departure_date=date(2026, 5, 1),
    )
    db.session.add(booking)
    db.session.flush()
    return _declaration("booking", booking.id, history)


def invitation(
    seller, buyer, created_at: datetime, first_quoted_at: datetime | None, state="submitted"
) -> Quote:
    """A quote invitation of `seller` received at `created_at`, first answered at `first_quoted_at`."""
    category = db.session.scalar(sa.select(Category).where(Category.slug == "pp"))
    if category is None:
        factories.seed_catalog()
        category = db.session.scalar(sa.select(Category).where(Category.slug == "pp"))
    rfq = Rfq(
        buyer_id=buyer.id,
        category_id=category.id,
        title="PP",
        quantity=Decimal(10),
        unit=Unit.T,
        destination_country="MN",
        destination_place="Ulaanbaatar",
        incoterm=Incoterm.FCA,
        deadline=created_at + timedelta(days=30),
        audience="chosen",
        state="open",
        created_at=created_at,
    )
    db.session.add(rfq)
    db.session.flush()
    quote = Quote(
        rfq_id=rfq.id,
        seller_id=seller.id,
        state=state,
        first_quoted_at=first_quoted_at,
        created_at=created_at,
        updated_at=first_quoted_at or created_at,
    )
    db.session.add(quote)
    db.session.flush()
    return quote
