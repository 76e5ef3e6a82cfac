"""The seller's side of customs: declaring a direct export shipment (9710) or a replenishment booking
(9810), correcting and resubmitting a rejected declaration, cancelling a list (CEB605), recording the
broker's entry number on the full-declaration route; and the shipment following its declaration
(released by customs when the list is released or the entry recorded, cancelled with its list).
They flush, never commit; a refused operation changes nothing (it runs inside a savepoint)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from marketplace.accounts.models import User
from marketplace.core import audit
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.customs import services as customs
from marketplace.customs.models import Declaration, SourceKind
from marketplace.customs.signals import declaration_moved
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db
from marketplace.risk import services as risk
from marketplace.shipments import services
from marketplace.shipments.declarations import booking_declaration_input, declaration_input
from marketplace.shipments.models import Shipment, TrackingEvent
from marketplace.shipments.states import GONE, Actor, ShipmentState, ShipmentTransport, shipment_workflow
from marketplace.warehouses import services as warehouses
from marketplace.warehouses.models import ReplenishmentBooking
from marketplace.warehouses.services import CUSTOMS_OFFICE_RE
from marketplace.warehouses.states import BookingState, PackageType

DS = DeclarationState
SS = ShipmentState
# Port of discharge: the customs port code (3 or 4 letters or digits, as the list's POD).
POD_RE = re.compile(r"^[A-Z0-9]{3,4}$")
# A declaration customs (or the broker) holds: the shipment is not cancelled behind its back.
LIVE = frozenset(
    {DS.SUBMITTED, DS.ACCEPTED, DS.ENTERED, DS.REVIEW, DS.INSPECTION, DS.RELEASED, DS.CLOSED}
    | {DS.CANCEL_REQUESTED}
)


def kind_of(source) -> SourceKind:
    return SourceKind.SHIPMENT if isinstance(source, Shipment) else SourceKind.BOOKING


def declaration_of(source: Shipment | ReplenishmentBooking) -> Declaration | None:
    return db.session.scalar(
        sa.select(Declaration).where(
            Declaration.source_kind == kind_of(source), Declaration.source_id == source.id
        )
    )


# -- who may declare -------------------------------------------------------------------------------


def may_declare(user: User | None, source) -> bool:
    """Members of the seller and admins act on a declaration; buyers and operators only see it."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if isinstance(source, Shipment):
        return bool(services.actors_of(user, source) & {Actor.SELLER, Actor.ADMIN})
    return bool(user.is_admin) or warehouses.is_member(user, source.seller_id)


def _require(user: User, source) -> None:
    if may_declare(user, source):
        return
    if isinstance(source, Shipment):
        if services.can_see(user, source):
            raise PermissionDenied(_l("Only the seller declares a shipment to customs."))
    elif warehouses.can_see_booking(user, source):
        raise PermissionDenied(_l("Only the seller declares a booking to customs."))
    raise NotFound()


def _port(raw: Any) -> str:
    port = str(raw or "").strip().upper()
    if not POD_RE.match(port):
        raise ValidationFailed(
            {"destination_port": [_l("Enter the port of discharge: its 3- or 4-character customs code.")]}
        )
    return port


# -- declaring -------------------------------------------------------------------------------------


def declare_shipment(actor: User, shipment: Shipment, destination_port: Any) -> Declaration:
    """Submit the shipment's declaration set (or prepare the broker hand-off on the full route) and
    move the shipment to "declared", with its tracking event. The builders' errors (XSD, code tables,
    missing customs or HS code) are raised field by field and nothing changes."""
    _require(actor, shipment)
    risk.require_clear(shipment)
    if shipment.state != SS.CREATED:
        raise Conflict(_l("Only a shipment that has just been created can be declared."))
    with db.session.begin_nested():
        port = _port(destination_port)
        shipment.destination_port = port
        inp = declaration_input(shipment, destination_port=port)
        _seller_code_known(inp)
        decl = customs.submit(
            inp,
            SourceKind.SHIPMENT,
            shipment.id,
            actor=actor,
        )
        _system_move(shipment, SS.DECLARED, actor=actor)
    audit.record(
        "shipment.declared",
        actor=actor,
        subject=shipment,
        company_id=shipment.seller_id,
        declaration=decl.id,
        route=decl.route.value,
    )
    return decl


def declare_booking(actor: User, booking: ReplenishmentBooking, destination_port: Any) -> Declaration:
    """Submit the 9810 declaration of a booking that has not departed yet."""
    _require(actor, booking)
    risk.require_clear(booking)
    if booking.state != BookingState.BOOKED:
        raise Conflict(_l("Only a booking that has not departed can be declared."))
    with db.session.begin_nested():
        port = _port(destination_port)
        booking.destination_port = port
        inp = booking_declaration_input(booking, destination_port=port)
        _seller_code_known(inp)
        decl = customs.submit(
            inp,
            SourceKind.BOOKING,
            booking.id,
            actor=actor,
        )
    audit.record(
        "booking.declared", actor=actor, subject=booking, company_id=booking.seller_id, declaration=decl.id
    )
    return decl


def _seller_code_known(inp) -> None:
    # The schema accepts an empty ebcCode; customs does not: say so before anything is built.
    if not inp.seller_code:
        raise ValidationFailed(
            {
                "seller_code": [
                    _l(
                        "Your company has no customs registration code or unified social credit code: "
                        "add one to the company profile."
                    )
                ]
            }
        )


def _declaration(source) -> Declaration:
    decl = declaration_of(source)
    if decl is None:
        raise Conflict(_l("This has not been declared to customs yet."))
    return decl


# -- correcting and resubmitting ------------------------------------------------------------------


@dataclass
class Correction:
    """The shipment fields that feed the declaration and may be corrected after a rejection (the
    waybill and carrier code stay: a correction keeps the waybill)."""

    packages: Any = None
    package_type: Any = None
    gross_weight_kg: Any = None
    net_weight_kg: Any = None
    transport_mode: Any = None
    carrier_name: Any = None
    exit_customs_code: Any = None
    departure_date: Any = None
    destination_port: Any = None


CORRECTABLE = tuple(Correction.__dataclass_fields__)


def _apply_correction(shipment: Shipment, data: Correction) -> None:
    errors: dict[str, list] = {}
    values: dict[str, Any] = {}
    given = {k: v for k, v in data.__dict__.items() if v is not None}
    if "packages" in given:
        try:
            values["packages"] = int(str(given["packages"]).strip())
            if not 0 < values["packages"] <= 999999:
                raise ValueError
        except ValueError:
            errors["packages"] = [_l("Enter the number of packages.")]
    for name, enum_cls in (("package_type", PackageType), ("transport_mode", ShipmentTransport)):
        if name in given:
            try:
                values[name] = enum_cls(str(given[name]))
            except ValueError:
                errors[name] = [_l("Not a valid choice.")]
    for name in ("gross_weight_kg", "net_weight_kg"):
        if name in given:
            found = services._weight(given[name], name, errors)
            if found is not None:
                values[name] = found
    gross = values.get("gross_weight_kg", shipment.gross_weight_kg)
    net = values.get("net_weight_kg", shipment.net_weight_kg)
    if "gross_weight_kg" not in errors and "net_weight_kg" not in errors and net > gross:
        errors["net_weight_kg"] = [_l("The net weight cannot exceed the gross weight.")]
    if "carrier_name" in given:
        values["carrier_name"] = " ".join(str(given["carrier_name"]).split())
        if not values["carrier_name"] or len(values["carrier_name"]) > 200:
            errors["carrier_name"] = [_l("Name the carrier.")]
    if "exit_customs_code" in given:
        values["exit_customs_code"] = str(given["exit_customs_code"]).strip()
        if not CUSTOMS_OFFICE_RE.match(values["exit_customs_code"]):
            errors["exit_customs_code"] = [_l("Enter the 4-digit code of the exit customs office.")]
    if "departure_date" in given:
        raw = given["departure_date"]
        try:
            values["departure_date"] = raw if isinstance(raw, date) else date.fromisoformat(str(raw).strip())
        except ValueError:
            errors["departure_date"] = [_l("Not a valid date value.")]
    if "destination_port" in given:
        try:
            values["destination_port"] = _port(given["destination_port"])
        except ValidationFailed as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationFailed(errors)
    for name, value in values.items():
        setattr(shipment, name, value)


def resubmit_shipment(actor: User, shipment: Shipment, data: Correction | None = None) -> Declaration:
    """After a rejection (100) or a technical error: apply the seller's corrections to the shipment and
    send the corrected set as a change (appType 2). Refused corrections change nothing."""
    _require(actor, shipment)
    risk.require_clear(shipment)
    decl = _declaration(shipment)
    if decl.state not in (DS.REJECTED, DS.FAILED):
        raise Conflict(_l("Only a rejected declaration can be corrected and resubmitted."))
    with db.session.begin_nested():
        _apply_correction(shipment, data or Correction())
        db.session.flush()
        inp = declaration_input(shipment, destination_port=shipment.destination_port or "")
        _seller_code_known(inp)
        customs.resubmit(decl, inp, actor=actor)
    audit.record(
        "shipment.declaration_resubmitted",
        actor=actor,
        subject=shipment,
        company_id=shipment.seller_id,
        revision=decl.revision,
    )
    return decl


def resubmit_booking(actor: User, booking: ReplenishmentBooking, destination_port: Any = None) -> Declaration:
    """Resubmit a booking's rejected declaration from its current data (e.g. after the listing's HS code
    or the company's customs code was corrected), optionally with another port of discharge."""
    _require(actor, booking)
    risk.require_clear(booking)
    decl = _declaration(booking)
    if decl.state not in (DS.REJECTED, DS.FAILED):
        raise Conflict(_l("Only a rejected declaration can be corrected and resubmitted."))
    with db.session.begin_nested():
        if destination_port not in (None, ""):
            booking.destination_port = _port(destination_port)
        inp = booking_declaration_input(booking, destination_port=booking.destination_port or "")
        _seller_code_known(inp)
        customs.resubmit(decl, inp, actor=actor)
    audit.record(
        "booking.declaration_resubmitted", actor=actor, subject=booking, company_id=booking.seller_id
    )
    return decl


# -- cancelling a list, the broker's entry number ---------------------------------------------------


def cancel_declaration(actor: User, source, reason: Any) -> Declaration:
    """Ask customs to cancel the list (CEB605 with the reason). The shipment is cancelled when customs
    confirms (399); a refusal leaves it as it was."""
    _require(actor, source)
    decl = _declaration(source)
    if has_left(source):
        raise Conflict(_l("The goods have left China: their customs list can no longer be cancelled here."))
    with db.session.begin_nested():
        customs.cancel(decl, str(reason or ""), actor=actor)
    audit.record(
        "customs.cancel_requested", actor=actor, subject=decl, company_id=source.seller_id, reason=reason
    )
    return decl


def record_entry(actor: User, source, entry_no: Any) -> Declaration:
    """The broker entered the full declaration: its 18-digit entry number releases the shipment."""
    _require(actor, source)
    decl = _declaration(source)
    if decl.state != DS.BROKER:
        raise Conflict(_l("Only a declaration waiting for the broker takes an entry number."))
    with db.session.begin_nested():
        customs.record_entry(decl, str(entry_no or ""), actor=actor)
    audit.record(
        "customs.entry_recorded", actor=actor, subject=decl, company_id=source.seller_id, entry_no=entry_no
    )
    return decl


# -- the shipment follows its declaration -----------------------------------------------------------


def check_move(shipment: Shipment, target: ShipmentState) -> None:
    """Manual moves that depend on customs: departure only once the declaration allows it; no
    cancellation while customs (or the broker) holds a live declaration."""
    if target == SS.DEPARTED:
        decl = declaration_of(shipment)
        if decl is None or not customs.may_depart(decl):
            raise Conflict(_l("The shipment cannot depart before customs has released it."))
    elif target == SS.CANCELLED:
        decl = declaration_of(shipment)
        if decl is not None and decl.state in LIVE:
            raise Conflict(
                _l("Customs holds this shipment's declaration: cancel the customs list first, with a reason.")
            )


def _system_move(shipment: Shipment, target: ShipmentState, *, actor=None, note="") -> None:
    note = str(note or "")[:500]
    shipment_workflow.transition(shipment, target, actor=actor, reason=note or None)
    shipment.events.append(
        TrackingEvent(state=target, at=utcnow(), note=note, actor_id=getattr(actor, "id", None))
    )
    db.session.flush()


def follow(decl: Declaration) -> None:
    """React to a declaration's move (a receipt, the entry number): release or cancel its shipment,
    and tell the seller of a rejection. Runs in the transaction that moved the declaration."""
    if decl.source_kind != SourceKind.SHIPMENT:
        if decl.state in (DS.REJECTED, DS.FAILED):
            booking = db.session.get(ReplenishmentBooking, decl.source_id)
            if booking is not None:
                _notify_seller(booking.seller_id, decl, "warehouses.booking", {"booking_id": booking.id})
        return
    shipment = db.session.get(Shipment, decl.source_id)
    if shipment is None:
        return
    if shipment.state == SS.DECLARED and customs.may_depart(decl):
        note = decl.entry_no or decl.invt_no or ""
        _system_move(shipment, SS.RELEASED, note=note)
        services._notify_buyer(shipment, "shipment_released")
    elif decl.state == DS.CANCELLED and shipment.state in (SS.DECLARED, SS.RELEASED):
        _system_move(shipment, SS.CANCELLED, note=decl.cancel_reason or "")
    elif decl.state in (DS.REJECTED, DS.FAILED):
        _notify_seller(shipment.seller_id, decl, "shipments.detail", {"shipment_id": shipment.id})


def _notify_seller(company_id: int, decl: Declaration, endpoint: str, args: dict) -> None:
    from marketplace.notifications import services as notifications

    notifications.notify_company(
        company_id,
        "declaration_rejected",
        endpoint=endpoint,
        endpoint_args=args,
        reference=decl.order_no,
        message=(decl.rejection_reason or "")[:300],
    )


def _on_moved(decl: Declaration, **_kw) -> None:
    follow(decl)


def connect() -> None:
    declaration_moved.connect(_on_moved, weak=False)


# -- what the pages and the API show ----------------------------------------------------------------


def route_reasons(decl: Declaration) -> list:
    """Why the route was chosen, from the inputs kept on the declaration."""
    from decimal import Decimal

    from marketplace.customs.routing import Route, RouteDecision

    data = decl.route_data or {}
    decision = RouteDecision(
        route=Route(data.get("route", decl.route.value)),
        goods_value=Decimal(data.get("goods_value", "0")),
        currency=data.get("currency", ""),
        cny_rate=Decimal(data.get("cny_rate", "0")),
        cny_value=Decimal(data.get("cny_value", "0")),
        limit_cny=Decimal(data.get("limit_cny", "5000")),
        over_limit=bool(data.get("over_limit")),
        needs_licence=bool(data.get("needs_licence")),
        needs_inspection=bool(data.get("needs_inspection")),
    )
    return decision.reasons


def receipt_label(kind: str, return_status: str):
    """What a receipt status means, where it moves a declaration ("" for informational ones)."""
    from marketplace.customs.states import target_for

    if kind == "CEB606":
        return DS.CANCELLED.label if return_status == "399" else ""
    target = target_for(return_status)
    return target.label if target is not None else ""


def route_numbers(decl: Declaration) -> dict:
    """The route rule's amounts as numbers (for display in the reader's locale)."""
    from decimal import Decimal

    data = decl.route_data or {}
    return {
        name: Decimal(data[name])
        for name in ("goods_value", "cny_rate", "cny_value", "limit_cny")
        if data.get(name) is not None
    }


def has_left(source) -> bool:
    """The goods are gone (departed or further): cancelling their list would cancel an export that
    happened; what follows (returns, disputes) is handled with customs directly."""
    if isinstance(source, Shipment):
        return source.state in GONE
    return source.state not in (BookingState.BOOKED, BookingState.CANCELLED)


def panel(user: User | None, source) -> dict:
    """The declaration block of a shipment or booking page: the declaration (or None) and what `user`
    may do with it now."""
    decl = declaration_of(source)
    acts = may_declare(user, source)
    declarable = (
        source.state == SS.CREATED if isinstance(source, Shipment) else source.state == BookingState.BOOKED
    )
    return {
        "decl": decl,
        "kind": kind_of(source).value,
        "may_act": acts,
        "can_declare": acts and decl is None and declarable,
        "can_resubmit": acts and decl is not None and decl.state in (DS.REJECTED, DS.FAILED),
        "can_cancel": acts
        and decl is not None
        and not has_left(source)
        and decl.route.value == "list"
        and decl.state in (DS.ENTERED, DS.REVIEW, DS.INSPECTION, DS.RELEASED)
        and bool(decl.invt_no),
        "can_record_entry": acts and decl is not None and decl.state == DS.BROKER,
        "reasons": route_reasons(decl) if decl is not None else [],
        "numbers": route_numbers(decl) if decl is not None else {},
        "plain": lambda value: format(value.normalize(), "f"),
        "package_types": PackageType,
        "transports": ShipmentTransport,
    }
