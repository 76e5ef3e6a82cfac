"""Direct export shipments of an order: header (everything the 9710 declaration needs), the order
lines and quantities it carries, and its tracking events."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.catalog.models import QUANTITY
from marketplace.core.db import TimestampMixin, UTCDateTime, utcnow
from marketplace.core.states import enum_type
from marketplace.extensions import Base
from marketplace.shipments.states import ShipmentState, ShipmentTransport
from marketplace.warehouses.models import WEIGHT
from marketplace.warehouses.states import PackageType


class Shipment(TimestampMixin, Base):
    __tablename__ = "shipments"
    __table_args__ = (
        # A carrier's waybill identifies one consignment: never two shipments on one waybill.
        sa.UniqueConstraint("carrier_customs_code", "waybill_number"),
        sa.CheckConstraint("net_weight_kg <= gross_weight_kg", name="net_within_gross"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(32), unique=True)
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    seller_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    # The home warehouse the goods leave from: its operators update the tracking.
    warehouse_id: Mapped[int | None] = mapped_column(sa.ForeignKey("warehouses.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    state: Mapped[ShipmentState] = mapped_column(enum_type(ShipmentState, "state"))
    packages: Mapped[int] = mapped_column()
    package_type: Mapped[PackageType] = mapped_column(enum_type(PackageType, "package_type"))
    gross_weight_kg: Mapped[Decimal] = mapped_column(WEIGHT)
    net_weight_kg: Mapped[Decimal] = mapped_column(WEIGHT)
    transport_mode: Mapped[ShipmentTransport] = mapped_column(enum_type(ShipmentTransport, "transport_mode"))
    carrier_name: Mapped[str] = mapped_column(sa.String(200))
    carrier_customs_code: Mapped[str] = mapped_column(sa.String(18))
    waybill_number: Mapped[str] = mapped_column(sa.String(32))
    exit_customs_code: Mapped[str] = mapped_column(sa.String(4))
    departure_date: Mapped[date] = mapped_column(sa.Date)
    # Port of discharge (POD), given when the seller declares the shipment to customs.
    destination_port: Mapped[str | None] = mapped_column(sa.String(4))
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    row_version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": row_version}

    order = relationship("Order")
    lines: Mapped[list[ShipmentLine]] = relationship(
        back_populates="shipment", cascade="all, delete-orphan", order_by="ShipmentLine.id"
    )
    events: Mapped[list[TrackingEvent]] = relationship(
        back_populates="shipment",
        cascade="all, delete-orphan",
        order_by="(TrackingEvent.at, TrackingEvent.id)",
    )


class ShipmentLine(Base):
    __tablename__ = "shipment_lines"
    __table_args__ = (
        sa.UniqueConstraint("shipment_id", "order_line_id"),
        sa.CheckConstraint("quantity > 0", name="positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(sa.ForeignKey("shipments.id", ondelete="CASCADE"))
    order_line_id: Mapped[int] = mapped_column(
        sa.ForeignKey("order_lines.id", ondelete="CASCADE"), index=True
    )
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)

    shipment: Mapped[Shipment] = relationship(back_populates="lines")
    order_line = relationship("OrderLine")


class TrackingEvent(Base):
    """A point of the buyer's timeline: a state change (with `state`) or a position report."""

    __tablename__ = "shipment_tracking_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(sa.ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    state: Mapped[ShipmentState | None] = mapped_column(enum_type(ShipmentState, "state"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    location: Mapped[str] = mapped_column(sa.String(160), default="")
    note: Mapped[str] = mapped_column(sa.String(500), default="")
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    shipment: Mapped[Shipment] = relationship(back_populates="events")
