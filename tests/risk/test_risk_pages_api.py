"""Risk pages and API: only admins see flags (pages 403, API 403), the queue, the evidence and the
decision; the affected party sees a translated hold without the denied-party details; the seller
records the licence and consignee; the destination list is maintained on a page and through the API."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from factories import PASSWORD, make_user
from risk_world import load_sample, market, place
from support import csrf_from, t

from marketplace.core.audit import AuditEntry
from marketplace.extensions import db
from marketplace.risk.models import RiskCountry, RiskFlag, TradeDetails
from marketplace.risk.states import FlagState


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
        load_sample()
        m = market("Ivanov Trading LLC")
        order = place(m)
        flag = db.session.scalar(sa.select(RiskFlag))
        return {
            "admin": m["admin"].email,
            "seller": m["seller"].email,
            "buyer": m["buyer"].email,
            "other": make_user().email,
            "order": order.id,
            "flag": flag.id,
        }

    return seed(build)


def _flag(app, flag_id):
    with app.app_context():
        flag = db.session.get(RiskFlag, flag_id)
        state = flag.state
        db.session.remove()
    return state


def test_admin_works_the_queue_and_decides_on_the_flag_page(app, world):
    client = _as(app, world["admin"])
    page = client.get("/en/admin/risk/flags").get_data(as_text=True)
    assert "Denied-party match" in page and "ORD-" in page
    detail = client.get(f"/en/admin/risk/flags/{world['flag']}")
    html = detail.get_data(as_text=True)
    assert detail.status_code == 200
    assert "ООО «Иванов Трейдинг»" in html and "sample-ru-ivanov-trading" in html
    token = csrf_from(html)
    refused = client.post(
        f"/en/admin/risk/flags/{world['flag']}", data={"decision": "clear", "csrf_token": token}
    )
    assert refused.status_code == 422 and "Say why." in refused.get_data(as_text=True)
    assert _flag(app, world["flag"]) == FlagState.OPEN
    done = client.post(
        f"/en/admin/risk/flags/{world['flag']}",
        data={"decision": "clear", "reason": "Other company (INN differs).", "csrf_token": token},
    )
    assert done.status_code == 302
    assert _flag(app, world["flag"]) == FlagState.CLEARED
    with app.app_context():
        actions = list(
            db.session.scalars(
                sa.select(AuditEntry.action).where(AuditEntry.action.like("risk.%")).order_by(AuditEntry.id)
            )
        )
    assert actions[-1] == "risk.cleared"


def test_only_admins_see_flags(app, world):
    for who in ("seller", "buyer", "other"):
        client = _as(app, world[who])
        assert client.get("/en/admin/risk/flags").status_code == 403
        assert client.get(f"/en/admin/risk/flags/{world['flag']}").status_code == 403
        assert client.get("/en/admin/risk/countries").status_code == 403
        headers = _token(client, world[who])
        assert client.get("/api/v1/risk/flags", headers=headers).status_code == 403
        assert client.get(f"/api/v1/risk/flags/{world['flag']}", headers=headers).status_code == 403
        r = client.post(
            f"/api/v1/risk/flags/{world['flag']}/decision",
            json={"decision": "clear", "reason": "x"},
            headers=headers,
        )
        assert r.status_code == 403 and r.get_json()["error"]["code"] == "forbidden"
    assert app.test_client().get("/api/v1/risk/flags").status_code == 401
    assert _flag(app, world["flag"]) == FlagState.OPEN


def test_admin_api_lists_shows_and_decides(app, world):
    client = app.test_client()
    headers = _token(client, world["admin"])
    listed = client.get("/api/v1/risk/flags?state=open", headers=headers).get_json()["flags"]
    assert [f["id"] for f in listed] == [world["flag"]]
    assert client.get("/api/v1/risk/flags?rule=nonsense", headers=headers).status_code == 422
    detail = client.get(f"/api/v1/risk/flags/{world['flag']}", headers=headers).get_json()
    assert detail["rule"] == "denied_party" and detail["evidence"]["score"] >= 88
    assert detail["evidence"]["entry_name"] == "ООО «Иванов Трейдинг»"
    bad = client.post(
        f"/api/v1/risk/flags/{world['flag']}/decision", json={"decision": "clear"}, headers=headers
    )
    assert bad.status_code == 422 and "reason" in bad.get_json()["error"]["fields"]
    ok = client.post(
        f"/api/v1/risk/flags/{world['flag']}/decision",
        json={"decision": "uphold", "reason": "Same address as the listed entity."},
        headers=headers,
    )
    assert ok.status_code == 200 and ok.get_json()["state"] == "upheld"
    again = client.post(
        f"/api/v1/risk/flags/{world['flag']}/decision",
        json={"decision": "uphold", "reason": "x"},
        headers=headers,
    )
    assert again.status_code == 409
    assert client.get("/api/v1/risk/flags/999999", headers=headers).status_code == 404


@pytest.mark.parametrize("lang", ["zh", "en", "ru", "mn"])
def test_the_parties_see_a_translated_hold_without_the_list_details(app, world, lang):
    for who in ("buyer", "seller"):
        html = _as(app, world[who], lang).get(f"/{lang}/orders/{world['order']}").get_data(as_text=True)
        assert t(app, lang, "Held for compliance review") in html
        assert "Иванов" not in html and "sample-ru" not in html


def test_seller_records_the_licence_and_consignee_on_a_page_and_through_the_api(app, world):
    seller = _as(app, world["seller"])
    url = f"/en/risk/order/{world['order']}/details"
    page = seller.get(url)
    assert page.status_code == 200
    r = seller.post(
        url,
        data={
            "licence_number": "MOFCOM-2026-7",
            "licence_issuer": "MOFCOM",
            "consignee_country": "ZZ",
            "csrf_token": csrf_from(page.get_data(as_text=True)),
        },
    )
    assert r.status_code == 422
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(TradeDetails)) == 0
    r = seller.post(
        url,
        data={
            "licence_number": "MOFCOM-2026-7",
            "licence_issuer": "MOFCOM",
            "csrf_token": csrf_from(page.get_data(as_text=True)),
        },
    )
    assert r.status_code == 302
    assert _as(app, world["buyer"]).get(url).status_code == 404
    headers = _token(seller, world["seller"])
    api = seller.get(f"/api/v1/risk/order/{world['order']}/details", headers=headers).get_json()
    assert api["licence_number"] == "MOFCOM-2026-7" and api["held"] is True
    put = seller.put(
        f"/api/v1/risk/order/{world['order']}/details",
        json={"licence_number": "MOFCOM-2026-8"},
        headers=headers,
    )
    assert put.status_code == 200 and put.get_json()["licence_number"] == "MOFCOM-2026-8"
    buyer_headers = _token(seller, world["buyer"])
    assert (
        seller.get(f"/api/v1/risk/order/{world['order']}/details", headers=buyer_headers).status_code == 404
    )


def test_destination_list_page_and_api_are_audited(app, world):
    admin = _as(app, world["admin"])
    page = admin.get("/en/admin/risk/countries")
    html = page.get_data(as_text=True)
    assert "(KP)" in html  # the configuration's defaults are listed
    r = admin.post(
        "/en/admin/risk/countries",
        data={"country": "MN", "level": "extra_check", "note": "End-use", "csrf_token": csrf_from(html)},
    )
    assert r.status_code == 302
    headers = _token(admin, world["admin"])
    listed = {
        c["country"]: c for c in admin.get("/api/v1/risk/countries", headers=headers).get_json()["countries"]
    }
    assert listed["MN"] == {"country": "MN", "level": "extra_check", "note": "End-use", "source": "admin"}
    assert admin.put("/api/v1/risk/countries/RU", json={"level": "nope"}, headers=headers).status_code == 422
    assert (
        admin.put("/api/v1/risk/countries/RU", json={"level": "blocked"}, headers=headers).status_code == 200
    )
    assert admin.delete("/api/v1/risk/countries/MN", headers=headers).status_code == 200
    assert admin.delete("/api/v1/risk/countries/MN", headers=headers).status_code == 404
    with app.app_context():
        assert set(db.session.scalars(sa.select(RiskCountry.country))) == {"RU"}
        actions = list(
            db.session.scalars(
                sa.select(AuditEntry.action)
                .where(AuditEntry.action.like("risk.country%"))
                .order_by(AuditEntry.id)
            )
        )
    assert actions == ["risk.country_set", "risk.country_set", "risk.country_removed"]


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_licence_scan_is_uploaded_by_the_seller_and_seen_by_admins_only(app, world):
    import io

    seller = _as(app, world["seller"])
    url = f"/en/risk/order/{world['order']}/details"
    token = csrf_from(seller.get(url).get_data(as_text=True))
    bad = seller.post(
        url,
        data={
            "licence_number": "L-1",
            "licence_file": (io.BytesIO(b"MZ not a pdf"), "x.exe"),
            "csrf_token": token,
        },
        content_type="multipart/form-data",
    )
    assert bad.status_code == 422
    ok = seller.post(
        url,
        data={"licence_number": "L-1", "licence_file": (io.BytesIO(PDF), "licence.pdf"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert ok.status_code == 302
    download = f"/en/risk/order/{world['order']}/licence"
    with seller.get(download) as r:
        assert r.data == PDF
    assert _as(app, world["buyer"]).get(download).status_code == 404
    admin = _as(app, world["admin"])
    with admin.get(download) as r:
        assert r.status_code == 200
    assert "licence.pdf" in admin.get(f"/en/admin/risk/flags/{world['flag']}").get_data(as_text=True)
    headers = _token(seller, world["seller"])
    api = f"/api/v1/risk/order/{world['order']}/licence-file"
    missing = seller.post(
        api, data={"licence_number": "L-2"}, headers=headers, content_type="multipart/form-data"
    )
    assert missing.status_code == 422 and "licence_file" in missing.get_json()["error"]["fields"]
    r = seller.post(
        api,
        data={"licence_number": "L-2", "licence_file": (io.BytesIO(PDF), "second.pdf")},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert r.status_code == 200 and r.get_json()["licence_file"] == "second.pdf"
