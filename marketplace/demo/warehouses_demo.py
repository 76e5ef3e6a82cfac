"""Demo warehouses and overseas stock: the public overseas warehouses, a home warehouse in Ordos for
each demo seller, stock received into Ulaanbaatar (Mongolia) and Moscow (Russia) through replenishment
bookings, and one replenishment still in transit to Novosibirsk. Idempotent: a booking is made only
if its carrier's waybill is not booked yet."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from marketplace.accounts.models import Company, Membership
from marketplace.catalog.models import Category, Listing
from marketplace.core.db import utcnow
from marketplace.extensions import db
from marketplace.warehouses import services
from marketplace.warehouses.models import ReplenishmentBooking, Warehouse
from marketplace.warehouses.seeding import seed_public_warehouses
from marketplace.warehouses.states import WarehouseKind

HOME = {
    "Ordos Yitai Chemical Co., Ltd.": "Yitai Dalu industrial park warehouse",
    "Ordos Kangbashi New Energy Vehicle Manufacturing Co., Ltd.": "Kangbashi vehicle yard",
    "Ordos Dongsheng Cashmere Products Co., Ltd.": "Dongsheng finished-goods warehouse",
}

# seller, category slugs (first listings found), warehouse code, quantities, unit price, transport,
# carrier, carrier code, waybill, received?
BOOKINGS = [
    (
        "Ordos Yitai Chemical Co., Ltd.",
        "pp",
        "ulaanbaatar",
        ["75", "50"],
        "1030.00",
        "road",
        "Erenhot Tuushin Transport Co.",
        "1506980011",
        "ERL-UB-2026-0417",
        True,
    ),
    (
        "Ordos Dongsheng Cashmere Products Co., Ltd.",
        "yarn",
        "moscow",
        ["400", "250"],
        "140.00",
        "rail",
        "China Railway Container Transport Corp.",
        "1101980001",
        "CRCT-MOW-2026-1102",
        True,
    ),
    (
        "Ordos Dongsheng Cashmere Products Co., Ltd.",
        "cashmere",
        "novosibirsk",
        ["300"],
        "120.00",
        "rail",
        "China Railway Container Transport Corp.",
        "1101980001",
        "CRCT-OVB-2026-1120",
        False,
    ),
]


def _owner(company: Company):
    membership = db.session.scalar(
        sa.select(Membership).where(Membership.company_id == company.id).order_by(Membership.id)
    )
    return membership.user


def _listings(company: Company, slug: str, n: int) -> list[Listing]:
    category = db.session.scalar(sa.select(Category).where(Category.slug == slug))
    ids = [category.id] if category else []
    if category is not None:  # the category and its sub-categories
        ids += list(db.session.scalars(sa.select(Category.id).where(Category.parent_id == category.id)))
    return list(
        db.session.scalars(
            sa.select(Listing)
            .where(
                Listing.seller_id == company.id, Listing.category_id.in_(ids), Listing.is_visible.is_(True)
            )
            .order_by(Listing.id)
            .limit(n)
        )
    )


def load_warehouses_demo() -> None:
    warehouses = {w.code: w for w in seed_public_warehouses()}
    companies = {c.legal_name_latin: c for c in db.session.scalars(sa.select(Company))}
    for name, warehouse_name in HOME.items():
        company = companies.get(name)
        if company is None or db.session.scalar(
            sa.select(Warehouse.id).where(
                Warehouse.owner_id == company.id, Warehouse.kind == WarehouseKind.HOME
            )
        ):
            continue
        data = services.WarehouseData(
            name=warehouse_name,
            operator_name=company.legal_name,
            country="CN",
            city="Ordos",
            address=company.address,
            ships_in_days=1,
            kind=WarehouseKind.HOME.value,
        )
        services.register_warehouse(_owner(company), company, data)
    for name, slug, code, quantities, price, mode, carrier, carrier_code, waybill, received in BOOKINGS:
        company = companies.get(name)
        if company is None or db.session.scalar(
            sa.select(ReplenishmentBooking.id).where(
                ReplenishmentBooking.carrier_customs_code == carrier_code,
                ReplenishmentBooking.waybill_number == waybill,
            )
        ):
            continue
        listings = _listings(company, slug, len(quantities))
        if not listings:
            continue
        owner = _owner(company)
        net = sum(int(q) for q in quantities[: len(listings)]) * (1000 if slug == "pp" else 1)
        booking = services.create_booking(
            owner,
            company,
            services.BookingData(
                warehouse_id=warehouses[code].id,
                currency="USD",
                packages=str(max(1, net // 500)),
                package_type="bag" if slug == "pp" else "bale",
                gross_weight_kg=str(int(net * 1.04)),
                net_weight_kg=str(net),
                transport_mode=mode,
                carrier_name=carrier,
                carrier_customs_code=carrier_code,
                waybill_number=waybill,
                exit_customs_code="0702",
                departure_date=(utcnow() - timedelta(days=12 if received else 4)).date().isoformat(),
                lines=[
                    {"listing_id": listing.id, "quantity": q, "unit_price": price}
                    for listing, q in zip(listings, quantities, strict=False)
                ],
            ),
        )
        services.mark_departed(owner, booking)
        services.mark_in_transit(owner, booking, "Zamyn-Üüd" if code == "ulaanbaatar" else "Zabaikalsk")
        if received:
            services.record_receipt(
                owner, booking, {line.id: str(line.quantity) for line in booking.lines}, final=True
            )
    db.session.flush()
