"""Read side of warehouses and stock: what each kind of user may see, and overseas availability
for the listing pages."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from marketplace.catalog.models import QUANTITY, Listing
from marketplace.extensions import db
from marketplace.warehouses.models import (
    ReplenishmentBooking,
    StockBalance,
    StockMovement,
    Warehouse,
    WarehouseOperator,
)
from marketplace.warehouses.services import operated_ids
from marketplace.warehouses.states import MovementKind, WarehouseKind


def public_warehouses(*, active_only: bool = True) -> list[Warehouse]:
    q = sa.select(Warehouse).where(Warehouse.kind == WarehouseKind.PUBLIC)
    if active_only:
        q = q.where(Warehouse.active.is_(True))
    return list(db.session.scalars(q.order_by(Warehouse.country, Warehouse.name)))


def company_warehouses(company_id: int) -> list[Warehouse]:
    return list(
        db.session.scalars(
            sa.select(Warehouse)
            .where(Warehouse.owner_id == company_id)
            .order_by(Warehouse.kind, Warehouse.name)
        )
    )


def operated_warehouses(user) -> list[Warehouse]:
    ids = operated_ids(user)
    if not ids:
        return []
    return list(
        db.session.scalars(sa.select(Warehouse).where(Warehouse.id.in_(ids)).order_by(Warehouse.name))
    )


def booking_destinations(company_id: int) -> list[Warehouse]:
    own = [w for w in company_warehouses(company_id) if w.kind == WarehouseKind.OWN and w.active]
    return public_warehouses() + own


def operators_of(warehouse: Warehouse) -> list[WarehouseOperator]:
    return list(
        db.session.scalars(
            sa.select(WarehouseOperator)
            .where(WarehouseOperator.warehouse_id == warehouse.id)
            .options(selectinload(WarehouseOperator.user))
            .order_by(WarehouseOperator.id)
        )
    )


def _balances(where) -> list[StockBalance]:
    return list(
        db.session.scalars(
            sa.select(StockBalance)
            .join(Listing, Listing.id == StockBalance.listing_id)
            .where(where)
            .options(selectinload(StockBalance.warehouse), selectinload(StockBalance.listing))
            .order_by(StockBalance.warehouse_id, StockBalance.listing_id, StockBalance.lot)
        )
    )


def seller_stock(company_id: int, warehouse_id: int | None = None) -> list[StockBalance]:
    """A seller's stock: only its own listings, in every warehouse."""
    where = Listing.seller_id == company_id
    if warehouse_id is not None:
        where = sa.and_(where, StockBalance.warehouse_id == warehouse_id)
    return _balances(where)


def warehouse_stock(warehouse_id: int) -> list[StockBalance]:
    """Everything stored in one warehouse (its operator's view)."""
    return _balances(StockBalance.warehouse_id == warehouse_id)


def balance_visible_to(user, balance_id: int) -> StockBalance | None:
    balance = db.session.get(StockBalance, balance_id)
    if balance is None:
        return None
    from marketplace.warehouses.services import is_member

    listing = db.session.get(Listing, balance.listing_id)
    if (
        getattr(user, "is_admin", False)
        or is_member(user, listing.seller_id)
        or balance.warehouse_id in operated_ids(user)
    ):
        return balance
    return None


def movements(balance_id: int, limit: int = 500) -> list[StockMovement]:
    return list(
        db.session.scalars(
            sa.select(StockMovement)
            .where(StockMovement.balance_id == balance_id)
            .options(selectinload(StockMovement.actor))
            .order_by(StockMovement.id.desc())
            .limit(limit)
        )
    )


def seller_bookings(company_id: int) -> list[ReplenishmentBooking]:
    return list(
        db.session.scalars(
            sa.select(ReplenishmentBooking)
            .where(ReplenishmentBooking.seller_id == company_id)
            .order_by(ReplenishmentBooking.id.desc())
        )
    )


def inbound_bookings(warehouse_ids: set[int]) -> list[ReplenishmentBooking]:
    if not warehouse_ids:
        return []
    return list(
        db.session.scalars(
            sa.select(ReplenishmentBooking)
            .where(ReplenishmentBooking.warehouse_id.in_(warehouse_ids))
            .order_by(ReplenishmentBooking.id.desc())
        )
    )


@dataclass(frozen=True)
class Availability:
    warehouse_id: int
    city: str
    country: str
    available: Decimal
    ships_in_days: int


def overseas_countries(listing_ids) -> dict[int, list[str]]:
    """For each listing, the countries of active overseas warehouses holding sellable stock of it (the
    search index's "in stock in …" facet)."""
    ids = list(listing_ids)
    if not ids:
        return {}
    available = sa.func.sum(StockBalance.on_hand - StockBalance.reserved)
    rows = db.session.execute(
        sa.select(StockBalance.listing_id, Warehouse.country)
        .join(Warehouse, Warehouse.id == StockBalance.warehouse_id)
        .where(
            StockBalance.listing_id.in_(ids),
            Warehouse.kind != WarehouseKind.HOME,
            Warehouse.active.is_(True),
        )
        .group_by(StockBalance.listing_id, Warehouse.country)
        .having(available > 0)
    ).all()
    out: dict[int, list[str]] = {}
    for listing_id, country in rows:
        out.setdefault(listing_id, []).append(country)
    return out


def overseas_availability(listing_id: int) -> list[Availability]:
    """Where a listing has sellable stock outside China, with the local delivery time."""
    available = sa.func.sum(StockBalance.on_hand - StockBalance.reserved)
    rows = db.session.execute(
        sa.select(
            Warehouse.id,
            Warehouse.city,
            Warehouse.country,
            Warehouse.ships_in_days,
            sa.type_coerce(available, QUANTITY),
        )
        .join(Warehouse, Warehouse.id == StockBalance.warehouse_id)
        .where(
            StockBalance.listing_id == listing_id,
            Warehouse.kind != WarehouseKind.HOME,
            Warehouse.active.is_(True),
        )
        .group_by(Warehouse.id, Warehouse.city, Warehouse.country, Warehouse.ships_in_days)
        .having(available > 0)
        .order_by(Warehouse.ships_in_days, Warehouse.city)
    ).all()
    return [Availability(r[0], r[1], r[2], Decimal(r[4]), r[3]) for r in rows]


def reserved_for(reference: str, listing_id: int, warehouse_id: int) -> Decimal:
    """What is still reserved under `reference` (an order number) for a listing in a warehouse."""
    total = db.session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(StockMovement.reserved_delta), 0))
        .join(StockBalance, StockBalance.id == StockMovement.balance_id)
        .where(
            StockMovement.reference == reference,
            StockBalance.listing_id == listing_id,
            StockBalance.warehouse_id == warehouse_id,
        )
    )
    return Decimal(total or 0)


@dataclass
class LotTaken:
    listing_id: int
    lot: str
    quantity: Decimal  # reserved for the order from this lot
    outstanding: Decimal  # still reserved (neither shipped nor released)


def lots_of_order(reference: str, warehouse_id: int | None) -> list[LotTaken]:
    """Which lots of the warehouse an order's stock was taken from (its reservations by lot)."""
    if warehouse_id is None:
        return []
    reserved = sa.func.sum(
        sa.case((StockMovement.kind == MovementKind.RESERVED, StockMovement.quantity), else_=0)
    )
    rows = db.session.execute(
        sa.select(
            StockBalance.listing_id,
            StockBalance.lot,
            sa.type_coerce(reserved, QUANTITY),
            sa.type_coerce(sa.func.sum(StockMovement.reserved_delta), QUANTITY),
        )
        .join(StockBalance, StockBalance.id == StockMovement.balance_id)
        .where(StockMovement.reference == reference, StockBalance.warehouse_id == warehouse_id)
        .group_by(StockBalance.listing_id, StockBalance.lot)
        .order_by(StockBalance.listing_id, StockBalance.lot)
    ).all()
    return [LotTaken(r[0], r[1], Decimal(r[2] or 0), Decimal(r[3] or 0)) for r in rows if r[2]]
