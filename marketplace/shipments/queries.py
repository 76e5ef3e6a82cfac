"""Read-side queries of shipments: an order's shipments, a company's, and one shipment's timeline."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.shipments.models import Shipment, ShipmentLine, TrackingEvent
from marketplace.shipments.states import shipment_workflow


def shipments_of(order: Order) -> list[Shipment]:
    return list(
        db.session.scalars(
            sa.select(Shipment)
            .where(Shipment.order_id == order.id)
            .options(selectinload(Shipment.lines).selectinload(ShipmentLine.order_line))
            .order_by(Shipment.id)
        )
    )


def shipments_of_company(company_id: int, *, limit: int = 200) -> list[Shipment]:
    """Shipments a company sends (seller) or receives (buyer), newest first."""
    return list(
        db.session.scalars(
            sa.select(Shipment)
            .join(Order, Order.id == Shipment.order_id)
            .where(sa.or_(Order.buyer_id == company_id, Order.seller_id == company_id))
            .options(selectinload(Shipment.order))
            .order_by(Shipment.id.desc())
            .limit(limit)
        )
    )


def shipments_of_warehouses(warehouse_ids: set[int], *, limit: int = 200) -> list[Shipment]:
    if not warehouse_ids:
        return []
    return list(
        db.session.scalars(
            sa.select(Shipment)
            .where(Shipment.warehouse_id.in_(sorted(warehouse_ids)))
            .options(selectinload(Shipment.order))
            .order_by(Shipment.id.desc())
            .limit(limit)
        )
    )


def all_shipments(*, limit: int = 200) -> list[Shipment]:
    return list(
        db.session.scalars(
            sa.select(Shipment)
            .options(selectinload(Shipment.order))
            .order_by(Shipment.id.desc())
            .limit(limit)
        )
    )


def timeline(shipment: Shipment) -> list[TrackingEvent]:
    return list(
        db.session.scalars(
            sa.select(TrackingEvent)
            .where(TrackingEvent.shipment_id == shipment.id)
            .order_by(TrackingEvent.at, TrackingEvent.id)
        )
    )


def history(shipment: Shipment):
    return shipment_workflow.history(shipment)
