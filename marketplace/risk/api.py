"""/api/v1 risk: flags for admins (list, detail, decide), the destination list, and the licence and
consignee a seller records on an order, shipment or booking. Non-admins get 403 on admin routes."""

from __future__ import annotations

from flask import jsonify, request
from flask_babel import lazy_gettext as _l

from marketplace.core.api import current_api_user, json_body, route
from marketplace.core.errors import NotFound, PermissionDenied, ValidationFailed
from marketplace.risk import queries, rules, services
from marketplace.risk.states import FlagState, Rule, Subject

_S, _I = {"type": "string"}, {"type": "integer"}

FLAG = {
    "type": "object",
    "properties": {
        "id": _I,
        "rule": _S,
        "state": _S,
        "subject_type": _S,
        "subject_id": _I,
        "reference": _S,
        "company_id": _I,
        "message": _S,
        "evidence": {"type": "object"},
        "created_at": _S,
        "decided_at": _S,
        "decided_by_id": _I,
        "decision_reason": _S,
    },
}
DECISION = {
    "type": "object",
    "required": ["decision", "reason"],
    "properties": {"decision": {"type": "string", "enum": ["clear", "uphold"]}, "reason": _S},
}
COUNTRY = {"type": "object", "properties": {"country": _S, "level": _S, "note": _S, "source": _S}}
DETAILS = {
    "type": "object",
    "properties": {
        "licence_number": _S,
        "licence_issuer": _S,
        "consignee_name": _S,
        "consignee_country": {**_S, "description": "ISO 3166 alpha-2"},
    },
}


def _admin():
    user = current_api_user()
    if not user.is_admin:
        raise PermissionDenied()
    return user


def dump_flag(flag) -> dict:
    return {
        "id": flag.id,
        "rule": flag.rule.value,
        "state": flag.state.value,
        "subject_type": flag.subject_type.value,
        "subject_id": flag.subject_id,
        "reference": flag.evidence.get("reference"),
        "company_id": flag.company_id,
        "message": queries.message(flag),
        "evidence": {k: v for k, v in flag.evidence.items() if k not in ("message", "params")},
        "created_at": flag.created_at.isoformat(),
        "decided_at": flag.decided_at.isoformat() if flag.decided_at else None,
        "decided_by_id": flag.decided_by_id,
        "decision_reason": flag.decision_reason,
    }


@route(
    "/risk/flags",
    "GET",
    summary="Compliance flags, oldest first (admins; ?state=, ?rule=)",
    tag="risk",
    response=FLAG,
)
def list_flags():
    _admin()
    state = request.args.get("state", "open")
    rule = request.args.get("rule") or None
    errors = {}
    if state not in {s.value for s in FlagState} | {"all"}:
        errors["state"] = ["open, cleared, upheld or all"]
    if rule is not None and rule not in {r.value for r in Rule}:
        errors["rule"] = [", ".join(r.value for r in Rule)]
    if errors:
        raise ValidationFailed(errors)
    rows = queries.flags_page(state=None if state == "all" else state, rule=rule)
    return jsonify(flags=[dump_flag(f) for f in rows])


@route(
    "/risk/flags/<int:flag_id>",
    "GET",
    summary="A compliance flag with its evidence (admins)",
    tag="risk",
    response=FLAG,
)
def get_flag(flag_id: int):
    return jsonify(dump_flag(services.flag_for(_admin(), flag_id)))


@route(
    "/risk/flags/<int:flag_id>/decision",
    "POST",
    summary="Clear or uphold a compliance flag with a reason (admins)",
    tag="risk",
    body=DECISION,
    response=FLAG,
)
def decide(flag_id: int):
    user = _admin()
    flag = services.flag_for(user, flag_id)
    body = json_body()
    services.decide(user, flag, str(body.get("decision") or ""), str(body.get("reason") or ""))
    return jsonify(dump_flag(flag))


@route("/risk/countries", "GET", summary="The destination list (admins)", tag="risk", response=COUNTRY)
def list_countries():
    _admin()
    return jsonify(
        countries=[
            {"country": code, "level": level.value, "note": note, "source": "config" if cfg else "admin"}
            for code, (level, note, cfg) in sorted(rules.country_levels().items())
        ]
    )


@route(
    "/risk/countries/<country>",
    "PUT",
    summary="Put a country on the destination list or change its level (admins)",
    tag="risk",
    body={
        "type": "object",
        "required": ["level"],
        "properties": {"level": {"type": "string", "enum": ["blocked", "extra_check"]}, "note": _S},
    },
    response=COUNTRY,
)
def put_country(country: str):
    body = json_body()
    row = services.set_country(_admin(), country, str(body.get("level") or ""), str(body.get("note") or ""))
    return jsonify(country=row.country, level=row.level.value, note=row.note, source="admin")


@route(
    "/risk/countries/<country>",
    "DELETE",
    summary="Remove an administrator's country entry (admins)",
    tag="risk",
)
def delete_country(country: str):
    services.remove_country(_admin(), country)
    return jsonify(removed=country.upper())


def _subject(subject: str, subject_id: int):
    user = current_api_user()
    try:
        kind = Subject(subject)
    except ValueError:
        raise NotFound()
    obj = services.load_subject(kind, subject_id) if kind != Subject.RFQ else None
    if obj is None or not services.may_record_details(user, obj):
        raise NotFound()
    return user, obj


def _dump_details(obj) -> dict:
    d = services.details_of(obj)
    return {
        "licence_number": d.licence_number if d else "",
        "licence_issuer": d.licence_issuer if d else "",
        "consignee_name": d.consignee_name if d else "",
        "consignee_country": d.consignee_country if d else "",
        "held": services.is_held(obj),
        "needs_licence": services.needs_licence(obj),
        "licence_file": d.original_name if d and d.storage_key else None,
    }


@route(
    "/risk/<subject>/<int:subject_id>/details",
    "GET",
    summary="Export licence and consignee of an order, shipment or booking; whether it is held (its seller)",
    tag="risk",
    response=DETAILS,
)
def get_details(subject: str, subject_id: int):
    _user, obj = _subject(subject, subject_id)
    return jsonify(_dump_details(obj))


@route(
    "/risk/<subject>/<int:subject_id>/details",
    "PUT",
    summary="Record the export licence and consignee of an order, shipment or booking (its seller)",
    tag="risk",
    body=DETAILS,
    response=DETAILS,
)
def put_details(subject: str, subject_id: int):
    user, obj = _subject(subject, subject_id)
    body = json_body()
    data = services.DetailsData(
        **{k: str(body.get(k) or "") for k in services.DetailsData.__dataclass_fields__}
    )
    services.record_details(user, obj, data)
    return jsonify(_dump_details(obj))


@route(
    "/risk/<subject>/<int:subject_id>/licence-file",
    "POST",
    summary="Upload the export licence scan (PDF or image) of an order, shipment or booking (its seller)",
    tag="risk",
    body={
        "multipart": True,
        "type": "object",
        "required": ["licence_number", "licence_file"],
        "properties": {**DETAILS["properties"], "licence_file": {"type": "string", "format": "binary"}},
    },
    response=DETAILS,
)
def upload_licence(subject: str, subject_id: int):
    user, obj = _subject(subject, subject_id)
    upload = request.files.get("licence_file")
    if upload is None or not upload.filename:
        raise ValidationFailed({"licence_file": [str(_l("Choose a file to upload."))]})
    data = services.DetailsData(
        **{k: str(request.form.get(k) or "") for k in services.DetailsData.__dataclass_fields__}
    )
    services.record_details(user, obj, data, upload)
    return jsonify(_dump_details(obj))
