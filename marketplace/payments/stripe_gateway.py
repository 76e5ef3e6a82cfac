"""Card payments through Stripe PaymentIntents.

The PaymentIntent is created server-side with an idempotency key; the browser confirms it with
Stripe.js; our Payment row follows the PaymentIntent's real state, which is read back from Stripe
(after the browser returns and on every webhook) rather than taken from whichever event arrives
last, so repeated and out-of-order webhooks end in the same state. Without keys, card payment is
simply not offered."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
import stripe
from flask import current_app
from flask_babel import lazy_gettext as _l

from marketplace.core import audit
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, NotFound, UserError
from marketplace.core.money import minor_units
from marketplace.core.outbox import enqueue, handler
from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.orders.states import Role
from marketplace.payments import services
from marketplace.payments.models import Payment, Refund, StripeEvent
from marketplace.payments.states import (
    Method,
    PaymentState,
    RefundState,
    payment_workflow,
    refund_workflow,
)

log = logging.getLogger(__name__)


class CardUnavailable(UserError):
    status = 409
    code = "card_payments_unavailable"
    default_message = _l("Card payment is not available on this marketplace. Pay by bank transfer.")


class PaymentProviderError(UserError):
    status = 502
    code = "payment_provider_error"
    default_message = _l("The card payment service did not answer. Nothing was charged; try again later.")


def configured() -> bool:
    cfg = current_app.config
    return bool(cfg.get("STRIPE_SECRET_KEY") and cfg.get("STRIPE_PUBLISHABLE_KEY"))


def publishable_key() -> str:
    return current_app.config["STRIPE_PUBLISHABLE_KEY"]


def js_origin() -> str:
    base = current_app.config.get("STRIPE_API_BASE")
    return base.rstrip("/") if base else "https://js.stripe.com"


def js_url() -> str:
    base = current_app.config.get("STRIPE_API_BASE")
    return f"{base.rstrip('/')}/js.stripe.com/v3/" if base else "https://js.stripe.com/v3/"


def client() -> stripe.StripeClient:
    if not configured():
        raise CardUnavailable()
    base = current_app.config.get("STRIPE_API_BASE")
    return stripe.StripeClient(
        current_app.config["STRIPE_SECRET_KEY"],
        base_addresses={"api": base} if base else None,
        max_network_retries=2,  # safe: every POST carries an idempotency key
    )


def to_minor(amount: Decimal, currency: str) -> int:
    return int(amount.scaleb(minor_units(currency)))


def from_minor(amount: int, currency: str) -> Decimal:
    return Decimal(amount).scaleb(-minor_units(currency))


STATUS = {
    "succeeded": PaymentState.SUCCEEDED,
    "requires_action": PaymentState.REQUIRES_ACTION,
    "processing": PaymentState.PENDING,
    "requires_confirmation": PaymentState.PENDING,
    "requires_capture": PaymentState.PENDING,
    "canceled": PaymentState.FAILED,
}


def _target(pi) -> PaymentState:
    status = pi["status"]
    if status == "requires_payment_method":
        # Nothing tried yet is "pending"; a declined or failed attempt leaves an error behind.
        return PaymentState.FAILED if pi.get("last_payment_error") else PaymentState.PENDING
    return STATUS.get(status, PaymentState.PENDING)


# -- starting and confirming -------------------------------------------------------------------


def start_card_payment(actor, order: Order) -> Payment:
    """The card payment for the first installment with money outstanding: an open attempt for the
    same amount is reused; otherwise a new PaymentIntent is created with an idempotency key derived
    from the installment and the attempt number (a repeated request gets the same PaymentIntent)."""
    services._require(actor, order, Role.BUYER)
    if not configured():
        raise CardUnavailable()
    if order.state not in services.OPEN_FOR_PAYMENT:
        raise Conflict(_l("This order is %(state)s: no more payments are recorded.", state=order.state.label))
    line = next((ln for ln in services.account(order).lines if ln.outstanding.amount > 0), None)
    if line is None:
        raise Conflict(_l("Nothing is outstanding on this order."), code="nothing_due")
    req = line.request
    attempts = list(
        db.session.scalars(
            sa.select(Payment)
            .where(Payment.request_id == req.id, Payment.method == Method.CARD)
            .order_by(Payment.id)
        )
    )
    for p in attempts:
        if p.state in (PaymentState.PENDING, PaymentState.REQUIRES_ACTION) and p.money == line.outstanding:
            return p
    key = f"{req.reference}-card-{len(attempts) + 1}"
    payment = Payment(
        order_id=order.id,
        request_id=req.id,
        method=Method.CARD,
        amount=line.outstanding.amount,
        currency=order.currency,
        idempotency_key=key,
        recorded_by_id=actor.id,
    )
    payment_workflow.start(payment, PaymentState.PENDING, actor=actor)
    try:
        pi = client().v1.payment_intents.create(
            params={
                "amount": to_minor(payment.amount, payment.currency),
                "currency": payment.currency.lower(),
                "payment_method_types": ["card"],
                "metadata": {
                    "order": order.number,
                    "reference": req.reference,
                    "payment_id": str(payment.id),
                },
            },
            options={"idempotency_key": key},
        )
    except stripe.StripeError as exc:
        log.warning("stripe: creating a PaymentIntent failed: %s", exc)
        raise PaymentProviderError()
    payment.provider_ref = pi["id"]
    db.session.flush()
    return payment


def card_payment_for(user, order: Order, payment_id: int) -> Payment:
    payment = db.session.get(Payment, payment_id)
    if payment is None or payment.order_id != order.id or payment.method != Method.CARD:
        raise NotFound()
    services._require(user, order, Role.BUYER, Role.SELLER, Role.ADMIN)
    return payment


def client_secret(payment: Payment) -> str:
    try:
        return client().v1.payment_intents.retrieve(payment.provider_ref)["client_secret"]
    except stripe.StripeError as exc:
        log.warning("stripe: retrieving %s failed: %s", payment.provider_ref, exc)
        raise PaymentProviderError()


def confirm_with_token(actor, order: Order, payment: Payment, token: str) -> dict[str, Any]:
    """Confirm the PaymentIntent with the card behind a Stripe.js token (Stripe.js builds without the
    Payment Element). A decline is recorded (the payment fails; the buyer may try again)."""
    services._require(actor, order, Role.BUYER)
    if payment.state not in (PaymentState.PENDING, PaymentState.REQUIRES_ACTION):
        raise Conflict(_l("This card payment is already %(state)s.", state=payment.state.label))
    token = str(token or "")
    if not token.startswith("tok_") or len(token) > 255:
        raise Conflict(_l("The card details were not accepted. Check them and try again."), code="bad_token")
    api = client().v1
    message = ""
    try:
        card = api.tokens.retrieve(token)["card"]["id"]
        api.payment_intents.update(payment.provider_ref, params={"payment_method": card})
        api.payment_intents.confirm(payment.provider_ref)
    except stripe.CardError as exc:
        message = exc.user_message or str(_l("The card was declined."))
    except stripe.StripeError as exc:
        log.warning("stripe: confirming %s failed: %s", payment.provider_ref, exc)
        message = str(_l("The card was declined."))
    pi = sync_payment(payment)
    return {"status": payment.state.value, "client_secret": pi["client_secret"], "message": message}


# -- following the PaymentIntent ---------------------------------------------------------------


def sync_payment(payment: Payment, *, reason: str = "stripe"):
    """Read the PaymentIntent from Stripe and move the payment to the state it really is in; then
    settle the order's installments. Idempotent: calling it again changes nothing."""
    try:
        pi = client().v1.payment_intents.retrieve(payment.provider_ref)
    except stripe.StripeError as exc:
        log.warning("stripe: retrieving %s failed: %s", payment.provider_ref, exc)
        raise PaymentProviderError()
    data = pi.to_dict()
    target = _target(data)
    error = data.get("last_payment_error") or {}
    if target != payment.state and payment_workflow.can(payment, target):
        payment_workflow.transition(payment, target, reason=f"{reason}: {pi['status']}")
        payment.failure_message = (error.get("message") or "")[:500] if target == PaymentState.FAILED else ""
        if target == PaymentState.SUCCEEDED:
            payment.received_on = utcnow().date()
        order = db.session.get(Order, payment.order_id)
        services.reconcile(order)
        audit.record(
            "payment.card_" + target.value,
            subject=order,
            company_id=order.buyer_id,
            payment_intent=payment.provider_ref,
        )
    db.session.flush()
    return pi


def sync_return(actor, order: Order, payment: Payment) -> Payment:
    """The browser came back from Stripe.js: follow the PaymentIntent now rather than wait for the
    webhook."""
    services._require(actor, order, Role.BUYER, Role.SELLER, Role.ADMIN)
    sync_payment(payment, reason="return")
    return payment


# -- webhooks ------------------------------------------------------------------------------------


class BadSignature(UserError):
    status = 400
    code = "bad_signature"
    default_message = _l("The webhook signature is invalid.")


def receive_webhook(payload: bytes, signature: str | None) -> bool:
    """Verify a webhook with the signing secret and store its event id; queue the work once per
    event. Returns False for an event seen before (acknowledged, nothing done)."""
    secret = current_app.config.get("STRIPE_WEBHOOK_SECRET")
    if not secret:
        raise CardUnavailable()
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret).to_dict()
    except (ValueError, stripe.SignatureVerificationError):
        raise BadSignature()
    obj = event["data"]["object"]
    pi = obj.get("id") if obj.get("object") == "payment_intent" else obj.get("payment_intent")
    if db.session.get(StripeEvent, event["id"]) is not None:
        return False
    try:
        with db.session.begin_nested():
            db.session.add(
                StripeEvent(id=event["id"], type=event["type"], payment_intent=pi, received_at=utcnow())
            )
            db.session.flush()
    except sa.exc.IntegrityError:
        return False  # the same event, delivered concurrently
    if pi:
        enqueue("payments.stripe_event", {"event_id": event["id"]}, key=f"stripe-event-{event['id']}")
    return True


@handler("payments.stripe_event")
def _process_event(job) -> None:
    event = db.session.get(StripeEvent, job.payload["event_id"])
    if event is None or event.processed_at is not None:
        return
    payment = db.session.scalar(sa.select(Payment).where(Payment.provider_ref == event.payment_intent))
    if payment is not None:
        sync_payment(payment, reason=f"webhook {event.type}")
        if event.type.startswith(REFUND_EVENTS):
            follow_refunds(payment)
    event.processed_at = utcnow()
    db.session.flush()


# -- refunds -------------------------------------------------------------------------------------


def queue_refund(refund: Refund) -> None:
    enqueue("payments.stripe_refund", {"refund_id": refund.id}, key=f"stripe-refund-{refund.id}")


@handler("payments.stripe_refund")
def _send_refund(job) -> None:
    refund = db.session.get(Refund, job.payload["refund_id"])
    if refund is None or refund.state != RefundState.PENDING:
        return
    payment = refund.payment
    result = client().v1.refunds.create(
        params={
            "payment_intent": payment.provider_ref,
            "amount": to_minor(refund.amount, refund.currency),
            "metadata": {"refund_id": str(refund.id)},
        },
        options={"idempotency_key": f"refund-{refund.id}"},
    )
    refund.provider_ref = result["id"]
    refund_workflow.transition(refund, RefundState.SUCCEEDED, reason="stripe refund " + result["status"])
    db.session.flush()


# Events that say money went back at Stripe (from us, or from someone in the Stripe dashboard).
REFUND_EVENTS = ("charge.refunded", "charge.refund.", "refund.")


def follow_refunds(payment: Payment) -> list[Refund]:
    """Record refunds made at Stripe outside the marketplace (e.g. in the Stripe dashboard): each
    succeeded Stripe refund of the PaymentIntent that is not one of ours becomes a returned Refund,
    lowers what the payment counts for and re-settles the order's installments. Ours are recognised
    by their Stripe id or by the refund id they carry in their metadata, so nothing is counted twice
    however often the webhook comes."""
    if payment.state not in (PaymentState.SUCCEEDED, PaymentState.PARTIALLY_REFUNDED):
        return []
    ours = list(db.session.scalars(sa.select(Refund).where(Refund.payment_id == payment.id)))
    known_refs = {r.provider_ref for r in ours if r.provider_ref}
    known_ids = {str(r.id) for r in ours}
    try:
        remote = client().v1.refunds.list(params={"payment_intent": payment.provider_ref, "limit": 100})
    except stripe.StripeError as exc:
        log.warning("stripe: listing refunds of %s failed: %s", payment.provider_ref, exc)
        raise PaymentProviderError()
    found = []
    for item in sorted(remote.data, key=lambda r: (r["created"], r["id"])):
        data = item.to_dict()
        if data.get("status") != "succeeded" or data["id"] in known_refs:
            continue
        if (data.get("metadata") or {}).get("refund_id") in known_ids:
            continue
        amount = min(from_minor(data["amount"], payment.currency), payment.amount - payment.refunded)
        if amount <= 0:
            continue
        refund = Refund(
            payment_id=payment.id,
            order_id=payment.order_id,
            amount=amount,
            currency=payment.currency,
            reason=Refund.AT_PROVIDER,
            provider_ref=data["id"],
        )
        refund_workflow.start(refund, RefundState.SUCCEEDED, reason="stripe " + data["id"])
        payment.refunded = payment.refunded + amount
        target = PaymentState.PARTIALLY_REFUNDED
        if payment.refunded >= payment.amount:
            target = PaymentState.REFUNDED
        if target != payment.state:
            payment_workflow.transition(payment, target, reason="stripe " + data["id"])
        found.append(refund)
    if found:
        db.session.flush()
        order = db.session.get(Order, payment.order_id)
        services.reconcile(order)
        audit.record(
            "payment.card_refunded_at_provider",
            subject=order,
            company_id=order.seller_id,
            payment_intent=payment.provider_ref,
            refunds=[r.provider_ref for r in found],
        )
    return found
