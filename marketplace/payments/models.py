"""Payment requests (the schedule), payments (bank transfers, cards) and refunds."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.catalog.models import AMOUNT
from marketplace.core.db import TimestampMixin, UTCDateTime
from marketplace.core.money import Money
from marketplace.core.states import enum_type
from marketplace.extensions import Base
from marketplace.payments.states import Method, PaymentState, RefundState, RequestKind, RequestState


class PaymentRequest(TimestampMixin, Base):
    """One installment of an order's price: its amount, due date and the reference to quote on a wire."""

    __tablename__ = "payment_requests"
    __table_args__ = (sa.UniqueConstraint("order_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column()
    kind: Mapped[RequestKind] = mapped_column(enum_type(RequestKind, "kind"))
    state: Mapped[RequestState] = mapped_column(enum_type(RequestState, "state"))
    amount: Mapped[Decimal] = mapped_column(AMOUNT)
    currency: Mapped[str] = mapped_column(sa.String(3))
    due_date: Mapped[date | None] = mapped_column(sa.Date)
    reference: Mapped[str] = mapped_column(sa.String(40), unique=True)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    order = relationship("Order", back_populates="payment_requests")

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)


class Payment(TimestampMixin, Base):
    """Money received for an order (against one of its requests), by bank transfer or card."""

    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("payment_requests.id", ondelete="SET NULL"), index=True
    )
    method: Mapped[Method] = mapped_column(enum_type(Method, "method"))
    state: Mapped[PaymentState] = mapped_column(enum_type(PaymentState, "state"))
    amount: Mapped[Decimal] = mapped_column(AMOUNT)
    currency: Mapped[str] = mapped_column(sa.String(3))
    refunded: Mapped[Decimal] = mapped_column(AMOUNT, default=Decimal(0))
    received_on: Mapped[date | None] = mapped_column(sa.Date)
    payer_reference: Mapped[str] = mapped_column(sa.String(120), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # Card payments: the Stripe PaymentIntent, created with this idempotency key.
    provider_ref: Mapped[str | None] = mapped_column(sa.String(255), unique=True)
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(200), unique=True)
    failure_message: Mapped[str] = mapped_column(sa.String(500), default="")
    row_version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": row_version}

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)

    @property
    def net(self) -> Money:
        return Money(self.amount - self.refunded, self.currency)


class Refund(TimestampMixin, Base):
    """Money going back to the buyer (on cancellation, or an over-payment returned)."""

    __tablename__ = "refunds"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(sa.ForeignKey("payments.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    state: Mapped[RefundState] = mapped_column(enum_type(RefundState, "state"))
    amount: Mapped[Decimal] = mapped_column(AMOUNT)
    currency: Mapped[str] = mapped_column(sa.String(3))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    provider_ref: Mapped[str | None] = mapped_column(sa.String(255), unique=True)  # Stripe refund id

    payment: Mapped[Payment] = relationship()

    # Reasons the marketplace writes itself (anything else is the text a person gave).
    OVERPAYMENT = "over-payment"
    AT_PROVIDER = "card-service"
    REASONS = {
        OVERPAYMENT: _l("Over-payment returned"),
        AT_PROVIDER: _l("Refunded at the card payment service"),
    }

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)

    @property
    def reason_label(self) -> str:
        label = self.REASONS.get(self.reason)
        return str(label) if label is not None else self.reason


class RemittanceSlip(Base):
    """A copy of the buyer's bank transfer order, uploaded so the seller can match the wire."""

    __tablename__ = "remittance_slips"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int | None] = mapped_column(sa.ForeignKey("payment_requests.id", ondelete="SET NULL"))
    original_name: Mapped[str] = mapped_column(sa.String(200))
    storage_key: Mapped[str] = mapped_column(sa.String(64))
    content_type: Mapped[str] = mapped_column(sa.String(100))
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(sa.String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SellerBankAccount(TimestampMixin, Base):
    """Where buyers wire money to a seller: printed on the order and on the pro-forma invoice."""

    __tablename__ = "seller_bank_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), unique=True)
    beneficiary: Mapped[str] = mapped_column(sa.String(200))
    bank_name: Mapped[str] = mapped_column(sa.String(200))
    bank_address: Mapped[str] = mapped_column(sa.String(300), default="")
    account_number: Mapped[str] = mapped_column(sa.String(40))
    swift: Mapped[str] = mapped_column(sa.String(11))


class StripeEvent(Base):
    """A Stripe webhook event seen: its id makes each event processed once however often it comes."""

    __tablename__ = "stripe_events"

    id: Mapped[str] = mapped_column(sa.String(255), primary_key=True)
    type: Mapped[str] = mapped_column(sa.String(100))
    payment_intent: Mapped[str | None] = mapped_column(sa.String(255))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
