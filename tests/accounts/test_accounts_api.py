"""The JSON API: sign-up, tokens (shown once, stored hashed, revocable), companies, errors."""

import hashlib

import sqlalchemy as sa
from factories import PASSWORD, make_company, make_user

from marketplace.accounts.models import ApiToken, Company
from marketplace.extensions import db

SELLER = {
    "kind": "seller",
    "legal_name": "鄂尔多斯市测试化工有限公司",
    "legal_name_latin": "Ordos Test Chemical Co., Ltd.",
    "country": "CN",
    "address": "Ordos",
    "uscc": "91150622MA0N2QRL6P",
    "customs_code": "1506960123",
}


def _token(client, email, password=PASSWORD):
    r = client.post("/api/v1/auth/tokens", json={"email": email, "password": password, "token_name": "ERP"})
    assert r.status_code == 201, r.get_json()
    return r.get_json()["token"]


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_signup_login_and_me(client, app):
    r = client.post(
        "/api/v1/accounts",
        json={
            "display_name": "Olga",
            "email": "Olga@Example.com",
            "password": "long-password-1",
            "language": "ru",
        },
    )
    assert r.status_code == 201
    assert r.get_json()["email"] == "olga@example.com"
    token = _token(client, "olga@example.com", "long-password-1")
    assert token.startswith("omp_")
    me = client.get("/api/v1/me", headers=_auth(token)).get_json()
    assert me["display_name"] == "Olga" and me["language"] == "ru"
    with app.app_context():
        stored = db.session.scalar(sa.select(ApiToken))
        assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in (stored.prefix, stored.token_hash)


def test_validation_errors_are_json_per_field_and_translated(client):
    r = client.post(
        "/api/v1/accounts",
        json={"email": "bad", "password": "x"},
        headers={"Accept-Language": "ru"},
    )
    assert r.status_code == 422
    err = r.get_json()["error"]
    assert err["code"] == "validation_failed"
    assert set(err["fields"]) >= {"email", "password", "display_name"}
    assert all(not m.isascii() for msgs in err["fields"].values() for m in msgs)


def test_body_must_be_a_json_object(client):
    r = client.post("/api/v1/accounts", data="[1,2]", content_type="application/json")
    assert r.status_code == 422 and r.get_json()["error"]["code"] == "validation_failed"


def test_bad_credentials_are_401_and_count_towards_the_limit(client, app, seed):
    seed(lambda: make_user("api@example.com").id)
    for _ in range(app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]):
        r = client.post("/api/v1/auth/tokens", json={"email": "api@example.com", "password": "wrong-one"})
        assert r.status_code == 401 and r.get_json()["error"]["code"] == "invalid_credentials"
    r = client.post("/api/v1/auth/tokens", json={"email": "api@example.com", "password": PASSWORD})
    assert r.status_code == 429 and r.get_json()["error"]["code"] == "rate_limited"


def test_token_revocation(client, seed):
    seed(lambda: make_user("rev@example.com").id)
    token = _token(client, "rev@example.com")
    tokens = client.get("/api/v1/tokens", headers=_auth(token)).get_json()["items"]
    assert len(tokens) == 1 and "token" not in tokens[0]
    r = client.delete(f"/api/v1/tokens/{tokens[0]['id']}", headers=_auth(token))
    assert r.status_code == 200 and r.get_json()["revoked_at"]
    r = client.get("/api/v1/me", headers=_auth(token))
    assert r.status_code == 401 and r.get_json()["error"]["code"] == "unauthorized"


def test_session_cookie_does_not_authenticate_the_api(web, client, seed):
    seed(lambda: make_user("cookie@example.com").id)
    web.submit("/en/login", {"email": "cookie@example.com", "password": PASSWORD})
    assert client.get("/api/v1/me").status_code == 401


def test_company_lifecycle_over_the_api(client, app, seed):
    seed(lambda: make_user("seller@example.com").id)
    token = _token(client, "seller@example.com")
    r = client.post("/api/v1/companies", json=SELLER, headers=_auth(token))
    assert r.status_code == 201, r.get_json()
    company = r.get_json()
    assert company["is_ordos"] and company["verification"] == "pending"
    assert company["identifiers"] == {"cn_uscc": "91150622MA0N2QRL6P", "cn_customs": "1506960123"}
    cid = company["id"]
    r = client.put(f"/api/v1/companies/{cid}", json={**SELLER, "city": "Ordos"}, headers=_auth(token))
    assert r.status_code == 200 and r.get_json()["city"] == "Ordos"
    detail = client.get(f"/api/v1/companies/{cid}", headers=_auth(token)).get_json()
    assert [h["to"] for h in detail["verification_history"]] == ["unverified", "pending"]
    r = client.post(
        f"/api/v1/companies/{cid}/invitations",
        json={"email": "staff@example.com"},
        headers=_auth(token),
    )
    assert r.status_code == 201 and r.get_json()["role"] == "member"
    assert (
        len(client.get(f"/api/v1/companies/{cid}/invitations", headers=_auth(token)).get_json()["items"]) == 1
    )
    members = client.get(f"/api/v1/companies/{cid}/members", headers=_auth(token)).get_json()["items"]
    assert [m["role"] for m in members] == ["owner"]


def test_invalid_identifier_over_the_api_writes_nothing(client, app, seed):
    seed(lambda: make_user("s2@example.com").id)
    token = _token(client, "s2@example.com")
    r = client.post("/api/v1/companies", json={**SELLER, "uscc": "91150622MA0N2QRL6Q"}, headers=_auth(token))
    assert r.status_code == 422
    assert "check character" in r.get_json()["error"]["fields"]["uscc"][0]
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Company)) == 0


def test_other_companies_are_404_over_the_api(client, seed):
    other_id = seed(lambda: make_company(make_user("x@example.com"), "seller").id)
    seed(lambda: make_user("y@example.com").id)
    token = _token(client, "y@example.com")
    for method, url in [
        ("get", f"/api/v1/companies/{other_id}"),
        ("get", f"/api/v1/companies/{other_id}/members"),
        ("put", f"/api/v1/companies/{other_id}"),
    ]:
        r = getattr(client, method)(url, json=SELLER, headers=_auth(token))
        assert r.status_code == 404, (method, url)
    assert client.get("/api/v1/admin/users", headers=_auth(token)).status_code == 403


def test_openapi_document_lists_operations_with_schemas(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    ops = {(path, method) for path, item in doc["paths"].items() for method in item}
    for expected in [
        ("/api/v1/accounts", "post"),
        ("/api/v1/auth/tokens", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/tokens", "post"),
        ("/api/v1/tokens/{token_id}", "delete"),
        ("/api/v1/companies", "post"),
        ("/api/v1/companies/{company_id}/invitations", "post"),
        ("/api/v1/admin/companies/{company_id}/verify", "post"),
    ]:
        assert expected in ops, expected
    body = doc["paths"]["/api/v1/companies"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["kind"]["enum"] == ["buyer", "seller"]
    assert "legal_name" in body["required"]
    assert body["properties"]["legal_name"]["maxLength"] == 200
    assert doc["paths"]["/api/v1/me"]["get"]["security"] == [{"bearerAuth": []}]
    assert doc["paths"]["/api/v1/accounts"]["post"]["security"] == []
