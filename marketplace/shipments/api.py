"""/api/v1 shipments: an order's shipments, creating one, one shipment with its timeline, moves and
tracking events, and its documents. Same services and permissions as the pages."""

from __future__ import annotations

from flask import jsonify, make_response

from marketplace.core.api import current_api_user, json_body, route
from marketplace.documents import services as documents
from marketplace.orders import queries as order_queries
from marketplace.shipments import queries, services
from marketplace.shipments.states import ShipmentState

_S, _I, _N = {"type": "string"}, {"type": "integer"}, {"type": "string", "format": "decimal"}
_D = {"type": "string", "format": "date"}
EVENT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "state": {**_S, "nullable": True},
        "at": {"type": "string", "format": "date-time"},
        "location": _S,
        "note": _S,
    },
}
SHIPMENT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "number": _S,
        "order_id": _I,
        "order_number": _S,
        "state": _S,
        "warehouse_id": {**_I, "nullable": True},
        "packages": _I,
        "package_type": _S,
        "gross_weight_kg": _N,
        "net_weight_kg": _N,
        "transport_mode": _S,
        "carrier_name": _S,
        "carrier_customs_code": _S,
        "waybill_number": _S,
        "exit_customs_code": _S,
        "departure_date": _D,
        "lines": {
            "type": "array",
            "items": {"type": "object", "properties": {"order_line_id": _I, "position": _I, "quantity": _N}},
        },
        "timeline": {"type": "array", "items": EVENT_SCHEMA},
        "moves": {"type": "array", "items": _S},
    },
}
CREATE_BODY = {
    "type": "object",
    "required": [
        "lines",
        "packages",
        "gross_weight_kg",
        "net_weight_kg",
        "carrier_name",
        "carrier_customs_code",
        "waybill_number",
        "departure_date",
    ],
    "properties": {
        "lines": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["order_line_id", "quantity"],
                "properties": {"order_line_id": _I, "quantity": _N},
            },
        },
        "warehouse_id": {**_I, "description": "the seller's home warehouse the goods leave from"},
        "packages": _I,
        "package_type": _S,
        "gross_weight_kg": _N,
        "net_weight_kg": {**_N, "description": "at most the gross weight"},
        "transport_mode": {**_S, "enum": ["road", "rail", "air", "sea", "post"]},
        "carrier_name": _S,
        "carrier_customs_code": {**_S, "description": "10-character customs code or 18-character USCC"},
        "waybill_number": {**_S, "maxLength": 32, "description": "unique per carrier"},
        "exit_customs_code": {**_S, "description": "4-digit customs office"},
        "departure_date": _D,
        "notes": _S,
    },
}


def _event(e) -> dict:
    return {
        "id": e.id,
        "state": e.state.value if e.state is not None else None,
        "at": e.at.isoformat(),
        "location": e.location,
        "note": e.note,
    }


def dump_shipment(shipment, user) -> dict:
    return {
        "id": shipment.id,
        "number": shipment.number,
        "order_id": shipment.order_id,
        "order_number": shipment.order.number,
        "state": shipment.state.value,
        "warehouse_id": shipment.warehouse_id,
        "packages": shipment.packages,
        "package_type": shipment.package_type.value,
        "gross_weight_kg": str(shipment.gross_weight_kg),
        "net_weight_kg": str(shipment.net_weight_kg),
        "transport_mode": shipment.transport_mode.value,
        "carrier_name": shipment.carrier_name,
        "carrier_customs_code": shipment.carrier_customs_code,
        "waybill_number": shipment.waybill_number,
        "exit_customs_code": shipment.exit_customs_code,
        "departure_date": shipment.departure_date.isoformat(),
        "lines": [
            {
                "order_line_id": sl.order_line_id,
                "position": sl.order_line.position,
                "quantity": str(sl.quantity),
            }
            for sl in shipment.lines
        ],
        "timeline": [_event(e) for e in queries.timeline(shipment)],
        "moves": [s.value for s in services.moves_for(user, shipment)],
    }


@route(
    "/orders/<int:order_id>/shipments",
    "GET",
    summary="An order's direct export shipments (the buyer, the seller, admins)",
    tag="shipments",
    response={"type": "array", "items": SHIPMENT_SCHEMA},
)
def list_shipments(order_id: int):
    user = current_api_user()
    order = order_queries.order_for(user, order_id)
    return jsonify([dump_shipment(s, user) for s in queries.shipments_of(order)])


@route(
    "/orders/<int:order_id>/shipments",
    "POST",
    summary="Create a (partial) direct export shipment of an order (the seller)",
    tag="shipments",
    body=CREATE_BODY,
    response=SHIPMENT_SCHEMA,
    status=201,
)
def create_shipment(order_id: int):
    user = current_api_user()
    order = order_queries.order_for(user, order_id)
    data = json_body()
    lines = data.get("lines")
    quantities = {}
    if isinstance(lines, list):
        for item in lines:
            if isinstance(item, dict):
                quantities[str(item.get("order_line_id"))] = item.get("quantity", "")
    fields = {
        k: data.get(k) for k in services.ShipmentData.__dataclass_fields__ if k in data and k != "quantities"
    }
    shipment = services.create_shipment(
        user,
        order,
        services.ShipmentData(
            **{k: ("" if v is None else v) for k, v in fields.items()}, quantities=quantities
        ),
    )
    return jsonify(dump_shipment(shipment, user)), 201


@route(
    "/shipments/<int:shipment_id>",
    "GET",
    summary="One shipment with its tracking timeline (parties, the warehouse operator, admins)",
    tag="shipments",
    response=SHIPMENT_SCHEMA,
)
def get_shipment(shipment_id: int):
    user = current_api_user()
    return jsonify(dump_shipment(services.shipment_for(user, shipment_id), user))


@route(
    "/shipments/<int:shipment_id>/transitions",
    "POST",
    summary="Move a shipment along its workflow (departure moves the order to (partially) shipped)",
    tag="shipments",
    body={
        "type": "object",
        "required": ["state"],
        "properties": {
            "state": {**_S, "enum": [s.value for s in ShipmentState]},
            "at": {**_S, "description": "when it happened (date or ISO date-time; default now)"},
            "location": _S,
            "reason": {**_S, "description": "required to cancel"},
        },
    },
    response=SHIPMENT_SCHEMA,
)
def move_shipment(shipment_id: int):
    user = current_api_user()
    shipment = services.shipment_for(user, shipment_id)
    data = json_body()
    services.move(
        user,
        shipment,
        str(data.get("state") or ""),
        reason=str(data.get("reason") or ""),
        at=data.get("at"),
        location=str(data.get("location") or ""),
    )
    return jsonify(dump_shipment(shipment, user))


@route(
    "/shipments/<int:shipment_id>/events",
    "GET",
    summary="A shipment's tracking events, oldest first",
    tag="shipments",
    response={"type": "array", "items": EVENT_SCHEMA},
)
def list_events(shipment_id: int):
    shipment = services.shipment_for(current_api_user(), shipment_id)
    return jsonify([_event(e) for e in queries.timeline(shipment)])


@route(
    "/shipments/<int:shipment_id>/events",
    "POST",
    summary="Add a tracking event (position report) to a shipment (seller, warehouse operator, admins)",
    tag="shipments",
    body={
        "type": "object",
        "properties": {
            "at": {**_S, "description": "date or ISO date-time; default now"},
            "location": _S,
            "note": _S,
        },
    },
    response=EVENT_SCHEMA,
    status=201,
)
def add_event(shipment_id: int):
    user = current_api_user()
    shipment = services.shipment_for(user, shipment_id)
    data = json_body()
    event = services.add_event(
        user,
        shipment,
        location=str(data.get("location") or ""),
        note=str(data.get("note") or ""),
        at=data.get("at"),
    )
    return jsonify(_event(event)), 201


@route(
    "/shipments/<int:shipment_id>/documents/<int:document_id>.pdf",
    "GET",
    summary="A shipment's commercial invoice or packing list as PDF (the two parties and admins)",
    tag="shipments",
)
def document_pdf(shipment_id: int, document_id: int):
    user = current_api_user()
    shipment = services.shipment_for(user, shipment_id)
    doc = services.document_for(user, shipment, document_id)
    response = make_response(documents.render_pdf(doc))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{doc.number}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
