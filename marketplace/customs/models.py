"""Declarations (one set of messages per shipment or booking), their messages and receipts."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.core.db import TimestampMixin, UTCDateTime, utcnow
from marketplace.core.states import LabelledEnum, enum_type
from marketplace.customs.routing import Route
from marketplace.customs.states import DeclarationState
from marketplace.extensions import Base


class SourceKind(LabelledEnum):
    SHIPMENT = ("shipment", _l("Direct export shipment"))  # 9710
    BOOKING = ("booking", _l("Overseas-warehouse booking"))  # 9810


class SignatureStatus(LabelledEnum):
    UNSIGNED = ("unsigned", _l("Not signed"))
    SIGNED = ("signed", _l("Signed, verified"))


class Delivery(LabelledEnum):
    PENDING = ("pending", _l("Waiting to be sent"))
    DELIVERED = ("delivered", _l("Delivered to the platform"))
    REFUSED = ("refused", _l("Refused by the platform"))


class Declaration(TimestampMixin, Base):
    __tablename__ = "customs_declarations"
    __table_args__ = (
        sa.UniqueConstraint("source_kind", "source_id"),
        sa.Index("ix_customs_declarations_state_created", "state", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_kind: Mapped[SourceKind] = mapped_column(enum_type(SourceKind, "source_kind"))
    source_id: Mapped[int] = mapped_column(sa.BigInteger)
    mode: Mapped[str] = mapped_column(sa.String(4))
    route: Mapped[Route] = mapped_column(enum_type(Route, "route"))
    state: Mapped[DeclarationState] = mapped_column(enum_type(DeclarationState, "state"))
    order_no: Mapped[str] = mapped_column(sa.String(60), index=True)
    waybill_no: Mapped[str] = mapped_column(sa.String(32))
    cop_no: Mapped[str] = mapped_column(sa.String(30))
    seller_code: Mapped[str] = mapped_column(sa.String(18))
    input_data: Mapped[dict] = mapped_column(sa.JSON)
    route_data: Mapped[dict] = mapped_column(sa.JSON)
    handoff: Mapped[dict | None] = mapped_column(sa.JSON)
    entry_no: Mapped[str | None] = mapped_column(sa.String(18))
    pre_no: Mapped[str | None] = mapped_column(sa.String(18))
    invt_no: Mapped[str | None] = mapped_column(sa.String(20))
    rejection_reason: Mapped[str | None] = mapped_column(sa.Text)
    cancel_reason: Mapped[str | None] = mapped_column(sa.Text)
    revision: Mapped[int] = mapped_column(default=1)

    messages: Mapped[list[DeclarationMessage]] = relationship(
        back_populates="declaration", order_by="DeclarationMessage.id"
    )
    receipts: Mapped[list[Receipt]] = relationship(back_populates="declaration", order_by="Receipt.id")


class DeclarationMessage(Base):
    __tablename__ = "customs_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        sa.ForeignKey("customs_declarations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(6))  # CEB303, CEB505, CEB603, CEB605
    guid: Mapped[str] = mapped_column(sa.String(36), unique=True)
    head_guid: Mapped[str] = mapped_column(sa.String(36), unique=True)
    app_type: Mapped[str] = mapped_column(sa.String(1))
    revision: Mapped[int] = mapped_column(default=1)
    xml: Mapped[str] = mapped_column(sa.Text)
    valid: Mapped[bool] = mapped_column(default=False)
    validation_errors: Mapped[list] = mapped_column(sa.JSON, default=list)
    signature: Mapped[SignatureStatus] = mapped_column(enum_type(SignatureStatus, "signature"))
    delivery: Mapped[Delivery] = mapped_column(enum_type(Delivery, "delivery"), default=Delivery.PENDING)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    declaration: Mapped[Declaration] = relationship(back_populates="messages")


class Receipt(Base):
    __tablename__ = "customs_receipts"
    __table_args__ = (sa.UniqueConstraint("head_guid", "return_status", "return_time"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(
        sa.ForeignKey("customs_declarations.id", ondelete="CASCADE"), index=True
    )
    message_id: Mapped[int | None] = mapped_column(sa.ForeignKey("customs_messages.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(sa.String(6))  # CEB304, CEB506, CEB604, CEB606
    head_guid: Mapped[str] = mapped_column(sa.String(36))
    return_status: Mapped[str] = mapped_column(sa.String(10))
    return_time: Mapped[str] = mapped_column(sa.String(17))
    return_info: Mapped[str] = mapped_column(sa.Text)
    pre_no: Mapped[str | None] = mapped_column(sa.String(18))
    invt_no: Mapped[str | None] = mapped_column(sa.String(20))
    moved_to: Mapped[str | None] = mapped_column(sa.String(40))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    declaration: Mapped[Declaration] = relationship(back_populates="receipts")
