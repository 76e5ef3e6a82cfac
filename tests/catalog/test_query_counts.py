"""Category and listing pages run a fixed number of SQL queries whatever the number of listings:
the statements of one request are counted at 10 and at 1,000 published listings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import factories
import sqlalchemy as sa
from sqlalchemy import event

from marketplace.catalog.models import Listing, ListingTranslation, ListingVersion, PriceTier
from marketplace.catalog.states import ListingState
from marketplace.core.cache import clear_all
from marketplace.extensions import db

# Transaction control and connection set-up are not queries of the page.
IGNORED_PREFIXES = ("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")
# A category page runs 11 statements, a listing page 17 (its "more from this seller" cards and the
# seller's credit badge, one statement, included).
MAX_STATEMENTS = 17


@contextmanager
def count_queries(app) -> Iterator[list[str]]:
    """Collect the SQL statements sent to the app's engine while the block runs."""
    statements: list[str] = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(IGNORED_PREFIXES):
            statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before_cursor_execute)


# -- fast data: one listing through the real services, the others copied with Core executemany ----


def _first_listing(app) -> int:
    with app.app_context(), app.test_request_context("/en/"):
        factories.seed_catalog()
        owner, company = factories.verified_seller()
        listing = factories.make_listing(owner, company, "pp", publish=True)
        db.session.commit()
        listing_id = listing.id
        db.session.remove()
    return listing_id


def _without(row, *keys: str) -> dict:
    return {k: v for k, v in row.items() if k not in keys}


def _copy_listing(app, source_id: int, count: int) -> None:
    """Insert `count` published, visible copies of listing `source_id` (with version, translations
    and price tiers) in a handful of executemany statements."""
    listings, versions = Listing.__table__, ListingVersion.__table__
    translations, prices = ListingTranslation.__table__, PriceTier.__table__

    with app.app_context(), db.engine.begin() as conn:

        def rows(table, where):
            return conn.execute(sa.select(table).where(where)).mappings().all()

        def insert_returning_ids(table, values: list[dict]) -> list[int]:
            statement = sa.insert(table).returning(table.c.id, sort_by_parameter_order=True)
            return list(conn.execute(statement, values).scalars())

        (src,) = rows(listings, listings.c.id == source_id)
        (version,) = rows(versions, versions.c.id == src["live_version_id"])
        texts = rows(translations, translations.c.version_id == version["id"])
        tiers = rows(prices, prices.c.version_id == version["id"])

        base = _without(src, "id", "live_version_id", "working_version_id")
        base.update(state=ListingState.PUBLISHED, is_visible=True)
        listing_ids = insert_returning_ids(
            listings,
            [{**base, "published_at": src["published_at"] - timedelta(seconds=i + 1)} for i in range(count)],
        )
        version_ids = insert_returning_ids(
            versions, [{**_without(version, "id", "listing_id"), "listing_id": lid} for lid in listing_ids]
        )
        for table, children in ((translations, texts), (prices, tiers)):
            conn.execute(
                sa.insert(table),
                [{**_without(c, "id", "version_id"), "version_id": v} for v in version_ids for c in children],
            )
        conn.execute(
            sa.update(listings)
            .where(listings.c.id == sa.bindparam("b_listing"))
            .values(live_version_id=sa.bindparam("b_version")),
            [{"b_listing": lid, "b_version": vid} for lid, vid in zip(listing_ids, version_ids, strict=True)],
        )


def _statements_per_page(app, client, urls: list[str]) -> dict[str, list[str]]:
    out = {}
    for url in urls:
        with app.app_context():
            db.session.remove()
        clear_all()  # count with cold per-process caches (categories, counts): the worst case
        with count_queries(app) as statements:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        out[url] = list(statements)
    return out


def test_catalog_pages_run_a_fixed_number_of_queries(app, client):
    first_id = _first_listing(app)
    urls = [
        "/en/c/pp",
        "/en/c/pp?sort=price_asc",
        "/en/c/pp?a.pp_type=homopolymer",
        "/en/c/chemicals",
        f"/en/listings/{first_id}",
    ]

    _copy_listing(app, first_id, 9)
    small = _statements_per_page(app, client, urls)
    clear_all()
    assert "Page 1 of" not in client.get("/en/c/pp").get_data(as_text=True)

    _copy_listing(app, first_id, 990)
    large = _statements_per_page(app, client, urls)
    clear_all()
    for url in urls[:4]:  # every listing is visible on the category pages: 1,000 / 24 per page
        assert "Page 1 of 42" in client.get(url).get_data(as_text=True), url

    counts = {url: (len(small[url]), len(large[url])) for url in urls}
    growing = {url: c for url, c in counts.items() if c[0] != c[1]}
    detail = "\n".join(f"{url}:\n  " + "\n  ".join(large[url]) for url in growing)
    assert not growing, f"query count grows with the number of listings (10 vs 1,000): {growing}\n{detail}"
    too_many = {url: c[1] for url, c in counts.items() if c[1] > MAX_STATEMENTS}
    assert not too_many, f"more than {MAX_STATEMENTS} statements: {too_many}"
