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


# Output names prefixed so that GROUP BY cannot mistake them for a column of a joined table.
_DIMS = ("g_seg", "g_country", "g_vertical", "g_ordos", "g_currency")


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
        tl.case(done).label("g_seg"),
        Order.destination_country.label("g_country"),
        Category.vertical.label("g_vertical"),
        ListingVersion.origin_ordos.label("g_ordos"),
        Order.currency.label("g_currency"),
        Order.fulfilment_mode.label("g_fulfilment"),
        sa.func.sum(OrderLine.total).label("g_amount"),
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
    return _group(stmt, "g_fulfilment")


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
        tl.case(rel.c.at).label("g_seg"),
        country.label("g_country"),
        Category.vertical.label("g_vertical"),
        ListingVersion.origin_ordos.label("g_ordos"),
        currency.label("g_currency"),
        rate.label("g_cny_rate"),
        sa.func.sum(value).label("g_amount"),
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
    return _group(stmt, "g_cny_rate")


def value_facts(f: Filters, tl: Timeline, rates: Rates) -> tuple[list[Fact], dict[str, Decimal]]:
    """The value facts of the period, and the amounts left unconverted per currency (no rate known)."""
    facts: list[Fact] = []
    unconverted: dict[str, Decimal] = {}

    def add(row, mode: str, sale: bool, cny: Decimal | None, usd: Decimal | None) -> None:
        amount = dec(row.g_amount)
        if cny is None or usd is None:
            unconverted[row.g_currency] = unconverted.get(row.g_currency, Decimal(0)) + amount
        facts.append(
            Fact(
                bucket=tl.bucket_of[row.g_seg],
                country=row.g_country,
                vertical=str(row.g_vertical.value) if row.g_vertical is not None else None,
                ordos=bool(row.g_ordos),
                mode=mode,
                sale=sale,
                cny=cny,
                usd=usd,
                currency=row.g_currency,
                amount=amount,
            )
        )

    if f.mode in (None, "9710", "stock"):
        for row in db.session.execute(_completed(f, tl)):
            day = tl.starts[row.g_seg]
            amount = dec(row.g_amount)
            to_cny, to_usd = (
                rates.factor(row.g_currency, "CNY", day),
                rates.factor(row.g_currency, "USD", day),
            )
            mode = "9710" if row.g_fulfilment == FulfilmentMode.DIRECT else "stock"
            add(row, mode, True, _times(amount, to_cny), _times(amount, to_usd))
    for kind, mode in ((SourceKind.SHIPMENT, "9710"), (SourceKind.BOOKING, "9810")):
        if not f.includes(mode):
            continue
        for row in db.session.execute(_declared_rows(f, tl, kind)):
            day = tl.starts[row.g_seg]
            declared_rate = Decimal(str(row.g_cny_rate)) if row.g_cny_rate is not None else None
            if declared_rate is not None and row.g_currency != "CNY":
                rates.record_declared(row.g_currency, declared_rate)
            elif row.g_currency == "CNY":
                declared_rate = Decimal(1)
            cny = _times(dec(row.g_amount), declared_rate)
            add(row, mode, mode == "9710", cny, _times(cny, rates.factor("CNY", "USD", day)))
    return facts, unconverted


def dec(value) -> Decimal:
    """A database number as a Decimal (SQLite may compute a product or sum in doubles)."""
    if value is None:
        return Decimal(0)
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def _times(amount: Decimal | None, rate: Decimal | None) -> Decimal | None:
    if amount is None or rate is None:
        return None
    return amount * rate
