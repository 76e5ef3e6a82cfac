"""Admin area: access, seller verification decisions with reasons, audit trail; CLI commands."""

import sqlalchemy as sa
from factories import PASSWORD, make_company, make_user

from marketplace.accounts.models import Company, User
from marketplace.accounts.states import VerificationState
from marketplace.core.audit import AuditEntry
from marketplace.extensions import db


def _login(web, email):
    assert web.submit("/en/login", {"email": email, "password": PASSWORD}).status_code == 302


def test_admin_area_is_for_admins_only(web, client, seed):
    seed(lambda: make_user("plain@example.com").id)
    r = client.get("/en/admin/")
    assert r.status_code == 302 and "/en/login" in r.headers["Location"]
    _login(web, "plain@example.com")
    for url in ("/en/admin/", "/en/admin/companies", "/en/admin/users", "/en/admin/audit"):
        assert web.get(url).status_code == 403, url


def test_admin_verifies_a_pending_seller(web, app, seed):
    def world():
        make_user("root@example.com", admin=True)
        return make_company(make_user("s@example.com"), "seller").id

    cid = seed(world)
    _login(web, "root@example.com")
    page = web.get("/en/admin/").get_data(as_text=True)
    assert "Test Seller" in page  # in the queue
    r = web.submit(f"/en/admin/companies/{cid}", {"decision": "verify", "reason": ""})
    assert r.status_code == 302
    with app.app_context():
        assert db.session.get(Company, cid).verification == VerificationState.VERIFIED
        actions = list(db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)))
        assert "company.verified" in actions
    assert "company.verified" in web.get("/en/admin/audit").get_data(as_text=True)


def test_refusal_needs_a_reason_and_changes_nothing_without_it(web, app, seed):
    def world():
        make_user("root@example.com", admin=True)
        return make_company(make_user("s@example.com"), "seller").id

    cid = seed(world)
    _login(web, "root@example.com")
    r = web.submit(f"/en/admin/companies/{cid}", {"decision": "reject", "reason": "  "})
    assert r.status_code == 200 and "Say why" in r.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Company, cid).verification == VerificationState.PENDING
    r = web.submit(f"/en/admin/companies/{cid}", {"decision": "reject", "reason": "Licence expired"})
    assert r.status_code == 302
    # The seller sees the refusal and its reason, and can send it again.
    web.submit("/en/dashboard", {}, action="/en/logout")
    _login(web, "s@example.com")
    page = web.get(f"/en/companies/{cid}").get_data(as_text=True)
    assert "Licence expired" in page
    r = web.submit(f"/en/companies/{cid}", {}, action=f"/en/companies/{cid}/verification")
    assert r.status_code == 302
    with app.app_context():
        assert db.session.get(Company, cid).verification == VerificationState.PENDING


def test_illegal_decision_is_a_translated_409(web, app, seed):
    def world():
        make_user("root@example.com", admin=True)
        return make_company(make_user("b@example.com")).id  # a buyer, never submitted

    cid = seed(world)
    _login(web, "root@example.com")
    r = web.submit(f"/ru/admin/companies/{cid}", {"decision": "verify"})
    assert r.status_code == 409
    with app.app_context():
        assert db.session.get(Company, cid).verification == VerificationState.UNVERIFIED


def test_admin_api_lists_and_decides(client, seed):
    cid = seed(
        lambda: (
            (
                make_user("root@example.com", admin=True),
                make_company(make_user("s@example.com"), "seller"),
            )[1].id
        )
    )
    token = client.post(
        "/api/v1/auth/tokens", json={"email": "root@example.com", "password": PASSWORD}
    ).get_json()["token"]
    h = {"Authorization": f"Bearer {token}"}
    pending = client.get("/api/v1/admin/companies?state=pending", headers=h).get_json()["items"]
    assert [c["id"] for c in pending] == [cid]
    assert client.get("/api/v1/admin/companies?state=bogus", headers=h).status_code == 200
    r = client.post(f"/api/v1/admin/companies/{cid}/reject", json={}, headers=h)
    assert r.status_code == 422 and "reason" in r.get_json()["error"]["fields"]
    r = client.post(f"/api/v1/admin/companies/{cid}/verify", json={}, headers=h)
    assert r.status_code == 200 and r.get_json()["verification"] == "verified"
    audit = client.get("/api/v1/admin/audit?action=company.", headers=h).get_json()["items"]
    assert audit[0]["action"] == "company.verified"


def test_cli_admin_create(runner, app):
    r = runner.invoke(
        args=["admin", "create", "--email", "Chief@Example.com", "--password", "long-enough-pw"]
    )
    assert r.exit_code == 0, r.output
    with app.app_context():
        u = db.session.scalar(sa.select(User))
        assert u.email == "chief@example.com" and u.is_admin
    r = runner.invoke(args=["admin", "create", "--email", "x@", "--password", "long-enough-pw"])
    assert r.exit_code != 0


def test_demo_load_is_idempotent(runner, app):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["demo", "load"])
    assert second.exit_code == 0 and "admin@ordos-export.example" in second.output
    with app.app_context():
        companies = list(db.session.scalars(sa.select(Company)))
        assert len(companies) == 7
        sellers = [c for c in companies if c.is_seller]
        assert len(sellers) == 5 and all(c.is_ordos for c in sellers)
        assert all(c.verification == VerificationState.VERIFIED for c in sellers)
        assert {c.country for c in companies if not c.is_seller} == {"MN", "RU"}
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 8
        # The demo catalog: at least 60 published listings over the three verticals, in four languages.
        from marketplace.catalog.models import Category, Listing, ListingVersion

        listings = list(db.session.scalars(sa.select(Listing).where(Listing.is_visible.is_(True))))
        assert len(listings) >= 60
        verticals = {db.session.get(Category, x.category_id).vertical.value for x in listings}
        assert verticals == {"chemicals", "vehicles", "cashmere"}
        for x in listings:
            version = db.session.get(ListingVersion, x.live_version_id)
            assert {t.language for t in version.translations} == {"zh", "en", "ru", "mn"}
            assert version.prices and version.hs_code
        # Demo RFQs over the three verticals, with threads in several states and one order.
        from marketplace.orders.models import Order
        from marketplace.rfq.models import Quote, Rfq

        rfqs = list(db.session.scalars(sa.select(Rfq)))
        assert len(rfqs) == 5
        assert {db.session.get(Category, r.category_id).vertical.value for r in rfqs} == {
            "chemicals",
            "vehicles",
            "cashmere",
        }
        states = {q.state.value for q in db.session.scalars(sa.select(Quote))}
        assert {"requested", "submitted", "countered", "declined", "accepted"} <= states
        # the accepted quote's order, the two orders the demo ships (shipments_demo.py) and the
        # completed, rated order from the Moscow stock (credit_demo.py)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 4
