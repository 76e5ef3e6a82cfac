"""Sending messages to the service platform (an outbox job per message) and fetching receipts."""

from __future__ import annotations

import logging
import threading

import requests
import sqlalchemy as sa
from flask import current_app

from marketplace.core.db import utcnow
from marketplace.customs import services
from marketplace.customs.models import Declaration, DeclarationMessage, Delivery
from marketplace.customs.states import FINAL, DeclarationState
from marketplace.extensions import db

log = logging.getLogger(__name__)
_local = threading.local()
# Declarations no receipt is awaited for (polling skips them).
SETTLED = frozenset(
    {DeclarationState.RELEASED, DeclarationState.REJECTED, DeclarationState.FAILED, DeclarationState.BROKER}
)


class PlatformUnavailable(RuntimeError):
    """A timeout, connection error or 5xx: the outbox retries with backoff, then dead-letters."""


def _base_url() -> str:
    url = current_app.config.get("SERVICE_PLATFORM_URL")
    if not url:
        raise PlatformUnavailable("SERVICE_PLATFORM_URL is not configured")
    return url.rstrip("/")


def _session() -> requests.Session:
    """One keep-alive HTTP session per worker thread (a new TCP connection per message costs more
    than the message)."""
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
        # Proxy settings are read from the environment once, not on every request (with .netrc).
        session.proxies.update(requests.utils.get_environ_proxies(_base_url()))
        session.trust_env = False
    return session


def send(message_id: int) -> None:
    """POST one stored message with its guid as idempotency key. A message already delivered is never
    sent again, so a new (appType 1) message reaches the platform once after its acknowledgement."""
    message = db.session.get(DeclarationMessage, message_id)
    if message is None or message.delivery != Delivery.PENDING:
        return
    try:
        response = _session().post(
            f"{_base_url()}/messages",
            data=message.xml.encode("utf-8"),
            headers={
                "Content-Type": "application/xml; charset=utf-8",
                "Idempotency-Key": message.guid,
                "X-Message-Type": message.kind,
            },
            timeout=current_app.config["CUSTOMS_HTTP_TIMEOUT"],
        )
    except requests.RequestException as exc:
        raise PlatformUnavailable(f"{message.kind} {message.guid}: {exc}") from exc
    if response.status_code >= 500 or response.status_code in (408, 429):
        raise PlatformUnavailable(f"{message.kind} {message.guid}: HTTP {response.status_code}")
    if response.status_code >= 400:
        # The platform refused the message itself (format): record it as a technical error receipt.
        message.delivery = Delivery.REFUSED
        services.apply_receipt(
            kind=message.kind,
            head_guid=message.head_guid,
            return_status="-1",
            return_time=utcnow().strftime("%Y%m%d%H%M%S%f")[:17],
            return_info=response.text[:1000] or f"HTTP {response.status_code}",
        )
        return
    message.delivery = Delivery.DELIVERED
    message.delivered_at = utcnow()


def poll_receipts(limit: int = 200) -> int:
    """Fallback for lost callbacks: ask the platform for the receipts of delivered messages whose
    declaration is not final. Returns the number of new receipts applied."""
    if not current_app.config.get("SERVICE_PLATFORM_URL"):
        return 0
    # Only declarations waiting for the platform: released, rejected and failed ones (and those with the
    # broker) wait for nobody, and polling them would crowd out the ones that do (`limit`).
    open_states = [s for s in DeclarationState if s not in FINAL and s not in SETTLED]
    rows = db.session.scalars(
        sa.select(DeclarationMessage)
        .join(Declaration)
        .where(
            DeclarationMessage.delivery == Delivery.DELIVERED,
            DeclarationMessage.revision == Declaration.revision,
            Declaration.state.in_(open_states),
        )
        .order_by(DeclarationMessage.id)
        .limit(limit)
    ).all()
    # Ask first, then apply everything in one batch (declarations locked in order, after the HTTP calls).
    receipts: list[dict] = []
    for message in rows:
        try:
            response = _session().get(
                f"{_base_url()}/receipts/{message.head_guid}",
                timeout=current_app.config["CUSTOMS_HTTP_TIMEOUT"],
            )
        except requests.RequestException as exc:
            log.warning("receipt poll failed: %s", exc)
            break
        if response.status_code != 200 or not response.content:
            continue
        receipts.extend(services.parse_receipts(response.content))
    return services.apply_receipts(receipts)
