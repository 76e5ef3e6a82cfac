"""Requests for quotation, one quote thread per invited seller, immutable revisions with lines,
buyer counters and messages in the thread, and attachments."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.catalog.models import AMOUNT, QUANTITY
from marketplace.catalog.states import Incoterm, Unit
from marketplace.core.db import TimestampMixin, UTCDateTime, utcnow
from marketplace.core.money import Money
from marketplace.core.states import enum_type
from marketplace.extensions import Base
from marketplace.orders.models import PERCENT
from marketplace.orders.states import BalanceDue
from marketplace.rfq.states import Audience, MessageKind, QuoteState, RfqState, Side


class Rfq(TimestampMixin, Base):
    __tablename__ = "rfqs"
    __table_args__ = (sa.Index("ix_rfqs_buyer_created", "buyer_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    buyer_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    category_id: Mapped[int] = mapped_column(sa.ForeignKey("categories.id"))
    listing_id: Mapped[int | None] = mapped_column(sa.ForeignKey("listings.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    # Key attributes of the category as wishes: {code: value} or {code: {"min": .., "max": ..}}.
    requirements: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    unit: Mapped[Unit] = mapped_column(enum_type(Unit, "unit"))
    target_price: Mapped[Decimal | None] = mapped_column(AMOUNT)
    target_currency: Mapped[str | None] = mapped_column(sa.String(3))
    destination_country: Mapped[str] = mapped_column(sa.String(2))
    destination_place: Mapped[str] = mapped_column(sa.String(120))
    incoterm: Mapped[Incoterm] = mapped_column(enum_type(Incoterm, "incoterm"))
    needed_by: Mapped[date | None] = mapped_column(sa.Date)
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)  # quotes are accepted until then
    max_quotes: Mapped[int] = mapped_column(default=10)
    audience: Mapped[Audience] = mapped_column(enum_type(Audience, "audience"))
    state: Mapped[RfqState] = mapped_column(enum_type(RfqState, "state"))
    row_version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": row_version}

    buyer = relationship("Company")
    quotes: Mapped[list[Quote]] = relationship(back_populates="rfq", order_by="Quote.id")

    @property
    def target(self) -> Money | None:
        if self.target_price is None or not self.target_currency:
            return None
        return Money(self.target_price, self.target_currency)

    def deadline_passed(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.deadline


class Quote(TimestampMixin, Base):
    """One seller's thread on one RFQ: created when the RFQ is sent, answered with revisions."""

    __tablename__ = "quotes"
    __table_args__ = (
        sa.UniqueConstraint("rfq_id", "seller_id"),
        sa.Index("ix_quotes_seller_updated", "seller_id", "updated_at"),
        sa.Index("ix_quotes_state_expires", "state", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[int] = mapped_column(sa.ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    seller_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    state: Mapped[QuoteState] = mapped_column(enum_type(QuoteState, "state"))
    current_revision_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("quote_revisions.id", use_alter=True, name="fk_quotes_current_revision_id")
    )
    first_quoted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # counts against max_quotes
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # of the current revision
    expiry_warned_revision_id: Mapped[int | None] = mapped_column()
    decline_reason: Mapped[str | None] = mapped_column(sa.Text)
    row_version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": row_version}

    rfq: Mapped[Rfq] = relationship(back_populates="quotes")
    seller = relationship("Company")
    current_revision: Mapped[QuoteRevision | None] = relationship(
        foreign_keys=[current_revision_id], post_update=True
    )
    revisions: Mapped[list[QuoteRevision]] = relationship(
        foreign_keys="QuoteRevision.quote_id", back_populates="quote", order_by="QuoteRevision.number"
    )
    messages: Mapped[list[QuoteMessage]] = relationship(back_populates="quote", order_by="QuoteMessage.id")


class QuoteRevision(Base):
    """A seller's offer as sent. Never changed afterwards: a change is a new revision."""

    __tablename__ = "quote_revisions"
    __table_args__ = (sa.UniqueConstraint("quote_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(sa.ForeignKey("quotes.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column()
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    currency: Mapped[str] = mapped_column(sa.String(3))
    total: Mapped[Decimal] = mapped_column(AMOUNT)
    moq: Mapped[Decimal | None] = mapped_column(QUANTITY)
    incoterm: Mapped[Incoterm] = mapped_column(enum_type(Incoterm, "incoterm"))
    incoterm_place: Mapped[str] = mapped_column(sa.String(120))
    lead_time_days: Mapped[int] = mapped_column()
    deposit_percent: Mapped[Decimal] = mapped_column(PERCENT)
    balance_due: Mapped[BalanceDue] = mapped_column(enum_type(BalanceDue, "balance_due"))
    valid_until: Mapped[date] = mapped_column(sa.Date)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)  # end of valid_until, China time
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    # Ships from the seller's stock in this overseas warehouse (reserved when the quote is accepted)
    # rather than exported from Ordos after production.
    warehouse_id: Mapped[int | None] = mapped_column(sa.ForeignKey("warehouses.id", ondelete="RESTRICT"))

    quote: Mapped[Quote] = relationship(foreign_keys=[quote_id], back_populates="revisions")
    warehouse = relationship("Warehouse")
    lines: Mapped[list[QuoteLine]] = relationship(
        back_populates="revision", cascade="all, delete-orphan", order_by="QuoteLine.position"
    )

    @property
    def total_money(self) -> Money:
        return Money(self.total, self.currency)


class QuoteLine(Base):
    __tablename__ = "quote_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        sa.ForeignKey("quote_revisions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column()
    listing_id: Mapped[int | None] = mapped_column(sa.ForeignKey("listings.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(sa.String(300))
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    unit: Mapped[Unit] = mapped_column(enum_type(Unit, "unit"))
    unit_price: Mapped[Decimal] = mapped_column(AMOUNT)

    revision: Mapped[QuoteRevision] = relationship(back_populates="lines")


class QuoteMessage(Base):
    """A plain message, a buyer's counter-offer or revision request, or a seller's decline."""

    __tablename__ = "quote_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(sa.ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    side: Mapped[Side] = mapped_column(enum_type(Side, "side"))
    kind: Mapped[MessageKind] = mapped_column(enum_type(MessageKind, "kind"))
    body: Mapped[str] = mapped_column(sa.Text, default="")
    # A counter-offer's proposal (in the currency of the revision it answers).
    revision_id: Mapped[int | None] = mapped_column(sa.ForeignKey("quote_revisions.id", ondelete="SET NULL"))
    proposed_unit_price: Mapped[Decimal | None] = mapped_column(AMOUNT)
    proposed_currency: Mapped[str | None] = mapped_column(sa.String(3))
    proposed_quantity: Mapped[Decimal | None] = mapped_column(QUANTITY)
    proposed_lead_time_days: Mapped[int | None] = mapped_column()
    proposed_deposit_percent: Mapped[Decimal | None] = mapped_column(PERCENT)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    quote: Mapped[Quote] = relationship(back_populates="messages")
    author = relationship("User")

    @property
    def proposed_price(self) -> Money | None:
        if self.proposed_unit_price is None or not self.proposed_currency:
            return None
        return Money(self.proposed_unit_price, self.proposed_currency)


class RfqFile(Base):
    """An attachment of an RFQ (seen by its buyer and invited sellers) or of one quote thread (seen by
    the buyer and that seller only)."""

    __tablename__ = "rfq_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[int] = mapped_column(sa.ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    quote_id: Mapped[int | None] = mapped_column(sa.ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    original_name: Mapped[str] = mapped_column(sa.String(200))
    storage_key: Mapped[str] = mapped_column(sa.String(80), unique=True)
    content_type: Mapped[str] = mapped_column(sa.String(80))
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(sa.String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
