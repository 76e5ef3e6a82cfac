"""Builders for the risk tests: the sample denied-party list, buyers by name, orders and RFQs."""

from __future__ import annotations

from pathlib import Path

import factories

from marketplace.orders import services as orders
from marketplace.payments import services as payments
from marketplace.risk import services as risk

SAMPLE = Path(__file__).resolve().parents[2] / "marketplace" / "risk" / "data" / "denied_parties_sample.csv"


def load_sample() -> int:
    return risk.load_denied_parties(SAMPLE.read_bytes())


def market(buyer_name: str = "Test Buyer", *, listing_overrides: dict | None = None):
    """A buyer company named `buyer_name`, a verified seller with a published PP listing, an admin."""
    factories.seed_catalog()
    buyer = factories.make_user()
    company = factories.make_company(buyer, legal_name_latin=buyer_name)
    seller, seller_company = factories.verified_seller()
    listing = factories.make_listing(seller, seller_company, publish=True, **(listing_overrides or {}))
    admin = factories.make_user(admin=True)
    return {
        "buyer": buyer,
        "company": company,
        "seller": seller,
        "seller_company": seller_company,
        "listing": listing,
        "admin": admin,
    }


def place(m, quantity="25", country="MN"):
    return orders.order_from_listing(
        m["buyer"],
        m["company"],
        orders.ListingOrderData(
            listing_id=m["listing"].id,
            quantity=quantity,
            destination_country=country,
            destination_place="Town",
        ),
    )


def pay_next(seller, order):
    for line in payments.account(order).lines:
        if line.outstanding.amount > 0:
            payments.record_bank_transfer(
                seller,
                order,
                amount=str(line.outstanding.amount),
                received_on="2026-01-05",
                payer_reference="MT",
            )
            return
