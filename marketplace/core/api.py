"""JSON API plumbing for /api/v1: bearer-token auth, JSON errors with stable codes, request bodies
validated by the same WTForms forms the web pages use, and an OpenAPI 3 document built from the
registered routes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint, g, jsonify, request
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from wtforms import fields as wf
from wtforms import validators as wv
from wtforms.fields.choices import SelectChoice

from marketplace.core.errors import PermissionDenied, UserError, ValidationFailed

api = Blueprint("api", __name__, url_prefix="/api/v1")

# Resolves an "Authorization: Bearer <token>" value to a user, or None. Set by the accounts module.
token_resolver: Callable[[str], Any] | None = None


class Unauthorized(UserError):
    status = 401
    code = "unauthorized"
    default_message = _l("Send a valid API token in the Authorization header (Bearer …).")


@dataclass
class Operation:
    path: str
    method: str
    summary: str
    tag: str
    body: type | None
    response: dict | None
    auth: bool
    status: int
    params: dict[str, dict] = field(default_factory=dict)


OPERATIONS: list[Operation] = []


def _openapi_path(rule: str) -> tuple[str, dict[str, dict]]:
    params: dict[str, dict] = {}
    parts = []
    for part in rule.split("/"):
        if part.startswith("<") and part.endswith(">"):
            conv, _, name = part[1:-1].rpartition(":")
            params[name] = {"type": "integer"} if conv == "int" else {"type": "string"}
            parts.append("{" + name + "}")
        else:
            parts.append(part)
    return "/".join(parts), params


def current_api_user():
    user = g.get("api_user")
    if user is None:
        raise Unauthorized()
    return user


def route(
    rule: str,
    method: str,
    *,
    summary: str,
    tag: str,
    body: type | None = None,
    response: dict | None = None,
    auth: bool = True,
    status: int = 200,
):
    """Register an API operation: the Flask route and its OpenAPI description in one place."""

    def decorator(func):
        @wraps(func)
        def view(**kwargs):
            if auth:
                current_api_user()
            return func(**kwargs)

        endpoint = f"{func.__module__.split('.')[-2]}_{func.__name__}"
        api.add_url_rule(rule, endpoint=endpoint, view_func=view, methods=[method])
        path, params = _openapi_path(rule)
        OPERATIONS.append(Operation(path, method.lower(), summary, tag, body, response, auth, status, params))
        return view

    return decorator


def _json_to_formdata(data: dict[str, Any]) -> MultiDict:
    items: list[tuple[str, str]] = []
    for key, value in data.items():
        values = value if isinstance(value, list) else [value]
        for v in values:
            if v is None or v is False:
                continue  # WTForms reads an absent key as empty / unchecked
            items.append((key, "y" if v is True else str(v)))
    return MultiDict(items)


def load_form(form_cls, *, obj=None, partial: bool = False, **kwargs):
    """Validate the JSON body with `form_cls`; raise ValidationFailed with per-field messages.

    With partial=True (PATCH), fields absent from the body keep their values from `obj`.
    """
    data = request.get_json(silent=True)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ValidationFailed(message=_l("The request body must be a JSON object."))
    formdata = _json_to_formdata(data)
    if partial and obj is not None:
        base = form_cls(formdata=None, obj=obj, meta={"csrf": False}, **kwargs)
        for name, fld in base._fields.items():
            if name not in data and fld.data not in (None, ""):
                formdata.setlist(name, _json_to_formdata({name: fld.data}).getlist(name))
    form = form_cls(formdata=formdata, meta={"csrf": False}, **kwargs)
    if not form.validate():
        raise ValidationFailed({name: [str(m) for m in msgs] for name, msgs in form.errors.items()})
    return form


def json_body() -> dict[str, Any]:
    """The request's JSON object (for bodies described by a JSON schema rather than a form)."""
    data = request.get_json(silent=True)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ValidationFailed(message=_l("The request body must be a JSON object."))
    return data


def error_response(exc: UserError):
    payload: dict[str, Any] = {"code": exc.code, "message": str(exc.message)}
    if isinstance(exc, ValidationFailed) and exc.errors:
        payload["fields"] = exc.errors
    elif exc.field:
        payload["fields"] = {exc.field: [str(exc.message)]}
    return jsonify(error=payload), exc.status


def forbid_unless(condition: bool) -> None:
    if not condition:
        raise PermissionDenied()


# -- OpenAPI ---------------------------------------------------------------------------------


def _field_schema(fld) -> dict[str, Any]:
    if isinstance(fld, wf.BooleanField):
        schema: dict[str, Any] = {"type": "boolean"}
    elif isinstance(fld, wf.IntegerField):
        schema = {"type": "integer"}
    elif isinstance(fld, wf.DecimalField):
        schema = {"type": "string", "format": "decimal", "pattern": r"^-?\d+(\.\d+)?$"}
    elif isinstance(fld, wf.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(fld, wf.SelectMultipleField):
        schema = {"type": "array", "items": {"type": "string"}}
        choices = [str(SelectChoice.from_input(c).value) for c in (fld.choices or [])]
        if choices:
            schema["items"]["enum"] = choices
    elif isinstance(fld, wf.SelectField):
        schema = {"type": "string"}
        choices = [str(SelectChoice.from_input(c).value) for c in (fld.choices or [])]
        choices = [c for c in choices if c != ""]
        if choices:
            schema["enum"] = choices
    elif isinstance(fld, wf.EmailField):
        schema = {"type": "string", "format": "email"}
    elif isinstance(fld, wf.PasswordField):
        schema = {"type": "string", "format": "password", "writeOnly": True}
    else:
        schema = {"type": "string"}
    for v in fld.validators:
        if isinstance(v, wv.Length):
            if v.min and v.min > 0:
                schema["minLength"] = v.min
            if v.max and v.max > 0:
                schema["maxLength"] = v.max
        if isinstance(v, wv.NumberRange):
            if v.min is not None:
                schema["minimum"] = v.min
            if v.max is not None:
                schema["maximum"] = v.max
    schema["description"] = str(fld.label.text)
    return schema


def _form_schema(form_cls) -> dict[str, Any]:
    form = form_cls(formdata=None, meta={"csrf": False})
    props, required = {}, []
    for name, fld in form._fields.items():
        if isinstance(fld, wf.SubmitField | wf.HiddenField) and name == "submit":
            continue
        props[name] = _field_schema(fld)
        if any(isinstance(v, wv.DataRequired | wv.InputRequired) for v in fld.validators):
            required.append(name)
    schema: dict[str, Any] = {"type": "object", "properties": props}
    if required:
        schema["required"] = required
    return schema


ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "description": "stable machine-readable code"},
                "message": {"type": "string", "description": "translated human message"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
        }
    },
}


def openapi_document() -> dict[str, Any]:
    paths: dict[str, dict] = {}
    with force_locale("en"):
        for op in OPERATIONS:
            entry: dict[str, Any] = {
                "summary": op.summary,
                "tags": [op.tag],
                "operationId": f"{op.method}_{op.path.strip('/').replace('/', '_')}".replace("{", "").replace(
                    "}", ""
                ),
                "responses": {
                    str(op.status): {
                        "description": "Success",
                        "content": {"application/json": {"schema": op.response or {}}},
                    },
                    "default": {
                        "description": "Error",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                },
            }
            if op.params:
                entry["parameters"] = [
                    {"name": n, "in": "path", "required": True, "schema": s} for n, s in op.params.items()
                ]
            if isinstance(op.body, dict) and op.body.get("multipart"):
                schema = {k: v for k, v in op.body.items() if k != "multipart"}
                entry["requestBody"] = {
                    "required": True,
                    "content": {"multipart/form-data": {"schema": schema}},
                }
            elif isinstance(op.body, dict):
                entry["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": op.body}},
                }
            elif op.body is not None:
                entry["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": _form_schema(op.body)}},
                }
            entry["security"] = [{"bearerAuth": []}] if op.auth else []
            paths.setdefault("/api/v1" + op.path, {})[op.method] = entry
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Ordos Export Marketplace API",
            "version": "1",
            "description": "Accounts, companies, API tokens, the catalog and its moderation. Errors are "
            "JSON with stable codes; messages follow the user's language or Accept-Language.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Error": ERROR_SCHEMA},
        },
    }


@api.before_request
def _authenticate():
    g.api_user = None
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip() and token_resolver is not None:
        user = token_resolver(token.strip())
        if user is None:
            raise Unauthorized(_l("This API token is invalid or has been revoked."))
        g.api_user = user


@api.get("/openapi.json")
def openapi_json():
    return jsonify(openapi_document())
