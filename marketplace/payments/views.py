"""Stripe's webhook endpoint: verified with the signing secret, each event queued once."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from marketplace.extensions import csrf
from marketplace.payments import stripe_gateway

bp = Blueprint("payments", __name__)


@bp.post("/stripe/webhook")
@csrf.exempt
def stripe_webhook():
    fresh = stripe_gateway.receive_webhook(request.get_data(), request.headers.get("Stripe-Signature"))
    return jsonify(received=True, duplicate=not fresh)
