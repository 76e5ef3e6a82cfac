"""A year of marketplace activity in bulk (SQLAlchemy Core executemany), for the statistics' speed test
and bench/stats.py: n orders with one line each, 70 % completed, 5 % of the direct ones declared and
released, RFQs of which a third became an order. Deterministic."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import factories
import sqlalchemy as sa

from marketplace.catalog.models import FxRate
from marketplace.catalog.states import Incoterm, Unit
from marketplace.core.states import StateChange
from marketplace.customs.models import Declaration, SourceKind
from marketplace.customs.routing import Route
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db
from marketplace.orders.models import Order, OrderLine
from marketplace.orders.states import BalanceDue, FulfilmentMode, OrderState
from marketplace.rfq.models import Rfq
from marketplace.rfq.states import Audience, RfqState
from marketplace.shipments.models import Shipment, ShipmentLine
from marketplace.shipments.states import ShipmentState, ShipmentTransport
from marketplace.warehouses.states import PackageType

COUNTRIES = ("MN", "RU", "KZ", "DE", "IR", "BR", "UZ")
CURRENCIES = (("USD", "1000"), ("USD", "1250.5"), ("RUB", "90000"), ("CNY", "7300"), ("USD", "880"))
CHUNK = 20_000


def _insert(table, rows) -> None:
    for start in range(0, len(rows), CHUNK):
        db.session.execute(sa.insert(table), rows[start : start + CHUNK])


def seed(n: int = 100_000, year: int = 2026) -> None:
    """Seed `n` orders placed over `year` (plus the companies and listings they need)."""
    from world import published

    factories.seed_catalog()
    owner, seller = factories.verified_seller("bulk-s1@example.cn")
    buyers = [factories.make_company(factories.make_user(f"bulk-b{i}@example.com")) for i in range(5)]
    listings = [
        published(owner, seller, "pp", factories.pp_data()),
        published(owner, seller, "yarn", factories.yarn_data(origin_ordos=False)),
    ]
    for base, quote, value in (("USD", "CNY", "7.10"), ("RUB", "CNY", "0.09")):
        for month in (1, 4, 7, 10):
            db.session.add(FxRate(base=base, quote=quote, rate=Decimal(value), as_of=date(year, month, 1)))
    db.session.flush()
    category_id = listings[0].category_id

    first = (db.session.scalar(sa.select(sa.func.max(Order.id))) or 0) + 1
    start = datetime(year, 1, 1, tzinfo=UTC)
    step = timedelta(seconds=(365 * 86400 - 30 * 86400) // n)
    rfqs = n // 10
    first_rfq = (db.session.scalar(sa.select(sa.func.max(Rfq.id))) or 0) + 1
    _insert(
        Rfq.__table__,
        [
            dict(
                id=first_rfq + i,
                buyer_id=buyers[i % 5].id,
                category_id=category_id,
                title="bulk",
                description="",
                requirements={},
                quantity=Decimal(10),
                unit=Unit("t"),
                destination_country=COUNTRIES[i % len(COUNTRIES)],
                destination_place="City",
                incoterm=Incoterm.FCA,
                deadline=start + timedelta(days=400),
                max_quotes=10,
                audience=Audience.CATEGORY,
                state=RfqState.OPEN,
                row_version=1,
                created_at=start + step * i * 10,
                updated_at=start + step * i * 10,
            )
            for i in range(rfqs)
        ],
    )
    orders, lines, changes, shipments, shipment_lines, declarations = [], [], [], [], [], []
    ids = itertools.count(first)
    for i in range(n):
        oid = next(ids)
        placed = start + step * i
        currency, price = CURRENCIES[i % len(CURRENCIES)]
        overseas = i % 5 == 4
        completed = i % 10 < 7
        state = (
            OrderState.COMPLETED
            if completed
            else (OrderState.CANCELLED if i % 10 == 7 else OrderState.SHIPPED)
        )
        listing = listings[i % 3 == 2]
        orders.append(
            dict(
                id=oid,
                number=f"ORD-B-{oid:07d}",
                buyer_id=buyers[i % 5].id,
                seller_id=seller.id,
                rfq_id=first_rfq + i // 3 if i % 3 == 0 and i // 3 < rfqs else None,
                state=state,
                currency=currency,
                total=Decimal(price) * 2,
                incoterm=Incoterm.FCA,
                incoterm_place="Erenhot",
                lead_time_days=14,
                deposit_percent=Decimal(30),
                balance_due=BalanceDue.BEFORE_SHIPMENT,
                destination_country=COUNTRIES[i % len(COUNTRIES)],
                destination_place="City",
                placed_at=placed,
                fulfilment_mode=FulfilmentMode.OVERSEAS_WAREHOUSE if overseas else FulfilmentMode.DIRECT,
                row_version=1,
                created_at=placed,
                updated_at=placed,
            )
        )
        lines.append(
            dict(
                id=oid,
                order_id=oid,
                position=1,
                listing_id=listing.id,
                description="bulk",
                quantity=Decimal(2),
                unit=Unit("t"),
                unit_price=Decimal(price),
                total=Decimal(price) * 2,
            )
        )
        if completed:
            changes.append(
                dict(
                    subject_type="orders.state",
                    subject_id=oid,
                    from_state="delivered",
                    to_state="completed",
                    at=placed + timedelta(days=20),
                )
            )
        if completed and not overseas and i % 20 == 0:
            shipments.append(
                dict(
                    id=oid,
                    number=f"SHP-B-{oid}",
                    order_id=oid,
                    seller_id=seller.id,
                    state=ShipmentState.RELEASED,
                    packages=1,
                    package_type=PackageType.PALLET,
                    gross_weight_kg=Decimal(10),
                    net_weight_kg=Decimal(9),
                    transport_mode=ShipmentTransport.ROAD,
                    carrier_name="Carrier",
                    carrier_customs_code="1101980001",
                    waybill_number=f"WB-B-{oid}",
                    exit_customs_code="0401",
                    departure_date=(placed + timedelta(days=10)).date(),
                    notes="",
                    row_version=1,
                    created_at=placed,
                    updated_at=placed,
                )
            )
            shipment_lines.append(dict(id=oid, shipment_id=oid, order_line_id=oid, quantity=Decimal(2)))
            declarations.append(
                dict(
                    id=oid,
                    source_kind=SourceKind.SHIPMENT,
                    source_id=oid,
                    mode="9710",
                    route=Route.LIST,
                    state=DeclarationState.RELEASED,
                    order_no=f"SHP-B-{oid}",
                    waybill_no=f"WB-B-{oid}",
                    cop_no=f"C{oid}",
                    seller_code="1506960123",
                    input_data={
                        "cny_rate": "7.10" if currency == "USD" else "0.09",
                        "destination_country": "MN",
                    },
                    route_data={},
                    revision=1,
                    created_at=placed + timedelta(days=10),
                    updated_at=placed + timedelta(days=11),
                )
            )
            changes.append(
                dict(
                    subject_type="customs_declaration",
                    subject_id=oid,
                    from_state="entered",
                    to_state="released",
                    at=placed + timedelta(days=11),
                )
            )
    _insert(Order.__table__, orders)
    _insert(OrderLine.__table__, lines)
    _insert(StateChange.__table__, changes)
    _insert(Shipment.__table__, shipments)
    _insert(ShipmentLine.__table__, shipment_lines)
    _insert(Declaration.__table__, declarations)
    if db.session.get_bind().dialect.name == "postgresql":
        for table in ("orders", "order_lines", "rfqs", "shipments", "shipment_lines", "customs_declarations"):
            db.session.execute(
                sa.text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
            )
        db.session.execute(sa.text("ANALYZE"))
