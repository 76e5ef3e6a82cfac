"""Issued trade documents and the per-seller, per-year, per-kind counters that number them."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.core.db import UTCDateTime
from marketplace.core.states import enum_type
from marketplace.documents.states import DocumentKind
from marketplace.extensions import Base


class DocumentSequence(Base):
    """The last number issued for one seller, year and kind (incremented under the row lock)."""

    __tablename__ = "document_sequences"

    seller_id: Mapped[int] = mapped_column(
        sa.ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DocumentKind] = mapped_column(enum_type(DocumentKind, "kind"), primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0)


class TradeDocument(Base):
    """A document issued for an order: its number and date are fixed; the PDF is rendered from the
    order on demand in the language recorded here (plus Chinese)."""

    __tablename__ = "trade_documents"
    __table_args__ = (sa.UniqueConstraint("seller_id", "kind", "year", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    # The shipment a commercial invoice or packing list documents (None for the pro-forma).
    shipment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("shipments.id", ondelete="CASCADE"), index=True
    )
    seller_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    kind: Mapped[DocumentKind] = mapped_column(enum_type(DocumentKind, "kind"))
    year: Mapped[int] = mapped_column()
    sequence: Mapped[int] = mapped_column()
    number: Mapped[str] = mapped_column(sa.String(40))
    language: Mapped[str] = mapped_column(sa.String(5))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
