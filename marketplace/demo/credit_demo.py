"""Demo seller credit: SibPolymer (Russia) bought cashmere yarn from the Moscow stock of Ordos Dongsheng
Cashmere, the order went all the way to completed through the real services (paid by bank transfer,
delivered locally from the warehouse, confirmed by the buyer), the buyer rated it and the seller
answered; the seller's credit profile is then computed. Idempotent: nothing is made if the seller
already has a rating."""

from __future__ import annotations

import sqlalchemy as sa

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Company, Membership
from marketplace.catalog.models import Category, Listing, ListingVersion
from marketplace.credit import services as credit
from marketplace.credit.models import Rating
from marketplace.demo.shipments_demo import _compliance_checked, _pay_outstanding, owner
from marketplace.extensions import db
from marketplace.orders import services as orders
from marketplace.orders.states import OrderState
from marketplace.warehouses import queries as stock

CASHMERE = "Ordos Dongsheng Cashmere Products Co., Ltd."
BUYER = "zakupki@sibpolymer.example"
COMMENT = (
    "Пряжа пришла со склада в Москве через два дня, одна партия окраски, как в описании. "
    "Отвечали быстро, документы в порядке."
)
ANSWER = "感谢您的订购！下一批莫斯科仓库存将于12月到货，欢迎继续合作。"


def _yarn_in_moscow(company: Company):
    """The first visible yarn listing of the seller with stock in Moscow, and that stock."""
    category = db.session.scalar(sa.select(Category).where(Category.slug == "yarn"))
    if category is None:
        return None, None
    listings = db.session.scalars(
        sa.select(Listing)
        .where(Listing.seller_id == company.id, Listing.category_id == category.id)
        .where(Listing.is_visible.is_(True))
        .order_by(Listing.id)
    )
    for listing in listings:
        for offer in stock.overseas_availability(listing.id):
            if offer.city == "Moscow":
                return listing, offer
    return None, None


def load_credit_demo() -> Rating | None:
    seller_company = db.session.scalar(sa.select(Company).where(Company.legal_name_latin == CASHMERE))
    buyer = accounts.user_by_email(BUYER)
    if seller_company is None or buyer is None:
        return None
    if db.session.scalar(sa.select(Rating.id).where(Rating.seller_id == seller_company.id)) is not None:
        return None
    buyer_company = db.session.scalar(sa.select(Membership).where(Membership.user_id == buyer.id)).company
    listing, offer = _yarn_in_moscow(seller_company)
    if listing is None:
        return None
    version = db.session.get(ListingVersion, listing.live_version_id)
    if offer.available < version.moq:
        return None
    seller = owner(seller_company)
    order = orders.order_from_listing(
        buyer,
        buyer_company,
        orders.ListingOrderData(
            listing_id=listing.id,
            quantity=format(version.moq.normalize(), "f"),
            destination_country="RU",
            destination_place="Moscow",
            warehouse_id=str(offer.warehouse_id),
        ),
    )
    _compliance_checked(seller, order)
    _pay_outstanding(seller, order)
    if order.state == OrderState.IN_PRODUCTION:
        orders.move(seller, order, OrderState.AWAITING_BALANCE)
        _pay_outstanding(seller, order)
    orders.move(seller, order, OrderState.SHIPPED)  # a local delivery from the Moscow warehouse
    orders.move(buyer, order, OrderState.DELIVERED)
    orders.move(buyer, order, OrderState.COMPLETED)
    rating = credit.rate_order(
        buyer,
        order.id,
        credit.RatingData(
            overall=5, as_described=5, communication=4, on_time=5, comment=COMMENT, comment_language="ru"
        ),
    )
    credit.reply(seller, rating.id, ANSWER, "zh")
    credit.recompute(seller_company.id, trigger="demo")
    return rating
