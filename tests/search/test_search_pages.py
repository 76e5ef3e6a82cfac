"""Issue 4 wiring: the outbox keeps the index fresh; the search page and API answer from it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from factories import make_listing, make_user, seed_catalog, verified_seller

from marketplace.accounts import services as accounts
from marketplace.catalog import services as catalog
from marketplace.catalog.models import Listing
from marketplace.core.outbox import Worker
from marketplace.extensions import db


@pytest.fixture(autouse=True)
def empty_index(app):
    """Each test starts with an empty index (ids restart when the tables are emptied)."""
    from marketplace.search import backend

    with app.app_context():
        backend().clear()
    yield
    with app.app_context():
        backend().close()


def drain(app) -> None:
    with app.app_context():
        Worker(worker_id="test").drain()
        db.session.remove()


def _published(seed, **overrides):
    def world():
        seed_catalog()
        owner, company = verified_seller()
        listing = make_listing(owner, company, publish=True, **overrides)
        return listing.id, company.id

    return seed(world)


def test_approved_listing_is_found_in_russian_and_by_the_api(app, seed, client):
    listing_id, _company = _published(seed)
    page = client.get("/ru/search?q=полипропилен")
    assert page.status_code == 200
    assert f"/ru/listings/{listing_id}" not in page.get_data(as_text=True)  # not indexed yet
    drain(app)
    html = client.get("/ru/search?q=полипропилен").get_data(as_text=True)
    assert f"/ru/listings/{listing_id}" in html
    assert "<datalist" in html and "Полипропилен (ПП)" in html  # suggestions in Russian
    assert "1 010,00 $" in html.replace("\xa0", " ")  # the lowest tier, in the listing's USD
    api = client.get("/api/v1/search?q=полипропилен", headers={"Accept-Language": "ru"}).get_json()
    assert api["total"] == 1
    assert api["hits"][0]["id"] == listing_id
    assert api["hits"][0]["price_from"] == {"amount": "1010.00", "currency": "USD"}
    assert "category" in api["facets"]


def test_unpublished_listing_leaves_the_search(app, seed, client):
    listing_id, _company = _published(seed)
    drain(app)
    assert f"/en/listings/{listing_id}" in client.get("/en/search?q=polypropylene").get_data(as_text=True)

    def take_down():
        admin = make_user(admin=True)
        catalog.unpublish_listing(admin, db.session.get(Listing, listing_id), "duplicate")

    seed(take_down)
    drain(app)
    assert f"/en/listings/{listing_id}" not in client.get("/en/search?q=polypropylene").get_data(as_text=True)
    assert client.get("/api/v1/search?q=polypropylene").get_json()["total"] == 0


def test_suspended_seller_leaves_the_search(app, seed, client):
    listing_id, company_id = _published(seed)
    drain(app)
    assert client.get("/api/v1/search?q=T30S").get_json()["total"] == 1

    def suspend():
        from marketplace.accounts.models import Company

        admin = make_user(admin=True)
        accounts.suspend_company(admin, db.session.get(Company, company_id), "fraud report")

    seed(suspend)
    drain(app)
    assert client.get("/api/v1/search?q=T30S").get_json()["total"] == 0
    assert f"/en/listings/{listing_id}" not in client.get("/en/search?q=T30S").get_data(as_text=True)


def test_facet_links_filter(app, seed, client):
    def world():
        seed_catalog()
        owner, company = verified_seller()
        a = make_listing(owner, company, publish=True)
        b = make_listing(owner, company, publish=True, origin_ordos=False, incoterm="EXW")
        return a.id, b.id

    a, b = seed(world)
    drain(app)
    html = client.get("/en/search?q=polypropylene").get_data(as_text=True)
    assert f"/en/listings/{a}" in html and f"/en/listings/{b}" in html
    links = re.findall(r'href="(/en/search\?[^"]*incoterm=EXW[^"]*)"', html)
    assert links, "no Incoterm facet link"
    filtered = client.get(links[0].replace("&amp;", "&")).get_data(as_text=True)
    assert f"/en/listings/{b}" in filtered and f"/en/listings/{a}" not in filtered
    ordos = re.findall(r'href="(/en/search\?[^"]*ordos=1[^"]*)"', html)
    assert ordos, "no origin facet link"
    filtered = client.get(ordos[0].replace("&amp;", "&")).get_data(as_text=True)
    assert f"/en/listings/{a}" in filtered and f"/en/listings/{b}" not in filtered
    by_category = client.get("/en/search?q=polypropylene&category=pp").get_data(as_text=True)
    assert f"/en/listings/{a}" in by_category


UNAVAILABLE = "Search is temporarily unavailable. Please try again later or browse the categories."


def test_broken_whoosh_index_shows_a_message(app, seed, client, tmp_path, monkeypatch):
    from support import t

    monkeypatch.setitem(app.config, "SEARCH_BACKEND", "whoosh")
    _published(seed)
    drain(app)
    broken = tmp_path / "broken"
    shutil.copytree(Path(app.config["SEARCH_INDEX_DIR"]), broken)
    for toc in broken.glob("*.toc"):
        toc.write_bytes(b"garbage")
    monkeypatch.setitem(app.config, "SEARCH_INDEX_DIR", str(broken))
    page = client.get("/ru/search?q=полипропилен")
    assert page.status_code == 200
    message = t(app, "ru", UNAVAILABLE)
    assert message in page.get_data(as_text=True)
    assert client.get("/api/v1/search?q=x").status_code == 503
    monkeypatch.setitem(app.config, "SEARCH_INDEX_DIR", str(tmp_path / "missing"))
    assert message in client.get("/ru/search?q=x").get_data(as_text=True)


@pytest.mark.parametrize(
    "query",
    [
        "q=%22%27%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "q=" + "a" * 5000,
        "q=AND OR NOT ( ) * ? ~ ^ : [ ] { }",
        "q=%00%01%ff&page=-3&sort=drop&seller=1e9&category=../../etc",
        "q=пп&page=999999999999999999999&incoterm=<b>&vertical=%F0%9F%98%80",
        "q=9003-07-0&ordos=yes&seller=99999999999999999999",
    ],
)
def test_hostile_query_strings(app, seed, client, query):
    _published(seed)
    drain(app)
    page = client.get(f"/en/search?{query}")
    assert page.status_code == 200
    assert "<script>alert" not in page.get_data(as_text=True)
    assert client.get(f"/api/v1/search?{query}").status_code == 200


def test_did_you_mean(app, seed, client):
    _published(seed)
    drain(app)
    html = client.get("/en/search?q=polypropilene").get_data(as_text=True)
    assert "polypropylene" in html.lower()


@pytest.mark.postgres_only
def test_missing_or_outdated_postgres_index_shows_a_message(app, seed, client, monkeypatch):
    from support import t

    from marketplace.search import backend

    monkeypatch.setitem(app.config, "SEARCH_BACKEND", "postgresql")
    monkeypatch.setitem(app.config, "SEARCH_PG_TABLE", "search_test_pages")
    _published(seed)
    drain(app)
    assert client.get("/api/v1/search?q=T30S").get_json()["total"] == 1
    with app.app_context(), db.engine.begin() as conn:
        conn.execute(sa.text("COMMENT ON TABLE search_test_pages IS 'pg-0'"))
    message = t(app, "ru", UNAVAILABLE)
    page = client.get("/ru/search?q=полипропилен")
    assert page.status_code == 200 and message in page.get_data(as_text=True)
    assert client.get("/api/v1/search?q=x").status_code == 503
    with app.app_context():
        assert "pg-0" in backend().check() and "flask search reindex" in backend().check()
        backend().discard()
        assert "does not exist" in backend().check()
    assert message in client.get("/ru/search?q=x").get_data(as_text=True)


def test_reindex_swaps_a_new_whoosh_index_in(app, seed, runner, client, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "SEARCH_BACKEND", "whoosh")
    listing_id, _company = _published(seed)
    target = tmp_path / "idx"
    monkeypatch.setitem(app.config, "SEARCH_INDEX_DIR", str(target))
    assert runner.invoke(args=["search", "check"]).exit_code == 1
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert target.is_symlink()
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    assert client.get("/api/v1/search?q=T30S").get_json()["hits"][0]["id"] == listing_id
    assert runner.invoke(args=["search", "reindex"]).exit_code == 0
    assert client.get("/api/v1/search?q=T30S").get_json()["total"] == 1


def _two_pp_listings(seed, second_type="impact_copolymer", second_price="6000.00"):
    def world():
        from factories import pp_data

        seed_catalog()
        owner, company = verified_seller()
        a = make_listing(owner, company, publish=True)
        attributes = {**pp_data().attributes, "pp_type": second_type}
        prices = [{"currency": "USD", "min_quantity": "25", "unit_price": second_price}]
        b = make_listing(owner, company, publish=True, attributes=attributes, prices=prices)
        return a.id, b.id

    return seed(world)


def _links(html: str, needle: str) -> list[str]:
    return [x.replace("&amp;", "&") for x in re.findall(rf'href="(/\w\w/search\?[^"]*{needle}[^"]*)"', html)]


def test_attribute_facet_filters_the_category(app, seed, client):
    a, b = _two_pp_listings(seed)
    drain(app)
    html = client.get("/ru/search?category=pp").get_data(as_text=True)
    assert f"/ru/listings/{a}" in html and f"/ru/listings/{b}" in html
    assert "Тип полипропилена" in html and "Гомополимер" in html  # label and options in Russian
    links = _links(html, "a.pp_type=impact_copolymer")
    assert links, "no attribute facet link"
    filtered = client.get(links[0]).get_data(as_text=True)
    assert f"/ru/listings/{b}" in filtered and f"/ru/listings/{a}" not in filtered
    assert _links(filtered, "category=pp"), "no link to clear the attribute filter"
    assert any("a.pp_type" not in link for link in _links(filtered, "category=pp"))
    # without a category there is no attribute facet, and the filter is ignored
    plain = client.get("/en/search?q=polypropylene&a.pp_type=impact_copolymer").get_data(as_text=True)
    assert f"/en/listings/{a}" in plain and f"/en/listings/{b}" in plain
    assert not _links(plain, "a.pp_type=homopolymer")


def test_price_facet_links_filter_in_the_viewers_currency(app, seed, client):
    a, b = _two_pp_listings(seed)
    drain(app)
    html = client.get("/en/search?q=polypropylene").get_data(as_text=True)
    links = _links(html, "price_min=1000.00")
    assert links, "no price facet link"
    assert "price_max=4999.99" in links[0]
    filtered = client.get(links[0]).get_data(as_text=True)
    assert f"/en/listings/{a}" in filtered and f"/en/listings/{b}" not in filtered
    assert _links(filtered, "q=polypropylene") and "Any" in filtered
    over = client.get("/en/search?q=polypropylene&price_min=5000").get_data(as_text=True)
    assert f"/en/listings/{b}" in over and f"/en/listings/{a}" not in over
    assert "$5,000" in html  # no EUR/… rate needed: English viewers see USD


def test_api_attribute_and_price_filters(app, seed, client):
    a, b = _two_pp_listings(seed)
    drain(app)
    api = client.get("/api/v1/search?category=pp&a.pp_type=homopolymer").get_json()
    assert [h["id"] for h in api["hits"]] == [a]
    assert {"value": "impact_copolymer", "count": 1} in api["facets"]["attr:pp_type"]
    assert {"value": "1000-5000", "count": 1} in api["facets"]["price"]
    api = client.get("/api/v1/search?q=polypropylene&price_min=5000&price_max=7000").get_json()
    assert [h["id"] for h in api["hits"]] == [b]
    api = client.get("/api/v1/search?q=polypropylene&price_max=1500").get_json()
    assert [h["id"] for h in api["hits"]] == [a]


@pytest.mark.parametrize(
    "query",
    [
        "price_min=abc",
        "price_max=NaN&price_min=-5",
        "price_min=1e999999&price_max=Infinity",
        "price_min=9000&price_max=10",
        "category=pp&a.unknown=x&a.pp_type=nonsense",
        "category=pp&a.cas_numbers=9003-07-0&a.mfr=3.0",
    ],
)
def test_bad_attribute_and_price_values_are_ignored(app, seed, client, query):
    a, b = _two_pp_listings(seed)
    drain(app)
    page = client.get(f"/en/search?q=polypropylene&{query}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f"/en/listings/{a}" in html and f"/en/listings/{b}" in html
    api = client.get(f"/api/v1/search?q=polypropylene&{query}")
    assert api.status_code == 200 and api.get_json()["total"] == 2


def test_price_facet_shown_in_mnt_with_usd_links(app, seed, client):
    from datetime import date

    def world():
        seed_catalog()
        owner, company = verified_seller()
        listing = make_listing(owner, company, publish=True)
        catalog.set_fx_rate(make_user(admin=True), "USD", "MNT", "3450", date(2026, 11, 25))
        return listing.id

    listing_id = seed(world)
    drain(app)
    html = client.get("/mn/search?q=polypropylene").get_data(as_text=True)
    assert f"/mn/listings/{listing_id}" in html
    assert "3,450,000" in html and "17,250,000" in html  # 1000–5000 USD in tögrög
    assert any("price_min=1000.00" in link for link in _links(html, "price_max=4999.99"))


@pytest.mark.postgres_only
def test_reindex_swaps_a_new_postgres_index_in(app, seed, runner, client, monkeypatch):
    from marketplace.search import backend

    monkeypatch.setitem(app.config, "SEARCH_BACKEND", "postgresql")
    monkeypatch.setitem(app.config, "SEARCH_PG_TABLE", "search_test_reindex")
    listing_id, _company = _published(seed)
    with app.app_context():
        backend().discard()
    assert runner.invoke(args=["search", "check"]).exit_code == 1
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    assert client.get("/api/v1/search?q=T30S").get_json()["hits"][0]["id"] == listing_id
    assert runner.invoke(args=["search", "reindex"]).exit_code == 0  # again, over the existing table
    assert client.get("/api/v1/search?q=T30S").get_json()["total"] == 1
    with app.app_context(), db.engine.connect() as conn:
        leftovers = conn.execute(sa.text("SELECT to_regclass('search_test_reindex_build')")).scalar()
        assert leftovers is None
        backend().discard()


def test_overseas_stock_is_a_search_facet_kept_fresh_by_the_ledger(app, seed, client):
    """Stock becoming sellable (or not) in an overseas warehouse re-indexes the listing: the search
    filters and counts "in stock in <country>"."""
    from support import t

    from marketplace.warehouses import ledger
    from marketplace.warehouses.models import Warehouse
    from marketplace.warehouses.seeding import seed_public_warehouses

    listing_id, _company = _published(seed)

    def stock(operation):
        def run():
            listing = db.session.get(Listing, listing_id)
            moscow = db.session.scalar(db.select(Warehouse).where(Warehouse.code == "moscow"))
            operation(listing, moscow)

        seed(run)
        drain(app)

    seed(lambda: seed_public_warehouses())
    drain(app)
    assert client.get("/api/v1/search?q=polypropylene&stock=RU").get_json()["total"] == 0
    stock(lambda listing, moscow: ledger.receive(listing, moscow, "50", "R-1"))
    found = client.get("/api/v1/search?q=polypropylene&stock=ru").get_json()
    assert [h["id"] for h in found["hits"]] == [listing_id]
    assert found["facets"]["stock_country"] == [{"value": "RU", "count": 1}]
    assert client.get("/api/v1/search?q=polypropylene&stock=MN").get_json()["total"] == 0
    html = client.get("/ru/search?q=полипропилен").get_data(as_text=True)
    assert t(app, "ru", "In stock overseas") in html and "stock=RU" in html
    stock(lambda listing, moscow: ledger.reserve(listing, moscow, "50", "ORDER-1"))  # nothing left to sell
    assert client.get("/api/v1/search?q=polypropylene&stock=RU").get_json()["total"] == 0
    assert client.get("/api/v1/search?q=polypropylene").get_json()["total"] == 1
