"""/api/v1 RFQs, quote threads, revisions, counters, messages, acceptance: the same services and
permissions as the pages. The company acting is `company_id` (or the user's only company of the
right kind)."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request
from flask_babel import lazy_gettext as _l

from marketplace.accounts.models import Company
from marketplace.accounts.services import membership
from marketplace.accounts.states import CompanyKind
from marketplace.catalog import queries as catalog_queries
from marketplace.core import uploads
from marketplace.core.api import current_api_user, json_body, load_form, route
from marketplace.core.errors import NotFound, ValidationFailed
from marketplace.core.money import ISO_CURRENCIES
from marketplace.extensions import db
from marketplace.orders.api import ORDER_SCHEMA, dump_order
from marketplace.rfq import queries, services
from marketplace.rfq.forms import AcceptForm, CloseForm, CounterForm, DeclineForm, MessageForm
from marketplace.rfq.states import Side

_S, _I, _B = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
_N = {"type": "string", "format": "decimal"}
_D = {"type": "string", "format": "date"}
_DT = {"type": "string", "format": "date-time"}

RFQ_BODY = {
    "type": "object",
    "required": ["title", "quantity", "destination_country", "destination_place", "incoterm", "deadline"],
    "properties": {
        "company_id": {**_I, "description": "the buyer company (default: your only buyer company)"},
        "title": _S,
        "description": _S,
        "category": {**_S, "description": "leaf category slug (or give listing_id)"},
        "listing_id": {**_I, "description": "a listing the request is about"},
        "requirements": {
            "type": "object",
            "description": "key attribute code → value, or {min, max} for numbers",
        },
        "quantity": _N,
        "unit": _S,
        "target_price": _N,
        "target_currency": _S,
        "destination_country": {**_S, "description": "ISO 3166 alpha-2"},
        "destination_place": _S,
        "incoterm": _S,
        "needed_by": _D,
        "deadline": {**_D, "description": "quotes are taken until the end of this day, China time"},
        "max_quotes": {**_I, "minimum": 1, "maximum": 50},
        "audience": {"type": "string", "enum": ["chosen", "category"]},
        "seller_ids": {"type": "array", "items": _I},
    },
}
LINE = {
    "type": "object",
    "properties": {"listing_id": _I, "description": _S, "quantity": _N, "unit": _S, "unit_price": _N},
}
REVISION_BODY = {
    "type": "object",
    "required": [
        "currency",
        "lines",
        "incoterm",
        "incoterm_place",
        "lead_time_days",
        "deposit_percent",
        "balance_due",
        "valid_until",
    ],
    "properties": {
        "currency": _S,
        "lines": {"type": "array", "items": LINE},
        "moq": _N,
        "incoterm": _S,
        "incoterm_place": _S,
        "lead_time_days": _I,
        "deposit_percent": _N,
        "balance_due": {
            "type": "string",
            "enum": ["before_shipment", "against_documents", "on_arrival", "net_30"],
        },
        "valid_until": {**_D, "description": "valid until the end of this day, China time"},
        "notes": _S,
        "warehouse_id": {
            "type": ["integer", "null"],
            "description": "ship from the seller's stock in this overseas warehouse (null: from Ordos)",
        },
    },
}
REVISION_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "number": _I,
        "current": _B,
        "created_at": _DT,
        "currency": _S,
        "total": _N,
        "lines": {"type": "array", "items": LINE},
        "moq": {**_N, "nullable": True},
        "incoterm": _S,
        "incoterm_place": _S,
        "lead_time_days": _I,
        "deposit_percent": _N,
        "balance_due": _S,
        "valid_until": _D,
        "expires_at": _DT,
        "notes": _S,
        "ships_from": {
            "type": ["object", "null"],
            "description": "the overseas warehouse whose stock the quote ships from (null: from Ordos)",
        },
    },
}
MESSAGE_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "kind": {"type": "string", "enum": ["message", "counter", "revision_request", "decline"]},
        "side": {"type": "string", "enum": ["buyer", "seller"]},
        "body": _S,
        "revision_id": {**_I, "nullable": True},
        "proposed_unit_price": {**_N, "nullable": True},
        "proposed_currency": {**_S, "nullable": True},
        "proposed_quantity": {**_N, "nullable": True},
        "proposed_lead_time_days": {**_I, "nullable": True},
        "proposed_deposit_percent": {**_N, "nullable": True},
        "created_at": _DT,
    },
}
RFQ_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "buyer_id": _I,
        "state": _S,
        "title": _S,
        "description": _S,
        "category": _S,
        "listing_id": {**_I, "nullable": True},
        "requirements": {"type": "object"},
        "quantity": _N,
        "unit": _S,
        "target_price": {**_N, "nullable": True},
        "target_currency": {**_S, "nullable": True},
        "destination_country": _S,
        "destination_place": _S,
        "incoterm": _S,
        "needed_by": {**_D, "nullable": True},
        "deadline": _DT,
        "max_quotes": _I,
        "audience": _S,
        "files": {"type": "array", "items": {"type": "object"}},
        "quotes": {"type": "array", "items": {"type": "object"}, "description": "buyer only: the comparison"},
    },
}
QUOTE_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "rfq": RFQ_SCHEMA,
        "seller_id": _I,
        "state": _S,
        "next_step": _S,
        "side": _S,
        "current_revision_id": {**_I, "nullable": True},
        "expires_at": {**_DT, "nullable": True},
        "decline_reason": {**_S, "nullable": True},
        "revisions": {"type": "array", "items": REVISION_SCHEMA},
        "messages": {"type": "array", "items": MESSAGE_SCHEMA},
    },
}


def _s(value) -> str | None:
    return None if value is None else str(value)


def _company(kind: CompanyKind, raw_id: Any) -> Company:
    user = current_api_user()
    if raw_id not in (None, ""):
        try:
            company = db.session.get(Company, int(raw_id))
        except (TypeError, ValueError):
            raise ValidationFailed({"company_id": [str(_l("Not a valid integer value."))]})
        if company is None or membership(user, company.id) is None:
            raise NotFound()
        return company
    candidates = [m.company for m in user.memberships if m.company.kind == kind]
    if len(candidates) != 1:
        raise ValidationFailed({"company_id": [str(_l("Say which of your companies acts (company_id)."))]})
    return candidates[0]


def dump_rfq(rfq, *, files=None) -> dict:
    category = catalog_queries.categories_by_id().get(rfq.category_id)
    return {
        "id": rfq.id,
        "buyer_id": rfq.buyer_id,
        "state": rfq.state.value,
        "title": rfq.title,
        "description": rfq.description,
        "category": category.slug if category else None,
        "listing_id": rfq.listing_id,
        "requirements": rfq.requirements,
        "quantity": str(rfq.quantity),
        "unit": rfq.unit.value,
        "target_price": _s(rfq.target_price),
        "target_currency": rfq.target_currency,
        "destination_country": rfq.destination_country,
        "destination_place": rfq.destination_place,
        "incoterm": rfq.incoterm.value,
        "needed_by": rfq.needed_by.isoformat() if rfq.needed_by else None,
        "deadline": rfq.deadline.isoformat(),
        "max_quotes": rfq.max_quotes,
        "audience": rfq.audience.value,
        "files": [_dump_file(f) for f in (files if files is not None else queries.rfq_files(rfq))],
    }


def _dump_file(f) -> dict:
    return {
        "id": f.id,
        "name": f.original_name,
        "content_type": f.content_type,
        "size": f.size,
        "url": f"/api/v1/rfq-files/{f.id}",
    }


def _dump_revision(r, current_id) -> dict:
    return {
        "id": r.id,
        "number": r.number,
        "current": r.id == current_id,
        "created_at": r.created_at.isoformat(),
        "currency": r.currency,
        "total": str(r.total_money.amount),
        "lines": [
            {
                "listing_id": line.listing_id,
                "description": line.description,
                "quantity": str(line.quantity),
                "unit": line.unit.value,
                "unit_price": str(line.unit_price),
            }
            for line in r.lines
        ],
        "moq": _s(r.moq),
        "incoterm": r.incoterm.value,
        "incoterm_place": r.incoterm_place,
        "lead_time_days": r.lead_time_days,
        "deposit_percent": str(r.deposit_percent),
        "balance_due": r.balance_due.value,
        "valid_until": r.valid_until.isoformat(),
        "expires_at": r.expires_at.isoformat(),
        "notes": r.notes,
        "ships_from": _ships_from(r),
    }


def _ships_from(r) -> dict | None:
    w = r.warehouse
    if w is None:
        return None
    return {"warehouse_id": w.id, "name": w.name, "city": w.city, "country": w.country}


def _dump_message(m) -> dict:
    return {
        "id": m.id,
        "kind": m.kind.value,
        "side": m.side.value,
        "body": m.body,
        "revision_id": m.revision_id,
        "proposed_unit_price": _s(m.proposed_unit_price),
        "proposed_currency": m.proposed_currency,
        "proposed_quantity": _s(m.proposed_quantity),
        "proposed_lead_time_days": m.proposed_lead_time_days,
        "proposed_deposit_percent": _s(m.proposed_deposit_percent),
        "created_at": m.created_at.isoformat(),
    }


def dump_quote(quote, side: Side) -> dict:
    data = queries.thread(quote)
    return {
        "id": quote.id,
        "rfq": dump_rfq(quote.rfq, files=data["rfq_files"]),
        "seller_id": quote.seller_id,
        "state": quote.state.value,
        "next_step": str(queries.next_step(quote, side)),
        "side": side.value,
        "current_revision_id": quote.current_revision_id,
        "expires_at": quote.expires_at.isoformat() if quote.expires_at else None,
        "decline_reason": quote.decline_reason,
        "revisions": [_dump_revision(r, quote.current_revision_id) for r in data["revisions"]],
        "messages": [_dump_message(m) for m in data["messages"]],
        "files": [_dump_file(f) for f in data["quote_files"]],
    }


# -- RFQs ----------------------------------------------------------------------------------------


@route(
    "/rfqs",
    "GET",
    summary="RFQs of my buyer company (company_id query parameter if several)",
    tag="rfqs",
    response={"type": "array", "items": RFQ_SCHEMA},
)
def list_rfqs():
    company = _company(CompanyKind.BUYER, request.args.get("company_id"))
    services.require_buyer_member(current_api_user(), company)
    rows = queries.buyer_rfqs(company.id)
    return jsonify(
        [
            {**dump_rfq(row.rfq, files=[]), "quotes_sent": row.sent, "quotes_received": row.received}
            for row in rows
        ]
    )


@route(
    "/rfqs",
    "POST",
    summary="Send an RFQ to chosen sellers or every verified seller of a category",
    tag="rfqs",
    body=RFQ_BODY,
    response=RFQ_SCHEMA,
    status=201,
)
def create_rfq():
    body = json_body()
    company = _company(CompanyKind.BUYER, body.get("company_id"))
    seller_ids = body.get("seller_ids") or []
    requirements = body.get("requirements") or {}
    if not isinstance(seller_ids, list) or not isinstance(requirements, dict):
        raise ValidationFailed(message=_l("The request body must be a JSON object."))
    data = services.RfqData(
        **{
            k: body.get(k)
            for k in (
                "title",
                "description",
                "category",
                "listing_id",
                "quantity",
                "unit",
                "target_price",
                "target_currency",
                "destination_country",
                "destination_place",
                "incoterm",
                "needed_by",
                "deadline",
            )
        },
        requirements=requirements,
        max_quotes=body.get("max_quotes", 10),
        audience=body.get("audience") or "chosen",
        seller_ids=seller_ids,
    )
    rfq = services.create_rfq(current_api_user(), company, data)
    return jsonify(dump_rfq(rfq)), 201


@route(
    "/rfqs/<int:rfq_id>",
    "GET",
    summary="An RFQ with its quotes side by side (buyer)",
    tag="rfqs",
    response=RFQ_SCHEMA,
)
def get_rfq(rfq_id: int):
    rfq = services.rfq_for_buyer(current_api_user(), rfq_id)
    currency = request.args.get("currency") or rfq.target_currency or "USD"
    if currency not in ISO_CURRENCIES:
        raise ValidationFailed(
            {"currency": [str(_l("Use an ISO 4217 currency code such as USD, CNY, RUB or MNT."))]}
        )
    rows = queries.compare(rfq, queries.rfq_threads(rfq), currency)
    out = dump_rfq(rfq)
    out["quotes"] = [
        {
            "quote_id": c.quote.id,
            "seller_id": c.quote.seller_id,
            "seller": c.quote.seller.legal_name_latin,
            "state": c.quote.state.value,
            "next_step": str(queries.next_step(c.quote, Side.BUYER)),
            "revision": c.revision.number if c.revision else None,
            "revision_id": c.revision.id if c.revision else None,
            "total": str(c.revision.total_money.amount) if c.revision else None,
            "currency": c.revision.currency if c.revision else None,
            "unit_price": str(c.unit_price.amount) if c.unit_price else None,
            "compare_currency": currency,
            "unit_price_converted": str(c.converted.amount) if c.converted else None,
            "rate": str(c.rate) if c.rate is not None else None,
            "rate_date": c.rate_date.isoformat() if c.rate_date else None,
            "valid_until": c.revision.valid_until.isoformat() if c.revision else None,
        }
        for c in rows
    ]
    return jsonify(out)


@route(
    "/rfqs/<int:rfq_id>/close",
    "POST",
    summary="Close an RFQ",
    tag="rfqs",
    body=CloseForm,
    response=RFQ_SCHEMA,
)
def close_rfq(rfq_id: int):
    rfq = services.rfq_for_buyer(current_api_user(), rfq_id)
    form = load_form(CloseForm)
    services.close_rfq(current_api_user(), rfq, form.reason.data or "")
    return jsonify(dump_rfq(rfq))


@route(
    "/rfqs/<int:rfq_id>/reopen",
    "POST",
    summary="Re-open a closed RFQ before its deadline",
    tag="rfqs",
    response=RFQ_SCHEMA,
)
def reopen_rfq(rfq_id: int):
    rfq = services.rfq_for_buyer(current_api_user(), rfq_id)
    services.reopen_rfq(current_api_user(), rfq)
    return jsonify(dump_rfq(rfq))


@route(
    "/rfqs/<int:rfq_id>/files",
    "POST",
    summary="Attach files (multipart, field 'files') to an RFQ",
    tag="rfqs",
    body={
        "multipart": True,
        "type": "object",
        "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
    },
    response=RFQ_SCHEMA,
    status=201,
)
def add_rfq_files(rfq_id: int):
    rfq = services.rfq_for_buyer(current_api_user(), rfq_id)
    services.add_rfq_files(current_api_user(), rfq, request.files.getlist("files"))
    return jsonify(dump_rfq(rfq)), 201


@route(
    "/rfq-files/<int:file_id>",
    "GET",
    summary="Download an RFQ or quote attachment",
    tag="rfqs",
    response={"type": "string", "format": "binary"},
)
def rfq_file(file_id: int):
    row = services.file_for(current_api_user(), file_id)
    return uploads.send(row.storage_key, row.content_type, row.original_name, inline=False)


# -- quotes --------------------------------------------------------------------------------------


@route(
    "/quotes",
    "GET",
    summary="Quote threads of my seller company (company_id query parameter if several)",
    tag="quotes",
    response={"type": "array", "items": {"type": "object"}},
)
def list_quotes():
    company = _company(CompanyKind.SELLER, request.args.get("company_id"))
    return jsonify(
        [
            {
                "id": q.id,
                "rfq_id": q.rfq_id,
                "title": q.rfq.title,
                "buyer": q.rfq.buyer.legal_name_latin,
                "state": q.state.value,
                "next_step": str(queries.next_step(q, Side.SELLER)),
                "current_revision_id": q.current_revision_id,
                "total": str(q.current_revision.total_money.amount) if q.current_revision else None,
                "currency": q.current_revision.currency if q.current_revision else None,
                "deadline": q.rfq.deadline.isoformat(),
            }
            for q in queries.seller_threads(company.id)
        ]
    )


@route(
    "/quotes/<int:quote_id>",
    "GET",
    summary="A quote thread: revisions, counters, messages",
    tag="quotes",
    response=QUOTE_SCHEMA,
)
def get_quote(quote_id: int):
    quote, side = services.quote_for(current_api_user(), quote_id)
    return jsonify(dump_quote(quote, side))


@route(
    "/quotes/<int:quote_id>/revisions",
    "POST",
    summary="Send a quote, a new revision, or revive an expired quote (seller)",
    tag="quotes",
    body=REVISION_BODY,
    response=QUOTE_SCHEMA,
    status=201,
)
def submit_revision(quote_id: int):
    quote, side = services.quote_for(current_api_user(), quote_id)
    body = json_body()
    lines = body.get("lines") or []
    if not isinstance(lines, list) or not all(isinstance(x, dict) for x in lines):
        raise ValidationFailed(
            {"lines": [str(_l("Give at least one line with a quantity and a unit price."))]}
        )
    data = services.RevisionData(
        lines=lines,
        **{
            k: "" if body.get(k) is None else body.get(k)
            for k in (
                "currency",
                "moq",
                "incoterm",
                "incoterm_place",
                "lead_time_days",
                "deposit_percent",
                "balance_due",
                "valid_until",
                "notes",
                "warehouse_id",
            )
        },
    )
    services.submit_revision(current_api_user(), quote, side, data)
    return jsonify(dump_quote(quote, side)), 201


@route(
    "/quotes/<int:quote_id>/decline",
    "POST",
    summary="Decline the RFQ with a reason (seller)",
    tag="quotes",
    body=DeclineForm,
    response=QUOTE_SCHEMA,
)
def decline(quote_id: int):
    quote, side = services.quote_for(current_api_user(), quote_id)
    form = load_form(DeclineForm)
    services.decline(current_api_user(), quote, side, form.reason.data)
    return jsonify(dump_quote(quote, side))


@route(
    "/quotes/<int:quote_id>/counter",
    "POST",
    summary="Counter-offer or revision request (buyer)",
    tag="quotes",
    body=CounterForm,
    response=QUOTE_SCHEMA,
    status=201,
)
def counter(quote_id: int):
    quote, side = services.quote_for(current_api_user(), quote_id)
    form = load_form(CounterForm)
    services.counter(current_api_user(), quote, side, form.data_for_service())
    return jsonify(dump_quote(quote, side)), 201


@route(
    "/quotes/<int:quote_id>/messages",
    "POST",
    summary="A message in the thread (either side)",
    tag="quotes",
    body=MessageForm,
    response=QUOTE_SCHEMA,
    status=201,
)
def message(quote_id: int):
    quote, side = services.quote_for(current_api_user(), quote_id)
    form = load_form(MessageForm)
    services.post_message(current_api_user(), quote, side, form.body.data)
    return jsonify(dump_quote(quote, side)), 201


@route(
    "/quotes/<int:quote_id>/accept",
    "POST",
    summary="Accept exactly this revision (the current one): places the order (buyer)",
    tag="quotes",
    body=AcceptForm,
    response=ORDER_SCHEMA,
    status=201,
)
def accept(quote_id: int):
    quote, side = services.quote_for(current_api_user(), quote_id)
    form = load_form(AcceptForm)
    order = services.accept(current_api_user(), quote, side, form.revision_id.data)
    return jsonify(dump_order(order)), 201
