"""/api/v1/admin/customs: the console's list, detail and actions for admins only, with JSON errors."""

from __future__ import annotations

import sqlalchemy as sa
from factories import PASSWORD, make_company, make_user

from customs.console_world import declare, full_route, rejected, released
from marketplace.core.audit import AuditEntry
from marketplace.customs.models import Declaration
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db

S = DeclarationState
BASE = "/api/v1/admin/customs"


def token(client, email):
    r = client.post("/api/v1/auth/tokens", json={"email": email, "password": PASSWORD, "token_name": "t"})
    assert r.status_code == 201, r.get_json()
    return {"Authorization": f"Bearer {r.get_json()['token']}"}


def world():
    make_user("root@example.com", admin=True)
    make_company(make_user("seller@example.com"), "seller")
    return {
        "rejected": rejected(1).id,
        "released": released(2).id,
        "broker": full_route(3).id,
        "submitted": declare(4).id,
    }


def test_only_admins(client, seed):
    ids = seed(world)
    assert client.get(f"{BASE}/declarations").status_code == 401
    seller = token(client, "seller@example.com")
    for method, url in (
        ("get", f"{BASE}/declarations"),
        ("get", f"{BASE}/declarations/{ids['rejected']}"),
        ("post", f"{BASE}/declarations/{ids['rejected']}/resubmit"),
        ("post", f"{BASE}/declarations/{ids['rejected']}/retry"),
        ("post", f"{BASE}/declarations/{ids['released']}/cancel"),
        ("post", f"{BASE}/declarations/{ids['broker']}/entry"),
        ("post", f"{BASE}/poll"),
    ):
        r = getattr(client, method)(
            url, headers=seller, json={"reason": "x", "entry_no": "070220261000012345"}
        )
        assert r.status_code == 403 and r.json["error"]["code"] == "forbidden", url
    with client.application.app_context():
        assert db.session.get(Declaration, ids["rejected"]).state == S.REJECTED
        assert db.session.get(Declaration, ids["broker"]).entry_no is None


def test_list_and_detail(client, seed):
    ids = seed(world)
    admin = token(client, "root@example.com")
    body = client.get(f"{BASE}/declarations", headers=admin).json
    assert body["total"] == 4 and body["counts"] == {
        "rejected": 1,
        "released": 1,
        "broker": 1,
        "submitted": 1,
    }
    assert body["attention"]["rejected"] == 1 and body["attention"]["all"] == 1
    only = client.get(f"{BASE}/declarations?state=rejected", headers=admin).json
    assert [x["id"] for x in only["items"]] == [ids["rejected"]]
    assert only["items"][0]["rejection_reason"].endswith("商品编码与申报品名不符]")
    assert [x["id"] for x in client.get(f"{BASE}/declarations?route=full", headers=admin).json["items"]] == [
        ids["broker"]
    ]
    assert client.get(f"{BASE}/declarations?q=07022026E000000002", headers=admin).json["total"] == 1

    detail = client.get(f"{BASE}/declarations/{ids['released']}", headers=admin).json
    assert [m["kind"] for m in detail["messages"]] == ["CEB303", "CEB505", "CEB603"]
    assert all(
        m["xsd_valid"] and m["signature"] == "verified" and m["app_type"] == "1" for m in detail["messages"]
    )
    assert detail["messages"][2]["xml"].startswith("<ceb:CEB603Message")
    assert detail["messages"][0]["job"] == {"status": "pending", "attempts": 0, "last_error": None}
    assert [r["return_status"] for r in detail["receipts"]] == ["2", "120", "800"]
    assert detail["receipts"][2]["meaning"] == "Released" and detail["invt_no"] == "07022026E000000002"
    assert [h["to"] for h in detail["history"]] == ["submitted", "accepted", "entered", "released"]
    assert detail["actions"] == ["cancel"] and detail["route_data"]["route"] == "list"
    broker = client.get(f"{BASE}/declarations/{ids['broker']}", headers=admin).json
    assert broker["handoff"]["attached_documents"] == [{"code": "10000004", "number": "ORD-2026-000003"}]
    assert broker["actions"] == ["entry"] and broker["messages"] == []
    assert client.get(f"{BASE}/declarations/999999", headers=admin).status_code == 404


def test_actions(client, seed):
    ids = seed(world)
    admin = token(client, "root@example.com")
    r = client.post(f"{BASE}/declarations/{ids['released']}/cancel", headers=admin, json={"reason": ""})
    assert r.status_code == 422 and "reason" in r.json["error"]["fields"]
    r = client.post(
        f"{BASE}/declarations/{ids['released']}/cancel", headers=admin, json={"reason": "Withdrawn"}
    )
    assert (
        r.status_code == 200
        and r.json["state"] == "cancel_requested"
        and r.json["messages"][-1]["kind"] == "CEB605"
    )

    r = client.post(f"{BASE}/declarations/{ids['broker']}/entry", headers=admin, json={"entry_no": "0702"})
    assert r.status_code == 422 and r.json["error"]["fields"] == {
        "entry_no": ["The entry number has 18 digits."]
    }
    r = client.post(
        f"{BASE}/declarations/{ids['broker']}/entry", headers=admin, json={"entry_no": "070220261000012345"}
    )
    assert (
        r.status_code == 200 and r.json["entry_no"] == "070220261000012345" and r.json["state"] == "entered"
    )

    r = client.post(f"{BASE}/declarations/{ids['submitted']}/resubmit", headers=admin)
    assert r.status_code == 409
    r = client.post(f"{BASE}/declarations/{ids['rejected']}/resubmit", headers=admin)
    assert r.status_code == 200 and r.json["revision"] == 2 and r.json["state"] == "submitted"
    assert [m["app_type"] for m in r.json["messages"] if m["revision"] == 2] == ["2", "2", "2"]

    r = client.post(f"{BASE}/declarations/{ids['submitted']}/retry", headers=admin)
    assert r.status_code == 409 and r.json["error"]["code"] == "customs_nothing_to_retry"
    with client.application.app_context():
        actions = list(
            db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.action.like("customs.%")))
        )
        assert sorted(actions) == [
            "customs.cancel_requested",
            "customs.entry_recorded",
            "customs.resubmitted",
        ]


def test_openapi_documents_the_console(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert set(paths[f"{BASE}/declarations"]) == {"get"}
    for action in ("retry", "resubmit", "cancel", "entry"):
        assert "post" in paths[f"{BASE}/declarations/{{declaration_id}}/{action}"]
    cancel = paths[f"{BASE}/declarations/{{declaration_id}}/cancel"]["post"]
    assert cancel["requestBody"]["content"]["application/json"]["schema"]["required"] == ["reason"]
    assert (
        "messages"
        in paths[f"{BASE}/declarations/{{declaration_id}}"]["get"]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]["properties"]
    )
