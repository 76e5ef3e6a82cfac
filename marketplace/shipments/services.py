"""Direct export shipments: creating them for an order (partial shipments, never more than the order
has left to ship), moving them along the tracking workflow, and position reports. The order follows
(partially shipped, shipped) when goods depart. They flush, never commit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from marketplace.accounts.models import User
from marketplace.accounts.services import membership
from marketplace.core import audit
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.orders.states import FulfilmentMode, OrderState, order_workflow
from marketplace.risk import services as risk
from marketplace.shipments.models import Shipment, ShipmentLine, TrackingEvent
from marketplace.shipments.states import (
    GONE,
    MOVES,
    Actor,
    ShipmentState,
    ShipmentTransport,
    shipment_workflow,
)
from marketplace.warehouses import ledger
from marketplace.warehouses.models import Warehouse
from marketplace.warehouses.services import (
    CARRIER_CODE_RE,
    CUSTOMS_OFFICE_RE,
    WAYBILL_RE,
    operated_ids,
)
from marketplace.warehouses.states import PackageType, WarehouseKind

# An order takes shipments while it is ready to ship or partly shipped.
SHIPPABLE = frozenset({OrderState.READY_TO_SHIP, OrderState.PARTIALLY_SHIPPED})
WEIGHT_QUANTUM = Decimal("0.001")


# -- who may do what -------------------------------------------------------------------------------


def actors_of(user: User | None, shipment: Shipment) -> set[Actor]:
    """The roles `user` has on `shipment` (empty: may not change it)."""
    roles: set[Actor] = set()
    if user is None or not getattr(user, "is_authenticated", False):
        return roles
    if user.is_admin:
        roles.add(Actor.ADMIN)
    if membership(user, shipment.seller_id) is not None:
        roles.add(Actor.SELLER)
    if shipment.warehouse_id is not None and shipment.warehouse_id in operated_ids(user):
        roles.add(Actor.OPERATOR)
    return roles


def is_buyer(user: User | None, shipment: Shipment) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return membership(user, shipment.order.buyer_id) is not None


def can_see(user: User | None, shipment: Shipment) -> bool:
    return bool(actors_of(user, shipment)) or is_buyer(user, shipment)


def shipment_for(user: User | None, shipment_id: Any) -> Shipment:
    """The shipment if `user` is of its buyer or seller, operates its warehouse, or is an admin."""
    try:
        shipment = db.session.get(Shipment, int(shipment_id))
    except (TypeError, ValueError):
        shipment = None
    if shipment is None or not can_see(user, shipment):
        raise NotFound()
    return shipment


def moves_for(user: User | None, shipment: Shipment) -> list[ShipmentState]:
    roles = actors_of(user, shipment)
    return [dst for (src, dst), allowed in MOVES.items() if src == shipment.state and roles & allowed]


def can_report(user: User | None, shipment: Shipment) -> bool:
    """Sellers, the warehouse's operators and admins add position reports until delivery."""
    return bool(actors_of(user, shipment)) and shipment.state not in (
        ShipmentState.CANCELLED,
        ShipmentState.DELIVERED,
    )


# -- quantities ------------------------------------------------------------------------------------


def _shipped_sums(order: Order, states=None) -> dict[int, Decimal]:
    query = (
        sa.select(ShipmentLine.order_line_id, sa.func.sum(ShipmentLine.quantity))
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
        .where(Shipment.order_id == order.id)
        .group_by(ShipmentLine.order_line_id)
    )
    if states is None:
        query = query.where(Shipment.state != ShipmentState.CANCELLED)
    else:
        query = query.where(Shipment.state.in_(list(states)))
    return {line_id: Decimal(total) for line_id, total in db.session.execute(query)}


def remaining(order: Order) -> dict[int, Decimal]:
    """Per order line: the quantity no shipment (other than a cancelled one) carries yet."""
    taken = _shipped_sums(order)
    return {line.id: line.quantity - taken.get(line.id, Decimal(0)) for line in order.lines}


def fully_gone(order: Order) -> bool:
    gone = _shipped_sums(order, GONE)
    return all(gone.get(line.id, Decimal(0)) >= line.quantity for line in order.lines)


# -- creating a shipment ---------------------------------------------------------------------------


@dataclass
class ShipmentData:
    warehouse_id: Any = None
    packages: Any = ""
    package_type: str = PackageType.CARTON.value
    gross_weight_kg: Any = ""
    net_weight_kg: Any = ""
    transport_mode: str = ShipmentTransport.ROAD.value
    carrier_name: str = ""
    carrier_customs_code: str = ""
    waybill_number: str = ""
    exit_customs_code: str = "0702"
    departure_date: Any = ""
    notes: str = ""
    # order line id -> quantity to ship (empty or 0: not in this shipment)
    quantities: dict[Any, Any] = field(default_factory=dict)


def _weight(raw, name: str, errors: dict) -> Decimal | None:
    try:
        value = Decimal(str(raw if raw is not None else "").strip().replace(",", "."))
        if not value.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors[name] = [str(_l("Enter the weight in kilograms."))]
        return None
    if value <= 0 or value >= Decimal("1e10"):
        errors[name] = [str(_l("Enter a weight greater than zero."))]
        return None
    if value != value.quantize(WEIGHT_QUANTUM):
        errors[name] = [str(_l("Enter the weight with at most three decimals."))]
        return None
    return value


def _clean(order: Order, data: ShipmentData) -> tuple[dict, dict[int, Decimal]]:
    errors: dict[str, list[str]] = {}
    out: dict[str, Any] = {}
    warehouse_id = str(data.warehouse_id or "").strip()
    out["warehouse_id"] = None
    if warehouse_id:
        try:
            warehouse = db.session.get(Warehouse, int(warehouse_id))
        except ValueError:
            warehouse = None
        if warehouse is None or warehouse.kind != WarehouseKind.HOME or warehouse.owner_id != order.seller_id:
            errors["warehouse_id"] = [str(_l("Choose one of your home warehouses."))]
        else:
            out["warehouse_id"] = warehouse.id
    try:
        packages = int(str(data.packages).strip())
        if packages <= 0 or packages > 999999:
            raise ValueError
    except ValueError:
        errors["packages"] = [str(_l("Enter the number of packages."))]
        packages = 0
    out["packages"] = packages
    for name, enum_cls in (("package_type", PackageType), ("transport_mode", ShipmentTransport)):
        try:
            out[name] = enum_cls(str(getattr(data, name) or ""))
        except ValueError:
            errors[name] = [str(_l("Not a valid choice."))]
    gross = _weight(data.gross_weight_kg, "gross_weight_kg", errors)
    net = _weight(data.net_weight_kg, "net_weight_kg", errors)
    if gross is not None and net is not None and net > gross:
        errors["net_weight_kg"] = [str(_l("The net weight cannot exceed the gross weight."))]
    out["gross_weight_kg"], out["net_weight_kg"] = gross, net
    carrier = " ".join(str(data.carrier_name or "").split())
    if not carrier or len(carrier) > 200:
        errors["carrier_name"] = [str(_l("Name the carrier."))]
    out["carrier_name"] = carrier
    code = str(data.carrier_customs_code or "").strip().upper()
    if not CARRIER_CODE_RE.match(code):
        errors["carrier_customs_code"] = [
            str(_l("Enter the carrier's 10-character customs code or 18-character credit code."))
        ]
    out["carrier_customs_code"] = code
    waybill = str(data.waybill_number or "").strip()
    if not WAYBILL_RE.match(waybill):
        errors["waybill_number"] = [str(_l("The waybill number has at most 32 letters, digits or hyphens."))]
    out["waybill_number"] = waybill
    office = str(data.exit_customs_code or "").strip()
    if not CUSTOMS_OFFICE_RE.match(office):
        errors["exit_customs_code"] = [str(_l("Enter the 4-digit code of the exit customs office."))]
    out["exit_customs_code"] = office
    departure = data.departure_date
    if isinstance(departure, str):
        try:
            departure = date.fromisoformat(departure.strip())
        except ValueError:
            departure = None
    if not isinstance(departure, date):
        errors["departure_date"] = [str(_l("Not a valid date value."))]
    out["departure_date"] = departure
    out["notes"] = str(data.notes or "").strip()[:2000]

    left = remaining(order)
    wanted: dict[int, Decimal] = {}
    raw_quantities = {str(k): v for k, v in (data.quantities or {}).items()}
    for line in order.lines:
        raw = str(raw_quantities.get(str(line.id), "") or "").strip()
        if not raw or raw in ("0", "0.0", "0.000"):
            continue
        key = f"line_{line.id}"
        try:
            q = ledger.quantity(raw, field=key)
        except ValidationFailed as exc:
            errors.update(exc.errors)
            continue
        if q > left[line.id]:
            errors[key] = [
                str(
                    _l(
                        "Line %(n)s: at most %(left)s %(unit)s are left to ship.",
                        n=line.position,
                        left=format(left[line.id].normalize(), "f"),
                        unit=line.unit.value,
                    )
                )
            ]
            continue
        wanted[line.id] = q
    unknown = set(raw_quantities) - {str(line.id) for line in order.lines}
    if unknown:
        errors["lines"] = [str(_l("A line does not belong to this order."))]
    elif not wanted and not any(k.startswith("line_") for k in errors):
        errors["lines"] = [str(_l("Enter the quantity shipped on at least one line."))]
    if errors:
        raise ValidationFailed(errors)
    return out, wanted


def shipment_number(shipment: Shipment) -> str:
    """SHP + creation date + id: unique and short enough for a customs order number (≤ 32)."""
    return f"SHP{shipment.created_at:%Y%m%d}{shipment.id:07d}"


def _lock_order(order: Order) -> None:
    # Two shipments of one order created at once must not both take the last quantities: serialise
    # on the order row (PostgreSQL; SQLite has one writer).
    db.session.execute(sa.select(Order.id).where(Order.id == order.id).with_for_update())


def create_shipment(actor: User, order: Order, data: ShipmentData) -> Shipment:
    """A direct export shipment of (part of) `order` by a member of its seller or an admin. Refused
    with field errors, and nothing created, unless every field holds and each line's quantity is at
    most what the order has left to ship. Issues its commercial invoice and packing list."""
    from marketplace.documents import services as documents

    if not (getattr(actor, "is_admin", False) or membership(actor, order.seller_id) is not None):
        if membership(actor, order.buyer_id) is not None:
            raise PermissionDenied(_l("Only the seller ships an order."))
        raise NotFound()
    if order.fulfilment_mode != FulfilmentMode.DIRECT:
        raise Conflict(_l("This order is delivered from an overseas warehouse, not exported directly."))
    if order.state not in SHIPPABLE:
        raise Conflict(
            _l(
                "Order %(number)s is “%(state)s”: it cannot be shipped now.",
                number=order.number,
                state=order.state.label,
            ),
            code="order_not_ready",
        )
    risk.require_clear(order)
    _lock_order(order)
    values, wanted = _clean(order, data)
    clash = db.session.scalar(
        sa.select(Shipment.id).where(
            Shipment.carrier_customs_code == values["carrier_customs_code"],
            Shipment.waybill_number == values["waybill_number"],
        )
    )
    if clash is not None:
        raise ValidationFailed(
            {"waybill_number": [str(_l("This carrier's waybill number is already used."))]}
        )
    shipment = Shipment(
        number=f"TMP{utcnow():%H%M%S%f}",
        order_id=order.id,
        seller_id=order.seller_id,
        created_by_id=getattr(actor, "id", None),
        created_at=utcnow(),
        **values,
    )
    shipment.order = order
    for line_id, q in wanted.items():
        shipment.lines.append(ShipmentLine(order_line_id=line_id, quantity=q))
    shipment_workflow.start(shipment, ShipmentState.CREATED, actor=actor)
    shipment.number = shipment_number(shipment)
    shipment.events.append(
        TrackingEvent(state=ShipmentState.CREATED, at=shipment.created_at, actor_id=actor.id)
    )
    db.session.flush()
    documents.issue_shipping_documents(shipment)
    risk.screen_shipment(shipment, actor)
    audit.record(
        "shipment.created", actor=actor, subject=shipment, company_id=order.seller_id, order=order.id
    )
    return shipment


# -- moving a shipment -----------------------------------------------------------------------------


def _when(raw, errors: dict) -> datetime:
    """An event time: now when empty; a date or ISO date-time (UTC unless it says); never future."""
    now = utcnow()
    if raw in (None, ""):
        return now
    if isinstance(raw, datetime):
        at = raw
    else:
        text = str(raw).strip()
        try:
            if "T" in text or " " in text:
                at = datetime.fromisoformat(text)
            else:
                day = date.fromisoformat(text)
                # A bare date means that day; today's means now.
                at = now if day == now.date() else datetime.combine(day, time(12, 0), tzinfo=UTC)
        except ValueError:
            errors["at"] = [str(_l("Enter a date (YYYY-MM-DD) or date and time."))]
            return now
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    if at > now:
        errors["at"] = [str(_l("The time cannot be in the future."))]
    return at


def move(
    actor: User, shipment: Shipment, target: Any, *, reason: str = "", at: Any = None, location: str = ""
) -> Shipment:
    """Move `shipment` to `target` if the workflow allows it and `actor` has a role that may. Departure
    moves the order to partially shipped or shipped; the buyer is told of departure and delivery."""
    try:
        target = ShipmentState(str(target or ""))
    except ValueError:
        raise ValidationFailed({"state": [str(_l("Not a valid choice."))]})
    roles = actors_of(actor, shipment)
    if not roles:
        if is_buyer(actor, shipment):
            raise PermissionDenied(_l("The seller updates the shipment; confirm delivery on the order."))
        raise NotFound()
    if target != ShipmentState.CANCELLED:  # a held shipment is not declared, released or moved on
        risk.require_clear(shipment)
    allowed = MOVES.get((shipment.state, target))
    if allowed is None:
        shipment_workflow.transition(shipment, target, actor=actor)  # raises IllegalTransition
    if allowed == {Actor.CUSTOMS}:
        raise PermissionDenied(
            _l("“%(state)s” follows the customs declaration: declare the shipment.", state=target.label)
        )
    if not roles & allowed:
        raise PermissionDenied(_l("You may not move this shipment to “%(state)s”.", state=target.label))
    from marketplace.shipments import declare

    declare.check_move(shipment, target)  # departure after release; no cancelling a live declaration
    errors: dict[str, list[str]] = {}
    when = _when(at, errors)
    reason = " ".join((reason or "").split())[:500]
    location = " ".join((location or "").split())[:160]
    if target == ShipmentState.CANCELLED and not reason:
        errors["reason"] = [str(_l("Say why."))]
    if errors:
        raise ValidationFailed(errors)
    order = shipment.order
    if target == ShipmentState.DEPARTED:
        _lock_order(order)
    try:
        with db.session.begin_nested():
            shipment_workflow.transition(shipment, target, actor=actor, reason=reason or None)
            shipment.events.append(
                TrackingEvent(state=target, at=when, location=location, note=reason, actor_id=actor.id)
            )
            db.session.flush()
    except StaleDataError:
        raise Conflict(_l("Someone changed this shipment at the same moment. Reload and try again."))
    if target == ShipmentState.DEPARTED:
        _order_follows(actor, shipment)
        _notify_buyer(shipment, "shipment_departed")
    elif target == ShipmentState.DELIVERED:
        _notify_buyer(shipment, "shipment_delivered")
    audit.record(
        "shipment.moved", actor=actor, subject=shipment, company_id=shipment.seller_id, to=target.value
    )
    return shipment


def _order_follows(actor: User, shipment: Shipment) -> None:
    """The order is shipped once every quantity has departed, partially shipped before that."""
    from marketplace.payments import services as payments

    order = shipment.order
    target = OrderState.SHIPPED if fully_gone(order) else OrderState.PARTIALLY_SHIPPED
    if order.state == target or not order_workflow.can(order, target):
        return
    order_workflow.transition(order, target, actor=actor, reason=shipment.number)
    db.session.flush()
    payments.on_order_moved(order, target)


def _notify_buyer(shipment: Shipment, kind: str) -> None:
    from marketplace.notifications import services as notifications

    notifications.notify_company(
        shipment.order.buyer_id,
        kind,
        endpoint="shipments.detail",
        endpoint_args={"shipment_id": shipment.id},
        number=shipment.order.number,
        reference=shipment.number,
        message=f"{shipment.carrier_name} {shipment.waybill_number}",
    )


def add_event(actor: User, shipment: Shipment, *, location: str = "", note: str = "", at: Any = None):
    """A position report on the timeline (no state change): where the goods are, and when."""
    if not actors_of(actor, shipment):
        if is_buyer(actor, shipment):
            raise PermissionDenied(_l("The seller updates the shipment; confirm delivery on the order."))
        raise NotFound()
    if not can_report(actor, shipment):
        raise Conflict(_l("This shipment is closed: no more tracking events."))
    errors: dict[str, list[str]] = {}
    when = _when(at, errors)
    location = " ".join(str(location or "").split())
    note = " ".join(str(note or "").split())
    if not location and not note:
        errors["location"] = [str(_l("Say where the goods are or what happened."))]
    if len(location) > 160:
        errors["location"] = [str(_l("At most %(n)d characters.", n=160))]
    if len(note) > 500:
        errors["note"] = [str(_l("At most %(n)d characters.", n=500))]
    if errors:
        raise ValidationFailed(errors)
    event = TrackingEvent(shipment_id=shipment.id, at=when, location=location, note=note, actor_id=actor.id)
    shipment.events.append(event)
    db.session.flush()
    return event


def document_for(user: User | None, shipment: Shipment, document_id: int):
    """A commercial invoice or packing list of `shipment`: only the two parties and admins (a
    warehouse operator handles the goods, not the prices)."""
    from marketplace.documents.models import TradeDocument

    order = shipment.order
    if not (
        getattr(user, "is_admin", False)
        or membership(user, order.buyer_id) is not None
        or membership(user, order.seller_id) is not None
    ):
        raise NotFound()
    doc = db.session.get(TradeDocument, document_id)
    if doc is None or doc.shipment_id != shipment.id:
        raise NotFound()
    return doc


def may_download(user: User | None, shipment: Shipment) -> bool:
    order = shipment.order
    return bool(
        getattr(user, "is_admin", False)
        or membership(user, order.buyer_id) is not None
        or membership(user, order.seller_id) is not None
    )


def can_ship(user: User | None, order: Order) -> bool:
    """Whether `user` may create a shipment of `order` now (the order page shows the button)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return (
        (user.is_admin or membership(user, order.seller_id) is not None)
        and order.fulfilment_mode == FulfilmentMode.DIRECT
        and order.state in SHIPPABLE
        and any(q > 0 for q in remaining(order).values())
    )
