"""RFQ pages and API: the same permissions, translated refusals that change nothing, expiry shown in
the viewer's time zone, the OpenAPI document, and a fixed number of queries on the list pages."""

from __future__ import annotations

from datetime import date

import factories
import pytest
import sqlalchemy as sa
from factories import PASSWORD
from support import csrf_from, read_mail, t

from marketplace.extensions import db
from marketplace.notifications.services import KINDS, render
from marketplace.orders.models import Order
from marketplace.rfq import services
from marketplace.rfq.models import Quote, Rfq
from marketplace.rfq.states import Side


def _login(client, email, lang="en"):
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
    """A Mongolian buyer, two sellers with PP listings, an RFQ to both; seller 1 has quoted."""

    def build():
        buyer, company, parties = factories.rfq_parties(2)
        buyer.email = "buyer@example.mn"
        buyer.timezone = "Europe/Moscow"
        (s1, c1, listing1), (s2, c2, _l2) = parties
        s1.email, s2.email = "s1@example.cn", "s2@example.cn"
        rfq = services.create_rfq(buyer, company, factories.rfq_data(seller_ids=[c1.id, c2.id]))
        q1 = next(q for q in rfq.quotes if q.seller_id == c1.id)
        q2 = next(q for q in rfq.quotes if q.seller_id == c2.id)
        services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
        return {
            "rfq": rfq.id,
            "q1": q1.id,
            "q2": q2.id,
            "listing": listing1.id,
            "rev": q1.current_revision_id,
            "buyer_company": company.id,
        }

    return seed(build)


def test_pages_for_each_side(client, world):
    _login(client, "buyer@example.mn")
    page = client.get(f"/en/rfqs/{world['rfq']}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Quotes side by side" in html and "New quote to review" in html
    assert client.get("/en/rfqs").status_code == 200
    thread = client.get(f"/en/quotes/{world['q1']}").get_data(as_text=True)
    assert "Accept revision 1 and place the order" in thread
    client.get("/en/logout")

    with client.session_transaction() as s:
        s.clear()
    _login(client, "s2@example.cn")
    assert client.get(f"/en/quotes/{world['q1']}").status_code == 404  # another seller's thread
    assert client.get(f"/en/rfqs/{world['rfq']}").status_code == 404
    own = client.get(f"/en/quotes/{world['q2']}")
    assert own.status_code == 200 and "Quote requested: send your quote" in own.get_data(as_text=True)
    inbox = client.get("/en/quotes").get_data(as_text=True)
    assert "Polypropylene raffia grade" in inbox
    # a seller cannot accept, even by posting the form
    token = csrf_from(own.get_data(as_text=True))
    r = client.post(
        f"/en/quotes/{world['q1']}/accept", data={"revision_id": world["rev"], "csrf_token": token}
    )
    assert r.status_code == 404


def test_request_a_quote_button_on_the_listing_page(client, world):
    html = client.get(f"/en/listings/{world['listing']}").get_data(as_text=True)
    assert "Request a quote" in html  # anonymous visitors are sent to log in first
    _login(client, "buyer@example.mn")
    page = client.get(f"/mn/rfqs/new?listing={world['listing']}")
    assert page.status_code == 200
    assert 'name="listing_id"' in page.get_data(as_text=True)
    with client.session_transaction() as s:
        s.clear()
    _login(client, "s1@example.cn")
    assert "Request a quote" not in client.get(f"/en/listings/{world['listing']}").get_data(as_text=True)


def test_bad_rfq_form_shows_translated_errors_and_changes_nothing(client, world, app):
    _login(client, "buyer@example.mn", "ru")
    page = client.get("/ru/rfqs/new?category=pp")
    r = client.post(
        "/ru/rfqs/new?category=pp",
        data={
            "csrf_token": csrf_from(page.get_data(as_text=True)),
            "title": "",
            "quantity": "abc",
            "destination_country": "MN",
            "deadline": "2020-01-01",
        },
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert t(app, "ru", "Enter a number.") in html
    assert t(app, "ru", "The closing date cannot be in the past.") in html
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Rfq)) == 1


def test_expiry_is_shown_in_the_viewers_time_zone(client, world, seed):
    def pin():
        rev = db.session.get(Quote, world["q1"]).current_revision
        rev.valid_until = date(2026, 12, 1)
        rev.expires_at = services.end_of_china_day(rev.valid_until)

    seed(pin)
    _login(client, "buyer@example.mn")  # Europe/Moscow: China midnight is 19:00 the day before
    html = client.get(f"/en/quotes/{world['q1']}").get_data(as_text=True)
    assert "Dec 1, 2026 (end of day, China time)" in html
    assert "12/1/26, 7:00\u202fPM" in html and "Europe/Moscow" in html


def test_api_flow_with_the_same_permissions(client, world, app):
    buyer = _token(client, "buyer@example.mn")
    s1, s2 = _token(client, "s1@example.cn"), _token(client, "s2@example.cn")
    assert client.get(f"/api/v1/quotes/{world['q1']}", headers=s2).status_code == 404
    assert client.get(f"/api/v1/rfqs/{world['rfq']}", headers=s1).status_code == 404
    listed = client.get("/api/v1/quotes", headers=s2).get_json()
    assert [q["id"] for q in listed] == [world["q2"]]
    r = client.post(
        f"/api/v1/quotes/{world['q2']}/revisions",
        headers=s2,
        json={
            "currency": "USD",
            "lines": [{"description": "PP", "quantity": "100", "unit": "t", "unit_price": "1030.00"}],
            "incoterm": "DAP",
            "incoterm_place": "Ulaanbaatar",
            "lead_time_days": 20,
            "deposit_percent": "30",
            "balance_due": "before_shipment",
            "valid_until": "2099-01-01",
        },
    )
    assert r.status_code == 422 and "valid_until" in r.get_json()["error"]["fields"]
    r = client.post(
        f"/api/v1/quotes/{world['q2']}/revisions",
        headers=s2,
        json={
            "currency": "USD",
            "lines": [{"description": "PP", "quantity": "100", "unit": "t", "unit_price": "1030.00"}],
            "incoterm": "DAP",
            "incoterm_place": "Ulaanbaatar",
            "lead_time_days": 20,
            "deposit_percent": "30",
            "balance_due": "before_shipment",
            "valid_until": services.china_today().isoformat(),
        },
    )
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["state"] == "submitted"
    comparison = client.get(f"/api/v1/rfqs/{world['rfq']}?currency=USD", headers=buyer).get_json()
    assert [q["unit_price"] for q in comparison["quotes"]] == ["1030.00", "1040.00"]
    r = client.post(
        f"/api/v1/quotes/{world['q1']}/counter",
        headers=buyer,
        json={"kind": "counter", "unit_price": "1000", "message": "Meet us at 1000"},
    )
    assert r.status_code == 201 and r.get_json()["state"] == "countered"
    assert (
        client.post(
            f"/api/v1/quotes/{world['q1']}/accept", headers=s1, json={"revision_id": world["rev"]}
        ).status_code
        == 403
    )
    r = client.post(f"/api/v1/quotes/{world['q1']}/messages", headers=s1, json={"body": "Let me check."})
    assert r.status_code == 201
    r = client.post(f"/api/v1/quotes/{world['q1']}/accept", headers=buyer, json={"revision_id": world["rev"]})
    assert r.status_code == 201, r.get_json()
    order = r.get_json()
    assert order["total"] == "104000.00" and order["state"] == "awaiting_deposit"
    assert client.get(f"/api/v1/orders/{order['id']}", headers=s2).status_code == 404
    assert client.get(f"/api/v1/orders/{order['id']}", headers=s1).get_json()["number"] == order["number"]
    assert client.get(f"/api/v1/quotes/{world['q2']}", headers=s2).get_json()["state"] == "not_selected"
    r = client.post(f"/api/v1/quotes/{world['q2']}/accept", headers=buyer, json={"revision_id": 1})
    assert r.status_code in (404, 409)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 1
    notes = client.get("/api/v1/notifications", headers=s2).get_json()
    assert notes[0]["kind"] == "quote_not_selected"


def test_openapi_lists_the_rfq_operations(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in (
        "/api/v1/rfqs",
        "/api/v1/rfqs/{rfq_id}",
        "/api/v1/quotes/{quote_id}/revisions",
        "/api/v1/quotes/{quote_id}/counter",
        "/api/v1/quotes/{quote_id}/accept",
        "/api/v1/quotes/{quote_id}/messages",
        "/api/v1/orders/{order_id}",
        "/api/v1/notifications",
    ):
        assert path in paths


@pytest.mark.parametrize("lang", ["zh", "en", "ru", "mn"])
def test_notifications_in_each_language(app, lang):
    params = {
        "title": "Cashmere yarn",
        "seller": "Ordos Co",
        "buyer": "Tavan Bogd",
        "total": {"amount": "1.00", "currency": "USD"},
        "revision": 2,
        "message": "m",
        "sender": "X",
        "number": "ORD-2026-000001",
        "quantity": "500 kg",
        "incoterm": "DAP",
        "place": "Ulaanbaatar",
        "expires_at": "2026-12-01T16:00:00+00:00",
        "order_state": "in_production",
        "amount": {"amount": "30.00", "currency": "USD"},
        "reference": "PI-1",
        "company": "Ordos Co",
        "stars": "5",  # credit: a rating's overall stars
    }
    shown = {**params, "order_state": t(app, lang, "In production")}  # a state is shown by its label
    for kind, (title_id, body_id) in KINDS.items():
        with app.app_context():
            title, body = render(kind, params, lang, "Asia/Ulaanbaatar")
        assert title == t(app, lang, title_id, **{k: v for k, v in shown.items() if f"%({k})" in title_id})
        if lang != "en":
            assert body != body_id
        assert any(x in body for x in ("Cashmere yarn", "Ordos Co", "Tavan Bogd", "PI-1"))
        if "%(order_state)s" in body_id:
            assert shown["order_state"] in body


def test_mail_to_each_side_is_in_its_language(app, seed, world):
    mails = read_mail(app)
    buyer_mail = [m for m in mails if "To: buyer@example.mn" in m]
    seller_mail = [m for m in mails if "To: s2@example.cn" in m]
    # the Mongolian buyer got "new quote" in Mongolian; sellers got the RFQ in their language (en)
    assert buyer_mail and t(app, "mn", "New quote from %(seller)s", seller="@").split("@")[1] in buyer_mail[0]
    assert seller_mail and "New request for quotation" in seller_mail[0]
