"""Demo direct export shipments (the 9710 flow) in several states: orders placed from listings, paid
(deposit and balance by bank transfer) and shipped in parts, each shipment created through the real
services. What customs says about each shipment is in `customs_demo.py`. Idempotent: nothing is made
if the first shipment's waybill already exists."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Company, Membership
from marketplace.catalog.models import Category, Listing
from marketplace.core.db import utcnow
from marketplace.extensions import db
from marketplace.orders import services as orders
from marketplace.orders.states import OrderState
from marketplace.payments import services as payments
from marketplace.shipments import services as shipments
from marketplace.shipments.models import Shipment

CHEMICALS = "Ordos Yitai Chemical Co., Ltd."
VEHICLES = "Ordos Kangbashi New Energy Vehicle Manufacturing Co., Ltd."
BUYER = "buyer@tavan-trade.example"
ERENHOT_ROAD = ("Erenhot Tuushin Transport Co.", "1506980011")
CAR_CARRIER = ("Ordos Kangbashi Auto Logistics Co.", "1506980023")

# seller, category, order quantity, shipments: (key, quantity, packages, package type, gross, net,
# carrier, waybill, days ago). PP lots of 0.5-0.6 t stay under the RMB 5,000 list limit; a vehicle
# does not, so it goes to the broker for a full declaration.
ORDERS = [
    (
        CHEMICALS,
        "pp",
        "25",
        [
            ("pp-delivered", "0.6", "24", "bag", "612", "600", ERENHOT_ROAD, "ETT-2026-1101", 12),
            ("pp-rejected", "0.6", "24", "bag", "612", "600", ERENHOT_ROAD, "ETT-2026-1114", 6),
            ("pp-released", "0.5", "20", "bag", "510", "500", ERENHOT_ROAD, "ETT-2026-1120", 3),
            ("pp-created", "0.5", "20", "bag", "510", "500", ERENHOT_ROAD, "ETT-2026-1125", 0),
        ],
    ),
    (
        VEHICLES,
        "bev",
        "2",
        [
            ("vehicle-entered", "1", "1", "other", "1720", "1650", CAR_CARRIER, "KBL-2026-0031", 8),
            ("vehicle-broker", "1", "1", "other", "1720", "1650", CAR_CARRIER, "KBL-2026-0036", 1),
        ],
    ),
]


def owner(company: Company):
    membership = db.session.scalar(
        sa.select(Membership).where(Membership.company_id == company.id).order_by(Membership.id)
    )
    return membership.user


def _listing(company: Company, slug: str) -> Listing | None:
    category = db.session.scalar(sa.select(Category).where(Category.slug == slug))
    if category is None:
        return None
    return db.session.scalar(
        sa.select(Listing)
        .where(
            Listing.seller_id == company.id,
            Listing.category_id == category.id,
            Listing.is_visible.is_(True),
        )
        .order_by(Listing.id)
    )


def _pay_outstanding(seller, order) -> None:
    for line in payments.account(order).lines:
        if line.outstanding.amount > 0:
            payments.record_bank_transfer(
                seller,
                order,
                amount=str(line.outstanding.amount),
                received_on=(utcnow() - timedelta(days=20)).date().isoformat(),
                payer_reference="MT103 TAVAN BOGD TRADE",
            )
            return


def _compliance_checked(seller, obj) -> None:
    """The demo's controlled goods (BEV passenger cars) have their export licence recorded and the
    compliance flags cleared by the platform admin, so their orders and shipments can go on."""
    from marketplace.accounts.models import User
    from marketplace.risk import services as risk
    from marketplace.risk.states import FlagState, Rule

    flags = [f for f in risk.flags_of(obj) if f.state != FlagState.CLEARED]
    if not flags:
        return
    if any(f.rule == Rule.CONTROLLED_GOODS for f in flags):
        risk.record_details(
            seller,
            obj,
            risk.DetailsData(licence_number="2026-MOFCOM-EV-150600-0117", licence_issuer="MOFCOM"),
        )
    admin = db.session.scalar(sa.select(User).where(User.is_admin.is_(True)).order_by(User.id))
    for flag in flags:
        risk.decide(admin, flag, "clear", "Export licence 2026-MOFCOM-EV-150600-0117 checked.")


def _ready_order(buyer, buyer_company, seller, listing, quantity):
    order = orders.order_from_listing(
        buyer,
        buyer_company,
        orders.ListingOrderData(
            listing_id=listing.id,
            quantity=quantity,
            currency="USD",
            destination_country="MN",
            destination_place="Ulaanbaatar",
        ),
    )
    _compliance_checked(seller, order)
    _pay_outstanding(seller, order)
    if order.state == OrderState.IN_PRODUCTION:
        orders.move(seller, order, OrderState.AWAITING_BALANCE)
        _pay_outstanding(seller, order)
    return order


def load_shipments_demo() -> dict[str, Shipment]:
    """Create the demo orders and shipments if missing; return the shipments by key."""
    buyer = accounts.user_by_email(BUYER)
    buyer_company = (
        buyer and db.session.scalar(sa.select(Membership).where(Membership.user_id == buyer.id)).company
    )
    companies = {c.legal_name_latin: c for c in db.session.scalars(sa.select(Company))}
    found: dict[str, Shipment] = {}
    for seller_name, slug, quantity, plan in ORDERS:
        company = companies.get(seller_name)
        listing = company and _listing(company, slug)
        if buyer_company is None or listing is None:
            continue
        existing = {
            s.waybill_number: s
            for s in db.session.scalars(
                sa.select(Shipment).where(Shipment.waybill_number.in_([p[7] for p in plan]))
            )
        }
        seller = owner(company)
        order = None
        for key, qty, packages, package_type, gross, net, carrier, waybill, days_ago in plan:
            if waybill in existing:
                found[key] = existing[waybill]
                continue
            if order is None:
                order = existing and next(iter(existing.values())).order
                order = order or _ready_order(buyer, buyer_company, seller, listing, quantity)
            found[key] = shipment = shipments.create_shipment(
                seller,
                order,
                shipments.ShipmentData(
                    packages=packages,
                    package_type=package_type,
                    gross_weight_kg=gross,
                    net_weight_kg=net,
                    transport_mode="road",
                    carrier_name=carrier[0],
                    carrier_customs_code=carrier[1],
                    waybill_number=waybill,
                    exit_customs_code="0702",
                    departure_date=(utcnow() - timedelta(days=days_ago)).date().isoformat(),
                    quantities={order.lines[0].id: qty},
                ),
            )
            _compliance_checked(seller, shipment)
    db.session.flush()
    return found
