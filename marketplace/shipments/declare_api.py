"""/api/v1 declarations of shipments and bookings (the seller's side): declare, read the status and
receipts, correct and resubmit, cancel a list, record the broker's entry number. Same services and
permissions as the pages (`shipments.declare`)."""

from __future__ import annotations

from flask import jsonify

from marketplace.core.api import current_api_user, json_body, route
from marketplace.shipments import declare, services
from marketplace.warehouses import services as warehouses

_S, _I, _B = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
_NS = {"type": "string", "nullable": True}
RECEIPT_SCHEMA = {
    "type": "object",
    "properties": {
        "kind": _S,
        "return_status": _S,
        "label": _S,
        "return_time": _S,
        "return_info": _S,
        "moved_to": _NS,
        "received_at": {"type": "string", "format": "date-time"},
    },
}
DECLARATION_SCHEMA = {
    "type": "object",
    "properties": {
        "declared": _B,
        "id": _I,
        "source_kind": {**_S, "enum": ["shipment", "booking"]},
        "source_id": _I,
        "mode": {**_S, "enum": ["9710", "9810"]},
        "state": _S,
        "state_label": _S,
        "route": {**_S, "enum": ["list", "full"]},
        "route_data": {"type": "object", "description": "the rule's inputs (value, rate, CNY value, flags)"},
        "route_reasons": {"type": "array", "items": _S},
        "destination_port": _NS,
        "order_no": _S,
        "waybill_no": _S,
        "pre_no": _NS,
        "invt_no": _NS,
        "entry_no": _NS,
        "rejection_reason": _NS,
        "cancel_reason": _NS,
        "revision": _I,
        "may_depart": _B,
        "handoff": {"type": "object", "nullable": True, "description": "broker hand-off (seller, admins)"},
        "receipts": {"type": "array", "items": RECEIPT_SCHEMA},
        "actions": {"type": "array", "items": _S},
    },
}
PORT_BODY = {
    "type": "object",
    "required": ["destination_port"],
    "properties": {"destination_port": {**_S, "description": "port of discharge (POD), 3-4 characters"}},
}
REASON_BODY = {"type": "object", "required": ["reason"], "properties": {"reason": _S}}
ENTRY_BODY = {
    "type": "object",
    "required": ["entry_no"],
    "properties": {"entry_no": {**_S, "pattern": "^\\d{18}$"}},
}
CORRECTION_BODY = {
    "type": "object",
    "properties": {
        "packages": _I,
        "package_type": _S,
        "gross_weight_kg": {"type": "string", "format": "decimal"},
        "net_weight_kg": {"type": "string", "format": "decimal"},
        "transport_mode": _S,
        "carrier_name": _S,
        "exit_customs_code": _S,
        "departure_date": {"type": "string", "format": "date"},
        "destination_port": _S,
    },
}


def dump(user, source) -> dict:
    from marketplace.customs import services as customs

    p = declare.panel(user, source)
    decl = p["decl"]
    actions = [
        name
        for name, flag in (
            ("declare", p["can_declare"]),
            ("resubmit", p["can_resubmit"]),
            ("cancel", p["can_cancel"]),
            ("entry", p["can_record_entry"]),
        )
        if flag
    ]
    if decl is None:
        return {"declared": False, "destination_port": source.destination_port, "actions": actions}
    return {
        "declared": True,
        "id": decl.id,
        "source_kind": decl.source_kind.value,
        "source_id": decl.source_id,
        "mode": decl.mode,
        "state": decl.state.value,
        "state_label": str(decl.state.label),
        "route": decl.route.value,
        "route_data": decl.route_data,
        "route_reasons": [str(r) for r in p["reasons"]],
        "destination_port": source.destination_port,
        "order_no": decl.order_no,
        "waybill_no": decl.waybill_no,
        "pre_no": decl.pre_no,
        "invt_no": decl.invt_no,
        "entry_no": decl.entry_no,
        "rejection_reason": decl.rejection_reason,
        "cancel_reason": decl.cancel_reason,
        "revision": decl.revision,
        "may_depart": customs.may_depart(decl),
        "handoff": decl.handoff if p["may_act"] else None,
        "receipts": [
            {
                "kind": r.kind,
                "return_status": r.return_status,
                "label": str(declare.receipt_label(r.kind, r.return_status)),
                "return_time": r.return_time,
                "return_info": r.return_info,
                "moved_to": r.moved_to,
                "received_at": r.received_at.isoformat(),
            }
            for r in decl.receipts
        ],
        "actions": actions,
    }


def _shipment(shipment_id: int):
    user = current_api_user()
    return user, services.shipment_for(user, shipment_id)


def _booking(booking_id: int):
    user = current_api_user()
    booking = warehouses.booking_for(user, booking_id)
    return user, booking


def _text(name: str) -> str:
    value = json_body().get(name)
    return "" if value is None else str(value)


# -- shipments --------------------------------------------------------------------------------------


@route(
    "/shipments/<int:shipment_id>/declaration",
    "GET",
    summary="A shipment's customs declaration: state, route and its inputs, numbers, receipts",
    tag="customs",
    response=DECLARATION_SCHEMA,
)
def shipment_declaration(shipment_id: int):
    user, shipment = _shipment(shipment_id)
    return jsonify(dump(user, shipment))


@route(
    "/shipments/<int:shipment_id>/declaration",
    "POST",
    summary="Declare a created shipment to customs (9710); it moves to declared",
    tag="customs",
    body=PORT_BODY,
    response=DECLARATION_SCHEMA,
    status=201,
)
def declare_shipment(shipment_id: int):
    user, shipment = _shipment(shipment_id)
    declare.declare_shipment(user, shipment, _text("destination_port"))
    return jsonify(dump(user, shipment)), 201


@route(
    "/shipments/<int:shipment_id>/declaration/resubmit",
    "POST",
    summary="Correct a shipment's rejected declaration and resubmit it (appType 2)",
    tag="customs",
    body=CORRECTION_BODY,
    response=DECLARATION_SCHEMA,
)
def resubmit_shipment_declaration(shipment_id: int):
    user, shipment = _shipment(shipment_id)
    body = json_body()
    data = declare.Correction(**{k: body.get(k) for k in declare.CORRECTABLE})
    declare.resubmit_shipment(user, shipment, data)
    return jsonify(dump(user, shipment))


@route(
    "/shipments/<int:shipment_id>/declaration/cancel",
    "POST",
    summary="Ask customs to cancel a shipment's list (CEB605) with a reason",
    tag="customs",
    body=REASON_BODY,
    response=DECLARATION_SCHEMA,
)
def cancel_shipment_declaration(shipment_id: int):
    user, shipment = _shipment(shipment_id)
    declare.cancel_declaration(user, shipment, _text("reason"))
    return jsonify(dump(user, shipment))


@route(
    "/shipments/<int:shipment_id>/declaration/entry",
    "POST",
    summary="Record the broker's entry number (full declaration); the shipment is released",
    tag="customs",
    body=ENTRY_BODY,
    response=DECLARATION_SCHEMA,
)
def record_shipment_entry(shipment_id: int):
    user, shipment = _shipment(shipment_id)
    declare.record_entry(user, shipment, _text("entry_no"))
    return jsonify(dump(user, shipment))


# -- bookings ---------------------------------------------------------------------------------------


@route(
    "/bookings/<int:booking_id>/declaration",
    "GET",
    summary="A replenishment booking's customs declaration (9810)",
    tag="customs",
    response=DECLARATION_SCHEMA,
)
def booking_declaration(booking_id: int):
    user, booking = _booking(booking_id)
    return jsonify(dump(user, booking))


@route(
    "/bookings/<int:booking_id>/declaration",
    "POST",
    summary="Declare a booking that has not departed to customs (9810)",
    tag="customs",
    body=PORT_BODY,
    response=DECLARATION_SCHEMA,
    status=201,
)
def declare_booking(booking_id: int):
    user, booking = _booking(booking_id)
    declare.declare_booking(user, booking, _text("destination_port"))
    return jsonify(dump(user, booking)), 201


@route(
    "/bookings/<int:booking_id>/declaration/resubmit",
    "POST",
    summary="Resubmit a booking's rejected declaration from its current data (appType 2)",
    tag="customs",
    body={"type": "object", "properties": {"destination_port": _S}},
    response=DECLARATION_SCHEMA,
)
def resubmit_booking_declaration(booking_id: int):
    user, booking = _booking(booking_id)
    declare.resubmit_booking(user, booking, json_body().get("destination_port"))
    return jsonify(dump(user, booking))


@route(
    "/bookings/<int:booking_id>/declaration/cancel",
    "POST",
    summary="Ask customs to cancel a booking's list (CEB605) with a reason",
    tag="customs",
    body=REASON_BODY,
    response=DECLARATION_SCHEMA,
)
def cancel_booking_declaration(booking_id: int):
    user, booking = _booking(booking_id)
    declare.cancel_declaration(user, booking, _text("reason"))
    return jsonify(dump(user, booking))


@route(
    "/bookings/<int:booking_id>/declaration/entry",
    "POST",
    summary="Record the broker's entry number of a booking's full declaration",
    tag="customs",
    body=ENTRY_BODY,
    response=DECLARATION_SCHEMA,
)
def record_booking_entry(booking_id: int):
    user, booking = _booking(booking_id)
    declare.record_entry(user, booking, _text("entry_no"))
    return jsonify(dump(user, booking))
