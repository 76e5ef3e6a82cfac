"""/api/v1 admin operations on category attribute schemas: category names, create/update/delete an
attribute. The same services as the admin pages; bodies use the format of GET /categories/<slug>."""

from __future__ import annotations

from typing import Any

from flask import jsonify

from marketplace.catalog import schema_admin
from marketplace.catalog.api import ATTRIBUTE_SCHEMA, CATEGORY_SCHEMA, LANG_MAP, attribute_json, category_json
from marketplace.core.api import current_api_user, forbid_unless, json_body, route

_S, _B, _N = {"type": "string"}, {"type": "boolean"}, {"type": "string", "format": "decimal"}
NAMES_BODY = {"type": "object", "required": ["names"], "properties": {"names": LANG_MAP}}
ATTRIBUTE_BODY = {
    "type": "object",
    "required": ["kind", "labels"],
    "properties": {
        "kind": ATTRIBUTE_SCHEMA["properties"]["kind"],
        "labels": {**LANG_MAP, "description": "zh, en, ru and mn, each at most 120 characters"},
        "unit": {**_S, "maxLength": 20, "description": "numbers only"},
        "condition": {**_S, "maxLength": 80, "description": "test condition or method (numbers only)"},
        "required": _B,
        "key": _B,
        "min": {**_N, "nullable": True},
        "max": {**_N, "nullable": True},
        "validator": {"type": "string", "enum": list(schema_admin.VALIDATOR_LABELS)},
        "options": {
            "type": "array",
            "description": "enum and multi_enum: at least one",
            "items": {
                "type": "object",
                "required": ["value", "labels"],
                "properties": {"value": _S, "labels": LANG_MAP},
            },
        },
        "document_kind": {"type": "string", "enum": ["", *schema_admin.DOCUMENT_KINDS]},
        "required_when": {
            "type": "object",
            "nullable": True,
            "properties": {"attribute": _S, "not_empty": _B},
            "description": "required when another attribute of the path is not empty",
        },
    },
}


_NOT_A_LIST = object()  # refused by the service with a message


def _admin():
    user = current_api_user()
    forbid_unless(user.is_admin)
    return user


def _input(body: dict[str, Any]) -> schema_admin.AttributeInput:
    when = body.get("required_when")
    when = when if isinstance(when, dict) else {}
    options = body.get("options")  # a list only: a string would be read as the web form's text lines
    return schema_admin.AttributeInput(
        kind=body.get("kind", ""),
        labels=body.get("labels", {}),
        unit=body.get("unit", ""),
        condition=body.get("condition", ""),
        required=body.get("required") is True,
        is_key=body.get("key") is True,
        min_value=body.get("min"),
        max_value=body.get("max"),
        validator=body.get("validator", ""),
        options=options if options is None or isinstance(options, list) else _NOT_A_LIST,
        document_kind=body.get("document_kind", ""),
        required_when_attribute=when.get("attribute", ""),
        required_when_not_empty=when.get("not_empty") is True,
    )


@route(
    "/admin/categories/<slug>",
    "PUT",
    summary="Rename a category (names in zh, en, ru and mn)",
    tag="admin",
    body=NAMES_BODY,
    response=CATEGORY_SCHEMA,
)
def schema_rename_category(slug: str):
    admin = _admin()
    category = schema_admin.category_by_slug(slug)
    schema_admin.update_category_names(admin, category, json_body().get("names"))
    return jsonify(category_json(category))


@route(
    "/admin/categories/<slug>/attributes/<code>",
    "PUT",
    summary="Create or update an attribute of a category (201 when created)",
    tag="admin",
    body=ATTRIBUTE_BODY,
    response=ATTRIBUTE_SCHEMA,
)
def schema_put_attribute(slug: str, code: str):
    admin = _admin()
    category = schema_admin.category_by_slug(slug)
    created = not any(a.code == code for a in category.attributes)
    attr = schema_admin.save_attribute(admin, category, code, _input(json_body()))
    return jsonify(attribute_json(attr)), 201 if created else 200


@route(
    "/admin/categories/<slug>/attributes/<code>",
    "DELETE",
    summary="Delete an attribute no listing has a value for",
    tag="admin",
    status=204,
)
def schema_delete_attribute(slug: str, code: str):
    admin = _admin()
    category = schema_admin.category_by_slug(slug)
    schema_admin.delete_attribute(admin, category, code)
    return "", 204
