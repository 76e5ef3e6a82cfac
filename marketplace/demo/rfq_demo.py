"""Demo RFQs: open requests and quote threads in several states across the three verticals
(requested, quoted, countered and revised, declined, accepted with its order). Idempotent: a request
is created only if its buyer has none with the same title."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Membership
from marketplace.catalog import queries as catalog_queries
from marketplace.extensions import db
from marketplace.rfq import services
from marketplace.rfq.models import Rfq
from marketplace.rfq.states import Side

# buyer, title, category slug, quantity, unit, incoterm, place, country, requirements, script
# script: per seller (in the order of eligible sellers): a list of steps
SCENARIOS = [
    (
        "zakupki@sibpolymer.example",
        "Полипропилен рафия, 200 т на Новосибирск",
        "pp",
        "200",
        "t",
        "DAP",
        "Новосибирск",
        "RU",
        {"mfr": {"min": "2.5", "max": "4"}},
        [["quote:1050.00", "counter:1010", "quote:1025.00"], ["quote:1065.00"]],
    ),
    (
        "buyer@tavan-trade.example",
        "Ноолууран утас 2/26 Nm, 500 кг",
        "yarn",
        "500",
        "kg",
        "DAP",
        "Улаанбаатар",
        "MN",
        {"nm_count": {"min": "26"}},
        [["quote:140.00", "accept"]],
    ),
    (
        "buyer@tavan-trade.example",
        "Самосвал 60 т, 4 ширхэг",
        "mining-dump-trucks",
        "4",
        "vehicle",
        "DAP",
        "Оюу толгой",
        "MN",
        {},
        [["quote:98000.00", "counter:95000"]],
    ),
    (
        "zakupki@sibpolymer.example",
        "Каустическая сода чешуированная 99 %, 100 т",
        "caustic-soda",
        "100",
        "t",
        "CPT",
        "Новосибирск",
        "RU",
        {},
        [["decline:Все объёмы на декабрь уже распределены"], []],
    ),
    (
        "buyer@tavan-trade.example",
        "Цахилгаан автомашин, 10 ширхэг",
        "bev",
        "10",
        "vehicle",
        "DAP",
        "Улаанбаатар",
        "MN",
        {},
        [[]],
    ),
]


def _revision(currency_price: str, quantity: str, unit: str, incoterm: str, place: str):
    return services.RevisionData(
        currency="USD",
        lines=[{"description": "", "quantity": quantity, "unit": unit, "unit_price": currency_price}],
        incoterm=incoterm,
        incoterm_place=place,
        lead_time_days="21",
        deposit_percent="30",
        balance_due="before_shipment",
        valid_until=(services.china_today() + timedelta(days=12)).isoformat(),
        notes="",
    )


def load_rfq_demo() -> int:
    created = 0
    for email, title, slug, quantity, unit, incoterm, place, country, reqs, script in SCENARIOS:
        buyer = accounts.user_by_email(email)
        category = catalog_queries.category_by_slug(slug)
        if buyer is None or category is None:
            continue
        company = db.session.scalar(sa.select(Membership).where(Membership.user_id == buyer.id)).company
        if db.session.scalar(sa.select(Rfq.id).where(Rfq.buyer_id == company.id, Rfq.title == title)):
            continue
        sellers = services.eligible_sellers(category)[: len(script)]
        if not sellers:
            continue
        rfq = services.create_rfq(
            buyer,
            company,
            services.RfqData(
                title=title,
                category=slug,
                requirements=reqs,
                quantity=quantity,
                unit=unit,
                destination_country=country,
                destination_place=place,
                incoterm=incoterm,
                deadline=(services.china_today() + timedelta(days=14)).isoformat(),
                audience="chosen",
                seller_ids=[s.id for s in sellers],
            ),
        )
        created += 1
        for seller, steps in zip(sellers, script, strict=False):
            quote = next(q for q in rfq.quotes if q.seller_id == seller.id)
            seller_user = db.session.scalar(
                sa.select(Membership).where(Membership.company_id == seller.id).order_by(Membership.id)
            ).user
            listing = next(
                (
                    row
                    for row, _card in catalog_queries.seller_listings(seller.id, "en")
                    if row.is_visible and row.category_id == category.id
                ),
                None,
            )
            for step in steps:
                action, _, arg = step.partition(":")
                if action == "quote":
                    data = _revision(arg, quantity, unit, incoterm, place)
                    data.lines[0]["listing_id"] = str(listing.id) if listing else ""
                    data.lines[0]["description"] = "" if listing else title
                    services.submit_revision(seller_user, quote, Side.SELLER, data)
                elif action == "counter":
                    services.counter(buyer, quote, Side.BUYER, services.CounterData(unit_price=arg))
                elif action == "decline":
                    services.decline(seller_user, quote, Side.SELLER, arg)
                elif action == "accept":
                    services.accept(buyer, quote, Side.BUYER, quote.current_revision_id)
    db.session.flush()
    return created
