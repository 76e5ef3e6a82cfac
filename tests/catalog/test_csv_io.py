"""CSV import/export of a seller's listings: round trip, all-or-nothing imports with per-row errors,
header and size checks, the web pages and the JSON API."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
import sqlalchemy as sa
from factories import PASSWORD, make_company, make_listing, make_user, seed_catalog, verified_seller
from support import csrf_from
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from marketplace.catalog import csv_io
from marketplace.catalog.models import Listing, ListingVersion
from marketplace.catalog.states import ListingState
from marketplace.extensions import db

OWNER = "seller@example.com"
OTHER = "other@example.com"
HEADER = [
    "id",
    "category",
    "hs_code",
    "origin_ordos",
    "unit",
    "moq",
    "order_multiple",
    "incoterm",
    "incoterm_place",
    "transport_mode",
    "lead_time_days",
    "title_zh",
    "description_zh",
    "title_en",
    "description_en",
    "prices",
    "attributes",
]


def new_row(**overrides) -> dict[str, str]:
    row = {
        "id": "",
        "category": "pp",
        "hs_code": "3902100090",
        "origin_ordos": "",
        "unit": "t",
        "moq": "25",
        "order_multiple": "25",
        "incoterm": "FCA",
        "incoterm_place": "Erenhot",
        "transport_mode": "road",
        "lead_time_days": "14",
        "title_zh": "聚丙烯 拉丝级",
        "description_zh": "鄂尔多斯产",
        "title_en": "PP raffia",
        "description_en": "Homopolymer",
        "prices": "USD:25=1050.00|USD:100=1010.00|CNY:25=7450",
        "attributes": json.dumps({"mfr": "3.0", "application": ["raffia"]}),
    }
    row.update(overrides)
    return row


def to_csv(rows: list[dict[str, str]], header: list[str] = HEADER, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(c, "") for c in header])
    return out.getvalue().encode("utf-8")


def parse(body: bytes) -> list[dict[str, str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


@pytest.fixture
def seller(seed):
    """A verified seller with a published and a draft listing, and another seller with one listing."""

    def build():
        seed_catalog()
        owner, company = verified_seller(OWNER)
        published = make_listing(owner, company, publish=True)
        draft = make_listing(
            owner,
            company,
            moq="50",
            order_multiple="25",
            prices=[{"currency": "CNY", "min_quantity": "50", "unit_price": "7450"}],
        )
        other_owner, other_company = verified_seller(OTHER, seller_ids=1)
        foreign = make_listing(other_owner, other_company)
        return {
            "company": company.id,
            "published": published.id,
            "draft": draft.id,
            "foreign": foreign.id,
            "other_company": other_company.id,
        }

    return seed(build)


def login(web, email=OWNER):
    r = web.submit("/en/login", {"email": email, "password": PASSWORD})
    assert r.status_code == 302


def upload(web, body: bytes, name: str = "listings.csv"):
    # Encoded in memory: the test client would spool a large body to a temporary file it never closes.
    token = csrf_from(web.get("/en/seller/listings/import").get_data(as_text=True))
    file = FileStorage(io.BytesIO(body), name, content_type="text/csv")
    boundary, data = encode_multipart({"csrf_token": token, "file": file})
    return web.client.post(
        "/en/seller/listings/import", data=data, content_type=f"multipart/form-data; boundary={boundary}"
    )


def listings_of(app, company_id: int) -> list[Listing]:
    with app.app_context():
        rows = list(
            db.session.scalars(sa.select(Listing).where(Listing.seller_id == company_id).order_by(Listing.id))
        )
        db.session.expunge_all()
        return rows


def snapshot(app) -> tuple:
    """Everything an import could write, to compare before and after a refused one."""
    with app.app_context():
        listings = db.session.execute(
            sa.select(Listing.id, Listing.state, Listing.working_version_id, Listing.row_version).order_by(
                Listing.id
            )
        ).all()
        versions = db.session.scalar(sa.select(sa.func.count()).select_from(ListingVersion))
        return listings, versions


def version_of(app, listing_id: int, *, live: bool = False) -> dict:
    with app.app_context():
        listing = db.session.get(Listing, listing_id)
        v = listing.live_version if live else (listing.working_version or listing.live_version)
        return {
            "state": listing.state,
            "hs_code": v.hs_code,
            "moq": v.moq,
            "origin_ordos": v.origin_ordos,
            "attributes": dict(v.attributes),
            "content": {t.language: (t.title, t.description) for t in v.translations},
            "prices": [(p.currency, p.min_quantity, p.unit_price) for p in v.prices],
        }


# -- export ---------------------------------------------------------------------------------------


def test_export_has_bom_header_and_only_own_listings(app, web, seller):
    login(web)
    r = web.get("/en/seller/listings/export.csv")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert f"listings-{seller['company']}-" in r.headers["Content-Disposition"]
    rows = parse(r.data)
    assert list(rows[0]) == csv_io.COLUMNS
    by_id = {int(x["id"]): x for x in rows}
    assert set(by_id) == {seller["published"], seller["draft"]}  # not the other company's listing
    published, draft = by_id[seller["published"]], by_id[seller["draft"]]
    assert published["state"] == "published" and draft["state"] == "draft"
    assert published["title_zh"] == "聚丙烯 T30S 拉丝级"
    assert published["prices"] == "USD:25=1050|USD:100=1010"
    assert draft["prices"] == "CNY:50=7450" and draft["moq"] == "50"
    assert json.loads(published["attributes"]) == {
        "cas_numbers": "9003-07-0",
        "pp_type": "homopolymer",
        "mfr": "3",
    }
    assert published["category"] == "pp" and published["origin_ordos"] == "1"


def test_listing_page_shows_buttons_and_import_page_renders(web, seller):
    login(web)
    page = web.get("/en/seller/listings").get_data(as_text=True)
    assert "/en/seller/listings/import" in page and "/en/seller/listings/export.csv" in page
    r = web.get("/en/seller/listings/import")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert 'enctype="multipart/form-data"' in html and "hs_code" in html and "<code>pp</code>" in html


def test_buyers_and_anonymous_users_cannot_use_the_csv_pages(app, client, web, seed):
    seed(lambda: make_company(make_user("buyer@example.com"), "buyer").id)
    assert client.get("/en/seller/listings/export.csv").status_code == 302  # to the log-in page
    login(web, "buyer@example.com")
    assert web.get("/en/seller/listings/export.csv").status_code == 403
    assert web.get("/en/seller/listings/import").status_code == 403


# -- import through the web page ------------------------------------------------------------------


def test_round_trip_updates_changed_rows_only(app, web, seller):
    login(web)
    rows = parse(web.get("/en/seller/listings/export.csv").data)
    for row in rows:
        if int(row["id"]) == seller["published"]:
            row["title_en"] = "PP T30S, new title"
            row["prices"] = "USD:25=1040.00|USD:100=1000"
    body = ("\ufeff" + to_csv(rows, csv_io.COLUMNS).decode()).encode()  # with the BOM and the state column
    r = upload(web, body)
    assert r.status_code == 302 and r.headers["Location"].endswith("/en/seller/listings")
    page = web.get("/en/seller/listings").get_data(as_text=True)
    assert "0 listings created, 1 updated, 1 unchanged" in page

    changed = version_of(app, seller["published"])
    assert changed["state"] == ListingState.EDITED
    assert changed["content"]["en"][0] == "PP T30S, new title"
    assert changed["content"]["zh"][0] == "聚丙烯 T30S 拉丝级"
    assert changed["prices"] == [
        ("USD", Decimal("25"), Decimal("1040")),
        ("USD", Decimal("100"), Decimal("1000")),
    ]
    live = version_of(app, seller["published"], live=True)  # buyers keep seeing the approved version
    assert live["content"]["en"][0] == "Polypropylene T30S raffia grade"
    untouched = version_of(app, seller["draft"])
    assert untouched["state"] == ListingState.DRAFT
    assert len(listings_of(app, seller["company"])) == 2


def test_import_of_three_new_rows_creates_three_drafts(app, web, seller):
    login(web)
    rows = [
        new_row(),
        new_row(
            title_en="PP fibre",
            title_zh="",
            description_zh="",
            origin_ordos="0",
            attributes=json.dumps({"application": ["fibre", "raffia"], "mfr": 12.5}),
        ),
        new_row(title_en="PP film", description_en="Line one\nline two", prices="CNY:25=7400,50"),
    ]
    body = to_csv(rows, delimiter=";")  # semicolons, no BOM
    r = upload(web, body)
    assert r.status_code == 302, r.get_data(as_text=True)
    listings = listings_of(app, seller["company"])
    new = [x for x in listings if x.id not in (seller["published"], seller["draft"])]
    assert len(new) == 3 and all(x.state == ListingState.DRAFT for x in new)
    first, second, third = (version_of(app, x.id) for x in new)
    assert first["content"] == {"zh": ("聚丙烯 拉丝级", "鄂尔多斯产"), "en": ("PP raffia", "Homopolymer")}
    assert first["prices"] == [
        ("CNY", Decimal("25"), Decimal("7450")),
        ("USD", Decimal("25"), Decimal("1050")),
        ("USD", Decimal("100"), Decimal("1010")),
    ]
    assert first["attributes"] == {"mfr": "3", "application": ["raffia"]}
    assert first["origin_ordos"] is True  # the company's default
    assert second["origin_ordos"] is False and set(second["content"]) == {"en"}
    assert second["attributes"] == {"mfr": "12.5", "application": ["raffia", "fibre"]}
    assert third["content"]["en"] == ("PP film", "Line one\nline two")
    assert third["prices"] == [("CNY", Decimal("25"), Decimal("7400.50"))]


def test_one_bad_row_writes_nothing_and_every_error_is_reported(app, web, seller):
    login(web)
    before = snapshot(app)
    rows = [
        new_row(description_en="a description\nover two lines"),  # row 2: fine (a multi-line cell)
        new_row(hs_code="12345"),  # row 3
        new_row(prices="USD:25=abc|USD 100 1010"),  # row 4
        new_row(category="plastics-of-mars"),  # row 5
        new_row(id=str(seller["foreign"])),  # row 6: another company's listing
        new_row(attributes="{mfr: 3}"),  # row 7
        new_row(id=str(seller["draft"]), moq="-1"),  # row 8: an update, invalid
    ]
    r = upload(web, to_csv(rows))
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert "Nothing was imported: 6 rows have errors." in html
    assert snapshot(app) == before
    assert version_of(app, seller["draft"])["moq"] == Decimal("50")

    errors = import_errors(app, seller, to_csv(rows))
    assert {(e.row, e.field) for e in errors} >= {
        (3, "hs_code"),
        (4, "prices"),
        (5, "category"),
        (6, "id"),
        (7, "attributes"),
        (8, "moq"),
    }
    assert not any(e.row == 2 for e in errors)
    by_key = {(e.row, e.field): e.message for e in errors}
    assert "HS code" in by_key[(3, "hs_code")]
    price_errors = [e.message for e in errors if (e.row, e.field) == (4, "prices")]
    assert len(price_errors) == 2
    assert "“USD 100 1010” is not a price tier" in price_errors[0]
    assert price_errors[1].startswith("USD:25=abc: ")
    assert "plastics-of-mars" in by_key[(5, "category")]
    assert "JSON" in by_key[(7, "attributes")]


def import_errors(app, seller, body: bytes) -> list[csv_io.RowError]:
    """Call the service directly and return its row errors (checking it rolled back by itself)."""
    from marketplace.accounts.models import Company, User

    with app.test_request_context("/en/"):
        user = db.session.scalar(sa.select(User).where(User.email == OWNER))
        company = db.session.get(Company, seller["company"])
        count = db.session.scalar(sa.select(sa.func.count()).select_from(ListingVersion))
        with pytest.raises(csv_io.ImportFailed) as failed:
            csv_io.import_listings(user, company, csv_io.decode(body))
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ListingVersion)) == count
        db.session.rollback()
    return failed.value.rows


def test_another_companys_listing_id_reads_like_an_unknown_id(app, seller):
    foreign = import_errors(app, seller, to_csv([new_row(id=str(seller["foreign"]))]))
    unknown = import_errors(app, seller, to_csv([new_row(id="999999")]))
    assert [(e.row, e.field) for e in foreign] == [(2, "id")] == [(e.row, e.field) for e in unknown]
    assert foreign[0].message.replace(str(seller["foreign"]), "N") == unknown[0].message.replace(
        "999999", "N"
    )


def test_duplicate_ids_and_short_rows_are_refused(app, seller):
    body = to_csv([new_row(id=str(seller["draft"])), new_row(id=str(seller["draft"]))])
    body += b"pp,3902100090\r\n"
    errors = import_errors(app, seller, body)
    assert [(e.row, e.field) for e in errors] == [(3, "id"), (4, "")]


def test_header_missing_columns_names_them(app, web, seller):
    login(web)
    before = snapshot(app)
    header = [c for c in HEADER if c not in ("hs_code", "prices")] + ["colour"]
    r = upload(web, to_csv([new_row()], header))
    assert r.status_code == 422
    assert snapshot(app) == before
    errors = import_errors(app, seller, to_csv([new_row()], header))
    assert {(e.row, e.field) for e in errors} == {(1, "hs_code"), (1, "prices"), (1, "colour")}


def test_oversize_and_overlong_files_are_refused(app, web, seller):
    login(web)
    before = snapshot(app)
    big = to_csv([new_row(description_en="x" * 9000)] * 240)
    assert len(big) > csv_io.MAX_BYTES
    r = upload(web, big)
    assert r.status_code == 422 and "larger than 2 MB" in r.get_data(as_text=True)
    long = to_csv([new_row(description_en="")] * (csv_io.MAX_ROWS + 1))
    assert len(long) < csv_io.MAX_BYTES
    r = upload(web, long)
    assert r.status_code == 422 and "more than 2000 listings" in r.get_data(as_text=True)
    assert snapshot(app) == before


def test_non_utf8_and_empty_uploads_are_refused(app, web, seller):
    login(web)
    before = snapshot(app)
    r = upload(web, to_csv([new_row()]).decode().encode("gb18030"))
    assert r.status_code == 422 and "UTF-8" in r.get_data(as_text=True)
    r = web.submit("/en/seller/listings/import", {})
    assert r.status_code == 422 and "Choose a CSV file" in r.get_data(as_text=True)
    assert snapshot(app) == before


def test_columns_left_out_keep_their_values_and_formulas_are_neutralised(app, web, seller):
    login(web)
    header = [
        "id",
        "category",
        "hs_code",
        "moq",
        "incoterm",
        "incoterm_place",
        "transport_mode",
        "lead_time_days",
        "title_en",
        "prices",
    ]
    row = new_row(id=str(seller["draft"]), title_en='=HYPERLINK("http://evil")', prices="CNY:50=7000")
    row["moq"] = "50"
    r = upload(web, to_csv([row], header))
    assert r.status_code == 302, r.get_data(as_text=True)
    v = version_of(app, seller["draft"])
    assert v["content"]["en"] == ('=HYPERLINK("http://evil")', "PP homopolymer made in Ordos.")
    assert v["content"]["zh"][0] == "聚丙烯 T30S 拉丝级"  # not in the file: kept
    assert v["attributes"]["pp_type"] == "homopolymer"
    assert v["prices"] == [("CNY", Decimal("50"), Decimal("7000"))]

    exported = web.get("/en/seller/listings/export.csv").data.decode("utf-8")
    assert "'=HYPERLINK" in exported
    rows = parse(exported.encode())
    r = upload(web, to_csv(rows, csv_io.COLUMNS))  # re-importing the export changes nothing
    assert r.status_code == 302
    assert version_of(app, seller["draft"])["content"]["en"][0] == '=HYPERLINK("http://evil")'


# -- the JSON API ---------------------------------------------------------------------------------


def _token(client, email=OWNER):
    r = client.post("/api/v1/auth/tokens", json={"email": email, "password": PASSWORD, "token_name": "ERP"})
    assert r.status_code == 201, r.get_json()
    return {"Authorization": f"Bearer {r.get_json()['token']}"}


def test_api_export_and_import(app, client, seller):
    auth = _token(client)
    r = client.get(f"/api/v1/seller/listings/export?company_id={seller['company']}", headers=auth)
    assert r.status_code == 200 and r.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = parse(r.data)
    assert {int(x["id"]) for x in rows} == {seller["published"], seller["draft"]}

    for row in rows:
        if int(row["id"]) == seller["draft"]:
            row["hs_code"] = "390210"
    body = to_csv([*rows, new_row(title_en="API listing")], csv_io.COLUMNS)
    r = client.post(
        f"/api/v1/seller/listings/import?company_id={seller['company']}",
        headers=auth,
        data={"file": (io.BytesIO(body), "x.csv")},
    )
    assert r.status_code == 200, r.get_json()
    assert r.get_json() == {"created": 1, "updated": 1, "unchanged": 1}
    assert version_of(app, seller["draft"])["hs_code"] == "390210"
    assert len(listings_of(app, seller["company"])) == 3


def test_api_import_failure_is_422_with_rows_and_writes_nothing(app, client, seller):
    auth = _token(client)
    before = snapshot(app)
    body = to_csv([new_row(), new_row(hs_code="99"), new_row(prices="USD:25=1.001")])
    r = client.post(
        f"/api/v1/seller/listings/import?company_id={seller['company']}",
        headers=auth,
        data={"file": (io.BytesIO(body), "x.csv")},
    )
    assert r.status_code == 422
    error = r.get_json()["error"]
    assert error["code"] == "import_failed"
    assert [(x["row"], x["field"]) for x in error["rows"]] == [(3, "hs_code"), (4, "prices")]
    assert "USD:25=1.001" in error["rows"][1]["message"]
    assert snapshot(app) == before


def test_api_refuses_other_companies_and_anonymous_callers(app, client, seller):
    auth = _token(client)
    r = client.get(f"/api/v1/seller/listings/export?company_id={seller['other_company']}", headers=auth)
    assert r.status_code == 404
    r = client.post(
        f"/api/v1/seller/listings/import?company_id={seller['other_company']}",
        headers=auth,
        data={"file": (io.BytesIO(to_csv([new_row()])), "x.csv")},
    )
    assert r.status_code == 404
    assert client.get(f"/api/v1/seller/listings/export?company_id={seller['company']}").status_code == 401
    assert len(listings_of(app, seller["other_company"])) == 1


def test_a_successful_import_only_flushes_the_caller_commits(app, seller):
    from marketplace.accounts.models import Company, User

    with app.test_request_context("/en/"):
        user = db.session.scalar(sa.select(User).where(User.email == OWNER))
        company = db.session.get(Company, seller["company"])
        body = to_csv([new_row(), new_row(title_en="Second")], [*HEADER, ""])  # a trailing separator
        result = csv_io.import_listings(user, company, body.decode())
        assert (result.created, result.updated) == (2, 0)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Listing)) == 5
        db.session.rollback()  # as a refused request would
    assert len(listings_of(app, seller["company"])) == 2
