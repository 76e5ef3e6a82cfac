"""The receipt callback of the service platform (authenticated with a shared secret)."""

from __future__ import annotations

import hmac

from flask import current_app, jsonify, request
from flask_babel import lazy_gettext as _l

from marketplace.core.api import Unauthorized, route
from marketplace.customs import services


@route(
    "/customs/receipts",
    "POST",
    summary="Receive CEB304/506/604/606 receipts from the service platform",
    tag="customs",
    auth=False,
)
def receive_receipts():
    secret = current_app.config.get("CUSTOMS_CALLBACK_SECRET") or ""
    given = request.headers.get("X-Customs-Secret", "")
    if not secret or not hmac.compare_digest(secret.encode(), given.encode()):
        raise Unauthorized(_l("The receipt callback secret is missing or wrong."))
    return jsonify(applied=services.apply_receipts(services.parse_receipts(request.get_data())))
