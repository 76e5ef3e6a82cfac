"""Buyer ratings of completed orders (one per order, with the seller's one public answer) and the
history of each seller's computed credit profile."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.core.db import UTCDateTime, utcnow
from marketplace.core.states import enum_type
from marketplace.credit.states import Grade, RatingState
from marketplace.extensions import Base

STARS = ("overall", "as_described", "communication", "on_time")


class Rating(Base):
    __tablename__ = "credit_ratings"
    __table_args__ = (
        sa.Index("ix_credit_ratings_seller_created", "seller_id", "created_at"),
        *(sa.CheckConstraint(f"{name} BETWEEN 1 AND 5", name=f"{name}_stars") for name in STARS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # One rating per order: verified by the order it rates.
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    seller_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    buyer_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    overall: Mapped[int] = mapped_column(sa.SmallInteger)
    as_described: Mapped[int] = mapped_column(sa.SmallInteger)
    communication: Mapped[int] = mapped_column(sa.SmallInteger)
    on_time: Mapped[int] = mapped_column(sa.SmallInteger)
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    comment_language: Mapped[str] = mapped_column(sa.String(5), default="")
    state: Mapped[RatingState] = mapped_column(enum_type(RatingState, "state"))
    hidden_reason: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reply: Mapped[str | None] = mapped_column(sa.Text)
    reply_language: Mapped[str | None] = mapped_column(sa.String(5))
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    replied_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))

    order = relationship("Order")
    buyer = relationship("Company", foreign_keys=[buyer_id])
    seller = relationship("Company", foreign_keys=[seller_id])


class CreditSnapshot(Base):
    """A seller's credit profile as computed at `computed_at`: the figures of each component, the
    score and the grade. Written when the figures change, so the rows are the profile's history."""

    __tablename__ = "credit_snapshots"
    __table_args__ = (sa.Index("ix_credit_snapshots_seller_computed", "seller_id", "computed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seller_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    figures: Mapped[dict[str, Any]] = mapped_column(sa.JSON)  # formula.Figures, as strings
    components: Mapped[dict[str, Any]] = mapped_column(sa.JSON)  # each component's value and score
    score: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 1))
    grade: Mapped[Grade] = mapped_column(enum_type(Grade, "grade"))
    trigger: Mapped[str] = mapped_column(sa.String(40), default="")
