"""The pilot-zone statistics: every figure is a SQL aggregate (GROUP BY in the database); Python only
converts and adds up the grouped rows. Definitions: docs/statistics.md (and the page's help text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from marketplace.catalog.models import Category, Listing
from marketplace.catalog.states import Vertical
from marketplace.core.db import utcnow
from marketplace.core.errors import PermissionDenied
from marketplace.customs.models import Declaration, SourceKind
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db
from marketplace.orders.models import Order, OrderLine
from marketplace.orders.states import FulfilmentMode, OrderState
from marketplace.rfq.models import Rfq
from marketplace.shipments.models import ShipmentLine
from marketplace.stats.facts import RELEASED, Fact, Timeline, dec, released_at, value_facts
from marketplace.stats.filters import CHINA, MODES, Filters
from marketplace.stats.rates import Rates, UsedRate
from marketplace.warehouses.models import BookingLine, ReplenishmentBooking, StockBalance, Warehouse
from marketplace.warehouses.states import BookingState, WarehouseKind

ORDOS_TARGET = Decimal("50")  # per cent: the plan's 2025 target for Ordos-made products
CENT = Decimal("0.01")
MODE_KEYS = ("9710", "9810", "stock")


def money(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_UP)


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Column:
    key: str
    label: object  # a lazy string
    kind: str = "text"  # text, country, vertical, mode, bucket, int, cny, usd, percent, hours, rate, date


@dataclass
class Table:
    key: str
    title: object
    columns: list[Column]
    rows: list[list] = field(default_factory=list)


@dataclass
class Report:
    filters: Filters
    generated_at: datetime
    export_cny: Decimal
    export_usd: Decimal
    stock_sales_cny: Decimal
    stock_sales_usd: Decimal
    transaction_cny: Decimal
    ordos_cny: Decimal
    ordos_share: Decimal | None
    orders: int
    buyers: int
    sellers: int
    rfqs: int
    rfqs_converted: int
    conversion: Decimal | None
    warehouses_in_use: int
    stock_value_cny: Decimal
    declarations: int
    released: int
    rejected: int
    avg_release_hours: Decimal | None
    rates_used: list[UsedRate]
    unconverted: dict[str, Decimal]
    tables: dict[str, Table]
    buckets: list[date]

    @property
    def ordos_target(self) -> Decimal:
        return ORDOS_TARGET

    @property
    def ordos_target_met(self) -> bool:
        return self.ordos_share is not None and self.ordos_share >= ORDOS_TARGET


def _seconds(later, earlier):
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.func.extract("epoch", later - earlier)
    return (sa.func.julianday(later) - sa.func.julianday(earlier)) * 86400


def _order_in_vertical(vertical: str):
    """Orders with a line in the vertical: one uncorrelated IN list, hashed once."""
    return Order.id.in_(
        sa.select(OrderLine.order_id)
        .join(Listing, Listing.id == OrderLine.listing_id)
        .join(Category, Category.id == Listing.category_id)
        .where(Category.vertical == vertical)
    )


def _order_filters(stmt, f: Filters):
    stmt = stmt.where(
        Order.placed_at >= f.start_at, Order.placed_at < f.end_at, Order.state != OrderState.CANCELLED
    )
    if f.mode == "9710":
        stmt = stmt.where(Order.fulfilment_mode == FulfilmentMode.DIRECT)
    elif f.mode == "stock":
        stmt = stmt.where(Order.fulfilment_mode == FulfilmentMode.OVERSEAS_WAREHOUSE)
    elif f.mode == "9810":
        stmt = stmt.where(sa.false())  # 9810 moves stock to a warehouse: no buyer order
    if f.country:
        stmt = stmt.where(Order.destination_country == f.country)
    if f.vertical:
        stmt = stmt.where(_order_in_vertical(f.vertical))
    return stmt


def _orders(f: Filters, tl: Timeline) -> tuple[int, int, int, dict[int, int]]:
    count, buyers, sellers = db.session.execute(
        _order_filters(
            sa.select(
                sa.func.count(Order.id),
                sa.func.count(sa.distinct(Order.buyer_id)),
                sa.func.count(sa.distinct(Order.seller_id)),
            ),
            f,
        )
    ).one()
    per_segment = db.session.execute(
        _order_filters(
            sa.select(tl.case(Order.placed_at).label("g_seg"), sa.func.count(Order.id)), f
        ).group_by(sa.literal_column("g_seg"))
    ).all()
    series: dict[int, int] = {}
    for seg, n in per_segment:
        series[tl.bucket_of[seg]] = series.get(tl.bucket_of[seg], 0) + n
    return count, buyers, sellers, series


def _rfqs(f: Filters) -> tuple[int, int]:
    joined = Order.rfq_id == Rfq.id
    if f.mode == "9710":
        joined = sa.and_(joined, Order.fulfilment_mode == FulfilmentMode.DIRECT)
    elif f.mode == "stock":
        joined = sa.and_(joined, Order.fulfilment_mode == FulfilmentMode.OVERSEAS_WAREHOUSE)
    elif f.mode == "9810":
        joined = sa.and_(joined, sa.false())
    stmt = (
        sa.select(sa.func.count(Rfq.id), sa.func.count(Order.id))
        .select_from(Rfq)
        .outerjoin(Order, joined)
        .where(Rfq.created_at >= f.start_at, Rfq.created_at < f.end_at)
    )
    if f.country:
        stmt = stmt.where(Rfq.destination_country == f.country)
    if f.vertical:
        stmt = stmt.join(Category, Category.id == Rfq.category_id).where(Category.vertical == f.vertical)
    rfqs, converted = db.session.execute(stmt).one()
    return rfqs, converted


def _warehouses(f: Filters, rates: Rates, today: date) -> tuple[dict[str, int], dict[str, Decimal]]:
    """Overseas warehouses holding stock now, and that stock valued at the average unit value declared
    on the bookings that brought it there (split by the bookings' currencies), per country."""
    if f.mode == "9710":
        return {}, {}
    live = ReplenishmentBooking.state != BookingState.CANCELLED
    total_q = (
        sa.select(
            ReplenishmentBooking.warehouse_id,
            BookingLine.listing_id,
            sa.func.sum(BookingLine.quantity).label("q"),
        )
        .join(BookingLine, BookingLine.booking_id == ReplenishmentBooking.id)
        .where(live)
        .group_by(ReplenishmentBooking.warehouse_id, BookingLine.listing_id)
        .subquery("total_q")
    )
    by_currency = (
        sa.select(
            ReplenishmentBooking.warehouse_id,
            BookingLine.listing_id,
            ReplenishmentBooking.currency,
            sa.func.sum(BookingLine.value).label("v"),
        )
        .join(BookingLine, BookingLine.booking_id == ReplenishmentBooking.id)
        .where(live)
        .group_by(ReplenishmentBooking.warehouse_id, BookingLine.listing_id, ReplenishmentBooking.currency)
        .subquery("by_currency")
    )
    bal = sa.select(
        StockBalance.warehouse_id, StockBalance.listing_id, sa.func.sum(StockBalance.on_hand).label("on_hand")
    ).join(Warehouse, Warehouse.id == StockBalance.warehouse_id)
    bal = bal.where(Warehouse.kind != WarehouseKind.HOME)
    if f.country:
        bal = bal.where(Warehouse.country == f.country)
    if f.vertical:
        bal = (
            bal.join(Listing, Listing.id == StockBalance.listing_id)
            .join(Category, Category.id == Listing.category_id)
            .where(Category.vertical == f.vertical)
        )
    bal = (
        bal.group_by(StockBalance.warehouse_id, StockBalance.listing_id)
        .having(sa.func.sum(StockBalance.on_hand) > 0)
        .subquery("bal")
    )
    in_use = db.session.execute(
        sa.select(Warehouse.country, sa.func.count(sa.distinct(bal.c.warehouse_id)))
        .select_from(bal)
        .join(Warehouse, Warehouse.id == bal.c.warehouse_id)
        .group_by(Warehouse.country)
    ).all()
    values = db.session.execute(
        sa.select(
            Warehouse.country,
            by_currency.c.currency,
            sa.func.sum(bal.c.on_hand * by_currency.c.v * sa.literal_column("1.0") / total_q.c.q),
        )
        .select_from(bal)
        .join(Warehouse, Warehouse.id == bal.c.warehouse_id)
        .join(
            total_q,
            sa.and_(total_q.c.warehouse_id == bal.c.warehouse_id, total_q.c.listing_id == bal.c.listing_id),
        )
        .join(
            by_currency,
            sa.and_(
                by_currency.c.warehouse_id == bal.c.warehouse_id, by_currency.c.listing_id == bal.c.listing_id
            ),
        )
        .where(total_q.c.q > 0)
        .group_by(Warehouse.country, by_currency.c.currency)
    ).all()
    value_cny: dict[str, Decimal] = {}
    for country, currency, amount in values:
        rate = rates.factor(currency, "CNY", today)
        if rate is not None:
            value_cny[country] = value_cny.get(country, Decimal(0)) + dec(amount) * rate
    return {country: n for country, n in in_use}, value_cny


def _declarations(f: Filters) -> list[tuple[str, str, int, Decimal]]:
    """Declarations first submitted in the period: (mode, state, count, seconds to release summed)."""
    if f.mode == "stock":
        return []
    rel = released_at()
    stmt = (
        sa.select(
            Declaration.mode,
            Declaration.state,
            sa.func.count(Declaration.id),
            sa.func.sum(_seconds(rel.c.at, Declaration.created_at)),
        )
        .outerjoin(rel, rel.c.id == Declaration.id)
        .where(Declaration.created_at >= f.start_at, Declaration.created_at < f.end_at)
        .group_by(Declaration.mode, Declaration.state)
    )
    if f.mode:
        stmt = stmt.where(Declaration.mode == f.mode)
    if f.country:
        stmt = stmt.where(Declaration.input_data["destination_country"].as_string() == f.country)
    if f.vertical:
        # Uncorrelated IN lists (hashed once) rather than EXISTS per declaration.
        shipped = (
            sa.select(ShipmentLine.shipment_id)
            .join(OrderLine, OrderLine.id == ShipmentLine.order_line_id)
            .join(Listing, Listing.id == OrderLine.listing_id)
            .join(Category, Category.id == Listing.category_id)
            .where(Category.vertical == f.vertical)
        )
        booked = (
            sa.select(BookingLine.booking_id)
            .join(Listing, Listing.id == BookingLine.listing_id)
            .join(Category, Category.id == Listing.category_id)
            .where(Category.vertical == f.vertical)
        )
        stmt = stmt.where(
            sa.or_(
                sa.and_(Declaration.source_kind == SourceKind.SHIPMENT, Declaration.source_id.in_(shipped)),
                sa.and_(Declaration.source_kind == SourceKind.BOOKING, Declaration.source_id.in_(booked)),
            )
        )
    return [(mode, str(state.value), n, dec(secs)) for mode, state, n, secs in db.session.execute(stmt)]


def _sum(facts: list[Fact], attr: str, pred=lambda fact: True) -> Decimal:
    return sum((getattr(x, attr) for x in facts if pred(x) and getattr(x, attr) is not None), Decimal(0))


def _is_export(fact: Fact) -> bool:
    return fact.mode in ("9710", "9810")


def _mode_cells(facts: list[Fact]) -> list:
    cells = [money(_sum(facts, "cny", lambda x, m=m: x.mode == m)) for m in MODE_KEYS]
    return [*cells, money(_sum(facts, "cny", _is_export)), money(_sum(facts, "usd", _is_export))]


def _mode_columns(first: Column) -> list[Column]:
    return [
        first,
        Column("cny_9710", _l("9710 direct export (CNY)"), "cny"),
        Column("cny_9810", _l("9810 to overseas warehouses (CNY)"), "cny"),
        Column("cny_stock", _l("Sales from overseas stock (CNY)"), "cny"),
        Column("export_cny", _l("Export value (CNY)"), "cny"),
        Column("export_usd", _l("Export value (USD)"), "usd"),
    ]


def report(user, f: Filters, *, today: date | None = None) -> Report:
    """Every figure of the dashboard for these filters. Only platform admins may read it."""
    if user is None or not getattr(user, "is_admin", False):
        raise PermissionDenied()
    today = today or datetime.now(CHINA).date()
    rates = Rates()
    tl = Timeline(f, rates.days())
    facts, unconverted = value_facts(f, tl, rates)
    orders, buyers, sellers, order_series = _orders(f, tl)
    rfqs, converted = _rfqs(f)
    in_use, stock_value = _warehouses(f, rates, today)
    decl = _declarations(f)

    sales = [x for x in facts if x.sale]
    transaction = _sum(sales, "cny")
    ordos = _sum(sales, "cny", lambda x: x.ordos)
    released = sum(n for _, state, n, _ in decl if state in RELEASED)
    release_secs = sum((s for _, state, _, s in decl if state in RELEASED), Decimal(0))
    tables = _tables(f, tl, facts, order_series, decl, in_use, stock_value, rates)
    rep = Report(
        filters=f,
        generated_at=utcnow(),
        export_cny=money(_sum(facts, "cny", _is_export)),
        export_usd=money(_sum(facts, "usd", _is_export)),
        stock_sales_cny=money(_sum(facts, "cny", lambda x: x.mode == "stock")),
        stock_sales_usd=money(_sum(facts, "usd", lambda x: x.mode == "stock")),
        transaction_cny=money(transaction),
        ordos_cny=money(ordos),
        ordos_share=percent(ordos, transaction),
        orders=orders,
        buyers=buyers,
        sellers=sellers,
        rfqs=rfqs,
        rfqs_converted=converted,
        conversion=percent(converted, rfqs),
        warehouses_in_use=sum(in_use.values()),
        stock_value_cny=money(sum(stock_value.values(), Decimal(0))),
        declarations=sum(n for _, _, n, _ in decl),
        released=released,
        rejected=sum(n for _, state, n, _ in decl if state == DeclarationState.REJECTED.value),
        avg_release_hours=(release_secs / 3600 / released).quantize(Decimal("0.1")) if released else None,
        rates_used=rates.used_list(),
        unconverted={k: money(v) for k, v in unconverted.items()},
        tables=tables,
        buckets=tl.buckets,
    )
    rep.tables = {"summary": _summary(rep), **tables}
    return rep


def _tables(f, tl, facts, order_series, decl, in_use, stock_value, rates) -> dict[str, Table]:
    series = Table(
        "series",
        _l("Over time"),
        _mode_columns(Column("bucket", _l("Week from") if f.weekly else _l("Month"), "bucket")),
    )
    series.columns.append(Column("orders", _l("Orders placed"), "int"))
    for i, start in enumerate(tl.buckets):
        series.rows.append([start, *_mode_cells([x for x in facts if x.bucket == i]), order_series.get(i, 0)])

    countries = Table(
        "countries", _l("By destination country"), _mode_columns(Column("country", _l("Country"), "country"))
    )
    for code in sorted({x.country for x in facts}):
        countries.rows.append([code, *_mode_cells([x for x in facts if x.country == code])])
    countries.rows.sort(key=lambda row: -(row[1] + row[2] + row[3]))

    verticals = Table(
        "verticals", _l("By vertical"), _mode_columns(Column("vertical", _l("Vertical"), "vertical"))
    )
    for v in [*(v.value for v in Vertical), None]:
        part = [x for x in facts if x.vertical == v]
        if part or v is not None:
            verticals.rows.append([v or "", *_mode_cells(part)])

    modes = Table(
        "modes",
        _l("By mode"),
        [
            Column("mode", _l("Mode"), "mode"),
            Column("cny", _l("Value (CNY)"), "cny"),
            Column("usd", _l("Value (USD)"), "usd"),
            Column("ordos_cny", _l("Ordos-made (CNY)"), "cny"),
        ],
    )
    for m in MODE_KEYS:
        part = [x for x in facts if x.mode == m]
        modes.rows.append(
            [
                m,
                money(_sum(part, "cny")),
                money(_sum(part, "usd")),
                money(_sum(part, "cny", lambda x: x.ordos)),
            ]
        )

    declarations = Table(
        "declarations",
        _l("Declaration outcomes"),
        [
            Column("mode", _l("Mode"), "mode"),
            Column("submitted", _l("Submitted"), "int"),
            Column("released", _l("Released"), "int"),
            Column("rejected", _l("Rejected"), "int"),
            Column("in_progress", _l("Other (in progress, failed, cancelled)"), "int"),
            Column("avg_hours", _l("Average time to release (hours)"), "hours"),
        ],
    )
    for m in ("9710", "9810"):
        rows = [d for d in decl if d[0] == m]
        total = sum(d[2] for d in rows)
        rel = sum(d[2] for d in rows if d[1] in RELEASED)
        rej = sum(d[2] for d in rows if d[1] == DeclarationState.REJECTED.value)
        secs = sum((d[3] for d in rows if d[1] in RELEASED), Decimal(0))
        avg = (secs / 3600 / rel).quantize(Decimal("0.1")) if rel else None
        declarations.rows.append([m, total, rel, rej, total - rel - rej, avg])

    warehouses = Table(
        "warehouses",
        _l("Overseas warehouses in use"),
        [
            Column("country", _l("Country"), "country"),
            Column("warehouses", _l("Warehouses holding stock"), "int"),
            Column("stock_cny", _l("Stock value (CNY)"), "cny"),
        ],
    )
    for code in sorted(set(in_use) | set(stock_value)):
        warehouses.rows.append([code, in_use.get(code, 0), money(stock_value.get(code, Decimal(0)))])

    used = Table(
        "rates",
        _l("Exchange rates used"),
        [
            Column("base", _l("From"), "text"),
            Column("quote", _l("To"), "text"),
            Column("rate", _l("Rate"), "rate"),
            Column("as_of", _l("Rate date"), "date"),
            Column("source", _l("Source"), "source"),
        ],
    )
    for u in rates.used_list():
        used.rows.append([u.base, u.quote, u.rate, u.as_of, u.source])
    return {
        "series": series,
        "countries": countries,
        "verticals": verticals,
        "modes": modes,
        "declarations": declarations,
        "warehouses": warehouses,
        "rates": used,
    }


def _summary(rep: Report) -> Table:
    table = Table(
        "summary",
        _l("Key figures"),
        [
            Column("figure", _l("Figure"), "figure"),
            Column("value", _l("Value"), "number"),
            Column("unit", _l("Unit"), "text"),
        ],
    )
    rows = [
        ("export_value_cny", rep.export_cny, "CNY"),
        ("export_value_usd", rep.export_usd, "USD"),
        ("stock_sales_cny", rep.stock_sales_cny, "CNY"),
        ("transaction_value_cny", rep.transaction_cny, "CNY"),
        ("ordos_made_cny", rep.ordos_cny, "CNY"),
        ("ordos_share", rep.ordos_share, "%"),
        ("ordos_target", ORDOS_TARGET, "%"),
        ("orders", rep.orders, ""),
        ("active_buyers", rep.buyers, ""),
        ("active_sellers", rep.sellers, ""),
        ("rfqs", rep.rfqs, ""),
        ("rfqs_converted", rep.rfqs_converted, ""),
        ("rfq_conversion", rep.conversion, "%"),
        ("warehouses_in_use", rep.warehouses_in_use, ""),
        ("stock_value_cny", rep.stock_value_cny, "CNY"),
        ("declarations", rep.declarations, ""),
        ("declarations_released", rep.released, ""),
        ("declarations_rejected", rep.rejected, ""),
        ("avg_hours_to_release", rep.avg_release_hours, "h"),
    ]
    table.rows = [list(r) for r in rows]
    return table


FIGURE_LABELS = {
    "export_value_cny": _l("Export value (CNY)"),
    "export_value_usd": _l("Export value (USD)"),
    "stock_sales_cny": _l("Sales from overseas stock (CNY)"),
    "transaction_value_cny": _l("Transaction value (CNY)"),
    "ordos_made_cny": _l("Ordos-made products (CNY)"),
    "ordos_share": _l("Share of Ordos-made products"),
    "ordos_target": _l("Target share for 2025"),
    "orders": _l("Orders placed"),
    "active_buyers": _l("Active buyer enterprises"),
    "active_sellers": _l("Active seller enterprises"),
    "rfqs": _l("RFQs sent"),
    "rfqs_converted": _l("RFQs that became an order"),
    "rfq_conversion": _l("RFQ to order conversion"),
    "warehouses_in_use": _l("Overseas warehouses in use"),
    "stock_value_cny": _l("Overseas stock value (CNY)"),
    "declarations": _l("Declarations submitted"),
    "declarations_released": _l("Declarations released"),
    "declarations_rejected": _l("Declarations rejected"),
    "avg_hours_to_release": _l("Average time to release (hours)"),
}

MODE_LABELS = MODES
