"""/api/v1 warehouses, stock with its ledger, and replenishment bookings: the same services and
permissions as the pages. The seller company acting is `company_id` (or the user's only seller
company)."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request
from flask_babel import lazy_gettext as _l

from marketplace.accounts.models import Company
from marketplace.accounts.services import membership
from marketplace.core.api import current_api_user, json_body, route
from marketplace.core.errors import NotFound, PermissionDenied, ValidationFailed
from marketplace.extensions import db
from marketplace.warehouses import queries, services
from marketplace.warehouses.states import booking_workflow

_S, _I, _B = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
_N = {"type": "string", "format": "decimal"}
_D = {"type": "string", "format": "date"}

WAREHOUSE = {
    "type": "object",
    "properties": {
        "id": _I,
        "kind": _S,
        "name": _S,
        "operator_name": _S,
        "country": _S,
        "city": _S,
        "address": _S,
        "ships_in_days": _I,
        "active": _B,
        "owner_id": _I,
        "contract_number": _S,
    },
}
WAREHOUSE_BODY = {
    "type": "object",
    "required": ["kind", "name", "operator_name", "country", "city", "address"],
    "properties": {
        "company_id": _I,
        "kind": {"type": "string", "enum": ["home", "own"]},
        "name": _S,
        "operator_name": _S,
        "country": _S,
        "city": _S,
        "address": _S,
        "ships_in_days": _I,
        "contract_number": _S,
        "contract_valid_until": _D,
    },
}
BALANCE = {
    "type": "object",
    "properties": {
        "id": _I,
        "listing_id": _I,
        "warehouse_id": _I,
        "lot": _S,
        "on_hand": _N,
        "reserved": _N,
        "available": _N,
        "in_transit": _N,
    },
}
MOVEMENT = {
    "type": "object",
    "properties": {
        "id": _I,
        "kind": _S,
        "quantity": _N,
        "on_hand_delta": _N,
        "reserved_delta": _N,
        "in_transit_delta": _N,
        "reference": _S,
        "reason": _S,
        "at": {"type": "string", "format": "date-time"},
    },
}
BOOKING_LINE = {
    "type": "object",
    "properties": {"listing_id": _I, "quantity": _N, "unit_price": _N, "lot": _S},
}
BOOKING_BODY = {
    "type": "object",
    "required": [
        "warehouse_id",
        "currency",
        "packages",
        "package_type",
        "gross_weight_kg",
        "net_weight_kg",
        "transport_mode",
        "carrier_name",
        "carrier_customs_code",
        "waybill_number",
        "exit_customs_code",
        "departure_date",
        "lines",
    ],
    "properties": {
        "company_id": _I,
        "warehouse_id": _I,
        "currency": _S,
        "packages": _I,
        "package_type": {"type": "string", "enum": ["carton", "bale", "bag", "pallet", "drum", "other"]},
        "gross_weight_kg": _N,
        "net_weight_kg": _N,
        "transport_mode": {"type": "string", "enum": ["road", "rail", "air"]},
        "carrier_name": _S,
        "carrier_customs_code": _S,
        "waybill_number": {**_S, "maxLength": 32},
        "exit_customs_code": {**_S, "pattern": r"^\d{4}$"},
        "departure_date": _D,
        "notes": _S,
        "lines": {"type": "array", "items": BOOKING_LINE},
    },
}
BOOKING = {"type": "object", "properties": {"id": _I, "number": _S, "state": _S, "lines": {"type": "array"}}}
RECEIPT_BODY = {
    "type": "object",
    "properties": {
        "lines": {
            "type": "object",
            "description": "booking line id → quantity received",
            "additionalProperties": _N,
        },
        "final": {**_B, "description": "close the booking, shortfalls recorded as discrepancies"},
        "note": _S,
    },
}
ADJUST_BODY = {"type": "object", "required": ["delta", "reason"], "properties": {"delta": _N, "reason": _S}}


def _s(value) -> str | None:
    return None if value is None else str(value)


def _seller(raw_id: Any) -> Company:
    user = current_api_user()
    if raw_id not in (None, ""):
        try:
            company = db.session.get(Company, int(raw_id))
        except (TypeError, ValueError):
            raise ValidationFailed({"company_id": [str(_l("Not a valid integer value."))]})
        if company is None or membership(user, company.id) is None:
            raise NotFound()
        return services.require_seller(user, company)
    candidates = [m.company for m in user.memberships if m.company.is_seller]
    if len(candidates) != 1:
        raise ValidationFailed({"company_id": [str(_l("Say which of your companies acts (company_id)."))]})
    return candidates[0]


def dump_warehouse(w) -> dict:
    return {
        "id": w.id,
        "kind": w.kind.value,
        "name": w.name,
        "operator_name": w.operator_name,
        "country": w.country,
        "city": w.city,
        "address": w.address,
        "ships_in_days": w.ships_in_days,
        "active": w.active,
        "owner_id": w.owner_id,
        "contract_number": w.contract_number,
    }


OPERATOR = {"type": "object", "properties": {"user_id": _I, "email": _S, "display_name": _S}}


def dump_operator(op) -> dict:
    return {"user_id": op.user_id, "email": op.user.email, "display_name": op.user.display_name}


def dump_balance(b) -> dict:
    return {
        "id": b.id,
        "listing_id": b.listing_id,
        "warehouse_id": b.warehouse_id,
        "lot": b.lot,
        "on_hand": _s(b.on_hand),
        "reserved": _s(b.reserved),
        "available": _s(b.available),
        "in_transit": _s(b.in_transit),
    }


def dump_movement(m) -> dict:
    return {
        "id": m.id,
        "kind": m.kind.value,
        "quantity": _s(m.quantity),
        "on_hand_delta": _s(m.on_hand_delta),
        "reserved_delta": _s(m.reserved_delta),
        "in_transit_delta": _s(m.in_transit_delta),
        "reference": m.reference,
        "reason": m.reason,
        "at": m.at.isoformat(),
    }


def dump_booking(b) -> dict:
    return {
        "id": b.id,
        "number": b.number,
        "state": b.state.value,
        "seller_id": b.seller_id,
        "warehouse": {
            "id": b.warehouse_id,
            "name": b.warehouse_name,
            "operator": b.warehouse_operator,
            "country": b.warehouse_country,
        },
        "currency": b.currency,
        "total_value": _s(b.total_value),
        "packages": b.packages,
        "package_type": b.package_type.value,
        "gross_weight_kg": _s(b.gross_weight_kg),
        "net_weight_kg": _s(b.net_weight_kg),
        "transport_mode": b.transport_mode.value,
        "carrier_name": b.carrier_name,
        "carrier_customs_code": b.carrier_customs_code,
        "waybill_number": b.waybill_number,
        "exit_customs_code": b.exit_customs_code,
        "departure_date": b.departure_date.isoformat(),
        "notes": b.notes,
        "lines": [
            {
                "id": line.id,
                "position": line.position,
                "listing_id": line.listing_id,
                "description": line.description,
                "hs_code": line.hs_code,
                "lot": line.lot,
                "quantity": _s(line.quantity),
                "unit": line.unit.value,
                "unit_price": _s(line.unit_price),
                "value": _s(line.value),
                "received_quantity": _s(line.received_quantity),
            }
            for line in b.lines
        ],
        "history": [
            {"from": c.from_state, "to": c.to_state, "at": c.at.isoformat(), "reason": c.reason}
            for c in booking_workflow.history(b)
        ],
    }


@route("/warehouses", "GET", summary="Warehouses I can see", tag="warehouses", response=WAREHOUSE)
def list_warehouses():
    user = current_api_user()
    rows = {w.id: w for w in queries.public_warehouses()}
    for m in user.memberships:
        rows.update({w.id: w for w in queries.company_warehouses(m.company_id)})
    rows.update({w.id: w for w in queries.operated_warehouses(user)})
    return jsonify(warehouses=[dump_warehouse(w) for w in sorted(rows.values(), key=lambda w: w.id)])


WAREHOUSE_FIELDS = (
    "name",
    "operator_name",
    "country",
    "city",
    "address",
    "kind",
    "contract_number",
    "contract_valid_until",
)


def _warehouse_data(body) -> services.WarehouseData:
    return services.WarehouseData(
        **{k: str(body.get(k) or "") for k in WAREHOUSE_FIELDS},
        ships_in_days=body.get("ships_in_days", 2),
        code=body.get("code"),
        active=body.get("active", True) not in (False, "false", "0", ""),
    )


def _body() -> tuple[dict, Any]:
    """A JSON body, or a multipart form with the contract file."""
    if request.files or (request.mimetype or "").startswith("multipart/"):
        return request.form.to_dict(), request.files.get("contract")
    return json_body(), None


@route(
    "/warehouses",
    "POST",
    summary="Register a home or own overseas warehouse (an own one as multipart with its contract PDF)",
    tag="warehouses",
    body={
        **WAREHOUSE_BODY,
        "multipart": True,
        "properties": {**WAREHOUSE_BODY["properties"], "contract": {"type": "string", "format": "binary"}},
    },
    response=WAREHOUSE,
    status=201,
)
def create_warehouse():
    body, contract = _body()
    company = _seller(body.get("company_id"))
    warehouse = services.register_warehouse(current_api_user(), company, _warehouse_data(body), contract)
    return jsonify(dump_warehouse(warehouse)), 201


@route(
    "/warehouses/<int:warehouse_id>",
    "PATCH",
    summary="Change a warehouse (admins: public ones; sellers: their own), as JSON or multipart",
    tag="warehouses",
    body={"type": "object", "properties": {**WAREHOUSE_BODY["properties"], "active": _B}},
    response=WAREHOUSE,
)
def update_warehouse(warehouse_id: int):
    user = current_api_user()
    warehouse = services.warehouse_for(user, warehouse_id)
    body, contract = _body()
    merged = {**dump_warehouse(warehouse), "contract_valid_until": warehouse.contract_valid_until, **body}
    services.update_warehouse(user, warehouse, _warehouse_data(merged), contract)
    return jsonify(dump_warehouse(warehouse))


@route(
    "/admin/warehouses",
    "POST",
    summary="Create a public overseas warehouse (admins)",
    tag="warehouses",
    body={
        "type": "object",
        "required": ["name", "operator_name", "country", "city", "address"],
        "properties": {**WAREHOUSE_BODY["properties"], "code": _S, "active": _B},
    },
    response=WAREHOUSE,
    status=201,
)
def create_public_warehouse():
    user = current_api_user()
    if not user.is_admin:
        raise PermissionDenied()
    data = _warehouse_data(json_body())
    data.kind = "public"
    return jsonify(dump_warehouse(services.create_public_warehouse(user, data))), 201


@route(
    "/warehouses/<int:warehouse_id>/operators",
    "GET",
    summary="Operator accounts of a warehouse (its managers only)",
    tag="warehouses",
    response=OPERATOR,
)
def list_operators(warehouse_id: int):
    user = current_api_user()
    warehouse = services.warehouse_for(user, warehouse_id)
    if not services.can_manage_warehouse(user, warehouse):
        raise PermissionDenied()
    return jsonify(operators=[dump_operator(op) for op in queries.operators_of(warehouse)])


@route(
    "/warehouses/<int:warehouse_id>/operators",
    "POST",
    summary="Give a user's account access to this warehouse as its operator",
    tag="warehouses",
    body={"type": "object", "required": ["email"], "properties": {"email": {**_S, "format": "email"}}},
    response=OPERATOR,
    status=201,
)
def add_operator(warehouse_id: int):
    user = current_api_user()
    warehouse = services.warehouse_for(user, warehouse_id)
    op = services.add_operator(user, warehouse, str(json_body().get("email") or ""))
    return jsonify(dump_operator(op)), 201


@route(
    "/warehouses/<int:warehouse_id>/operators/<int:user_id>",
    "DELETE",
    summary="Remove an operator's access to this warehouse",
    tag="warehouses",
    response={"type": "object"},
)
def remove_operator(warehouse_id: int, user_id: int):
    user = current_api_user()
    warehouse = services.warehouse_for(user, warehouse_id)
    services.remove_operator(user, warehouse, user_id)
    return jsonify(removed=True)


@route("/warehouses/<int:warehouse_id>", "GET", summary="A warehouse", tag="warehouses", response=WAREHOUSE)
def get_warehouse(warehouse_id: int):
    return jsonify(dump_warehouse(services.warehouse_for(current_api_user(), warehouse_id)))


@route(
    "/warehouses/<int:warehouse_id>/stock",
    "GET",
    summary="Stock in a warehouse (what I may see)",
    tag="warehouses",
    response=BALANCE,
)
def warehouse_stock(warehouse_id: int):
    user = current_api_user()
    warehouse = services.warehouse_for(user, warehouse_id)
    if user.is_admin or warehouse.id in services.operated_ids(user):
        rows = queries.warehouse_stock(warehouse.id)
    else:
        rows = []
        for m in user.memberships:
            rows += queries.seller_stock(m.company_id, warehouse.id)
    return jsonify(stock=[dump_balance(b) for b in rows])


@route(
    "/stock",
    "GET",
    summary="My seller company's stock in every warehouse",
    tag="warehouses",
    response=BALANCE,
)
def my_stock():
    company = _seller(request.args.get("company_id"))
    return jsonify(stock=[dump_balance(b) for b in queries.seller_stock(company.id)])


@route(
    "/stock/<int:balance_id>/movements",
    "GET",
    summary="The ledger of one stock balance",
    tag="warehouses",
    response=MOVEMENT,
)
def stock_movements(balance_id: int):
    balance = queries.balance_visible_to(current_api_user(), balance_id)
    if balance is None:
        raise NotFound()
    return jsonify(
        balance=dump_balance(balance), movements=[dump_movement(m) for m in queries.movements(balance.id)]
    )


@route(
    "/stock/<int:balance_id>/adjustments",
    "POST",
    summary="Adjust the quantity on hand with a reason",
    tag="warehouses",
    body=ADJUST_BODY,
    response=MOVEMENT,
    status=201,
)
def adjust(balance_id: int):
    user = current_api_user()
    balance = queries.balance_visible_to(user, balance_id)
    if balance is None:
        raise NotFound()
    body = json_body()
    movement = services.adjust_stock(
        user,
        balance.listing_id,
        balance.warehouse_id,
        body.get("delta", ""),
        body.get("reason", ""),
        balance.lot,
    )
    return jsonify(dump_movement(movement)), 201


@route(
    "/bookings",
    "GET",
    summary="Replenishment bookings of my seller company, or inbound to my warehouses",
    tag="warehouses",
    response=BOOKING,
)
def list_bookings():
    user = current_api_user()
    rows = []
    for m in user.memberships:
        if m.company.is_seller:
            rows += queries.seller_bookings(m.company_id)
    rows += [b for b in queries.inbound_bookings(services.operated_ids(user)) if b not in rows]
    return jsonify(bookings=[dump_booking(b) for b in rows])


@route(
    "/bookings",
    "POST",
    summary="Book a replenishment to an overseas warehouse (9810)",
    tag="warehouses",
    body=BOOKING_BODY,
    response=BOOKING,
    status=201,
)
def create_booking():
    body = json_body()
    company = _seller(body.get("company_id"))
    lines = body.get("lines")
    if not isinstance(lines, list) or not all(isinstance(x, dict) for x in lines):
        raise ValidationFailed({"lines": [str(_l("Add at least one line."))]})
    fields = {
        k: body.get(k) if body.get(k) is not None else ""
        for k in (
            "warehouse_id",
            "currency",
            "packages",
            "package_type",
            "gross_weight_kg",
            "net_weight_kg",
            "transport_mode",
            "carrier_name",
            "carrier_customs_code",
            "waybill_number",
            "exit_customs_code",
            "departure_date",
            "notes",
        )
    }
    booking = services.create_booking(
        current_api_user(), company, services.BookingData(**fields, lines=lines)
    )
    return jsonify(dump_booking(booking)), 201


@route(
    "/bookings/<int:booking_id>",
    "GET",
    summary="A replenishment booking with its history",
    tag="warehouses",
    response=BOOKING,
)
def get_booking(booking_id: int):
    return jsonify(dump_booking(services.booking_for(current_api_user(), booking_id)))


def _booking_action(booking_id: int, action):
    user = current_api_user()
    booking = services.booking_for(user, booking_id)
    action(user, booking)
    return jsonify(dump_booking(booking))


@route(
    "/bookings/<int:booking_id>/depart",
    "POST",
    summary="Mark a booking departed (goods in transit)",
    tag="warehouses",
    response=BOOKING,
)
def depart(booking_id: int):
    return _booking_action(booking_id, services.mark_departed)


@route(
    "/bookings/<int:booking_id>/in-transit",
    "POST",
    summary="Mark a booking in transit past the border",
    tag="warehouses",
    response=BOOKING,
)
def in_transit(booking_id: int):
    return _booking_action(
        booking_id, lambda u, b: services.mark_in_transit(u, b, json_body().get("reason", ""))
    )


@route(
    "/bookings/<int:booking_id>/cancel",
    "POST",
    summary="Cancel a booking before departure",
    tag="warehouses",
    response=BOOKING,
)
def cancel(booking_id: int):
    return _booking_action(
        booking_id, lambda u, b: services.cancel_booking(u, b, json_body().get("reason", ""))
    )


@route(
    "/bookings/<int:booking_id>/receipts",
    "POST",
    summary="Record goods received at the warehouse",
    tag="warehouses",
    body=RECEIPT_BODY,
    response=BOOKING,
)
def receive(booking_id: int):
    body = json_body()
    raw = body.get("lines") or {}
    if not isinstance(raw, dict):
        raise ValidationFailed({"lines": [str(_l("Enter the quantity received on at least one line."))]})
    quantities = {}
    for key, value in raw.items():
        try:
            quantities[int(key)] = str(value)
        except (TypeError, ValueError):
            raise ValidationFailed({"lines": [str(_l("Not a valid integer value."))]})

    def act(user, booking):
        if not set(quantities) <= {line.id for line in booking.lines}:
            raise ValidationFailed({"lines": [str(_l("Not a valid choice."))]})
        services.record_receipt(
            user, booking, quantities, final=bool(body.get("final")), note=body.get("note", "")
        )

    return _booking_action(booking_id, act)
