"""Warehouse, stock and booking pages and API: a seller never sees another seller's stock, an operator
sees only its warehouse, refusals are translated and change nothing, buyers see overseas stock."""

from __future__ import annotations

import pytest
import stock_world
from factories import PASSWORD
from support import csrf_from, t

from marketplace.extensions import db
from marketplace.warehouses import ledger
from marketplace.warehouses.models import ReplenishmentBooking, StockBalance, Warehouse


def _login(client, email, lang="en"):
    page = client.get(f"/{lang}/login")
    r = client.post(
        f"/{lang}/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf_from(page.get_data(as_text=True))},
    )
    assert r.status_code == 302


def _as(app, email, lang="en"):
    client = app.test_client()
    _login(client, email, lang)
    return client


def _token(client, email):
    r = client.post("/api/v1/auth/tokens", json={"email": email, "password": PASSWORD, "token_name": "t"})
    assert r.status_code == 201, r.get_json()
    return {"Authorization": f"Bearer {r.get_json()['token']}"}


@pytest.fixture
def world(seed):
    def build():
        w = stock_world.world()
        ledger.receive(w["l1"], w["moscow"], "40", "R-1")
        ledger.receive(w["l2"], w["moscow"], "70", "R-2")
        ledger.receive(w["l2"], w["ub"], "15", "R-3")
        balances = {(b.listing_id, b.warehouse_id): b.id for b in db.session.scalars(db.select(StockBalance))}
        return {
            "l1": w["l1"].id,
            "l2": w["l2"].id,
            "moscow": w["moscow"].id,
            "ub": w["ub"].id,
            "b1": balances[(w["l1"].id, w["moscow"].id)],
            "b2": balances[(w["l2"].id, w["moscow"].id)],
            "b2ub": balances[(w["l2"].id, w["ub"].id)],
        }

    return seed(build)


def test_seller_sees_only_its_own_stock(client, world):
    _login(client, "s1@example.cn")
    page = client.get("/en/stock").get_data(as_text=True)
    assert f"#{world['l1']}" in page and f"#{world['l2']}" not in page
    assert client.get(f"/en/stock/{world['b1']}").status_code == 200
    assert client.get(f"/en/stock/{world['b2']}").status_code == 404
    detail = client.get(f"/en/warehouses/{world['moscow']}").get_data(as_text=True)
    assert f"#{world['l1']}" in detail and f"#{world['l2']}" not in detail
    api = _token(client, "s1@example.cn")
    stock = client.get("/api/v1/stock", headers=api).get_json()["stock"]
    assert {s["listing_id"] for s in stock} == {world["l1"]}
    assert client.get(f"/api/v1/stock/{world['b2']}/movements", headers=api).status_code == 404
    in_wh = client.get(f"/api/v1/warehouses/{world['moscow']}/stock", headers=api).get_json()["stock"]
    assert {s["listing_id"] for s in in_wh} == {world["l1"]}


def test_operator_sees_only_its_warehouse(client, world):
    _login(client, "op@moscow.example", "ru")
    page = client.get("/ru/stock").get_data(as_text=True)
    assert f"#{world['l1']}" in page and f"#{world['l2']}" in page
    assert client.get(f"/ru/stock/{world['b2']}").status_code == 200
    assert client.get(f"/ru/stock/{world['b2ub']}").status_code == 404
    api = _token(client, "op@moscow.example")
    assert (
        len(client.get(f"/api/v1/warehouses/{world['moscow']}/stock", headers=api).get_json()["stock"]) == 2
    )
    assert client.get(f"/api/v1/warehouses/{world['ub']}/stock", headers=api).get_json()["stock"] == []
    assert client.get(f"/api/v1/stock/{world['b2ub']}/movements", headers=api).status_code == 404


def test_adjustment_page_and_translated_refusal(app, client, world):
    _login(client, "s1@example.cn", "ru")
    url = f"/ru/stock/{world['b1']}"
    page = client.get(url).get_data(as_text=True)
    r = client.post(url, data={"delta": "-50", "reason": "пересчёт", "csrf_token": csrf_from(page)})
    assert r.status_code == 409
    assert t(app, "ru", "Not enough stock is available for this.") in r.get_data(as_text=True)
    r = client.post(url, data={"delta": "-2", "reason": "", "csrf_token": csrf_from(page)})
    assert r.status_code == 422
    assert t(app, "ru", "Say why the stock is adjusted.") in r.get_data(as_text=True)
    r = client.post(url, data={"delta": "-2", "reason": "пересчёт", "csrf_token": csrf_from(page)})
    assert r.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "пересчёт" in page
    with app.app_context():
        assert db.session.get(StockBalance, world["b1"]).on_hand == 38


def test_booking_through_pages_to_received(app, client, world):
    _login(client, "s1@example.cn")
    form = client.get(f"/en/bookings/new?warehouse={world['moscow']}").get_data(as_text=True)
    data = {
        "csrf_token": csrf_from(form),
        "warehouse_id": str(world["moscow"]),
        "currency": "USD",
        "line-0-listing_id": str(world["l1"]),
        "line-0-quantity": "120",
        "line-0-unit_price": "140",
        "packages": "12",
        "package_type": "bale",
        "gross_weight_kg": "130",
        "net_weight_kg": "120",
        "transport_mode": "rail",
        "carrier_name": "China Railway Express",
        "carrier_customs_code": "1101980001",
        "waybill_number": "CRE-2026-0001",
        "exit_customs_code": "0702",
        "departure_date": "2026-12-01",
    }
    bad = client.post("/en/bookings/new", data={**data, "net_weight_kg": "200"})
    assert bad.status_code == 422 and "The net weight cannot exceed the gross weight." in bad.get_data(
        as_text=True
    )
    r = client.post("/en/bookings/new", data=data)
    assert r.status_code == 302
    with app.app_context():
        booking = db.session.scalar(db.select(ReplenishmentBooking))
        booking_id, line_id, number = booking.id, booking.lines[0].id, booking.number
    page = client.get(f"/en/bookings/{booking_id}").get_data(as_text=True)
    assert number in page and "Mark as departed" in page
    client.post(f"/en/bookings/{booking_id}/depart", data={"csrf_token": csrf_from(page)})
    page = client.get(f"/en/bookings/{booking_id}").get_data(as_text=True)
    r = client.post(
        f"/en/bookings/{booking_id}/receive",
        data={"csrf_token": csrf_from(page), f"received-{line_id}": "120"},
    )
    assert r.status_code == 302
    with app.app_context():
        assert db.session.get(ReplenishmentBooking, booking_id).state.value == "received"
        assert db.session.get(StockBalance, world["b1"]).on_hand == 160
    # another seller cannot see it, the Moscow operator can
    assert _as(app, "s2@example.cn").get(f"/en/bookings/{booking_id}").status_code == 404
    api = _token(client, "op@moscow.example")
    assert client.get(f"/api/v1/bookings/{booking_id}", headers=api).get_json()["number"] == number


def test_booking_api(client, world):
    api = _token(client, "s2@example.cn")
    body = {
        "warehouse_id": world["ub"],
        "currency": "USD",
        "packages": 3,
        "package_type": "pallet",
        "gross_weight_kg": "900",
        "net_weight_kg": "850",
        "transport_mode": "road",
        "carrier_name": "Erenhot Trans LLC",
        "carrier_customs_code": "1506980002",
        "waybill_number": "ERL-77",
        "exit_customs_code": "0702",
        "departure_date": "2026-12-03",
        "lines": [{"listing_id": world["l2"], "quantity": "800", "unit_price": "130.5"}],
    }
    r = client.post("/api/v1/bookings", json={**body, "waybill_number": "x" * 40}, headers=api)
    assert r.status_code == 422 and "waybill_number" in r.get_json()["error"]["fields"]
    r = client.post("/api/v1/bookings", json=body, headers=api)
    assert r.status_code == 201, r.get_json()
    booking = r.get_json()
    assert booking["lines"][0]["hs_code"] == "5108101100" and booking["total_value"] == "104400.00"
    r = client.post(f"/api/v1/bookings/{booking['id']}/receipts", json={"lines": {}}, headers=api)
    assert r.status_code == 409  # not departed yet
    assert client.post(f"/api/v1/bookings/{booking['id']}/depart", headers=api).status_code == 200
    line_id = booking["lines"][0]["id"]
    r = client.post(
        f"/api/v1/bookings/{booking['id']}/receipts", json={"lines": {str(line_id): "500"}}, headers=api
    )
    assert r.get_json()["state"] == "partially_received"
    other = _token(client, "s1@example.cn")
    assert client.get(f"/api/v1/bookings/{booking['id']}", headers=other).status_code == 404


def test_buyers_see_overseas_stock_on_the_listing(app, client, world):
    page = client.get(f"/en/listings/{world['l2']}").get_data(as_text=True)
    assert "In stock in Ulaanbaatar, ships in 2 days" in page
    assert "In stock in Moscow, ships in 3 days" in page
    ru = client.get(f"/ru/listings/{world['l1']}").get_data(as_text=True)
    assert t(app, "ru", "Overseas stock") in ru


def test_register_own_warehouse_and_admin_pages(app, client, world, tmp_path):
    _login(client, "s1@example.cn")
    form = client.get("/en/warehouses/new").get_data(as_text=True)
    data = {
        "csrf_token": csrf_from(form),
        "kind": "own",
        "name": "Dongsheng Almaty rented warehouse",
        "operator_name": "TOO Kazlogistic",
        "country": "KZ",
        "city": "Almaty",
        "address": "Suyunbay avenue 2",
        "ships_in_days": "2",
        "active": "y",
        "contract_number": "KZL-2026-15",
    }
    r = client.post("/en/warehouses/new", data=data)
    assert r.status_code == 422 and "Attach the booking contract (PDF)." in r.get_data(as_text=True)
    from io import BytesIO

    r = client.post(
        "/en/warehouses/new",
        data={**data, "contract": (BytesIO(b"%PDF-1.4 contract"), "contract.pdf")},
        content_type="multipart/form-data",
    )
    assert r.status_code == 302
    with app.app_context():
        own = db.session.scalar(db.select(Warehouse).where(Warehouse.kind == "own"))
        own_id = own.id
    r = client.get(f"/en/warehouses/{own_id}/contract")
    assert r.status_code == 200
    r.close()
    client = _as(app, "s2@example.cn")
    assert client.get(f"/en/warehouses/{own_id}").status_code == 404
    assert client.get(f"/en/warehouses/{own_id}/contract").status_code == 404
    assert client.get("/en/admin/warehouses/").status_code == 403
    client = _as(app, "admin@example.com")
    page = client.get("/en/admin/warehouses/").get_data(as_text=True)
    assert "Duisburg" in page and "Tashkent" in page
    new = client.get("/en/admin/warehouses/new").get_data(as_text=True)
    r = client.post(
        "/en/admin/warehouses/new",
        data={
            "csrf_token": csrf_from(new),
            "name": "Ordos Pilot Zone Overseas Warehouse Bishkek",
            "operator_name": "OsOO Ala-Too Logistics",
            "country": "KG",
            "city": "Bishkek",
            "address": "Ibraimova 103",
            "ships_in_days": "3",
            "code": "bishkek",
            "active": "y",
        },
    )
    assert r.status_code == 302


def test_seed_command_is_idempotent(app, runner):
    assert "7 public warehouses" in runner.invoke(args=["warehouses", "seed"]).output
    runner.invoke(args=["warehouses", "seed"])
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Warehouse.id))) == 7


def test_operator_management(client, world):
    _login(client, "admin@example.com")
    page = client.get(f"/en/warehouses/{world['ub']}").get_data(as_text=True)
    r = client.post(
        f"/en/warehouses/{world['ub']}/operators",
        data={"csrf_token": csrf_from(page), "email": "nobody@x.example"},
    )
    assert r.status_code == 302
    assert "No account uses this e-mail address." in client.get(f"/en/warehouses/{world['ub']}").get_data(
        as_text=True
    )


def test_warehouse_api_registration_operators_and_admin(client, world):
    from io import BytesIO

    seller = _token(client, "s1@example.cn")
    fields = {
        "kind": "own",
        "name": "Dongsheng Tashkent rented warehouse",
        "operator_name": "OOO Uzlogistic",
        "country": "UZ",
        "city": "Tashkent",
        "address": "Amir Temur 1",
        "ships_in_days": "4",
        "contract_number": "UZL-7",
    }
    r = client.post("/api/v1/warehouses", json=fields, headers=seller)
    assert r.status_code == 422 and "contract" in r.get_json()["error"]["fields"]
    r = client.post(
        "/api/v1/warehouses",
        data={**fields, "contract": (BytesIO(b"%PDF-1.4 contract"), "contract.pdf")},
        headers=seller,
        content_type="multipart/form-data",
    )
    assert r.status_code == 201, r.get_json()
    own = r.get_json()["id"]
    r = client.patch(f"/api/v1/warehouses/{own}", json={"ships_in_days": 5}, headers=seller)
    assert r.status_code == 200 and r.get_json()["ships_in_days"] == 5
    other = _token(client, "s2@example.cn")
    assert (
        client.patch(f"/api/v1/warehouses/{own}", json={"ships_in_days": 1}, headers=other).status_code == 404
    )
    r = client.post(
        f"/api/v1/warehouses/{own}/operators", json={"email": "op@moscow.example"}, headers=seller
    )
    assert r.status_code == 201
    ops = client.get(f"/api/v1/warehouses/{own}/operators", headers=seller).get_json()["operators"]
    assert [o["email"] for o in ops] == ["op@moscow.example"]
    operator = _token(client, "op@moscow.example")
    assert client.get(f"/api/v1/warehouses/{own}", headers=operator).status_code == 200
    assert client.get(f"/api/v1/warehouses/{own}/operators", headers=operator).status_code == 403
    assert (
        client.delete(f"/api/v1/warehouses/{own}/operators/{ops[0]['user_id']}", headers=seller).status_code
        == 200
    )
    assert client.get(f"/api/v1/warehouses/{own}", headers=operator).status_code == 404
    body = {
        "name": "Hub Bishkek",
        "operator_name": "Ala-Too",
        "country": "KG",
        "city": "Bishkek",
        "address": "x",
    }
    assert client.post("/api/v1/admin/warehouses", json=body, headers=seller).status_code == 403
    admin = _token(client, "admin@example.com")
    r = client.post("/api/v1/admin/warehouses", json={**body, "code": "bishkek"}, headers=admin)
    assert r.status_code == 201 and r.get_json()["kind"] == "public"
    assert client.get("/api/v1/openapi.json").status_code == 200
