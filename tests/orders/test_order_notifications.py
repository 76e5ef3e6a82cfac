"""Order and payment notifications: the seller hears of a direct order, both parties of a settled
payment, the other party of every move; each in the reader's language, with the state's label."""

from __future__ import annotations

import factories
import sqlalchemy as sa

from marketplace.extensions import db
from marketplace.notifications import services as notifications
from marketplace.notifications.models import Notification
from marketplace.orders import services
from marketplace.orders.states import OrderState
from marketplace.payments import services as payments


def _rows(user) -> list[Notification]:
    return list(
        db.session.scalars(
            sa.select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
        )
    )


def _text(row: Notification, lang: str) -> str:
    title, body = notifications.render(row.kind, row.params, lang, "Asia/Shanghai")
    return f"{title}\n{body}"


def test_direct_order_payment_and_moves_are_told_to_the_other_party(ctx):
    buyer, company, [(seller, _seller_company, listing)] = factories.rfq_parties(1, buyer_language="mn")
    seller.language = "ru"
    order = services.order_from_listing(
        buyer,
        company,
        services.ListingOrderData(
            listing_id=listing.id, quantity="100", destination_country="MN", destination_place="Ulaanbaatar"
        ),
    )
    [placed] = _rows(seller)
    assert placed.kind == "order_placed" and not _rows(buyer)
    text = _text(placed, "ru")
    assert order.number in text and "Новый заказ" in text and "Ожидает предоплату" in text

    deposit = payments.requests_of(order)[0]
    payments.record_bank_transfer(seller, order, amount=str(deposit.amount), received_on="2026-01-05")
    assert order.state == OrderState.IN_PRODUCTION
    [buyer_paid] = _rows(buyer)
    assert buyer_paid.kind == "payment_settled" and _rows(seller)[-1].kind == "payment_settled"
    text = _text(buyer_paid, "mn")
    assert deposit.reference in text and "Үйлдвэрлэж буй" in text

    services.move(seller, order, OrderState.AWAITING_BALANCE)
    moved = _rows(buyer)[-1]
    assert moved.kind == "order_moved" and len(_rows(seller)) == 2  # the mover is not told
    assert "Үлдэгдэл төлбөр хүлээж буй" in _text(moved, "mn")
    assert "Awaiting balance" in _text(moved, "en")

    services.move(buyer, order, OrderState.DISPUTED, reason="Wrong grade announced")
    disputed = _rows(seller)[-1]
    assert disputed.kind == "order_moved_reason"
    text = _text(disputed, "zh")
    assert "Wrong grade announced" in text and "订单 " + order.number in text
