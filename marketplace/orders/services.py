"""Order operations. They flush, never commit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from marketplace.catalog.states import Incoterm, Unit
from marketplace.core.db import utcnow
from marketplace.core.money import quantize
from marketplace.extensions import db
from marketplace.orders.models import Order, OrderLine
from marketplace.orders.states import BalanceDue, initial_state, order_workflow


@dataclass
class OrderLineTerms:
    description: str
    quantity: Decimal
    unit: Unit
    unit_price: Decimal
    listing_id: int | None = None


@dataclass
class OrderTerms:
    """Everything an order locks: parties, currency, lines, delivery and payment terms."""

    buyer_id: int
    seller_id: int
    currency: str
    lines: list[OrderLineTerms]
    incoterm: Incoterm
    incoterm_place: str
    lead_time_days: int
    deposit_percent: Decimal
    balance_due: BalanceDue
    destination_country: str
    destination_place: str
    rfq_id: int | None = None
    quote_id: int | None = None
    quote_revision_id: int | None = None


def order_number(order: Order) -> str:
    """ORD-<year>-<id, six digits>: unique, readable on the phone, never reused."""
    return f"ORD-{order.placed_at:%Y}-{order.id:06d}"


def place_order(actor, terms: OrderTerms) -> Order:
    """Create the order with `terms` copied (later changes of the source do not touch it), in its
    first state (awaiting deposit, or awaiting payment when nothing or everything is paid up front)."""
    now = utcnow()
    order = Order(
        number=f"tmp-{uuid.uuid4().hex[:20]}",
        buyer_id=terms.buyer_id,
        seller_id=terms.seller_id,
        created_by_id=getattr(actor, "id", None),
        rfq_id=terms.rfq_id,
        quote_id=terms.quote_id,
        quote_revision_id=terms.quote_revision_id,
        currency=terms.currency,
        total=Decimal(0),
        incoterm=terms.incoterm,
        incoterm_place=terms.incoterm_place,
        lead_time_days=terms.lead_time_days,
        deposit_percent=terms.deposit_percent,
        balance_due=terms.balance_due,
        destination_country=terms.destination_country,
        destination_place=terms.destination_place,
        placed_at=now,
    )
    total = Decimal(0)
    for position, line in enumerate(terms.lines, start=1):
        line_total = quantize(line.quantity * line.unit_price, terms.currency)
        total += line_total
        order.lines.append(
            OrderLine(
                position=position,
                listing_id=line.listing_id,
                description=line.description,
                quantity=line.quantity,
                unit=line.unit,
                unit_price=line.unit_price,
                total=line_total,
            )
        )
    order.total = total
    order_workflow.start(order, initial_state(terms.deposit_percent), actor=actor)
    order.number = order_number(order)
    db.session.flush()
    return order
