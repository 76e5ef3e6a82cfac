"""Credit over HTTP: the JSON API (profile with its explanation in the reader's language, ratings
create/answer/list, hiding and the history for admins, with 403/404/409 where refused) and the pages
(the order page's rating form and answer, the seller profile, the listing badge, the admin history)."""

from __future__ import annotations

import factories
import pytest
import sqlalchemy as sa
from credit_world import day, order, parties
from factories import PASSWORD
from support import Browserish, csrf_from, t

from marketplace.credit import services
from marketplace.credit.models import CreditSnapshot, Rating
from marketplace.extensions import db

STARS = {"overall": 4, "as_described": 5, "communication": 4, "on_time": 3}


def _token(client, email):
    r = client.post("/api/v1/auth/tokens", json={"email": email, "password": PASSWORD, "token_name": "t"})
    assert r.status_code == 201, r.get_json()
    return {"Authorization": f"Bearer {r.get_json()['token']}"}


def _login(client, email, lang="en"):
    with client.session_transaction() as session:
        session.clear()
    page = client.get(f"/{lang}/login")
    r = client.post(
        f"/{lang}/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_from(page.get_data(as_text=True))},
    )
    assert r.status_code == 302


@pytest.fixture
def world(seed):
    def build():
        seller_owner, seller, buyer_user, buyer = parties(0)
        seller_owner.email, buyer_user.email = "seller@example.cn", "buyer@example.mn"
        buyer_user.language = "zh"
        outsider = factories.make_user("other@example.ru")
        factories.make_company(outsider)
        factories.make_user("admin@example.com", admin=True)
        history = [
            ("in_production", day(40)),
            ("shipped", day(35)),
            ("delivered", day(20)),
            ("completed", day(15)),
        ]
        done = order(seller, buyer, history)
        open_order = order(seller, buyer, history[:2])
        return {"seller": seller.id, "order": done.id, "open_order": open_order.id, "number": done.number}

    return seed(build)


def test_api_ratings_permissions_and_history(app, client, world):
    buyer, seller = _token(client, "buyer@example.mn"), _token(client, "seller@example.cn")
    other, admin = _token(client, "other@example.ru"), _token(client, "admin@example.com")
    url = f"/api/v1/orders/{world['order']}/rating"

    assert client.post(url, json=STARS, headers=seller).status_code == 403
    assert client.post(url, json=STARS, headers=admin).status_code == 403
    assert client.post(url, json=STARS, headers=other).status_code == 404
    assert client.post(url, json=STARS).status_code == 401
    bad = client.post(url, json={**STARS, "overall": 9}, headers=buyer)
    assert bad.status_code == 422 and set(bad.get_json()["error"]["fields"]) == {"overall"}
    not_done = client.post(f"/api/v1/orders/{world['open_order']}/rating", json=STARS, headers=buyer)
    assert not_done.status_code == 409 and not_done.get_json()["error"]["code"] == "order_not_completed"

    created = client.post(url, json={**STARS, "comment": "准时发货", "comment_language": "zh"}, headers=buyer)
    assert created.status_code == 201, created.get_json()
    rating = created.get_json()
    assert rating["overall"] == 4 and rating["comment_language"] == "zh" and rating["reply"] is None
    again = client.post(url, json=STARS, headers=buyer)
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "already_rated"
    assert client.get(url, headers=seller).get_json()["id"] == rating["id"]
    assert client.get(url, headers=other).status_code == 404

    reply_url = f"/api/v1/ratings/{rating['id']}/reply"
    assert client.post(reply_url, json={"reply": "谢谢"}, headers=buyer).status_code == 403
    assert client.post(reply_url, json={"reply": "谢谢"}, headers=other).status_code == 403
    answered = client.post(reply_url, json={"reply": "谢谢您的订单", "language": "zh"}, headers=seller)
    assert answered.status_code == 200 and answered.get_json()["reply"] == "谢谢您的订单"
    assert client.post(reply_url, json={"reply": "again"}, headers=seller).status_code == 409

    listed = client.get(f"/api/v1/sellers/{world['seller']}/ratings", headers=other).get_json()["ratings"]
    assert [r["id"] for r in listed] == [rating["id"]]

    hide_url = f"/api/v1/ratings/{rating['id']}/hide"
    assert client.post(hide_url, json={"reason": "spam"}, headers=seller).status_code == 403
    assert client.post(hide_url, json={}, headers=admin).status_code == 422
    hidden = client.post(hide_url, json={"reason": "Abusive language"}, headers=admin)
    assert hidden.status_code == 200 and hidden.get_json()["state"] == "hidden"
    assert client.get(f"/api/v1/sellers/{world['seller']}/ratings", headers=other).get_json()["ratings"] == []
    admin_list = client.get(f"/api/v1/sellers/{world['seller']}/ratings", headers=admin).get_json()["ratings"]
    assert admin_list[0]["hidden_reason"] == "Abusive language"

    history_url = f"/api/v1/admin/sellers/{world['seller']}/credit/history"
    assert client.get(history_url, headers=buyer).status_code == 403
    with app.app_context():
        services.recompute(world["seller"], trigger="test")
        db.session.commit()
    snaps = client.get(history_url, headers=admin).get_json()["snapshots"]
    assert len(snaps) == 1 and snaps[0]["figures"]["orders_measured"] == 2 and snaps[0]["grade"] == "new"
    assert client.get("/api/v1/admin/sellers/999999/credit/history", headers=admin).status_code == 404

    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert {"/sellers/{seller_id}/credit", "/orders/{order_id}/rating", "/ratings/{rating_id}/hide"} <= {
        p.removeprefix("/api/v1") for p in paths
    }


def test_api_profile_is_explained_in_the_readers_language(app, client, world):
    buyer = _token(client, "buyer@example.mn")  # a Chinese-speaking buyer
    r = client.get(f"/api/v1/sellers/{world['seller']}/credit", headers=buyer)
    assert r.status_code == 200
    profile = r.get_json()
    assert profile["grade"] == "new" and profile["score"] is None and profile["computed_at"] is None
    assert profile["label"] == t(app, "zh", "Not enough history")
    on_time = next(c for c in profile["components"] if c["key"] == "on_time")
    assert on_time["title"] == t(app, "zh", "On-time shipment") and on_time["count"] == 2
    assert not on_time["available"] and on_time["explanation"] == t(
        app,
        "zh",
        "Not enough history: %(count)d of the %(minimum)d needed in the last 12 months.",
        count=2,
        minimum=5,
    )
    assert client.get("/api/v1/sellers/999999/credit", headers=buyer).status_code == 404


def test_order_page_rating_form_answer_and_pages(app, client, world):
    web = Browserish(client)
    order_url = f"/en/orders/{world['order']}"
    _login(client, "buyer@example.mn", "en")
    page = client.get(order_url).get_data(as_text=True)
    assert 'id="rating-form"' in page
    refused = web.submit(order_url, {"overall": "4"}, action=f"/en/credit/orders/{world['order']}/rating")
    assert refused.status_code == 302
    assert "Choose from 1 to 5 stars." in client.get(order_url).get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Rating)) == 0
    ok = web.submit(
        order_url,
        {**{k: str(v) for k, v in STARS.items()}, "comment": "Good goods", "comment_language": "en"},
        action=f"/en/credit/orders/{world['order']}/rating",
    )
    assert ok.status_code == 302
    page = client.get(order_url).get_data(as_text=True)
    assert "Good goods" in page and 'id="rating-form"' not in page and 'id="reply-form"' not in page

    _login(client, "seller@example.cn", "zh")
    zh_page = client.get(f"/zh/orders/{world['order']}").get_data(as_text=True)
    assert 'id="reply-form"' in zh_page and t(app, "zh", "Publish the answer") in zh_page
    with app.app_context():
        rating_id = db.session.scalar(sa.select(Rating.id))
    web.submit(
        f"/zh/orders/{world['order']}", {"reply": "感谢惠顾"}, action=f"/zh/credit/ratings/{rating_id}/reply"
    )
    zh_page = client.get(f"/zh/orders/{world['order']}").get_data(as_text=True)
    assert "感谢惠顾" in zh_page and 'id="reply-form"' not in zh_page

    seller_page = client.get(f"/zh/sellers/{world['seller']}").get_data(as_text=True)
    assert "Good goods" in seller_page and "感谢惠顾" in seller_page
    assert t(app, "zh", "Seller credit") in seller_page

    _login(client, "admin@example.com", "en")
    assert 'id="hide-form"' in client.get(order_url).get_data(as_text=True)
    web.submit(order_url, {"reason": "Test hide"}, action=f"/en/credit/ratings/{rating_id}/hide")
    assert "Good goods" not in client.get(f"/en/sellers/{world['seller']}").get_data(as_text=True)
    admin_page = client.get(f"/en/admin/credit/{world['seller']}")
    assert admin_page.status_code == 200 and "Hidden: Test hide" in admin_page.get_data(as_text=True)
    web.submit(
        f"/en/admin/credit/{world['seller']}", {}, action=f"/en/admin/credit/{world['seller']}/recompute"
    )
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(CreditSnapshot)) == 1
    history = client.get(f"/en/admin/credit/{world['seller']}").get_data(as_text=True)
    assert "2 of 2 on time" in history and "admin" in history
    assert "Test Seller" in client.get("/en/admin/credit").get_data(as_text=True)

    _login(client, "buyer@example.mn", "en")
    assert client.get(f"/en/admin/credit/{world['seller']}").status_code == 403
    assert client.post(f"/en/admin/credit/{world['seller']}/recompute").status_code in (400, 403)
