"""/api/v1 operations of the accounts module: the same services as the web pages."""

from __future__ import annotations

from flask import g, jsonify, request

from marketplace.accounts import queries, services
from marketplace.accounts.forms import (
    ApiLoginForm,
    ApiTokenForm,
    CompanyForm,
    InviteForm,
    PasswordChangeForm,
    PasswordResetForm,
    PasswordResetRequestForm,
    ProfileForm,
    RoleForm,
    SignupForm,
    company_data,
)
from marketplace.accounts.models import ApiToken, Company, Invitation, Membership, User
from marketplace.accounts.states import verification
from marketplace.core import api
from marketplace.core.api import current_api_user, load_form, route

_S = {"type": "string"}
_I = {"type": "integer"}
_B = {"type": "boolean"}
_DT = {"type": "string", "format": "date-time", "nullable": True}

USER_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "email": _S,
        "display_name": _S,
        "language": _S,
        "timezone": _S,
        "is_admin": _B,
        "created_at": _DT,
    },
}
COMPANY_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "kind": _S,
        "legal_name": _S,
        "legal_name_latin": _S,
        "country": _S,
        "address": _S,
        "city": _S,
        "postal_code": _S,
        "contact_name": _S,
        "contact_email": _S,
        "contact_phone": _S,
        "website": _S,
        "is_ordos": _B,
        "verification": _S,
        "identifiers": {"type": "object", "additionalProperties": _S},
    },
}
MEMBER_SCHEMA = {
    "type": "object",
    "properties": {"user_id": _I, "display_name": _S, "email": _S, "role": _S, "joined_at": _DT},
}
TOKEN_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "name": _S,
        "prefix": _S,
        "created_at": _DT,
        "last_used_at": _DT,
        "revoked_at": _DT,
        "token": {**_S, "description": "only in the answer that creates it"},
    },
}
INVITATION_SCHEMA = {
    "type": "object",
    "properties": {"id": _I, "email": _S, "role": _S, "expires_at": _DT, "company_id": _I},
}


def _list(schema):
    return {"type": "object", "properties": {"items": {"type": "array", "items": schema}}}


def _dt(value):
    return value.isoformat() if value else None


def user_json(u: User) -> dict:
    return {
        "id": u.id,
        "email": u.email,
        "display_name": u.display_name,
        "language": u.language,
        "timezone": u.timezone,
        "is_admin": u.is_admin,
        "created_at": _dt(u.created_at),
    }


def company_json(c: Company) -> dict:
    return {
        "id": c.id,
        "kind": c.kind.value,
        "legal_name": c.legal_name,
        "legal_name_latin": c.legal_name_latin,
        "country": c.country,
        "address": c.address,
        "city": c.city,
        "postal_code": c.postal_code,
        "contact_name": c.contact_name,
        "contact_email": c.contact_email,
        "contact_phone": c.contact_phone,
        "website": c.website,
        "is_ordos": c.is_ordos,
        "verification": c.verification.value,
        "identifiers": {i.scheme: i.value for i in c.identifiers},
    }


def member_json(m: Membership) -> dict:
    return {
        "user_id": m.user_id,
        "display_name": m.user.display_name,
        "email": m.user.email,
        "role": m.role.value,
        "joined_at": _dt(m.created_at),
    }


def token_json(t: ApiToken, secret: str | None = None) -> dict:
    data = {
        "id": t.id,
        "name": t.name,
        "prefix": t.prefix,
        "created_at": _dt(t.created_at),
        "last_used_at": _dt(t.last_used_at),
        "revoked_at": _dt(t.revoked_at),
    }
    if secret:
        data["token"] = secret
    return data


def invitation_json(i: Invitation) -> dict:
    return {
        "id": i.id,
        "email": i.email,
        "role": i.role.value,
        "expires_at": _dt(i.expires_at),
        "company_id": i.company_id,
    }


# -- accounts -------------------------------------------------------------------------------------


@route(
    "/accounts",
    "POST",
    summary="Sign up",
    tag="accounts",
    body=SignupForm,
    response=USER_SCHEMA,
    auth=False,
    status=201,
)
def signup():
    form = load_form(SignupForm)
    user = services.register_user(
        email=form.email.data,
        password=form.password.data,
        display_name=form.display_name.data,
        language=form.language.data,
    )
    return jsonify(user_json(user)), 201


@route(
    "/auth/tokens",
    "POST",
    summary="Log in and get a new API token",
    tag="accounts",
    body=ApiLoginForm,
    response=TOKEN_SCHEMA,
    auth=False,
    status=201,
)
def log_in():
    form = load_form(ApiLoginForm)
    result = services.log_in(form.email.data, form.password.data, request.remote_addr or "")
    if result.user is None:
        # Answered (and committed, so the failed attempt counts) rather than raised.
        return jsonify(error={"code": "invalid_credentials", "message": str(result.error)}), 401
    token, secret = services.create_api_token(result.user, form.token_name.data or "API log-in")
    return jsonify(token_json(token, secret)), 201


@route(
    "/password-reset",
    "POST",
    summary="E-mail a password-reset link",
    tag="accounts",
    body=PasswordResetRequestForm,
    response={"type": "object"},
    auth=False,
    status=202,
)
def password_reset_request():
    form = load_form(PasswordResetRequestForm)
    services.request_password_reset(form.email.data)
    return jsonify({"status": "sent if the account exists"}), 202


@route(
    "/password-reset/<token>",
    "POST",
    summary="Set a new password with a reset token",
    tag="accounts",
    body=PasswordResetForm,
    response=USER_SCHEMA,
    auth=False,
)
def password_reset(token: str):
    form = load_form(PasswordResetForm)
    return jsonify(user_json(services.reset_password(token, form.password.data)))


@route("/me", "GET", summary="The authenticated user", tag="accounts", response=USER_SCHEMA)
def me():
    return jsonify(user_json(current_api_user()))


@route(
    "/me",
    "PATCH",
    summary="Update name, language and time zone",
    tag="accounts",
    body=ProfileForm,
    response=USER_SCHEMA,
)
def update_me():
    user = current_api_user()
    form = load_form(ProfileForm, obj=user, partial=True)
    services.update_profile(
        user,
        display_name=form.display_name.data,
        language=form.language.data,
        timezone=form.timezone.data,
    )
    return jsonify(user_json(user))


@route(
    "/me/password",
    "POST",
    summary="Change the password",
    tag="accounts",
    body=PasswordChangeForm,
    response=USER_SCHEMA,
)
def change_password():
    user = current_api_user()
    form = load_form(PasswordChangeForm)
    services.change_password(user, current=form.current_password.data, new=form.new_password.data)
    return jsonify(user_json(user))


# -- tokens ---------------------------------------------------------------------------------------


@route("/tokens", "GET", summary="My API tokens", tag="tokens", response=_list(TOKEN_SCHEMA))
def list_tokens():
    return jsonify(items=[token_json(t) for t in queries.tokens_of(current_api_user())])


@route(
    "/tokens",
    "POST",
    summary="Create an API token (its secret is shown once)",
    tag="tokens",
    body=ApiTokenForm,
    response=TOKEN_SCHEMA,
    status=201,
)
def create_token():
    form = load_form(ApiTokenForm)
    token, secret = services.create_api_token(current_api_user(), form.name.data)
    return jsonify(token_json(token, secret)), 201


@route(
    "/tokens/<int:token_id>",
    "DELETE",
    summary="Revoke an API token",
    tag="tokens",
    response=TOKEN_SCHEMA,
)
def revoke_token(token_id: int):
    user = current_api_user()
    services.revoke_api_token(user, token_id)
    token = next(t for t in queries.tokens_of(user) if t.id == token_id)
    return jsonify(token_json(token))


# -- companies ------------------------------------------------------------------------------------


@route("/companies", "GET", summary="My companies", tag="companies", response=_list(COMPANY_SCHEMA))
def list_companies():
    memberships = queries.memberships_of(current_api_user())
    return jsonify(items=[{**company_json(m.company), "role": m.role.value} for m in memberships])


@route(
    "/companies",
    "POST",
    summary="Register a company (you become its owner)",
    tag="companies",
    body=CompanyForm,
    response=COMPANY_SCHEMA,
    status=201,
)
def create_company():
    form = load_form(CompanyForm)
    company = services.create_company(current_api_user(), company_data(form))
    return jsonify(company_json(company)), 201


@route(
    "/companies/<int:company_id>",
    "GET",
    summary="A company I belong to",
    tag="companies",
    response=COMPANY_SCHEMA,
)
def get_company(company_id: int):
    company = services.company_for_member(current_api_user(), company_id)
    data = company_json(company)
    data["verification_history"] = [
        {"from": h.from_state, "to": h.to_state, "at": _dt(h.at), "reason": h.reason}
        for h in verification.history(company)
    ]
    return jsonify(data)


@route(
    "/companies/<int:company_id>",
    "PUT",
    summary="Replace a company's details (owners)",
    tag="companies",
    body=CompanyForm,
    response=COMPANY_SCHEMA,
)
def update_company(company_id: int):
    user = current_api_user()
    company = services.company_for_member(user, company_id, allow_admin=False)
    form = load_form(CompanyForm)
    services.update_company(user, company, company_data(form))
    return jsonify(company_json(company))


@route(
    "/companies/<int:company_id>/verification",
    "POST",
    summary="Send a seller company for verification again",
    tag="companies",
    response=COMPANY_SCHEMA,
)
def request_verification(company_id: int):
    user = current_api_user()
    company = services.company_for_member(user, company_id, allow_admin=False)
    services.resubmit_verification(user, company)
    return jsonify(company_json(company))


@route(
    "/companies/<int:company_id>/members",
    "GET",
    summary="Members of a company",
    tag="companies",
    response=_list(MEMBER_SCHEMA),
)
def list_members(company_id: int):
    company = services.company_for_member(current_api_user(), company_id)
    return jsonify(items=[member_json(m) for m in queries.members_of(company)])


@route(
    "/companies/<int:company_id>/members/<int:user_id>",
    "PATCH",
    summary="Change a member's role (owners)",
    tag="companies",
    body=RoleForm,
    response=MEMBER_SCHEMA,
)
def change_member_role(company_id: int, user_id: int):
    user = current_api_user()
    company = services.company_for_member(user, company_id, allow_admin=False)
    form = load_form(RoleForm)
    services.set_member_role(user, company, user_id, form.role.data)
    m = services.membership(services.db.session.get(User, user_id), company_id)
    return jsonify(member_json(m))


@route(
    "/companies/<int:company_id>/members/<int:user_id>",
    "DELETE",
    summary="Remove a member (owners), or leave the company",
    tag="companies",
    response={"type": "object"},
)
def remove_member(company_id: int, user_id: int):
    user = current_api_user()
    company = services.company_for_member(user, company_id, allow_admin=False)
    services.remove_member(user, company, user_id)
    return jsonify({"removed": user_id})


@route(
    "/companies/<int:company_id>/invitations",
    "GET",
    summary="Open invitations (owners)",
    tag="companies",
    response=_list(INVITATION_SCHEMA),
)
def list_invitations(company_id: int):
    user = current_api_user()
    company = services.company_for_member(user, company_id, allow_admin=False)
    services.require_owner(user, company)
    return jsonify(items=[invitation_json(i) for i in queries.open_invitations(company)])


@route(
    "/companies/<int:company_id>/invitations",
    "POST",
    summary="Invite a member by e-mail",
    tag="companies",
    body=InviteForm,
    response=INVITATION_SCHEMA,
    status=201,
)
def invite(company_id: int):
    user = current_api_user()
    company = services.company_for_member(user, company_id, allow_admin=False)
    form = load_form(InviteForm)
    invitation, _token = services.invite_member(user, company, form.email.data, form.role.data)
    return jsonify(invitation_json(invitation)), 201


@route(
    "/companies/<int:company_id>/invitations/<int:invitation_id>",
    "DELETE",
    summary="Withdraw an invitation",
    tag="companies",
    response={"type": "object"},
)
def revoke_invitation(company_id: int, invitation_id: int):
    user = current_api_user()
    company = services.company_for_member(user, company_id, allow_admin=False)
    services.revoke_invitation(user, company, invitation_id)
    return jsonify({"revoked": invitation_id})


@route(
    "/invitations/<token>/accept",
    "POST",
    summary="Accept an invitation sent to my e-mail",
    tag="companies",
    response=MEMBER_SCHEMA,
)
def accept_invitation(token: str):
    m = services.accept_invitation(current_api_user(), token)
    return jsonify(member_json(m))


@route(
    "/companies/<int:company_id>/documents",
    "GET",
    summary="Registration documents of a company",
    tag="companies",
    response=_list({"type": "object"}),
)
def list_documents(company_id: int):
    company = services.company_for_member(current_api_user(), company_id)
    return jsonify(
        items=[
            {
                "id": d.id,
                "kind": d.kind,
                "name": d.original_name,
                "size": d.size,
                "uploaded_at": _dt(d.created_at),
            }
            for d in services.company_documents(company)
        ]
    )


@route(
    "/companies/<int:company_id>/documents",
    "POST",
    summary="Upload a registration document (multipart: kind, file)",
    tag="companies",
    body={
        "multipart": True,
        "type": "object",
        "required": ["kind", "file"],
        "properties": {
            "kind": {"type": "string", "enum": ["business_licence", "customs_registration", "other"]},
            "file": {"type": "string", "format": "binary"},
        },
    },
    response={"type": "object"},
    status=201,
)
def upload_document(company_id: int):
    user = current_api_user()
    company = services.company_for_member(user, company_id, allow_admin=False)
    d = services.add_company_document(user, company, request.form.get("kind", ""), request.files.get("file"))
    return jsonify(
        id=d.id, kind=d.kind, name=d.original_name, size=d.size, uploaded_at=_dt(d.created_at)
    ), 201


def resolve_token(secret: str):
    user = services.user_for_api_token(secret)
    if user is not None:
        g.api_user = user
    return user


api.token_resolver = resolve_token
