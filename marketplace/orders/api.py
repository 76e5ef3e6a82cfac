"""/api/v1 orders: placing an order from a listing, a company's orders, one order with its timeline,
moves, the payment schedule, bank transfers, remittance slips, refunds and a seller's bank details.
Same services and permissions as the pages."""

from __future__ import annotations

from flask import jsonify, request

from marketplace.accounts.services import company_for_member
from marketplace.core import uploads
from marketplace.core.api import current_api_user, forbid_unless, json_body, route
from marketplace.core.errors import NotFound
from marketplace.documents import services as documents
from marketplace.orders import queries, services
from marketplace.orders.states import OrderState
from marketplace.payments import services as payments
from marketplace.payments import stripe_gateway
from marketplace.warehouses import queries as warehouse_queries

_S, _I, _N = {"type": "string"}, {"type": "integer"}, {"type": "string", "format": "decimal"}
MONEY_SCHEMA = {"type": "object", "properties": {"amount": _N, "currency": _S}}
ACCOUNT_SCHEMA = {
    "type": "object",
    "properties": {
        "requests": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": _I,
                    "kind": _S,
                    "state": _S,
                    "reference": _S,
                    "due_date": {"type": "string", "format": "date", "nullable": True},
                    "amount": MONEY_SCHEMA,
                    "paid": MONEY_SCHEMA,
                    "outstanding": MONEY_SCHEMA,
                },
            },
        },
        "received": MONEY_SCHEMA,
        "overpaid": MONEY_SCHEMA,
        "refunds_pending": MONEY_SCHEMA,
        "payments": {"type": "array", "items": {"type": "object"}},
        "refunds": {"type": "array", "items": {"type": "object"}},
        "remittance_slips": {"type": "array", "items": {"type": "object"}},
    },
}


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
        "fulfilment_mode": _S,
        "warehouse_id": {**_I, "nullable": True},
        "stock_lots": {
            "type": "array",
            "description": "the overseas-warehouse lots the order's stock was reserved from",
            "items": {"type": "object"},
        },
        "lines": {"type": "array", "items": LINE_SCHEMA},
        "history": {"type": "array", "items": {"type": "object"}},
        "payments": ACCOUNT_SCHEMA,
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
        "fulfilment_mode": order.fulfilment_mode.value,
        "warehouse_id": order.warehouse_id,
        "stock_lots": [
            {
                "listing_id": t.listing_id,
                "lot": t.lot,
                "quantity": str(t.quantity),
                "still_reserved": str(t.outstanding),
            }
            for t in warehouse_queries.lots_of_order(order.number, order.warehouse_id)
        ],
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
            {
                "from": h.from_state,
                "to": h.to_state,
                "at": h.at.isoformat(),
                "actor_id": h.actor_id,
                "reason": h.reason,
            }
            for h in queries.history(order)
        ]
        out["payments"] = dump_account(order)
    return out


def _m(money) -> dict:
    return {"amount": str(money.amount), "currency": money.currency}


def dump_account(order) -> dict:
    acc = payments.account(order)
    return {
        "requests": [
            {
                "id": line.request.id,
                "kind": line.request.kind.value,
                "state": line.request.state.value,
                "reference": line.request.reference,
                "due_date": line.request.due_date.isoformat() if line.request.due_date else None,
                "amount": _m(line.request.money),
                "paid": _m(line.paid),
                "outstanding": _m(line.outstanding),
            }
            for line in acc.lines
        ],
        "received": _m(acc.received),
        "overpaid": _m(acc.overpaid),
        "refunds_pending": _m(acc.refunds_pending),
        "payments": [
            {
                "id": p.id,
                "method": p.method.value,
                "state": p.state.value,
                "amount": _m(p.money),
                "refunded": str(p.refunded),
                "received_on": p.received_on.isoformat() if p.received_on else None,
                "payer_reference": p.payer_reference,
            }
            for p in payments.payments_of(order)
        ],
        "refunds": [
            {
                "id": r.id,
                "state": r.state.value,
                "amount": _m(r.money),
                "reason": r.reason,
                "reason_label": r.reason_label,
            }
            for r in payments.refunds_of(order)
        ],
        "remittance_slips": [
            {"id": sl.id, "name": sl.original_name, "uploaded_at": sl.uploaded_at.isoformat()}
            for sl in payments.slips_of(order)
        ],
    }


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
    summary="One order with lines, timeline and payments (?currency=XXX adds an indicative total "
    "with the rate and date used)",
    tag="orders",
    response=ORDER_SCHEMA,
)
def get_order(order_id: int):
    from marketplace.catalog import services as catalog

    order = queries.order_for(current_api_user(), order_id)
    out = dump_order(order, history=True)
    wanted = (request.args.get("currency") or "").upper()
    if wanted:
        conv = (
            catalog.convert(order.total_money, wanted, catalog.cached_rates()) if len(wanted) == 3 else None
        )
        out["indicative_total"] = (
            {
                "amount": str(conv.amount.amount),
                "currency": conv.amount.currency,
                "rate": format(conv.rate.normalize(), "f"),
                "as_of": conv.as_of.isoformat(),
                "via": conv.via,
            }
            if conv is not None
            else None
        )
    return jsonify(out)


@route(
    "/orders",
    "GET",
    summary="All orders (admins only)",
    tag="orders",
    response={"type": "array", "items": ORDER_SCHEMA},
)
def all_orders():
    forbid_unless(current_api_user().is_admin)
    return jsonify([dump_order(o) for o in queries.all_orders()])


PLACE_BODY = {
    "type": "object",
    "required": ["company_id", "quantity", "destination_country", "destination_place"],
    "properties": {
        "company_id": {**_I, "description": "the buyer company placing the order"},
        "quantity": _N,
        "currency": {**_S, "description": "one of the listing's price currencies (default: the first)"},
        "destination_country": {**_S, "description": "ISO 3166 alpha-2"},
        "destination_place": _S,
        "warehouse_id": {
            **_I,
            "description": "ship from this overseas warehouse holding available stock of the listing "
            "(its stock is reserved for the order); omit for direct export from Ordos",
        },
    },
}


@route(
    "/listings/<int:listing_id>/orders",
    "POST",
    summary="Order directly from a listing (MOQ, order multiple, tier price, standard terms)",
    tag="orders",
    body=PLACE_BODY,
    response=ORDER_SCHEMA,
    status=201,
)
def place_from_listing(listing_id: int):
    user = current_api_user()
    data = json_body()
    try:
        company = company_for_member(user, int(data.get("company_id")), allow_admin=False)
    except (TypeError, ValueError):
        raise NotFound()
    order = services.order_from_listing(
        user,
        company,
        services.ListingOrderData(
            listing_id=listing_id,
            quantity=data.get("quantity", ""),
            currency=data.get("currency") or "",
            destination_country=data.get("destination_country") or "",
            destination_place=data.get("destination_place") or "",
            warehouse_id=data.get("warehouse_id") or "",
        ),
    )
    return jsonify(dump_order(order, history=True)), 201


@route(
    "/orders/<int:order_id>/transitions",
    "POST",
    summary="Move an order (who may move it where follows the order workflow)",
    tag="orders",
    body={
        "type": "object",
        "required": ["state"],
        "properties": {
            "state": {**_S, "enum": [s.value for s in OrderState]},
            "reason": {**_S, "description": "required to cancel or dispute"},
        },
    },
    response=ORDER_SCHEMA,
)
def move_order(order_id: int):
    user = current_api_user()
    order = queries.order_for(user, order_id)
    data = json_body()
    services.move(user, order, str(data.get("state") or ""), reason=str(data.get("reason") or ""))
    return jsonify(dump_order(order, history=True))


@route(
    "/orders/<int:order_id>/payments",
    "GET",
    summary="An order's payment requests, payments, refunds and remittance slips",
    tag="payments",
    response=ACCOUNT_SCHEMA,
)
def order_payments(order_id: int):
    return jsonify(dump_account(queries.order_for(current_api_user(), order_id)))


@route(
    "/orders/<int:order_id>/bank-transfers",
    "POST",
    summary="Record a bank transfer received (seller or admin); partial and excess amounts are kept",
    tag="payments",
    body={
        "type": "object",
        "required": ["amount", "received_on"],
        "properties": {
            "amount": _N,
            "received_on": {"type": "string", "format": "date"},
            "payer_reference": _S,
        },
    },
    response=ACCOUNT_SCHEMA,
    status=201,
)
def record_bank_transfer(order_id: int):
    user = current_api_user()
    order = queries.order_for(user, order_id)
    data = json_body()
    payments.record_bank_transfer(
        user,
        order,
        amount=data.get("amount"),
        received_on=data.get("received_on"),
        payer_reference=str(data.get("payer_reference") or ""),
    )
    return jsonify(dump_account(order)), 201


@route(
    "/orders/<int:order_id>/remittance-slips",
    "POST",
    summary="Upload a remittance slip (buyer or admin; PDF or image, field `file`)",
    tag="payments",
    body={
        "multipart": True,
        "type": "object",
        "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary"}},
    },
    response=ACCOUNT_SCHEMA,
    status=201,
)
def upload_slip(order_id: int):
    user = current_api_user()
    order = queries.order_for(user, order_id)
    payments.upload_remittance(user, order, request.files.get("file"))
    return jsonify(dump_account(order)), 201


@route(
    "/orders/<int:order_id>/remittance-slips/<int:slip_id>",
    "GET",
    summary="Download a remittance slip (either party, admins)",
    tag="payments",
)
def download_slip(order_id: int, slip_id: int):
    user = current_api_user()
    order = queries.order_for(user, order_id)
    row = payments.slip_for(user, order, slip_id)
    return uploads.send(row.storage_key, row.content_type, row.original_name, inline=False)


@route(
    "/orders/<int:order_id>/refunds/overpayment",
    "POST",
    summary="Refund what was paid beyond the order total (seller or admin)",
    tag="payments",
    response=ACCOUNT_SCHEMA,
    status=201,
)
def refund_overpayment(order_id: int):
    user = current_api_user()
    order = queries.order_for(user, order_id)
    payments.refund_overpayment(user, order)
    return jsonify(dump_account(order)), 201


@route(
    "/orders/<int:order_id>/refunds/<int:refund_id>/confirm",
    "POST",
    summary="Confirm a refund has been wired back (seller or admin)",
    tag="payments",
    response=ACCOUNT_SCHEMA,
)
def confirm_refund(order_id: int, refund_id: int):
    user = current_api_user()
    order = queries.order_for(user, order_id)
    payments.confirm_refund(user, order, refund_id)
    return jsonify(dump_account(order))


BANK_SCHEMA = {
    "type": "object",
    "required": ["beneficiary", "bank_name", "account_number", "swift"],
    "properties": {
        "beneficiary": _S,
        "bank_name": _S,
        "bank_address": _S,
        "account_number": _S,
        "swift": _S,
    },
}


def _dump_bank(bank) -> dict:
    return {k: getattr(bank, k) for k in BANK_SCHEMA["properties"]}


@route(
    "/companies/<int:company_id>/bank-account",
    "GET",
    summary="A seller's bank details (its members, admins)",
    tag="payments",
    response=BANK_SCHEMA,
)
def get_bank_account(company_id: int):
    company = company_for_member(current_api_user(), company_id)
    bank = payments.bank_account_of(company.id)
    if bank is None:
        raise NotFound()
    return jsonify(_dump_bank(bank))


@route(
    "/companies/<int:company_id>/bank-account",
    "PUT",
    summary="Set a seller's bank details, printed on its orders and pro-forma invoices",
    tag="payments",
    body=BANK_SCHEMA,
    response=BANK_SCHEMA,
)
def put_bank_account(company_id: int):
    user = current_api_user()
    company = company_for_member(user, company_id)
    return jsonify(_dump_bank(payments.set_bank_account(user, company, json_body())))


CARD_SCHEMA = {
    "type": "object",
    "properties": {
        "payment_id": _I,
        "state": _S,
        "amount": MONEY_SCHEMA,
        "payment_intent": _S,
        "client_secret": {**_S, "description": "for Stripe.js (confirmPayment / confirmCardPayment)"},
        "publishable_key": _S,
        "failure_message": _S,
    },
}


def _dump_card(payment, secret: str | None) -> dict:
    return {
        "payment_id": payment.id,
        "state": payment.state.value,
        "amount": _m(payment.money),
        "payment_intent": payment.provider_ref,
        "client_secret": secret,
        "publishable_key": stripe_gateway.publishable_key(),
        "failure_message": payment.failure_message,
    }


@route(
    "/orders/<int:order_id>/card-payments",
    "POST",
    summary="Start (or resume) a card payment of the next installment: a Stripe PaymentIntent",
    tag="payments",
    response=CARD_SCHEMA,
    status=201,
)
def start_card_payment(order_id: int):
    user = current_api_user()
    order = queries.order_for(user, order_id)
    payment = stripe_gateway.start_card_payment(user, order)
    return jsonify(_dump_card(payment, stripe_gateway.client_secret(payment))), 201


@route(
    "/orders/<int:order_id>/card-payments/<int:payment_id>",
    "GET",
    summary="A card payment, brought in line with its PaymentIntent's state at Stripe",
    tag="payments",
    response=CARD_SCHEMA,
)
def get_card_payment(order_id: int, payment_id: int):
    user = current_api_user()
    order = queries.order_for(user, order_id)
    payment = stripe_gateway.card_payment_for(user, order, payment_id)
    stripe_gateway.sync_return(user, order, payment)
    return jsonify(_dump_card(payment, None))


DOCUMENT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "kind": _S,
        "number": _S,
        "language": _S,
        "issued_at": {"type": "string", "format": "date-time"},
        "pdf": {**_S, "description": "path of the PDF"},
    },
}


@route(
    "/orders/<int:order_id>/documents",
    "GET",
    summary="An order's trade documents (pro-forma invoice…): the two parties and admins",
    tag="documents",
    response={"type": "array", "items": DOCUMENT_SCHEMA},
)
def list_documents(order_id: int):
    order = queries.order_for(current_api_user(), order_id)
    return jsonify(
        [
            {
                "id": d.id,
                "kind": d.kind.value,
                "number": d.number,
                "language": d.language,
                "issued_at": d.issued_at.isoformat(),
                "pdf": f"/api/v1/orders/{order.id}/documents/{d.id}.pdf",
            }
            for d in documents.documents_of(order)
        ]
    )


@route(
    "/orders/<int:order_id>/documents/<int:document_id>.pdf",
    "GET",
    summary="A trade document as PDF (buyer's language alongside Chinese)",
    tag="documents",
)
def document_pdf(order_id: int, document_id: int):
    from flask import make_response

    order = queries.order_for(current_api_user(), order_id)
    doc = documents.document_for(order, document_id)
    response = make_response(documents.render_pdf(doc))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{doc.number}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
