"""Read-side queries of orders: a company's orders and one order with its lines."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from marketplace.accounts.models import User
from marketplace.accounts.services import membership
from marketplace.core.errors import NotFound
from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.orders.states import order_workflow


def orders_of_company(company_id: int, *, limit: int = 200) -> list[Order]:
    return list(
        db.session.scalars(
            sa.select(Order)
            .where(sa.or_(Order.buyer_id == company_id, Order.seller_id == company_id))
            .options(selectinload(Order.buyer), selectinload(Order.seller))
            .order_by(Order.id.desc())
            .limit(limit)
        )
    )


def all_orders(*, limit: int = 200) -> list[Order]:
    """Every order, newest first (admins)."""
    return list(
        db.session.scalars(
            sa.select(Order)
            .options(selectinload(Order.buyer), selectinload(Order.seller))
            .order_by(Order.id.desc())
            .limit(limit)
        )
    )


def order_for(user: User, order_id: int) -> Order:
    """The order if `user` is a member of its buyer or seller, or an admin; NotFound otherwise."""
    order = db.session.scalar(
        sa.select(Order)
        .where(Order.id == order_id)
        .options(selectinload(Order.lines), selectinload(Order.buyer), selectinload(Order.seller))
    )
    if order is None:
        raise NotFound()
    if not (
        user.is_admin or membership(user, order.buyer_id) is not None or membership(user, order.seller_id)
    ):
        raise NotFound()
    return order


def history(order: Order):
    return order_workflow.history(order)
