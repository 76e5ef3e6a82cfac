"""/api/v1 orders: a company's orders and one order (members of either party, admins)."""

from __future__ import annotations

from flask import jsonify

from marketplace.accounts.services import company_for_member
from marketplace.core.api import current_api_user, route
from marketplace.orders import queries

_S, _I, _N = {"type": "string"}, {"type": "integer"}, {"type": "string", "format": "decimal"}
LINE_SCHEMA = {
    "type": "object",
    "properties": {
        "position": _I,
        "listing_id": {**_I, "nullable": True},
        "description": _S,
        "quantity": _N,
        "unit": _S,
        "unit_price": _N,
        "total": _N,
    },
}
ORDER_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "number": _S,
        "state": _S,
        "buyer_id": _I,
        "seller_id": _I,
        "rfq_id": {**_I, "nullable": True},
        "quote_id": {**_I, "nullable": True},
        "quote_revision_id": {**_I, "nullable": True},
        "currency": _S,
        "total": _N,
        "incoterm": _S,
        "incoterm_place": _S,
        "lead_time_days": _I,
        "deposit_percent": _N,
        "balance_due": _S,
        "destination_country": _S,
        "destination_place": _S,
        "placed_at": {"type": "string", "format": "date-time"},
        "lines": {"type": "array", "items": LINE_SCHEMA},
        "history": {"type": "array", "items": {"type": "object"}},
    },
}


def dump_order(order, *, history: bool = False) -> dict:
    out = {
        "id": order.id,
        "number": order.number,
        "state": order.state.value,
        "buyer_id": order.buyer_id,
        "seller_id": order.seller_id,
        "rfq_id": order.rfq_id,
        "quote_id": order.quote_id,
        "quote_revision_id": order.quote_revision_id,
        "currency": order.currency,
        "total": str(order.total_money.amount),
        "incoterm": order.incoterm.value,
        "incoterm_place": order.incoterm_place,
        "lead_time_days": order.lead_time_days,
        "deposit_percent": str(order.deposit_percent),
        "balance_due": order.balance_due.value,
        "destination_country": order.destination_country,
        "destination_place": order.destination_place,
        "placed_at": order.placed_at.isoformat(),
        "lines": [
            {
                "position": line.position,
                "listing_id": line.listing_id,
                "description": line.description,
                "quantity": str(line.quantity),
                "unit": line.unit.value,
                "unit_price": str(line.unit_price),
                "total": str(line.total),
            }
            for line in order.lines
        ],
    }
    if history:
        out["history"] = [
            {"from": h.from_state, "to": h.to_state, "at": h.at.isoformat(), "actor_id": h.actor_id}
            for h in queries.history(order)
        ]
    return out


@route(
    "/companies/<int:company_id>/orders",
    "GET",
    summary="Orders of a company (as buyer or seller)",
    tag="orders",
    response={"type": "array", "items": ORDER_SCHEMA},
)
def list_orders(company_id: int):
    user = current_api_user()
    company = company_for_member(user, company_id)
    return jsonify([dump_order(o) for o in queries.orders_of_company(company.id)])


@route(
    "/orders/<int:order_id>",
    "GET",
    summary="One order with lines and history",
    tag="orders",
    response=ORDER_SCHEMA,
)
def get_order(order_id: int):
    return jsonify(dump_order(queries.order_for(current_api_user(), order_id), history=True))
