"""Catalog pages and API through HTTP: buyer pages, seller editor, uploads, admin moderation,
and cross-company permissions."""

import io
import re
from datetime import date

import pytest
import sqlalchemy as sa
from factories import PASSWORD, make_listing, make_user, seed_catalog, verified_seller
from support import Browserish, t

from marketplace.catalog import services
from marketplace.catalog.models import Listing, ListingFile
from marketplace.catalog.states import ListingState
from marketplace.extensions import db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _login(web, email):
    assert web.submit("/en/login", {"email": email, "password": PASSWORD}).status_code == 302


@pytest.fixture
def shop(seed):
    """Two verified sellers (A with a published and a draft listing, B with a draft) and an admin."""

    def build():
        seed_catalog()
        a_user, a = verified_seller("a@example.com")
        b_user, b = verified_seller("b@example.com", seller_ids=1)
        root = make_user("root@example.com", admin=True)
        make_user("buyer@example.com", language="mn")
        published = make_listing(a_user, a, publish=True)
        services.set_fx_rate(root, "USD", "MNT", "3450", date(2026, 11, 25))
        draft_a = make_listing(a_user, a)
        draft_b = make_listing(b_user, b)
        return {"published": published.id, "draft_a": draft_a.id, "draft_b": draft_b.id}

    return seed(build)


def test_buyer_sees_listing_in_mongolian_with_mnt_conversion(client, app, shop):
    html = client.get(f"/mn/listings/{shop['published']}").get_data(as_text=True)
    assert "Polypropylene T30S raffia grade" in html  # no Mongolian content: English fallback
    assert (
        t(
            app,
            "mn",
            "The seller has not written this listing in your language; shown in %(language)s.",
            language="English",
        )
        in html
    )
    assert "3,622,500.00" in html  # 1050 USD × 3450
    assert 'hreflang="zh"' in html and 'hreflang="ru"' in html
    zh = client.get(f"/zh/listings/{shop['published']}").get_data(as_text=True)
    assert "聚丙烯 T30S 拉丝级" in zh and "<title>聚丙烯 T30S 拉丝级" in zh


def test_category_pages_list_and_filter(client, shop):
    html = client.get("/en/c/chemicals").get_data(as_text=True)
    assert "Polypropylene T30S raffia grade" in html
    assert "Polypropylene T30S" in client.get(
        "/en/c/pp?a.pp_type=homopolymer&a.mfr.min=2&a.mfr.max=4"
    ).get_data(as_text=True)
    assert "Polypropylene T30S" not in client.get("/en/c/pp?a.mfr.min=10").get_data(as_text=True)
    assert "Polypropylene T30S" not in client.get("/en/c/pp?a.pp_type=impact_copolymer").get_data(
        as_text=True
    )
    assert client.get("/en/c/no-such").status_code == 404
    assert client.get("/en/c/pp?page=abc&sort=evil&a.mfr.min=x").status_code == 200


def test_drafts_are_invisible_to_buyers_and_other_sellers(client, app, shop):
    assert client.get(f"/en/listings/{shop['draft_a']}").status_code == 404
    web = Browserish(client)
    _login(web, "b@example.com")
    assert web.get(f"/en/seller/listings/{shop['draft_a']}/edit").status_code == 404
    assert web.get(f"/en/seller/listings/{shop['draft_a']}/preview").status_code == 404
    r = web.submit(
        f"/en/seller/listings/{shop['draft_b']}/edit",
        {"hs_code": "390210"},
        action=f"/en/seller/listings/{shop['draft_a']}/edit",
    )
    assert r.status_code == 404
    r = web.submit(
        f"/en/seller/listings/{shop['draft_b']}/edit",
        {},
        action=f"/en/seller/listings/{shop['draft_a']}/submit",
    )
    assert r.status_code == 404
    listing_html = web.get("/en/seller/listings").get_data(as_text=True)
    assert f"<td>{shop['draft_b']}</td>" in listing_html and f"<td>{shop['draft_a']}</td>" not in listing_html


def test_drafts_are_invisible_over_the_api(client, shop):
    token = client.post(
        "/api/v1/auth/tokens", json={"email": "b@example.com", "password": PASSWORD}
    ).get_json()["token"]
    h = {"Authorization": f"Bearer {token}"}
    assert client.get(f"/api/v1/listings/{shop['draft_a']}", headers=h).status_code == 404
    assert client.put(f"/api/v1/listings/{shop['draft_a']}", json={}, headers=h).status_code == 404
    assert client.post(f"/api/v1/listings/{shop['draft_a']}/submit", json={}, headers=h).status_code == 404
    own = client.get(f"/api/v1/listings/{shop['draft_b']}", headers=h).get_json()
    assert own["working"]["hs_code"] == "3902100090" and own["live"] is None
    public = client.get(f"/api/v1/listings/{shop['published']}").get_json()
    assert (
        public["live"]["content"]["en"]["title"] == "Polypropylene T30S raffia grade"
        and "working" not in public
    )


def test_seller_creates_edits_uploads_and_submits_in_the_browser_forms(client, app, shop):
    web = Browserish(client)
    _login(web, "a@example.com")
    page = web.get("/en/seller/listings/new?category=pp")
    assert page.status_code == 200 and "Melt flow rate" in page.get_data(as_text=True)
    form = {
        "title-zh": "聚丙烯 S1003",
        "description-zh": "注塑级",
        "hs_code": "390210",
        "origin_ordos": "1",
        "unit": "t",
        "moq": "20",
        "order_multiple": "20",
        "incoterm": "CPT",
        "incoterm_place": "Ulaanbaatar",
        "transport_mode": "road",
        "lead_time_days": "12",
        "attr-cas_numbers": "9003-07-0",
        "attr-pp_type": "homopolymer",
        "attr-mfr": "3",
        "price-0-currency": "CNY",
        "price-0-min_quantity": "20",
        "price-0-unit_price": "7400",
    }
    bad = web.submit("/en/seller/listings/new?category=pp", {**form, "hs_code": "12345"})
    assert bad.status_code == 422 and "An HS code has 6 digits" in bad.get_data(as_text=True)
    r = web.submit("/en/seller/listings/new?category=pp", form)
    assert r.status_code == 302
    listing_id = int(re.search(r"/listings/(\d+)/edit", r.headers["Location"]).group(1))
    # Uploads: a PDF SDS is accepted; a renamed executable, an oversize file and a path trick are handled.
    edit_url = f"/en/seller/listings/{listing_id}/edit"
    ok = web.submit(
        edit_url,
        {"kind": "sds", "language": "zh", "file": (io.BytesIO(PDF), "../../etc/SDS 安全.pdf")},
        action=f"/en/seller/listings/{listing_id}/files",
        content_type="multipart/form-data",
    )
    assert ok.status_code == 302
    bad_type = web.submit(
        edit_url,
        {"kind": "coa", "file": (io.BytesIO(b"MZ\x90\x00evil"), "coa.pdf")},
        action=f"/en/seller/listings/{listing_id}/files",
        content_type="multipart/form-data",
    )
    assert bad_type.status_code == 422 and "not accepted" in bad_type.get_data(as_text=True)
    image_as_doc = web.submit(
        edit_url,
        {"kind": "sds", "file": (io.BytesIO(PNG), "sds.pdf")},
        action=f"/en/seller/listings/{listing_id}/files",
        content_type="multipart/form-data",
    )
    assert image_as_doc.status_code == 422
    # (a small limit keeps the oversize body under the test client's 500 KB temp-file threshold)
    app.config["UPLOAD_MAX_IMAGE_BYTES"] = 200 * 1024
    try:
        big = web.submit(
            edit_url,
            {"kind": "image", "file": (io.BytesIO(PNG + b"\x00" * (300 * 1024)), "big.png")},
            action=f"/en/seller/listings/{listing_id}/files",
            content_type="multipart/form-data",
        )
    finally:
        app.config.pop("UPLOAD_MAX_IMAGE_BYTES")
    assert big.status_code == 422 and "larger than 0.2 MB" in big.get_data(as_text=True)
    with app.app_context():
        files = list(db.session.scalars(sa.select(ListingFile).where(ListingFile.listing_id == listing_id)))
        assert [(f.kind.value, f.original_name) for f in files] == [("sds", "SDS 安全.pdf")]
        stored = services_path(app, files[0].storage_key)
        assert (
            stored.is_file()
            and str(stored).startswith(app.config["UPLOAD_DIR"])
            and "static" not in str(stored)
        )
        file_id = files[0].id
    r = web.submit(edit_url, {}, action=f"/en/seller/listings/{listing_id}/submit")
    assert r.status_code == 302
    with app.app_context():
        assert db.session.get(Listing, listing_id).state == ListingState.PENDING
    # The draft's file is private: buyers get 404, the seller gets the file.
    response = web.get(f"/en/listings/{listing_id}/files/{file_id}")
    assert response.data.startswith(b"%PDF")
    response.close()
    assert app.test_client().get(f"/en/listings/{listing_id}/files/{file_id}").status_code == 404


def services_path(app, key):
    from marketplace.core import uploads

    with app.test_request_context("/"):
        return uploads.path_for(key)


def test_admin_reviews_with_diff_and_approves(client, app, shop):
    web = Browserish(client)
    with app.app_context():
        listing = db.session.get(Listing, shop["published"])
        owner = db.session.scalar(
            sa.select(type(listing.seller.memberships[0].user)).where(sa.text("email = 'a@example.com'"))
        )
        from factories import pp_data

        with app.test_request_context("/en/"):
            services.update_listing(owner, listing, pp_data(lead_time_days="7"))
            services.submit_listing(owner, listing)
        db.session.commit()
    _login(web, "root@example.com")
    queue = web.get("/en/admin/catalog/queue").get_data(as_text=True)
    assert f"<td>{shop['published']}</td>" in queue
    review = web.get(f"/en/admin/catalog/listings/{shop['published']}").get_data(as_text=True)
    assert "lead time" in review and "14 d" in review and "7 d" in review
    r = web.submit(f"/en/admin/catalog/listings/{shop['published']}", {"action": "reject", "reason": ""})
    assert r.status_code == 422
    r = web.submit(f"/en/admin/catalog/listings/{shop['published']}", {"action": "approve"})
    assert r.status_code == 302
    assert "7" in client.get(f"/en/listings/{shop['published']}").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Listing, shop["published"]).live_version.lead_time_days == 7


def test_moderation_pages_are_for_admins_only(client, shop):
    web = Browserish(client)
    _login(web, "a@example.com")
    assert web.get("/en/admin/catalog/queue").status_code == 403
    assert web.get(f"/en/admin/catalog/listings/{shop['draft_a']}").status_code == 403
    assert web.get("/en/admin/catalog/fx").status_code == 403
    token = client.post(
        "/api/v1/auth/tokens", json={"email": "a@example.com", "password": PASSWORD}
    ).get_json()["token"]
    h = {"Authorization": f"Bearer {token}"}
    assert (
        client.post(f"/api/v1/admin/listings/{shop['draft_a']}/approve", json={}, headers=h).status_code
        == 403
    )


def test_listing_lifecycle_over_the_api(client, app, shop):
    token = client.post(
        "/api/v1/auth/tokens", json={"email": "a@example.com", "password": PASSWORD}
    ).get_json()["token"]
    h = {"Authorization": f"Bearer {token}"}
    with app.app_context():
        company_id = db.session.get(Listing, shop["draft_a"]).seller_id
    body = {
        "company_id": company_id,
        "category": "pp",
        "hs_code": "390210",
        "moq": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": 10,
        "attributes": {"cas_numbers": "9003-07-0", "pp_type": "homopolymer"},
        "content": {"ru": {"title": "Полипропилен T30S", "description": "Для рафии"}},
        "prices": [{"currency": "USD", "min_quantity": "25", "unit_price": "1040.00"}],
    }
    bad = client.post(
        "/api/v1/listings", json={**body, "incoterm": "CIF"}, headers={**h, "Accept-Language": "ru"}
    )
    assert bad.status_code == 422 and "incoterm" in bad.get_json()["error"]["fields"]
    r = client.post("/api/v1/listings", json=body, headers=h)
    assert r.status_code == 201, r.get_json()
    lid = r.get_json()["id"]
    up = client.post(
        f"/api/v1/listings/{lid}/files",
        data={"kind": "sds", "file": (io.BytesIO(PDF), "sds.pdf")},
        headers=h,
        content_type="multipart/form-data",
    )
    assert up.status_code == 201 and up.get_json()["working"]["files"][0]["kind"] == "sds"
    assert client.post(f"/api/v1/listings/{lid}/submit", json={}, headers=h).get_json()["state"] == "pending"
    admin_token = client.post(
        "/api/v1/auth/tokens", json={"email": "root@example.com", "password": PASSWORD}
    ).get_json()["token"]
    ah = {"Authorization": f"Bearer {admin_token}"}
    queue = client.get("/api/v1/admin/listings", headers=ah).get_json()["items"]
    assert lid in [x["id"] for x in queue]
    assert (
        client.post(f"/api/v1/admin/listings/{lid}/approve", json={}, headers=ah).get_json()["state"]
        == "published"
    )
    cards = client.get("/api/v1/listings?category=pp", headers={"Accept-Language": "ru"}).get_json()
    assert "Полипропилен T30S" in [c["title"] for c in cards["items"]]
    fx = client.post(
        "/api/v1/admin/fx-rates",
        json={"base": "USD", "quote": "RUB", "rate": "92.5", "as_of": "2026-11-25"},
        headers=ah,
    )
    assert fx.status_code == 201
    assert {"base": "USD", "quote": "RUB", "rate": "92.5", "as_of": "2026-11-25"} in client.get(
        "/api/v1/fx-rates"
    ).get_json()["items"]


def test_anonymous_pages_are_cached_until_the_catalog_changes(client, app, shop):
    from marketplace.catalog.models import ListingTranslation

    first = client.get("/en/c/pp").get_data(as_text=True)
    assert "Polypropylene T30S raffia grade" in first
    with app.app_context():  # a change behind the services' back (as another app server would make)
        db.session.execute(
            sa.update(ListingTranslation)
            .where(
                ListingTranslation.version_id
                == sa.select(Listing.live_version_id).where(Listing.id == shop["published"]).scalar_subquery()
            )
            .values(title="Changed elsewhere")
        )
        db.session.commit()
    assert client.get("/en/c/pp").get_data(as_text=True) == first  # served from the cache
    web = Browserish(app.test_client())
    _login(web, "buyer@example.com")
    assert "Changed elsewhere" in web.get("/en/c/pp").get_data(as_text=True)  # logged in: fresh
    with app.app_context(), app.test_request_context("/en/"):  # a moderation change in this process
        listing = db.session.get(Listing, shop["published"])
        root = db.session.scalar(
            sa.select(type(listing.seller.memberships[0].user)).where(sa.text("email = 'root@example.com'"))
        )
        services.unpublish_listing(root, listing, "checking")
        db.session.commit()
    assert "Changed elsewhere" not in client.get("/en/c/pp").get_data(as_text=True)
    assert "Polypropylene T30S" not in client.get("/en/c/pp").get_data(as_text=True)


def test_suspended_seller_disappears_from_the_catalog_and_comes_back(client, app, shop):
    from marketplace.accounts import services as accounts
    from marketplace.accounts.models import Company, User

    assert client.get(f"/en/listings/{shop['published']}").status_code == 200
    with app.app_context(), app.test_request_context("/en/"):
        listing = db.session.get(Listing, shop["published"])
        company = db.session.get(Company, listing.seller_id)
        root = db.session.scalar(sa.select(User).where(User.email == "root@example.com"))
        company_id = company.id
        accounts.suspend_company(root, company, "licence expired")
        db.session.commit()
    assert client.get(f"/en/listings/{shop['published']}").status_code == 404
    assert "Polypropylene T30S" not in client.get("/en/c/pp").get_data(as_text=True)
    with app.app_context(), app.test_request_context("/en/"):
        company = db.session.get(Company, company_id)
        root = db.session.scalar(sa.select(User).where(User.email == "root@example.com"))
        accounts.decide_verification(root, company, True, "licence renewed")
        db.session.commit()
        assert db.session.get(Listing, shop["draft_a"]).is_visible is False  # drafts stay hidden
    assert client.get(f"/en/listings/{shop['published']}").status_code == 200
    assert "Polypropylene T30S" in client.get("/en/c/pp").get_data(as_text=True)
