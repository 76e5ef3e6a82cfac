"""Builders for the warehouse tests: sellers with published listings, warehouses, operators, bookings."""

from __future__ import annotations

from datetime import date

import factories

from marketplace.catalog import services as catalog
from marketplace.catalog.models import Category
from marketplace.extensions import db
from marketplace.warehouses import services
from marketplace.warehouses.seeding import seed_public_warehouses


def published(owner, company, slug="yarn"):
    category = db.session.scalar(db.select(Category).where(Category.slug == slug))
    data = factories.yarn_data() if slug == "yarn" else factories.pp_data()
    listing = catalog.create_listing(owner, company, category, data)
    catalog.submit_listing(owner, listing, acknowledge_flags=True)
    catalog.approve_listing(factories.make_user(admin=True), listing, acknowledge_controlled=True)
    return listing


def world():
    """Two sellers each with a published yarn listing, the public warehouses, an operator of Moscow."""
    factories.seed_catalog()
    s1, c1 = factories.verified_seller("s1@example.cn", seller_ids=0)
    s2, c2 = factories.verified_seller("s2@example.cn", seller_ids=1)
    l1, l2 = published(s1, c1), published(s2, c2)
    warehouses = {w.code: w for w in seed_public_warehouses()}
    operator = factories.make_user("op@moscow.example", language="ru")
    admin = factories.make_user("admin@example.com", admin=True)
    services.add_operator(admin, warehouses["moscow"], operator.email)
    return {
        "s1": s1,
        "c1": c1,
        "s2": s2,
        "c2": c2,
        "l1": l1,
        "l2": l2,
        "moscow": warehouses["moscow"],
        "ub": warehouses["ulaanbaatar"],
        "operator": operator,
        "admin": admin,
    }


def booking_data(warehouse, goods, **overrides):
    data = services.BookingData(
        warehouse_id=warehouse.id,
        currency="USD",
        packages="20",
        package_type="carton",
        gross_weight_kg="540.5",
        net_weight_kg="500",
        transport_mode="rail",
        carrier_name="China Railway Container Transport Corp.",
        carrier_customs_code="1101980001",
        waybill_number=f"CRCT{warehouse.id}{len(goods)}{id(goods) % 100000}",
        exit_customs_code="0702",
        departure_date=date(2026, 12, 1).isoformat(),
        notes="",
        lines=[
            {"listing_id": listing.id, "quantity": str(q), "unit_price": "142.00", "lot": ""}
            for listing, q in goods
        ],
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data
