"""Warehouses (home, public overseas, a seller's own overseas), their operators, the stock ledger
(append-only movements plus one balance row per listing, warehouse and lot that the services lock),
and replenishment bookings to overseas warehouses with their lines and receipts."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.catalog.models import AMOUNT, QUANTITY
from marketplace.catalog.states import Unit
from marketplace.core.db import TimestampMixin, UTCDateTime, utcnow
from marketplace.core.states import enum_type
from marketplace.extensions import Base
from marketplace.warehouses.states import (
    BookingState,
    BookingTransport,
    MovementKind,
    PackageType,
    WarehouseKind,
)

WEIGHT = sa.Numeric(14, 3)


class Warehouse(TimestampMixin, Base):
    __tablename__ = "warehouses"
    __table_args__ = (
        sa.CheckConstraint(
            "(kind = 'public' AND owner_id IS NULL) OR (kind != 'public' AND owner_id IS NOT NULL)",
            name="owner_matches_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[WarehouseKind] = mapped_column(enum_type(WarehouseKind, "kind"))
    code: Mapped[str | None] = mapped_column(sa.String(40), unique=True)  # public ones: a stable key
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(160))
    operator_name: Mapped[str] = mapped_column(sa.String(200))
    country: Mapped[str] = mapped_column(sa.String(2))
    city: Mapped[str] = mapped_column(sa.String(120))
    address: Mapped[str] = mapped_column(sa.String(300))
    ships_in_days: Mapped[int] = mapped_column(default=2)  # local delivery time from this warehouse
    active: Mapped[bool] = mapped_column(default=True)
    # The booking contract (overseas warehouses a seller registers): customs asks for it with 9810.
    contract_number: Mapped[str | None] = mapped_column(sa.String(60))
    contract_valid_until: Mapped[date | None] = mapped_column(sa.Date)
    original_name: Mapped[str | None] = mapped_column(sa.String(200))
    storage_key: Mapped[str | None] = mapped_column(sa.String(32))
    content_type: Mapped[str | None] = mapped_column(sa.String(60))
    size: Mapped[int | None] = mapped_column()
    sha256: Mapped[str | None] = mapped_column(sa.String(64))

    owner = relationship("Company")

    @property
    def overseas(self) -> bool:
        return self.kind != WarehouseKind.HOME


class WarehouseOperator(Base):
    """A user who works for a warehouse's operator: sees and handles only that warehouse."""

    __tablename__ = "warehouse_operators"
    __table_args__ = (sa.UniqueConstraint("warehouse_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(sa.ForeignKey("warehouses.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    warehouse: Mapped[Warehouse] = relationship()
    user = relationship("User")


class StockBalance(Base):
    """The running totals of one (listing, warehouse, lot): derived from the movements, kept in one row
    so a reservation can lock it. Never negative, never more reserved than on hand."""

    __tablename__ = "stock_balances"
    __table_args__ = (
        sa.UniqueConstraint("listing_id", "warehouse_id", "lot"),
        sa.CheckConstraint("reserved >= 0", name="reserved_not_negative"),
        sa.CheckConstraint("on_hand >= reserved", name="reserved_within_on_hand"),
        sa.CheckConstraint("in_transit >= 0", name="in_transit_not_negative"),
        sa.Index("ix_stock_balances_warehouse", "warehouse_id", "listing_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(sa.ForeignKey("listings.id", ondelete="CASCADE"))
    warehouse_id: Mapped[int] = mapped_column(sa.ForeignKey("warehouses.id", ondelete="CASCADE"))
    lot: Mapped[str] = mapped_column(sa.String(40), default="")
    on_hand: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    reserved: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    in_transit: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    row_version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": row_version}

    listing = relationship("Listing")
    warehouse: Mapped[Warehouse] = relationship()

    @property
    def available(self) -> Decimal:
        return self.on_hand - self.reserved


class StockMovement(Base):
    """One ledger entry: never updated or deleted. The balance is the sum of the deltas."""

    __tablename__ = "stock_movements"
    __table_args__ = (sa.Index("ix_stock_movements_balance", "balance_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    balance_id: Mapped[int] = mapped_column(sa.ForeignKey("stock_balances.id", ondelete="CASCADE"))
    kind: Mapped[MovementKind] = mapped_column(enum_type(MovementKind, "kind"))
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    on_hand_delta: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    reserved_delta: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    in_transit_delta: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    reference: Mapped[str] = mapped_column(sa.String(80), default="")
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    balance: Mapped[StockBalance] = relationship()
    actor = relationship("User")


class ReplenishmentBooking(TimestampMixin, Base):
    """A seller's booking of goods into an overseas warehouse (海外仓订仓单): everything the 9810
    order (CEB303, orderType W), waybill (CEB505) and list (CEB603) need."""

    __tablename__ = "replenishment_bookings"
    __table_args__ = (
        sa.UniqueConstraint("carrier_customs_code", "waybill_number"),
        sa.CheckConstraint("net_weight_kg <= gross_weight_kg", name="net_within_gross"),
        sa.CheckConstraint("packages > 0", name="packages_positive"),
        sa.Index("ix_replenishment_bookings_seller", "seller_id", "created_at"),
        sa.Index("ix_replenishment_bookings_warehouse", "warehouse_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(32), unique=True)
    seller_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    warehouse_id: Mapped[int] = mapped_column(sa.ForeignKey("warehouses.id"))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    state: Mapped[BookingState] = mapped_column(enum_type(BookingState, "state"))
    # Copied at booking time: the declaration shows the warehouse as it was booked.
    warehouse_name: Mapped[str] = mapped_column(sa.String(160))
    warehouse_operator: Mapped[str] = mapped_column(sa.String(200))
    warehouse_country: Mapped[str] = mapped_column(sa.String(2))
    currency: Mapped[str] = mapped_column(sa.String(3))
    total_value: Mapped[Decimal] = mapped_column(AMOUNT)
    packages: Mapped[int] = mapped_column()
    package_type: Mapped[PackageType] = mapped_column(enum_type(PackageType, "package_type"))
    gross_weight_kg: Mapped[Decimal] = mapped_column(WEIGHT)
    net_weight_kg: Mapped[Decimal] = mapped_column(WEIGHT)
    transport_mode: Mapped[BookingTransport] = mapped_column(enum_type(BookingTransport, "transport_mode"))
    carrier_name: Mapped[str] = mapped_column(sa.String(200))
    carrier_customs_code: Mapped[str] = mapped_column(sa.String(18))
    waybill_number: Mapped[str] = mapped_column(sa.String(32))
    exit_customs_code: Mapped[str] = mapped_column(sa.String(4))
    departure_date: Mapped[date] = mapped_column(sa.Date)
    departed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Port of discharge (POD), given when the seller declares the booking to customs.
    destination_port: Mapped[str | None] = mapped_column(sa.String(4))
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    row_version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": row_version}

    seller = relationship("Company")
    warehouse: Mapped[Warehouse] = relationship()
    lines: Mapped[list[BookingLine]] = relationship(
        back_populates="booking", order_by="BookingLine.position", cascade="all, delete-orphan"
    )
    receipts: Mapped[list[BookingReceipt]] = relationship(
        back_populates="booking", order_by="BookingReceipt.id", cascade="all, delete-orphan"
    )


class BookingLine(Base):
    __tablename__ = "booking_lines"
    __table_args__ = (
        sa.UniqueConstraint("booking_id", "position"),
        sa.CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(sa.ForeignKey("replenishment_bookings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column()  # 1, 2, … (the declaration's gnum)
    listing_id: Mapped[int] = mapped_column(sa.ForeignKey("listings.id"))
    description: Mapped[str] = mapped_column(sa.String(250))
    hs_code: Mapped[str] = mapped_column(sa.String(10))
    lot: Mapped[str] = mapped_column(sa.String(40), default="")
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    unit: Mapped[Unit] = mapped_column(enum_type(Unit, "unit"))
    unit_price: Mapped[Decimal] = mapped_column(AMOUNT)
    value: Mapped[Decimal] = mapped_column(AMOUNT)  # quantity × unit_price
    received_quantity: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))

    booking: Mapped[ReplenishmentBooking] = relationship(back_populates="lines")
    listing = relationship("Listing")

    @property
    def discrepancy(self) -> Decimal:
        return self.received_quantity - self.quantity


class BookingReceipt(Base):
    """One receipt at the warehouse: quantities counted per line, and what did not match."""

    __tablename__ = "booking_receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        sa.ForeignKey("replenishment_bookings.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    final: Mapped[bool] = mapped_column(default=False)  # closes the booking, shortfalls recorded

    booking: Mapped[ReplenishmentBooking] = relationship(back_populates="receipts")
    lines: Mapped[list[BookingReceiptLine]] = relationship(cascade="all, delete-orphan")


class BookingReceiptLine(Base):
    __tablename__ = "booking_receipt_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(
        sa.ForeignKey("booking_receipts.id", ondelete="CASCADE"), index=True
    )
    line_id: Mapped[int] = mapped_column(sa.ForeignKey("booking_lines.id", ondelete="CASCADE"))
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)

    line: Mapped[BookingLine] = relationship()
