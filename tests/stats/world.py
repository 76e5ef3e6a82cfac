"""Constructed data for the statistics tests: rows written directly with chosen timestamps and amounts,
so every expected figure can be computed by hand (see test_figures.py)."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from decimal import Decimal

import factories

from marketplace.catalog import services as catalog
from marketplace.catalog.models import Category, FxRate
from marketplace.catalog.services import create_listing
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
from marketplace.warehouses.models import BookingLine, ReplenishmentBooking, StockBalance
from marketplace.warehouses.seeding import seed_public_warehouses
from marketplace.warehouses.states import BookingState, BookingTransport, PackageType

_n = itertools.count(1)


def at(text: str) -> datetime:
    """A UTC instant from 'YYYY-MM-DD HH:MM' (China time is 8 hours ahead)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def published(owner, company, slug: str, data):
    category = db.session.scalar(db.select(Category).where(Category.slug == slug))
    listing = create_listing(owner, company, category, data)
    catalog.submit_listing(owner, listing, acknowledge_flags=True)
    catalog.approve_listing(factories.make_user(admin=True), listing, acknowledge_controlled=True)
    return listing


def rate(base: str, quote: str, value: str, as_of: date) -> None:
    db.session.add(FxRate(base=base, quote=quote, rate=Decimal(value), as_of=as_of))


def order(
    buyer, seller, country, currency, lines, *, placed, mode=FulfilmentMode.DIRECT, state=None, rfq=None
):
    n = next(_n)
    o = Order(
        number=f"ORD-T-{n:06d}",
        buyer_id=buyer.id,
        seller_id=seller.id,
        rfq_id=rfq.id if rfq else None,
        state=state or OrderState.IN_PRODUCTION,
        currency=currency,
        total=sum((Decimal(q) * Decimal(p) for _, q, p in lines), Decimal(0)),
        incoterm=Incoterm.FCA,
        incoterm_place="Erenhot",
        lead_time_days=14,
        deposit_percent=Decimal(30),
        balance_due=BalanceDue.BEFORE_SHIPMENT,
        destination_country=country,
        destination_place="Ulaanbaatar",
        placed_at=at(placed),
        fulfilment_mode=mode,
    )
    for pos, (listing, qty, price) in enumerate(lines, start=1):
        o.lines.append(
            OrderLine(
                position=pos,
                listing_id=listing.id if listing else None,
                description="goods",
                quantity=Decimal(qty),
                unit=Unit("t") if listing is None else Unit(listing.live_version.unit),
                unit_price=Decimal(price),
                total=Decimal(qty) * Decimal(price),
            )
        )
    db.session.add(o)
    db.session.flush()
    return o


def complete(o: Order, when: str) -> None:
    o.state = OrderState.COMPLETED
    db.session.add(
        StateChange(
            subject_type="orders.state",
            subject_id=o.id,
            from_state="delivered",
            to_state="completed",
            at=at(when),
        )
    )


def declaration(kind, source_id, mode, *, cny_rate, country, created, state, released=None):
    n = next(_n)
    d = Declaration(
        source_kind=kind,
        source_id=source_id,
        mode=mode,
        route=Route.LIST,
        state=state,
        order_no=f"T{n}",
        waybill_no=f"W{n}",
        cop_no=f"C{n}",
        seller_code="1506960123",
        input_data={"cny_rate": cny_rate, "currency": "USD", "destination_country": country},
        route_data={},
        created_at=at(created),
    )
    db.session.add(d)
    db.session.flush()
    if released:
        db.session.add(
            StateChange(
                subject_type="customs_declaration",
                subject_id=d.id,
                from_state="entered",
                to_state="released",
                at=at(released),
            )
        )
    return d


def shipment(o: Order, quantities: list[str]) -> Shipment:
    n = next(_n)
    s = Shipment(
        number=f"SHP-T-{n}",
        order_id=o.id,
        seller_id=o.seller_id,
        state=ShipmentState.DECLARED,
        packages=1,
        package_type=PackageType.PALLET,
        gross_weight_kg=Decimal(10),
        net_weight_kg=Decimal(9),
        transport_mode=ShipmentTransport.ROAD,
        carrier_name="Carrier",
        carrier_customs_code="1101980001",
        waybill_number=f"WB{n}",
        exit_customs_code="0401",
        departure_date=date(2026, 8, 30),
    )
    for line, qty in zip(o.lines, quantities, strict=True):
        s.lines.append(ShipmentLine(order_line_id=line.id, quantity=Decimal(qty)))
    db.session.add(s)
    db.session.flush()
    return s


def booking(seller, warehouse, listing, qty: str, price: str) -> ReplenishmentBooking:
    n = next(_n)
    b = ReplenishmentBooking(
        number=f"HWC-T-{n}",
        seller_id=seller.id,
        warehouse_id=warehouse.id,
        state=BookingState.RECEIVED,
        warehouse_name=warehouse.name,
        warehouse_operator=warehouse.operator_name,
        warehouse_country=warehouse.country,
        currency="USD",
        total_value=Decimal(qty) * Decimal(price),
        packages=1,
        package_type=PackageType.CARTON,
        gross_weight_kg=Decimal(10),
        net_weight_kg=Decimal(9),
        transport_mode=BookingTransport.ROAD,
        carrier_name="Carrier",
        carrier_customs_code="1101980001",
        waybill_number=f"BW{n}",
        exit_customs_code="0401",
        departure_date=date(2026, 7, 1),
    )
    b.lines.append(
        BookingLine(
            position=1,
            listing_id=listing.id,
            description="yarn",
            hs_code="5108101100",
            quantity=Decimal(qty),
            unit=Unit(listing.live_version.unit),
            unit_price=Decimal(price),
            value=Decimal(qty) * Decimal(price),
            received_quantity=Decimal(qty),
        )
    )
    db.session.add(b)
    db.session.flush()
    return b


def rfq(buyer, category_slug: str, country: str, created: str) -> Rfq:
    category = db.session.scalar(db.select(Category).where(Category.slug == category_slug))
    r = Rfq(
        buyer_id=buyer.id,
        category_id=category.id,
        title="RFQ",
        quantity=Decimal(10),
        unit=Unit("t"),
        destination_country=country,
        destination_place="City",
        incoterm=Incoterm.FCA,
        deadline=at("2026-12-31 00:00"),
        audience=Audience.CATEGORY,
        state=RfqState.OPEN,
        created_at=at(created),
    )
    db.session.add(r)
    db.session.flush()
    return r


def world() -> dict:
    """The quarter 2026-Q3 as described in test_figures.py."""
    factories.seed_catalog()
    owner, seller = factories.verified_seller("s1@example.cn")
    admin = factories.make_user("root@example.com", admin=True)
    buyer_mn = factories.make_company(factories.make_user("b1@example.mn"))
    buyer_ru = factories.make_company(factories.make_user("b2@example.ru"), country="RU")
    pp = published(owner, seller, "pp", factories.pp_data())  # chemicals, made in Ordos
    yarn = published(
        owner, seller, "yarn", factories.yarn_data(origin_ordos=False)
    )  # cashmere, not Ordos-made
    ub = {w.code: w for w in seed_public_warehouses()}["ulaanbaatar"]

    rate("USD", "CNY", "7.10", date(2026, 6, 30))
    rate("USD", "CNY", "7.20", date(2026, 8, 15))
    rate("RUB", "CNY", "0.09", date(2026, 1, 1))

    r1 = rfq(buyer_mn, "pp", "MN", "2026-07-01 02:00")
    rfq(buyer_mn, "pp", "MN", "2026-07-02 02:00")
    rfq(buyer_ru, "yarn", "RU", "2026-08-02 02:00")
    rfq(buyer_ru, "yarn", "RU", "2026-06-02 02:00")  # Q2

    # O1: direct to Mongolia, 10 t PP at 1,000 USD, completed 10 July (7.10) -> 71,000 CNY. Its only
    # declaration was rejected, so it counts through its completion.
    o1 = order(buyer_mn, seller, "MN", "USD", [(pp, "10", "1000")], placed="2026-07-02 03:00", rfq=r1)
    complete(o1, "2026-07-10 04:00")
    s1 = shipment(o1, ["10"])
    declaration(
        SourceKind.SHIPMENT,
        s1.id,
        "9710",
        cny_rate="7.10",
        country="MN",
        created="2026-08-01 00:00",
        state=DeclarationState.REJECTED,
    )
    # O2: direct to Mongolia, 100 kg yarn at 20 USD (not Ordos-made), completed 20 August (7.20) -> 14,400.
    o2 = order(buyer_mn, seller, "MN", "USD", [(yarn, "100", "20")], placed="2026-07-15 03:00")
    complete(o2, "2026-08-20 04:00")
    # O3: direct to Russia, 5 t PP at 1,000 USD: declared at 7.15 and released 1 September -> 35,750 CNY,
    # and completed too (counted once, through the declaration). USD: 35,750 / 7.20.
    o3 = order(buyer_ru, seller, "RU", "USD", [(pp, "5", "1000")], placed="2026-08-03 03:00")
    s3 = shipment(o3, ["5"])
    declaration(
        SourceKind.SHIPMENT,
        s3.id,
        "9710",
        cny_rate="7.15",
        country="RU",
        created="2026-08-30 10:00",
        state=DeclarationState.RELEASED,
        released="2026-09-01 10:00",
    )
    complete(o3, "2026-09-10 04:00")
    # O4: from overseas stock to Russia, 100,000 RUB of PP, completed 20 July -> 9,000 CNY (a stock sale).
    o4 = order(
        buyer_ru,
        seller,
        "RU",
        "RUB",
        [(pp, "1", "100000")],
        placed="2026-07-05 03:00",
        mode=FulfilmentMode.OVERSEAS_WAREHOUSE,
    )
    complete(o4, "2026-07-20 04:00")
    # O5: completed in Q2 (outside); O6: cancelled in Q3 (not counted).
    o5 = order(buyer_mn, seller, "MN", "USD", [(pp, "1", "999")], placed="2026-05-02 03:00")
    complete(o5, "2026-06-01 04:00")
    order(
        buyer_mn,
        seller,
        "MN",
        "USD",
        [(pp, "1", "999")],
        placed="2026-07-03 03:00",
        state=OrderState.CANCELLED,
    )
    # B1: 9810 booking of 100 kg yarn at 30 USD to Ulaanbaatar, declared at 7.05, released 5 July 00:00 UTC
    # (12 h after submission) -> 21,150 CNY; USD 21,150 / 7.10. 30 kg are still there today.
    b1 = booking(seller, ub, yarn, "100", "30")
    declaration(
        SourceKind.BOOKING,
        b1.id,
        "9810",
        cny_rate="7.05",
        country="MN",
        created="2026-07-04 12:00",
        state=DeclarationState.RELEASED,
        released="2026-07-05 00:00",
    )
    db.session.add(StockBalance(listing_id=yarn.id, warehouse_id=ub.id, on_hand=Decimal(30)))
    db.session.flush()
    return {"admin_id": admin.id, "buyer_mn": buyer_mn.id, "ub": ub.id}
