"""Risk screening: flags on RFQs, orders, shipments and bookings; the destination list; the
denied-party list; the licence and consignee a seller records on an order, shipment or booking."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.core.db import TimestampMixin, UTCDateTime, utcnow
from marketplace.core.states import enum_type
from marketplace.extensions import Base
from marketplace.risk.states import CountryLevel, FlagState, Rule, Subject


class RiskFlag(TimestampMixin, Base):
    """One rule's finding on one subject. `key` identifies the finding (e.g. the matched entry), so
    screening the same subject again does not raise the same flag twice."""

    __tablename__ = "risk_flags"
    __table_args__ = (
        sa.UniqueConstraint("subject_type", "subject_id", "rule", "key"),
        sa.Index("ix_risk_flags_state_created", "state", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_type: Mapped[Subject] = mapped_column(enum_type(Subject, "subject_type"))
    subject_id: Mapped[int] = mapped_column(sa.BigInteger)
    # The party whose flow is held (the buyer of an RFQ, the seller of an order/shipment/booking).
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id", ondelete="SET NULL"))
    rule: Mapped[Rule] = mapped_column(enum_type(Rule, "rule"), index=True)
    key: Mapped[str] = mapped_column(sa.String(120), default="")
    state: Mapped[FlagState] = mapped_column(enum_type(FlagState, "state"))
    # What the rule found, shown to admins only: {"message": msgid, "params": {...}, ...}.
    evidence: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str] = mapped_column(sa.Text, default="")


class RiskCountry(Base):
    """A destination under embargo (blocked) or needing an extra check, maintained by admins; the
    configuration's RISK_COUNTRIES is the default for countries without a row."""

    __tablename__ = "risk_countries"

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(sa.String(2), unique=True)
    level: Mapped[CountryLevel] = mapped_column(enum_type(CountryLevel, "level"))
    note: Mapped[str] = mapped_column(sa.String(300), default="")
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeniedParty(Base):
    """One entry of the consolidated denied-party list (OpenSanctions CSV), with the normalised forms
    of its name and aliases computed at load time."""

    __tablename__ = "risk_denied_parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[str] = mapped_column(sa.String(200), unique=True)
    schema: Mapped[str] = mapped_column(sa.String(40), default="")
    name: Mapped[str] = mapped_column(sa.String(500))
    aliases: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    countries: Mapped[str] = mapped_column(sa.String(200), default="")
    sanctions: Mapped[str] = mapped_column(sa.Text, default="")
    dataset: Mapped[str] = mapped_column(sa.String(300), default="")
    keys: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TradeDetails(Base):
    """The export licence and the consignee a seller records on an order, shipment or booking."""

    __tablename__ = "risk_trade_details"
    __table_args__ = (sa.UniqueConstraint("subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_type: Mapped[Subject] = mapped_column(enum_type(Subject, "subject_type"))
    subject_id: Mapped[int] = mapped_column(sa.BigInteger)
    licence_number: Mapped[str] = mapped_column(sa.String(64), default="")
    licence_issuer: Mapped[str] = mapped_column(sa.String(200), default="")
    # A scan of the licence (PDF or image), stored like every upload (core.uploads).
    original_name: Mapped[str | None] = mapped_column(sa.String(200))
    storage_key: Mapped[str | None] = mapped_column(sa.String(32))
    content_type: Mapped[str | None] = mapped_column(sa.String(60))
    size: Mapped[int | None] = mapped_column()
    sha256: Mapped[str | None] = mapped_column(sa.String(64))
    consignee_name: Mapped[str] = mapped_column(sa.String(300), default="")
    consignee_country: Mapped[str] = mapped_column(sa.String(2), default="")
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RfqHold(Base):
    """The sellers a held RFQ goes to once its flags are cleared (its quote threads wait till then)."""

    __tablename__ = "risk_rfq_holds"

    rfq_id: Mapped[int] = mapped_column(sa.ForeignKey("rfqs.id", ondelete="CASCADE"), primary_key=True)
    seller_ids: Mapped[list[int]] = mapped_column(sa.JSON, default=list)
    held_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
