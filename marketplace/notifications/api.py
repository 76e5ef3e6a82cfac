"""/api/v1 notifications of the token's user."""

from __future__ import annotations

from flask import jsonify

from marketplace.core.api import current_api_user, route
from marketplace.core.i18n import current_language, public_url
from marketplace.notifications import services

_S, _I = {"type": "string"}, {"type": "integer"}
NOTIFICATION_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "kind": _S,
        "title": _S,
        "body": _S,
        "link": _S,
        "created_at": {"type": "string", "format": "date-time"},
        "read_at": {"type": "string", "format": "date-time", "nullable": True},
    },
}


def _dump(n, user) -> dict:
    lang = current_language()
    title, body = services.render(n.kind, n.params, lang, user.timezone)
    return {
        "id": n.id,
        "kind": n.kind,
        "title": title,
        "body": body,
        "link": public_url(n.endpoint, lang=lang, **n.endpoint_args),
        "created_at": n.created_at.isoformat(),
        "read_at": n.read_at.isoformat() if n.read_at else None,
    }


@route(
    "/notifications",
    "GET",
    summary="My notifications, newest first",
    tag="notifications",
    response={"type": "array", "items": NOTIFICATION_SCHEMA},
)
def list_notifications():
    user = current_api_user()
    return jsonify([_dump(n, user) for n in services.for_user(user)])


@route(
    "/notifications/<int:notification_id>/read",
    "POST",
    summary="Mark one notification read",
    tag="notifications",
    response=NOTIFICATION_SCHEMA,
)
def read_notification(notification_id: int):
    user = current_api_user()
    return jsonify(_dump(services.open_notification(user, notification_id), user))


@route(
    "/notifications/read",
    "POST",
    summary="Mark all my notifications read",
    tag="notifications",
    response={"type": "object", "properties": {"marked": _I}},
)
def read_all_notifications():
    return jsonify(marked=services.mark_all_read(current_api_user()))
