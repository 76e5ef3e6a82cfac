"""Issue 6 journey: a Mongolian buyer orders directly from a listing, pays the deposit by card in the
browser against localstripe (its Stripe.js test double), the order moves to "in production", localstripe's
signed webhook is accepted, and the pro-forma invoice downloads as a PDF whose text is Mongolian and
Chinese."""

import re
import subprocess
import time
import urllib.parse
import urllib.request

import pytest
from factories import PASSWORD, rfq_parties
from playwright.sync_api import Page, expect
from support import t

from marketplace.core.outbox import Worker
from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.orders.states import OrderState
from marketplace.payments.models import StripeEvent

pytestmark = pytest.mark.browser


def _stop_webhooks(localstripe_url: str) -> None:
    """localstripe cannot forget a webhook endpoint: point it at a closed port, so events of later
    tests (which share the session's localstripe) do not reach this session's live server."""
    body = urllib.parse.urlencode({"url": "http://127.0.0.1:9/closed", "secret": "unused"}).encode()
    hook = urllib.request.Request(f"{localstripe_url}/_config/webhooks/orders", data=body)  # noqa: S310
    urllib.request.urlopen(hook, timeout=5).close()  # noqa: S310 - the local test server


def test_order_from_listing_pay_deposit_by_card_and_download_proforma(
    page: Page, app, seed, base_url, stripe_keys, localstripe_url, tmp_path, request
):
    def world():
        buyer, _company, [(_seller, _c, listing)] = rfq_parties(1, buyer_language="mn")
        buyer.email = "bat@tavan.example"
        return listing.id

    listing_id = seed(world)
    # localstripe delivers signed webhooks to the app like Stripe does.
    body = urllib.parse.urlencode(
        {"url": f"{base_url}/stripe/webhook", "secret": stripe_keys["STRIPE_WEBHOOK_SECRET"]}
    ).encode()
    hook = urllib.request.Request(f"{localstripe_url}/_config/webhooks/orders", data=body)  # noqa: S310
    urllib.request.urlopen(hook, timeout=5).close()  # noqa: S310 - the local test server
    request.addfinalizer(lambda: _stop_webhooks(localstripe_url))

    page.goto("/mn/login")
    page.get_by_label(t(app, "mn", "E-mail")).fill("bat@tavan.example")
    page.get_by_label(t(app, "mn", "Password")).fill(PASSWORD)
    page.get_by_role("button", name=t(app, "mn", "Log in")).click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))

    page.goto(f"/mn/listings/{listing_id}")
    page.locator("#order-button").click()
    page.locator("#quantity").fill("30")  # not a multiple of 25
    page.locator("#destination_place").fill("Улаанбаатар")
    page.get_by_role("button", name=t(app, "mn", "Place order")).click()
    expect(page.locator(".field.has-error p.error")).to_contain_text("25")
    page.locator("#quantity").fill("25")
    page.get_by_role("button", name=t(app, "mn", "Place order")).click()
    expect(page.locator(".page-head")).to_contain_text(t(app, "mn", "Awaiting deposit"))

    page.locator("#pay-by-card").click()
    page.locator("#card-element input[placeholder=number]").fill("4242424242424242")
    page.locator("#card-element input[placeholder=exp_month]").fill("12")
    page.locator("#card-element input[placeholder=exp_year]").fill("30")
    page.locator("#card-element input[placeholder=cvc]").fill("123")
    page.locator("#card-element input[placeholder=postal_code]").fill("14200")
    page.locator("#card-submit").click()
    expect(page.locator(".page-head")).to_contain_text(t(app, "mn", "In production"), timeout=15000)

    # The webhook localstripe sends (signed) is accepted and processed once.
    deadline = time.monotonic() + 30
    with app.app_context():
        while (
            not db.session.query(StripeEvent).filter(StripeEvent.type == "payment_intent.succeeded").count()
        ):
            assert time.monotonic() < deadline, "no webhook from localstripe"
            time.sleep(0.2)
            db.session.rollback()
        Worker(worker_id="test").drain()
        order = db.session.scalar(db.select(Order))
        assert order.state == OrderState.IN_PRODUCTION
        db.session.remove()

    with page.expect_download() as info:
        page.locator(".document-link").first.click()
    path = tmp_path / "proforma.pdf"
    info.value.save_as(path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert t(app, "mn", "Pro-forma invoice") in text and t(app, "zh", "Pro-forma invoice") in text
    assert "Урьдчилгаа" in text and "定金" in text
