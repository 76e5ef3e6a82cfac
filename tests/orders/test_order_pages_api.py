"""Order pages and API: ordering from a listing page, the order page for each party, bank transfers
with refusals that change nothing, cross-company permissions, and the OpenAPI document."""

from __future__ import annotations

import io

import factories
import pytest
from factories import PASSWORD
from support import Browserish, csrf_from

from marketplace.extensions import db
from marketplace.orders.models import Order


def _login(client, email, lang="en"):
    with client.session_transaction() as session:
        session.clear()
    page = client.get(f"/{lang}/login")
    r = client.post(
        f"/{lang}/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_from(page.get_data(as_text=True))},
    )
    assert r.status_code == 302


def _token(client, email):
    r = client.post("/api/v1/auth/tokens", json={"email": email, "password": PASSWORD, "token_name": "t"})
    assert r.status_code == 201, r.get_json()
    return {"Authorization": f"Bearer {r.get_json()['token']}"}


@pytest.fixture
def world(seed):
    def build():
        buyer, company, [(seller, seller_company, listing)] = factories.rfq_parties(1)
        buyer.email, seller.email = "buyer@example.mn", "seller@example.cn"
        other = factories.make_user("other@example.ru")
        factories.make_company(other)
        return {"listing": listing.id, "buyer_company": company.id, "seller_company": seller_company.id}

    return seed(build)


def _order_id():
    return db.session.scalar(db.select(Order.id))


def test_buyer_orders_from_listing_page_and_seller_records_transfer(app, client, world):
    web = Browserish(client)
    _login(client, "buyer@example.mn")
    listing_page = client.get(f"/en/listings/{world['listing']}").get_data(as_text=True)
    assert f"/en/orders/new?listing={world['listing']}" in listing_page
    url = f"/en/orders/new?listing={world['listing']}"
    bad = web.submit(url, {"quantity": "30", "currency": "USD", "destination_country": "MN"})
    html = bad.get_data(as_text=True)
    assert bad.status_code == 422 and "Order in multiples of 25" in html and "Enter the destination" in html
    with app.app_context():
        assert db.session.query(Order).count() == 0
    ok = web.submit(
        url,
        {
            "quantity": "50",
            "currency": "USD",
            "destination_country": "MN",
            "destination_place": "Ulaanbaatar",
        },
    )
    assert ok.status_code == 302
    with app.app_context():
        order_id = _order_id()
    page = client.get(f"/en/orders/{order_id}").get_data(as_text=True)
    assert "Awaiting deposit" in page and "Payment schedule" in page and "-1</code>" in page
    assert "Record a received transfer" not in page  # only the seller records money
    slip = web.submit(
        f"/en/orders/{order_id}",
        {"file": (io.BytesIO(b"%PDF-1.4 slip"), "mt103.pdf")},
        action=f"/en/orders/{order_id}/remittance-slips",
        content_type="multipart/form-data",
    )
    assert slip.status_code == 302
    assert "mt103.pdf" in client.get(f"/en/orders/{order_id}").get_data(as_text=True)

    _login(client, "seller@example.cn")
    page = client.get(f"/en/orders/{order_id}").get_data(as_text=True)
    assert "Record a received transfer" in page and "The seller has not entered bank details" in page
    refused = web.submit(
        f"/en/orders/{order_id}",
        {"amount": "abc", "received_on": "2026-01-05"},
        action=f"/en/orders/{order_id}/bank-transfers",
    )
    assert refused.status_code == 422 and "Enter an amount" in refused.get_data(as_text=True)
    done = web.submit(
        f"/en/orders/{order_id}",
        {"amount": "15750", "received_on": "2026-01-05", "payer_reference": "MT103 1"},
        action=f"/en/orders/{order_id}/bank-transfers",
    )
    assert done.status_code == 302
    page = client.get(f"/en/orders/{order_id}").get_data(as_text=True)
    assert "In production" in page and "Move to “Awaiting balance”" in page
    bank = web.submit(
        "/en/orders/bank-account",
        {
            "beneficiary": "Ordos PP Co",
            "bank_name": "Bank of China",
            "account_number": "1234 5678",
            "swift": "BKCHCNBJ",
        },
    )
    assert bank.status_code == 302
    bad_bank = web.submit("/en/orders/bank-account", {"beneficiary": "x", "swift": "12"})
    assert bad_bank.status_code == 422
    # The other buyer company sees nothing of it.
    _login(client, "other@example.ru")
    assert client.get(f"/en/orders/{order_id}").status_code == 404
    assert client.get(f"/en/orders/{order_id}/remittance-slips/1").status_code == 404


def test_api_order_pay_move_and_permissions(client, world):
    buyer = _token(client, "buyer@example.mn")
    seller = _token(client, "seller@example.cn")
    other = _token(client, "other@example.ru")
    body = {
        "company_id": world["buyer_company"],
        "quantity": "100",
        "destination_country": "MN",
        "destination_place": "Ulaanbaatar",
    }
    bad = client.post(
        f"/api/v1/listings/{world['listing']}/orders", json={**body, "quantity": "10"}, headers=buyer
    )
    assert bad.status_code == 422 and bad.get_json()["error"]["fields"]["quantity"]
    assert (
        client.post(f"/api/v1/listings/{world['listing']}/orders", json=body, headers=other).status_code
        == 404
    )
    r = client.post(f"/api/v1/listings/{world['listing']}/orders", json=body, headers=buyer)
    assert r.status_code == 201, r.get_json()
    order = r.get_json()
    oid = order["id"]
    assert order["state"] == "awaiting_deposit" and order["total"] == "101000.00"
    reqs = order["payments"]["requests"]
    assert [(q["kind"], q["amount"]["amount"]) for q in reqs] == [
        ("deposit", "30300.00"),
        ("balance", "70700.00"),
    ]
    assert client.get(f"/api/v1/orders/{oid}", headers=other).status_code == 404
    assert client.get(f"/api/v1/orders/{oid}/payments", headers=other).status_code == 404
    assert client.get("/api/v1/orders", headers=buyer).status_code == 403
    tt = {"amount": "40000", "received_on": "2026-01-05"}
    assert client.post(f"/api/v1/orders/{oid}/bank-transfers", json=tt, headers=buyer).status_code == 403
    r = client.post(f"/api/v1/orders/{oid}/bank-transfers", json=tt, headers=seller)
    assert r.status_code == 201
    acc = r.get_json()
    assert acc["requests"][0]["state"] == "settled" and acc["requests"][1]["state"] == "partially_paid"
    assert acc["requests"][1]["paid"]["amount"] == "9700.00"
    moved = client.post(f"/api/v1/orders/{oid}/transitions", json={"state": "shipped"}, headers=buyer)
    assert moved.status_code == 409  # illegal from "in production"
    moved = client.post(
        f"/api/v1/orders/{oid}/transitions", json={"state": "awaiting_balance"}, headers=seller
    )
    assert moved.status_code == 200 and moved.get_json()["state"] == "awaiting_balance"
    assert [h["to"] for h in moved.get_json()["history"]] == [
        "awaiting_deposit",
        "in_production",
        "awaiting_balance",
    ]
    bank = {"beneficiary": "Ordos PP", "bank_name": "BOC", "account_number": "1", "swift": "BKCHCNBJXXX"}
    assert (
        client.put(
            f"/api/v1/companies/{world['seller_company']}/bank-account", json=bank, headers=buyer
        ).status_code
        == 404
    )
    assert (
        client.put(
            f"/api/v1/companies/{world['seller_company']}/bank-account", json=bank, headers=seller
        ).status_code
        == 200
    )
    assert (
        client.get(f"/api/v1/companies/{world['seller_company']}/bank-account", headers=seller).get_json()[
            "swift"
        ]
        == "BKCHCNBJXXX"
    )
    cancel = client.post(
        f"/api/v1/orders/{oid}/transitions", json={"state": "cancelled", "reason": "no stock"}, headers=seller
    )
    assert cancel.status_code == 200
    acc = client.get(f"/api/v1/orders/{oid}/payments", headers=buyer).get_json()
    assert [(r["state"], r["amount"]["amount"]) for r in acc["refunds"]] == [("pending", "40000.00")]


def test_openapi_lists_order_and_payment_operations(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in (
        "/api/v1/listings/{listing_id}/orders",
        "/api/v1/orders/{order_id}/transitions",
        "/api/v1/orders/{order_id}/payments",
        "/api/v1/orders/{order_id}/bank-transfers",
        "/api/v1/orders/{order_id}/remittance-slips",
        "/api/v1/orders/{order_id}/refunds/overpayment",
        "/api/v1/companies/{company_id}/bank-account",
    ):
        assert path in paths, path
