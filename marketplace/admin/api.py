"""/api/v1/admin: the admin area's operations for platform admins."""

from __future__ import annotations

from flask import jsonify, request

from marketplace.accounts import queries as account_queries
from marketplace.accounts import services as account_services
from marketplace.accounts.api import COMPANY_SCHEMA, USER_SCHEMA, company_json, user_json
from marketplace.accounts.forms import DecisionForm
from marketplace.accounts.models import Company
from marketplace.admin import queries
from marketplace.core.api import current_api_user, forbid_unless, load_form, route
from marketplace.core.errors import NotFound
from marketplace.extensions import db

AUDIT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "at": {"type": "string"},
        "actor_id": {"type": "integer"},
        "action": {"type": "string"},
        "subject_type": {"type": "string"},
        "subject_id": {"type": "integer"},
        "company_id": {"type": "integer"},
        "ip": {"type": "string"},
        "details": {"type": "object"},
    },
}


def _list(schema):
    return {"type": "object", "properties": {"items": {"type": "array", "items": schema}}}


def _admin():
    user = current_api_user()
    forbid_unless(user.is_admin)
    return user


def _company(company_id: int) -> Company:
    company = db.session.get(Company, company_id)
    if company is None:
        raise NotFound()
    return company


@route("/admin/users", "GET", summary="All users", tag="admin", response=_list(USER_SCHEMA))
def users():
    _admin()
    return jsonify(items=[user_json(u) for u in account_queries.users_page()])


@route(
    "/admin/companies",
    "GET",
    summary="All companies (filter: ?state=pending&kind=seller)",
    tag="admin",
    response=_list(COMPANY_SCHEMA),
)
def companies():
    _admin()
    items = account_queries.companies_page(
        verification=request.args.get("state") or None, kind=request.args.get("kind") or None
    )
    return jsonify(items=[company_json(c) for c in items])


def _decide(company_id: int, action: str):
    admin = _admin()
    company = _company(company_id)
    form = load_form(DecisionForm)
    reason = form.reason.data or ""
    if action == "suspend":
        account_services.suspend_company(admin, company, reason)
    else:
        account_services.decide_verification(admin, company, action == "verify", reason)
    return jsonify(company_json(company))


@route(
    "/admin/companies/<int:company_id>/verify",
    "POST",
    summary="Verify a company",
    tag="admin",
    body=DecisionForm,
    response=COMPANY_SCHEMA,
)
def verify(company_id: int):
    return _decide(company_id, "verify")


@route(
    "/admin/companies/<int:company_id>/reject",
    "POST",
    summary="Refuse a verification (reason required)",
    tag="admin",
    body=DecisionForm,
    response=COMPANY_SCHEMA,
)
def reject(company_id: int):
    return _decide(company_id, "reject")


@route(
    "/admin/companies/<int:company_id>/suspend",
    "POST",
    summary="Suspend a verified company (reason required)",
    tag="admin",
    body=DecisionForm,
    response=COMPANY_SCHEMA,
)
def suspend(company_id: int):
    return _decide(company_id, "suspend")


@route(
    "/admin/audit",
    "GET",
    summary="Audit log (filter: ?action=company.)",
    tag="admin",
    response=_list(AUDIT_SCHEMA),
)
def audit():
    _admin()
    entries, _actors = queries.audit_page(action=request.args.get("action") or None)
    return jsonify(
        items=[
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "actor_id": e.actor_id,
                "action": e.action,
                "subject_type": e.subject_type,
                "subject_id": e.subject_id,
                "company_id": e.company_id,
                "ip": e.ip,
                "details": e.details,
            }
            for e in entries
        ]
    )
