"""Card payments against localstripe: PaymentIntents with idempotency keys, a failed card then a
successful retry, 3-D Secure, webhooks verified with the signing secret and processed once however
often and in whatever order they come, refunds on cancellation, and the page without keys."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from decimal import Decimal

import factories
import pytest
import stripe
from support import STRIPE_WEBHOOK_SECRET

from marketplace.core.errors import PermissionDenied
from marketplace.core.outbox import Worker
from marketplace.core.states import StateChange
from marketplace.extensions import db
from marketplace.orders import services
from marketplace.orders.states import OrderState
from marketplace.payments import services as payments
from marketplace.payments import stripe_gateway
from marketplace.payments.models import StripeEvent
from marketplace.payments.states import PaymentState, RefundState

VISA, DECLINED, THREE_DS = "4242424242424242", "4000000000000341", "4000002500003155"


def _order(buyer_language="mn"):
    buyer, company, [(seller, _sc, listing)] = factories.rfq_parties(1, buyer_language=buyer_language)
    data = services.ListingOrderData(
        listing_id=listing.id, quantity="25", destination_country="MN", destination_place="Ulaanbaatar"
    )
    return buyer, seller, services.order_from_listing(buyer, company, data)


def _token(number):
    api = stripe_gateway.client().v1
    return api.tokens.create(
        params={"card": {"number": number, "exp_month": "12", "exp_year": "2030", "cvc": "123"}}
    )["id"]


def _signed(payload: str, secret: str = STRIPE_WEBHOOK_SECRET) -> str:
    t = int(time.time())
    sig = hmac.new(secret.encode(), f"{t}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={t},v1={sig}"


def _event(event_id, kind, pi_id, status):
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": kind,
            "data": {"object": {"id": pi_id, "object": "payment_intent", "status": status}},
        }
    )


def test_card_payment_failed_then_retry_succeeds_and_order_moves(ctx, stripe_keys):
    buyer, seller, order = _order()
    first = stripe_gateway.start_card_payment(buyer, order)
    assert first.amount == Decimal("7875.00") and first.provider_ref.startswith("pi_")
    assert stripe_gateway.start_card_payment(buyer, order) is first  # resumed, not a second intent
    with pytest.raises(PermissionDenied):
        stripe_gateway.start_card_payment(seller, order)
    result = stripe_gateway.confirm_with_token(buyer, order, first, _token(DECLINED))
    assert result["status"] == "failed" and result["message"]
    assert first.state == PaymentState.FAILED and order.state == OrderState.AWAITING_DEPOSIT
    retry = stripe_gateway.start_card_payment(buyer, order)
    assert retry.id != first.id and retry.idempotency_key.endswith("-card-2")
    result = stripe_gateway.confirm_with_token(buyer, order, retry, _token(VISA))
    assert result["status"] == "succeeded"
    assert retry.state == PaymentState.SUCCEEDED and order.state == OrderState.IN_PRODUCTION
    # A repeated sync changes nothing.
    changes = db.session.query(StateChange).count()
    stripe_gateway.sync_payment(retry)
    assert db.session.query(StateChange).count() == changes


def test_three_d_secure_requires_action(ctx, stripe_keys):
    buyer, _seller, order = _order()
    payment = stripe_gateway.start_card_payment(buyer, order)
    result = stripe_gateway.confirm_with_token(buyer, order, payment, _token(THREE_DS))
    assert result["status"] == "requires_action" and result["client_secret"].startswith(payment.provider_ref)
    assert order.state == OrderState.AWAITING_DEPOSIT


def _webhook(client, payload, signature):
    return client.post(
        "/stripe/webhook",
        data=payload,
        headers={"Stripe-Signature": signature, "Content-Type": "application/json"},
    )


def _drain(app):
    with app.app_context():
        Worker(worker_id="test").drain()
        db.session.remove()


def test_webhooks_verified_once_and_follow_the_real_state(app, client, seed, stripe_keys):
    def build():
        buyer, _seller, order = _order()
        payment = stripe_gateway.start_card_payment(buyer, order)
        api = stripe_gateway.client().v1
        card = api.tokens.retrieve(_token(VISA))["card"]["id"]
        api.payment_intents.update(payment.provider_ref, params={"payment_method": card})
        api.payment_intents.confirm(payment.provider_ref)  # paid at Stripe; we have not looked yet
        return order.id, payment.provider_ref

    order_id, pi = seed(build)
    succeeded = _event("evt_1", "payment_intent.succeeded", pi, "succeeded")
    # A bad signature: 400 and nothing stored.
    assert _webhook(client, succeeded, _signed(succeeded, "whsec_wrong")).status_code == 400
    assert _webhook(client, succeeded, "t=1,v1=deadbeef").status_code == 400
    with app.app_context():
        assert db.session.query(StripeEvent).filter(StripeEvent.id == "evt_1").count() == 0
    # An older "failed" event delivered after the success, then the success three times.
    failed = _event("evt_0", "payment_intent.payment_failed", pi, "requires_payment_method")
    assert _webhook(client, failed, _signed(failed)).status_code == 200
    for _ in range(3):
        r = _webhook(client, succeeded, _signed(succeeded))
        assert r.status_code == 200
    assert r.get_json()["duplicate"] is True
    _drain(app)
    with app.app_context():
        from marketplace.orders.models import Order

        order = db.session.get(Order, order_id)
        assert order.state == OrderState.IN_PRODUCTION
        [payment] = payments.payments_of(order)
        assert payment.state == PaymentState.SUCCEEDED
        moves = [h.to_state for h in payments.payment_workflow.history(payment)]
        assert moves == ["pending", "succeeded"]  # one state change however the events came
        ours = db.session.query(StripeEvent).filter(StripeEvent.id.in_(["evt_0", "evt_1"])).all()
        assert len(ours) == 2  # evt_1 came three times, stored once
        assert all(e.processed_at is not None for e in ours)


def test_cancellation_refunds_the_card_through_stripe(app, seed, stripe_keys):
    def build():
        buyer, seller, order = _order()
        payment = stripe_gateway.start_card_payment(buyer, order)
        stripe_gateway.confirm_with_token(buyer, order, payment, _token(VISA))
        services.move(seller, order, OrderState.CANCELLED, reason="cannot produce")
        return order.id, payment.provider_ref

    order_id, pi = seed(build)
    _drain(app)
    with app.app_context():
        from marketplace.orders.models import Order

        [refund] = payments.refunds_of(db.session.get(Order, order_id))
        assert refund.state == RefundState.SUCCEEDED and refund.provider_ref.startswith("re_")
        remote = stripe_gateway.client().v1.refunds.retrieve(refund.provider_ref)
        assert remote["amount"] == 787500 and remote["payment_intent"] == pi


def test_without_keys_card_payment_is_hidden_with_an_explanation(app, client, seed):
    from test_order_pages_api import _login

    def build():
        buyer, _seller, order = _order()
        buyer.email = "cardless@example.mn"
        return order.id

    order_id = seed(build)
    _login(client, "cardless@example.mn")
    html = client.get(f"/en/orders/{order_id}").get_data(as_text=True)
    assert "Card payment is not available on this marketplace" in html and "pay-by-card" not in html


def test_card_api(client, seed, stripe_keys):
    from test_order_pages_api import _token as api_token

    def build():
        buyer, _seller, order = _order()
        buyer.email = "cardapi@example.mn"
        return order.id

    order_id = seed(build)
    headers = api_token(client, "cardapi@example.mn")
    r = client.post(f"/api/v1/orders/{order_id}/card-payments", headers=headers)
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert (
        body["client_secret"].startswith(body["payment_intent"])
        and body["publishable_key"] == "pk_test_orders"
    )
    r = client.get(f"/api/v1/orders/{order_id}/card-payments/{body['payment_id']}", headers=headers)
    assert r.get_json()["state"] == "pending"


def test_payment_intents_and_refunds_carry_idempotency_keys(app, seed, stripe_keys, monkeypatch):
    seen: list[tuple[str, str, str | None]] = []
    inner = type(stripe.new_default_http_client())

    class Recorder(inner):
        def request(self, method, url, headers, post_data=None):
            seen.append((method, url, (headers or {}).get("Idempotency-Key")))
            return super().request(method, url, headers, post_data)

    def recording_client():
        return stripe.StripeClient(
            stripe_keys["STRIPE_SECRET_KEY"],
            base_addresses={"api": stripe_keys["STRIPE_API_BASE"]},
            http_client=Recorder(),
        )

    monkeypatch.setattr(stripe_gateway, "client", recording_client)

    def build():
        buyer, seller, order = _order()
        payment = stripe_gateway.start_card_payment(buyer, order)
        stripe_gateway.confirm_with_token(buyer, order, payment, _token(VISA))
        services.move(seller, order, OrderState.CANCELLED, reason="cannot produce")
        return f"{order.number}-1-card-1"

    key = seed(build)
    _drain(app)
    creates = [k for m, url, k in seen if m == "post" and url.endswith("/v1/payment_intents")]
    refunds = [k for m, url, k in seen if m == "post" and url.endswith("/v1/refunds")]
    assert creates == [key]
    assert len(refunds) == 1 and refunds[0].startswith("refund-")


def _charge_event(event_id, kind, pi_id):
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": kind,
            "data": {"object": {"id": "ch_x", "object": "charge", "payment_intent": pi_id}},
        }
    )


def test_refunds_made_in_the_stripe_dashboard_are_followed(app, client, seed, stripe_keys):
    def build():
        buyer, _seller, order = _order()
        payment = stripe_gateway.start_card_payment(buyer, order)
        stripe_gateway.confirm_with_token(buyer, order, payment, _token(VISA))
        return order.id, payment.provider_ref

    order_id, pi = seed(build)
    # Someone refunds 2,000.00 of the 7,875.00 deposit in the Stripe dashboard, then the rest.
    with app.app_context():
        api = stripe_gateway.client().v1
        api.refunds.create(params={"payment_intent": pi, "amount": 200000})
    event = _charge_event("evt_r1", "charge.refunded", pi)
    assert _webhook(client, event, _signed(event)).status_code == 200
    _drain(app)
    with app.app_context():
        from marketplace.orders.models import Order

        order = db.session.get(Order, order_id)
        [payment] = payments.payments_of(order)
        [refund] = payments.refunds_of(order)
        assert refund.state == RefundState.SUCCEEDED and refund.amount == Decimal("2000.00")
        assert refund.reason_label == "Refunded at the card payment service"
        assert payment.state == PaymentState.PARTIALLY_REFUNDED and payment.refunded == Decimal("2000.00")
        assert payments.received(order).amount == Decimal("5875.00")
        deposit = payments.requests_of(order)[0]
        assert deposit.state.value == "partially_paid"
        api = stripe_gateway.client().v1
        api.refunds.create(params={"payment_intent": pi})
    # The same news again (a repeated event and a differently named one): counted once.
    for event_id, kind in (
        ("evt_r1", "charge.refunded"),
        ("evt_r2", "charge.refunded"),
        ("evt_r3", "refund.updated"),
    ):
        event = _charge_event(event_id, kind, pi)
        assert _webhook(client, event, _signed(event)).status_code == 200
    _drain(app)
    with app.app_context():
        order = db.session.get(Order, order_id)
        [payment] = payments.payments_of(order)
        refunds = payments.refunds_of(order)
        assert [r.amount for r in refunds] == [Decimal("2000.00"), Decimal("5875.00")]
        assert payment.state == PaymentState.REFUNDED and payments.received(order).amount == 0
        assert payments.requests_of(order)[0].state.value == "open"


def test_our_own_refund_is_not_counted_again_when_stripe_reports_it(app, client, seed, stripe_keys):
    def build():
        buyer, seller, order = _order()
        payment = stripe_gateway.start_card_payment(buyer, order)
        stripe_gateway.confirm_with_token(buyer, order, payment, _token(VISA))
        services.move(seller, order, OrderState.CANCELLED, reason="cannot produce")
        return order.id, payment.provider_ref

    order_id, pi = seed(build)
    _drain(app)  # sends our refund to Stripe
    event = _charge_event("evt_own", "charge.refunded", pi)
    assert _webhook(client, event, _signed(event)).status_code == 200
    _drain(app)
    with app.app_context():
        from marketplace.orders.models import Order

        order = db.session.get(Order, order_id)
        [refund] = payments.refunds_of(order)
        assert refund.amount == Decimal("7875.00") and refund.reason == "cannot produce"
        [payment] = payments.payments_of(order)
        assert payment.refunded == Decimal("7875.00") and payment.state == PaymentState.REFUNDED
