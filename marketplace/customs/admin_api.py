"""/api/v1/admin/customs: the customs console's list, detail and actions for platform admins."""

from __future__ import annotations

from flask import jsonify, request

from marketplace.core.api import current_api_user, forbid_unless, load_form, route
from marketplace.customs import admin_queries as queries
from marketplace.customs import admin_services
from marketplace.customs.forms import CancelForm, EntryForm
from marketplace.customs.models import Declaration, Receipt
from marketplace.customs.services import get

_S = {"type": "string"}
_SN = {"type": "string", "nullable": True}
_I = {"type": "integer"}

DECLARATION_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "source_kind": {"type": "string", "enum": ["shipment", "booking"]},
        "source_id": _I,
        "source_number": _SN,
        "seller": {"type": "object", "nullable": True, "properties": {"id": _I, "name": _S}},
        "seller_code": _S,
        "mode": {"type": "string", "enum": ["9710", "9810"]},
        "route": {"type": "string", "enum": ["list", "full"]},
        "state": _S,
        "state_label": _S,
        "order_no": _S,
        "waybill_no": _S,
        "cop_no": _S,
        "pre_no": _SN,
        "invt_no": _SN,
        "entry_no": _SN,
        "rejection_reason": _SN,
        "cancel_reason": _SN,
        "revision": _I,
        "created_at": {"type": "string", "format": "date-time"},
    },
}

MESSAGE_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "kind": _S,
        "guid": _S,
        "app_type": {"type": "string", "enum": ["1", "2", "3"]},
        "revision": _I,
        "delivery": {"type": "string", "enum": ["pending", "delivered", "refused"]},
        "delivered_at": {**_SN, "format": "date-time"},
        "job": {
            "type": "object",
            "nullable": True,
            "properties": {"status": _S, "attempts": _I, "last_error": _SN},
        },
        "xsd_valid": {"type": "boolean", "description": "re-validated against the XSD on this request"},
        "xsd_errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"field": _S, "message": _S, "detail": _S, "line": {"type": "integer"}},
            },
        },
        "signature": {"type": "string", "enum": ["verified", "unsigned", "invalid", "unknown"]},
        "xml": _S,
    },
}

RECEIPT_SCHEMA = {
    "type": "object",
    "properties": {
        "kind": _S,
        "guid": _S,
        "return_status": _S,
        "meaning": _S,
        "return_info": _S,
        "return_time": _S,
        "pre_no": _SN,
        "invt_no": _SN,
        "moved_to": _SN,
        "received_at": {"type": "string", "format": "date-time"},
    },
}

DETAIL_SCHEMA = {
    "type": "object",
    "properties": {
        **DECLARATION_SCHEMA["properties"],
        "route_data": {"type": "object", "description": "the route rule's inputs"},
        "route_reasons": {"type": "array", "items": _S},
        "handoff": {"type": "object", "nullable": True, "description": "the broker hand-off"},
        "messages": {"type": "array", "items": MESSAGE_SCHEMA},
        "receipts": {"type": "array", "items": RECEIPT_SCHEMA},
        "history": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "at": _S,
                    "from": _SN,
                    "to": _S,
                    "actor_id": {"type": "integer", "nullable": True},
                    "reason": _SN,
                },
            },
        },
        "actions": {"type": "array", "items": {"type": "string"}},
    },
}

LIST_SCHEMA = {
    "type": "object",
    "properties": {
        "items": {"type": "array", "items": DECLARATION_SCHEMA},
        "total": _I,
        "page": _I,
        "pages": _I,
        "counts": {"type": "object", "additionalProperties": _I, "description": "per state"},
        "attention": {"type": "object", "additionalProperties": _I},
    },
}


def _admin():
    user = current_api_user()
    forbid_unless(user.is_admin)
    return user


def declaration_json(decl: Declaration, seller=None, source_number=None) -> dict:
    return {
        "id": decl.id,
        "source_kind": decl.source_kind.value,
        "source_id": decl.source_id,
        "source_number": source_number,
        "seller": {"id": seller.id, "name": seller.legal_name} if seller else None,
        "seller_code": decl.seller_code,
        "mode": decl.mode,
        "route": decl.route.value,
        "state": decl.state.value,
        "state_label": str(decl.state.label),
        "order_no": decl.order_no,
        "waybill_no": decl.waybill_no,
        "cop_no": decl.cop_no,
        "pre_no": decl.pre_no,
        "invt_no": decl.invt_no,
        "entry_no": decl.entry_no,
        "rejection_reason": decl.rejection_reason,
        "cancel_reason": decl.cancel_reason,
        "revision": decl.revision,
        "created_at": decl.created_at.isoformat(),
    }


def _receipt_json(r: Receipt) -> dict:
    return {
        "kind": r.kind,
        "guid": r.head_guid,
        "return_status": r.return_status,
        "meaning": str(queries.status_meaning(r.return_status)),
        "return_info": r.return_info,
        "return_time": r.return_time,
        "pre_no": r.pre_no,
        "invt_no": r.invt_no,
        "moved_to": r.moved_to,
        "received_at": r.received_at.isoformat(),
    }


def _job_json(job) -> dict | None:
    if job is None:
        return None
    return {"status": job.status.value, "attempts": job.attempts, "last_error": job.last_error}


def detail_json(decl: Declaration) -> dict:
    d = queries.detail(decl)
    actions = [
        name
        for name, allowed in (
            ("retry", d.can_retry),
            ("resubmit", d.can_resubmit),
            ("cancel", d.can_cancel),
            ("entry", d.can_record_entry),
        )
        if allowed
    ]
    return {
        **declaration_json(decl, d.seller, d.source_number),
        "route_data": decl.route_data,
        "route_reasons": [str(r) for r in d.decision.reasons] if d.decision else [],
        "handoff": decl.handoff,
        "messages": [
            {
                "id": v.message.id,
                "kind": v.message.kind,
                "guid": v.message.guid,
                "app_type": v.message.app_type,
                "revision": v.message.revision,
                "delivery": v.message.delivery.value,
                "delivered_at": v.message.delivered_at.isoformat() if v.message.delivered_at else None,
                "job": {
                    "status": v.job.status.value,
                    "attempts": v.job.attempts,
                    "last_error": v.job.last_error,
                }
                if v.job
                else None,
                "xsd_valid": not v.schema_errors,
                "xsd_errors": v.schema_errors,
                "signature": v.signature,
                "xml": v.message.xml,
            }
            for v in d.messages
        ],
        "receipts": [_receipt_json(r) for r in d.receipts],
        "history": [
            {
                "at": c.at.isoformat(),
                "from": c.from_state,
                "to": c.to_state,
                "actor_id": c.actor_id,
                "reason": c.reason,
            }
            for c in d.history
        ],
        "actions": actions,
    }


@route(
    "/admin/customs/declarations",
    "GET",
    summary="Declarations, open ones oldest first (?state=&mode=9710|9810&route=list|full&seller=<company id>"
    "&age=1h|1d|7d|old&from=&to=<YYYY-MM-DD>&q=<order, waybill, preNo, invtNo or entry no>"
    "&attention=all|rejected|failed|dead|stuck&hours=<stuck after>&page=)",
    tag="customs admin",
    response=LIST_SCHEMA,
)
def admin_declarations():
    _admin()
    filters = queries.Filters.from_args(request.args)
    page = queries.declarations_page(filters)
    return jsonify(
        items=[declaration_json(r.declaration, r.seller, r.source_number) for r in page.rows],
        total=page.total,
        page=page.page,
        pages=page.pages,
        counts=page.counts,
        attention=page.attention_counts,
    )


@route(
    "/admin/customs/declarations/<int:declaration_id>",
    "GET",
    summary="One declaration: source, route inputs, messages (XML re-validated, signature re-verified), "
    "receipts, state history and the actions allowed now",
    tag="customs admin",
    response=DETAIL_SCHEMA,
)
def admin_declaration(declaration_id: int):
    _admin()
    return jsonify(detail_json(get(declaration_id)))


@route(
    "/admin/customs/declarations/<int:declaration_id>/retry",
    "POST",
    summary="Re-queue failed or dead-lettered deliveries (delivered messages are never sent again)",
    tag="customs admin",
    response=DETAIL_SCHEMA,
)
def admin_retry(declaration_id: int):
    admin = _admin()
    decl = get(declaration_id)
    admin_services.retry_delivery(admin, decl)
    return jsonify(detail_json(decl))


@route(
    "/admin/customs/declarations/<int:declaration_id>/resubmit",
    "POST",
    summary="Resubmit a rejected declaration from its stored (corrected) input as a change (appType 2)",
    tag="customs admin",
    response=DETAIL_SCHEMA,
)
def admin_resubmit(declaration_id: int):
    admin = _admin()
    decl = get(declaration_id)
    admin_services.resubmit(admin, decl)
    return jsonify(detail_json(decl))


@route(
    "/admin/customs/declarations/<int:declaration_id>/cancel",
    "POST",
    summary="Cancel a list customs has numbered (CEB605 with the reason)",
    tag="customs admin",
    body=CancelForm,
    response=DETAIL_SCHEMA,
)
def admin_cancel(declaration_id: int):
    admin = _admin()
    decl = get(declaration_id)
    form = load_form(CancelForm)
    admin_services.cancel(admin, decl, form.reason.data)
    return jsonify(detail_json(decl))


@route(
    "/admin/customs/declarations/<int:declaration_id>/entry",
    "POST",
    summary="Record the entry number of the broker's full declaration",
    tag="customs admin",
    body=EntryForm,
    response=DETAIL_SCHEMA,
)
def admin_entry(declaration_id: int):
    admin = _admin()
    decl = get(declaration_id)
    form = load_form(EntryForm)
    admin_services.record_entry(admin, decl, form.entry_no.data)
    return jsonify(detail_json(decl))


@route(
    "/admin/customs/poll",
    "POST",
    summary="Poll the service platform now for the receipts of open declarations",
    tag="customs admin",
    response={"type": "object", "properties": {"applied": _I}},
)
def admin_poll():
    admin = _admin()
    return jsonify(applied=admin_services.poll_receipts(admin))
