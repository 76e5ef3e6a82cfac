"""Categories with typed attribute schemas; listings with immutable-once-approved versions,
per-language content, price tiers and files; FX rates for indicative conversion."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from marketplace.catalog.states import (
    AttributeKind,
    FileKind,
    Incoterm,
    ListingState,
    TransportMode,
    Unit,
    Vertical,
)
from marketplace.core.db import TimestampMixin, UTCDateTime, utcnow
from marketplace.core.states import enum_type
from marketplace.extensions import Base

AMOUNT = sa.Numeric(18, 4)
QUANTITY = sa.Numeric(18, 3)


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(64), unique=True)
    vertical: Mapped[Vertical] = mapped_column(enum_type(Vertical, "vertical"))
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("categories.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    names: Mapped[dict[str, str]] = mapped_column(sa.JSON)  # language -> name
    default_unit: Mapped[Unit] = mapped_column(enum_type(Unit, "default_unit"))
    hs_hint: Mapped[str] = mapped_column(sa.String(10), default="")

    parent: Mapped[Category | None] = relationship(remote_side=[id])
    attributes: Mapped[list[AttributeDefinition]] = relationship(
        back_populates="category",
        order_by="AttributeDefinition.position",
        cascade="all, delete-orphan",
    )


class AttributeDefinition(Base):
    """A typed attribute of a category (children inherit their ancestors' attributes)."""

    __tablename__ = "attribute_definitions"
    __table_args__ = (sa.UniqueConstraint("category_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(sa.ForeignKey("categories.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(sa.String(40))
    kind: Mapped[AttributeKind] = mapped_column(enum_type(AttributeKind, "kind"))
    labels: Mapped[dict[str, str]] = mapped_column(sa.JSON)
    unit: Mapped[str] = mapped_column(sa.String(20), default="")
    condition: Mapped[str] = mapped_column(sa.String(80), default="")
    required: Mapped[bool] = mapped_column(default=False)
    is_key: Mapped[bool] = mapped_column(default=False)
    min_value: Mapped[Decimal | None] = mapped_column(sa.Numeric(18, 6))
    max_value: Mapped[Decimal | None] = mapped_column(sa.Numeric(18, 6))
    validator: Mapped[str] = mapped_column(sa.String(30), default="")
    options: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON, default=list)
    document_kind: Mapped[str] = mapped_column(sa.String(20), default="")
    required_when: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    position: Mapped[int] = mapped_column(default=0)

    category: Mapped[Category] = relationship(back_populates="attributes")


listing_version_files = sa.Table(
    "listing_version_files",
    Base.metadata,
    sa.Column("version_id", sa.ForeignKey("listing_versions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("file_id", sa.ForeignKey("listing_files.id", ondelete="CASCADE"), primary_key=True),
)


class Listing(TimestampMixin, Base):
    """A seller's offer. `live_version` is what buyers see; `working_version` is being edited or
    reviewed. An approved version is never changed again."""

    __tablename__ = "listings"
    __table_args__ = (
        sa.Index("ix_listings_category_visible", "category_id", "is_visible", "published_at"),
        sa.Index("ix_listings_category_price", "category_id", "is_visible", "sort_price"),
        sa.Index("ix_listings_visible_published", "is_visible", "published_at"),
        sa.Index("ix_listings_seller_visible", "seller_id", "is_visible", "published_at"),
        sa.Index("ix_listings_seller_state", "seller_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seller_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"))
    category_id: Mapped[int] = mapped_column(sa.ForeignKey("categories.id"))
    state: Mapped[ListingState] = mapped_column(enum_type(ListingState, "state"))
    live_version_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("listing_versions.id", use_alter=True, name="fk_listings_live_version_id")
    )
    working_version_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("listing_versions.id", use_alter=True, name="fk_listings_working_version_id")
    )
    is_visible: Mapped[bool] = mapped_column(default=False)  # live version exists and not unpublished
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The live version's lowest unit price in USD at the rates of its approval: only for sorting
    # listings priced in different currencies (pages show the seller's own prices).
    sort_price: Mapped[Decimal | None] = mapped_column(AMOUNT)
    controlled_ack_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    controlled_ack_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    row_version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": row_version}

    seller = relationship("Company")
    category: Mapped[Category] = relationship()
    live_version: Mapped[ListingVersion | None] = relationship(
        foreign_keys=[live_version_id], post_update=True
    )
    working_version: Mapped[ListingVersion | None] = relationship(
        foreign_keys=[working_version_id], post_update=True
    )


class ListingVersion(Base):
    __tablename__ = "listing_versions"
    __table_args__ = (sa.UniqueConstraint("listing_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(sa.ForeignKey("listings.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    hs_code: Mapped[str] = mapped_column(sa.String(10))
    origin_ordos: Mapped[bool] = mapped_column(default=True)
    unit: Mapped[Unit] = mapped_column(enum_type(Unit, "unit"))
    moq: Mapped[Decimal] = mapped_column(QUANTITY)
    order_multiple: Mapped[Decimal] = mapped_column(QUANTITY)
    incoterm: Mapped[Incoterm] = mapped_column(enum_type(Incoterm, "incoterm"))
    incoterm_place: Mapped[str] = mapped_column(sa.String(120))
    transport_mode: Mapped[TransportMode] = mapped_column(enum_type(TransportMode, "transport_mode"))
    lead_time_days: Mapped[int] = mapped_column()
    attributes: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    flags: Mapped[list[str]] = mapped_column(sa.JSON, default=list)  # controlled-goods flag codes
    flags_acknowledged: Mapped[bool] = mapped_column(default=False)  # by the seller
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    rejection_reason: Mapped[str | None] = mapped_column(sa.Text)

    translations: Mapped[list[ListingTranslation]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="ListingTranslation.language"
    )
    prices: Mapped[list[PriceTier]] = relationship(
        back_populates="version",
        cascade="all, delete-orphan",
        order_by="(PriceTier.currency, PriceTier.min_quantity)",
    )
    files: Mapped[list[ListingFile]] = relationship(
        secondary=listing_version_files, order_by="ListingFile.id"
    )


class ListingTranslation(Base):
    __tablename__ = "listing_translations"
    __table_args__ = (sa.UniqueConstraint("version_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("listing_versions.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(sa.String(5))
    title: Mapped[str] = mapped_column(sa.String(160))
    description: Mapped[str] = mapped_column(sa.Text, default="")

    version: Mapped[ListingVersion] = relationship(back_populates="translations")


class PriceTier(Base):
    """Unit price from `min_quantity` up (quantity break-point) in one currency."""

    __tablename__ = "price_tiers"
    __table_args__ = (sa.UniqueConstraint("version_id", "currency", "min_quantity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("listing_versions.id", ondelete="CASCADE"), index=True
    )
    currency: Mapped[str] = mapped_column(sa.String(3))
    min_quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    unit_price: Mapped[Decimal] = mapped_column(AMOUNT)

    version: Mapped[ListingVersion] = relationship(back_populates="prices")


class ListingFile(Base):
    """An uploaded image or document, stored outside the web root under instance/uploads/."""

    __tablename__ = "listing_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(sa.ForeignKey("listings.id", ondelete="CASCADE"), index=True)
    kind: Mapped[FileKind] = mapped_column(enum_type(FileKind, "kind"))
    language: Mapped[str] = mapped_column(sa.String(5), default="")
    original_name: Mapped[str] = mapped_column(sa.String(200))
    storage_key: Mapped[str] = mapped_column(sa.String(80), unique=True)
    content_type: Mapped[str] = mapped_column(sa.String(80))
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(sa.String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FxRate(Base):
    """Indicative exchange rate: 1 `base` = `rate` `quote`, as of a date (admins maintain them)."""

    __tablename__ = "fx_rates"
    __table_args__ = (sa.UniqueConstraint("base", "quote", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    base: Mapped[str] = mapped_column(sa.String(3))
    quote: Mapped[str] = mapped_column(sa.String(3))
    rate: Mapped[Decimal] = mapped_column(sa.Numeric(20, 10))
    as_of: Mapped[date] = mapped_column(sa.Date)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
