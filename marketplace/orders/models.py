"""Orders: header (parties, currency, terms, destination, fulfilment mode), lines, and a state with
history. Created from an accepted quote or directly from a listing; payments live in `payments`."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.catalog.models import AMOUNT, QUANTITY
from marketplace.catalog.states import Incoterm, Unit
from marketplace.core.db import TimestampMixin, UTCDateTime
from marketplace.core.money import Money
from marketplace.core.states import enum_type
from marketplace.extensions import Base
from marketplace.orders.states import BalanceDue, FulfilmentMode, OrderState

PERCENT = sa.Numeric(5, 2)


class Order(TimestampMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (
        sa.Index("ix_orders_buyer_created", "buyer_id", "created_at"),
        sa.Index("ix_orders_seller_created", "seller_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(24), unique=True)
    buyer_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id"))
    seller_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id"))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # One order per RFQ and per quote: the last guard against a double acceptance.
    rfq_id: Mapped[int | None] = mapped_column(sa.ForeignKey("rfqs.id", ondelete="SET NULL"), unique=True)
    quote_id: Mapped[int | None] = mapped_column(sa.ForeignKey("quotes.id", ondelete="SET NULL"), unique=True)
    quote_revision_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("quote_revisions.id", ondelete="SET NULL")
    )
    state: Mapped[OrderState] = mapped_column(enum_type(OrderState, "state"))
    currency: Mapped[str] = mapped_column(sa.String(3))
    total: Mapped[Decimal] = mapped_column(AMOUNT)
    incoterm: Mapped[Incoterm] = mapped_column(enum_type(Incoterm, "incoterm"))
    incoterm_place: Mapped[str] = mapped_column(sa.String(120))
    lead_time_days: Mapped[int] = mapped_column()
    deposit_percent: Mapped[Decimal] = mapped_column(PERCENT)
    balance_due: Mapped[BalanceDue] = mapped_column(enum_type(BalanceDue, "balance_due"))
    destination_country: Mapped[str] = mapped_column(sa.String(2))
    destination_place: Mapped[str] = mapped_column(sa.String(120))
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Direct export (9710) unless the fulfilment issue ships it from an overseas warehouse (9810).
    fulfilment_mode: Mapped[FulfilmentMode] = mapped_column(
        enum_type(FulfilmentMode, "fulfilment_mode"), default=FulfilmentMode.DIRECT
    )
    # The overseas warehouse the goods ship from (its stock is reserved for the order), if not direct.
    warehouse_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("warehouses.id", ondelete="RESTRICT"), index=True
    )
    row_version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": row_version}

    buyer = relationship("Company", foreign_keys=[buyer_id])
    seller = relationship("Company", foreign_keys=[seller_id])
    warehouse = relationship("Warehouse")
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.position"
    )
    payment_requests = relationship(
        "PaymentRequest", back_populates="order", order_by="PaymentRequest.position", viewonly=True
    )

    @property
    def total_money(self) -> Money:
        return Money(self.total, self.currency)

    @property
    def deposit(self) -> Money:
        return Money(self.total * self.deposit_percent / 100, self.currency)

    @property
    def balance(self) -> Money:
        return self.total_money - self.deposit


class OrderLine(Base):
    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column()
    listing_id: Mapped[int | None] = mapped_column(sa.ForeignKey("listings.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(sa.String(300))
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    unit: Mapped[Unit] = mapped_column(enum_type(Unit, "unit"))
    unit_price: Mapped[Decimal] = mapped_column(AMOUNT)
    total: Mapped[Decimal] = mapped_column(AMOUNT)

    order: Mapped[Order] = relationship(back_populates="lines")


# The payment tables the order relates to by name (so mappers configure wherever orders are used).
from marketplace.payments import models as _payment_models  # noqa: E402, F401
