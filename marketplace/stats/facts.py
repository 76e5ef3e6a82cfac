"""Value facts: the traded and exported value, summed by SQL GROUP BY per time segment, destination,
vertical, Ordos origin, mode and currency, then converted (a few hundred groups, not rows) to CNY and
USD. Definitions are in docs/statistics.md.

Three disjoint sources, so no order is counted twice:
- `declared`: 9710 declarations released (or closed) by customs, on their release day: the goods on the
  declaration's shipment at the order's unit prices, converted to CNY at the rate recorded on the
  declaration;
- `completed`: orders completed on the day, except direct orders with a released declaration (those count
  through the declaration): direct ones are 9710, overseas-warehouse ones are sales from overseas stock;
- `booked`: 9810 declarations of replenishment bookings released by customs: the booking lines' value
  (goods moved to an overseas warehouse: an export, not a sale).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import sqlalchemy as sa

from marketplace.catalog.models import Category, Listing, ListingVersion
from marketplace.core.states import StateChange
from marketplace.customs.models import Declaration, SourceKind
from marketplace.customs.states import DECLARATION_WORKFLOW, DeclarationState
from marketplace.extensions import db
from marketplace.orders.models import Order, OrderLine
from marketplace.orders.states import FulfilmentMode, OrderState, order_workflow
from marketplace.shipments.models import Shipment, ShipmentLine
from marketplace.stats.filters import Filters, china_midnight
from marketplace.stats.rates import Rates
from marketplace.warehouses.models import BookingLine, ReplenishmentBooking

RELEASED = (DeclarationState.RELEASED.value, DeclarationState.CLOSED.value)


class Timeline:
    """The period cut into buckets (weeks or months) and, inside them, at every day an exchange rate
    changes: one SQL CASE maps a timestamp to its segment; each segment has one bucket and one rate day."""

    def __init__(self, filters: Filters, rate_days: set[date]):
        self.buckets: list[date] = []
        day = filters.start
        while day < filters.end:
            self.buckets.append(day)
            if filters.weekly:
                day = day + timedelta(days=7 - day.weekday())
            else:
                day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        self.bounds = sorted(
            set(self.buckets[1:]) | {d for d in rate_days if filters.start < d < filters.end}
        )
        self.starts = [filters.start, *self.bounds]
        self.bucket_of = [max(i for i, b in enumerate(self.buckets) if b <= s) for s in self.starts]

    def case(self, column) -> sa.ColumnElement:
        if not self.bounds:
            return sa.literal(0)
        return sa.case(
            *[(column < china_midnight(b), i) for i, b in enumerate(self.bounds)], else_=len(self.bounds)
        )


@dataclass(frozen=True)
class Fact:
    bucket: int
    country: str
    vertical: str | None
    ordos: bool
    mode: str  # "9710", "9810", "stock"
    sale: bool  # a sale to a buyer (part of the transaction value); False for a move to own stock
    cny: Decimal | None  # None when no rate connects the currency
    usd: Decimal | None
    currency: str
    amount: Decimal


def _listing_dims(stmt, listing_id):
    return (
        stmt.outerjoin(Listing, Listing.id == listing_id)
        .outerjoin(Category, Category.id == Listing.category_id)
        .outerjoin(ListingVersion, ListingVersion.id == Listing.live_version_id)
    )


SEG = sa.literal_column("seg")
_DIMS = ("seg", "country", "vertical", "ordos", "currency")


def _group(stmt, *extra: str):
    return stmt.group_by(*(sa.literal_column(c) for c in (*_DIMS, *extra)))


def _completed(f: Filters, tl: Timeline):
    done = StateChange.at
    # Orders with a released declaration, once (not correlated: SQLite would otherwise walk every
    # declaration for every order).
    declared = (
        sa.select(Shipment.order_id)
        .join(
            Declaration,
            sa.and_(Declaration.source_kind == SourceKind.SHIPMENT, Declaration.source_id == Shipment.id),
        )
        .where(Declaration.state.in_(RELEASED))
    )
    stmt = sa.select(
        tl.case(done).label("seg"),
        Order.destination_country.label("country"),
        Category.vertical.label("vertical"),
        ListingVersion.origin_ordos.label("ordos"),
        Order.currency.label("currency"),
        Order.fulfilment_mode.label("fulfilment"),
        sa.func.sum(OrderLine.total).label("amount"),
    ).select_from(Order)
    stmt = stmt.join(
        StateChange,
        sa.and_(
            StateChange.subject_type == order_workflow.subject_type,
            StateChange.subject_id == Order.id,
            StateChange.to_state == OrderState.COMPLETED.value,
        ),
    ).join(OrderLine, OrderLine.order_id == Order.id)
    stmt = _listing_dims(stmt, OrderLine.listing_id).where(
        Order.state == OrderState.COMPLETED, done >= f.start_at, done < f.end_at, Order.id.not_in(declared)
    )
    if f.mode == "9710":
        stmt = stmt.where(Order.fulfilment_mode == FulfilmentMode.DIRECT)
    elif f.mode == "stock":
        stmt = stmt.where(Order.fulfilment_mode == FulfilmentMode.OVERSEAS_WAREHOUSE)
    if f.country:
        stmt = stmt.where(Order.destination_country == f.country)
    if f.vertical:
        stmt = stmt.where(Category.vertical == f.vertical)
    return _group(stmt, "fulfilment")


def released_at():
    """Each declaration's first release (or close) by customs, from its state history."""
    return (
        sa.select(StateChange.subject_id.label("id"), sa.func.min(StateChange.at).label("at"))
        .where(
            StateChange.subject_type == DECLARATION_WORKFLOW.subject_type,
            StateChange.to_state.in_(RELEASED),
        )
        .group_by(StateChange.subject_id)
        .subquery("released")
    )


def _declared_rows(f: Filters, tl: Timeline, kind: SourceKind):
    rel = released_at()
    rate = Declaration.input_data["cny_rate"].as_string()
    if kind is SourceKind.SHIPMENT:
        country, currency = Order.destination_country, Order.currency
        value, listing = ShipmentLine.quantity * OrderLine.unit_price, OrderLine.listing_id
    else:
        country, currency = ReplenishmentBooking.warehouse_country, ReplenishmentBooking.currency
        value, listing = BookingLine.value, BookingLine.listing_id
    stmt = sa.select(
        tl.case(rel.c.at).label("seg"),
        country.label("country"),
        Category.vertical.label("vertical"),
        ListingVersion.origin_ordos.label("ordos"),
        currency.label("currency"),
        rate.label("cny_rate"),
        sa.func.sum(value).label("amount"),
    ).select_from(Declaration)
    stmt = stmt.join(rel, rel.c.id == Declaration.id)
    if kind is SourceKind.SHIPMENT:
        stmt = (
            stmt.join(Shipment, Shipment.id == Declaration.source_id)
            .join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
            .join(OrderLine, OrderLine.id == ShipmentLine.order_line_id)
            .join(Order, Order.id == Shipment.order_id)
        )
    else:
        stmt = stmt.join(ReplenishmentBooking, ReplenishmentBooking.id == Declaration.source_id).join(
            BookingLine, BookingLine.booking_id == ReplenishmentBooking.id
        )
    stmt = _listing_dims(stmt, listing).where(
        Declaration.source_kind == kind,
        Declaration.state.in_(RELEASED),
        rel.c.at >= f.start_at,
        rel.c.at < f.end_at,
    )
    if f.country:
        stmt = stmt.where(country == f.country)
    if f.vertical:
        stmt = stmt.where(Category.vertical == f.vertical)
    return _group(stmt, "cny_rate")


def value_facts(f: Filters, tl: Timeline, rates: Rates) -> tuple[list[Fact], dict[str, Decimal]]:
    """The value facts of the period, and the amounts left unconverted per currency (no rate known)."""
    facts: list[Fact] = []
    unconverted: dict[str, Decimal] = {}

    def add(row, mode: str, sale: bool, cny: Decimal | None, usd: Decimal | None) -> None:
        amount = Decimal(row.amount or 0)
        if cny is None or usd is None:
            unconverted[row.currency] = unconverted.get(row.currency, Decimal(0)) + amount
        facts.append(
            Fact(
                bucket=tl.bucket_of[row.seg],
                country=row.country,
                vertical=str(row.vertical.value) if row.vertical is not None else None,
                ordos=bool(row.ordos),
                mode=mode,
                sale=sale,
                cny=cny,
                usd=usd,
                currency=row.currency,
                amount=amount,
            )
        )

    if f.mode in (None, "9710", "stock"):
        for row in db.session.execute(_completed(f, tl)):
            day = tl.starts[row.seg]
            amount = Decimal(row.amount or 0)
            to_cny, to_usd = rates.factor(row.currency, "CNY", day), rates.factor(row.currency, "USD", day)
            mode = "9710" if row.fulfilment == FulfilmentMode.DIRECT else "stock"
            add(row, mode, True, _times(amount, to_cny), _times(amount, to_usd))
    for kind, mode in ((SourceKind.SHIPMENT, "9710"), (SourceKind.BOOKING, "9810")):
        if not f.includes(mode):
            continue
        for row in db.session.execute(_declared_rows(f, tl, kind)):
            day = tl.starts[row.seg]
            declared_rate = Decimal(str(row.cny_rate)) if row.cny_rate is not None else None
            if declared_rate is not None and row.currency != "CNY":
                rates.record_declared(row.currency, declared_rate)
            elif row.currency == "CNY":
                declared_rate = Decimal(1)
            cny = _times(Decimal(row.amount or 0), declared_rate)
            add(row, mode, mode == "9710", cny, _times(cny, rates.factor("CNY", "USD", day)))
    return facts, unconverted


def _times(amount: Decimal | None, rate: Decimal | None) -> Decimal | None:
    if amount is None or rate is None:
        return None
    return amount * rate
