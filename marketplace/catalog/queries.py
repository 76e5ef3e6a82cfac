"""Read-side queries of the catalog. List pages run a fixed number of SQL statements whatever the
number of listings: one for the page of ids, one count, then one batched load per relation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from marketplace.accounts.models import Company
from marketplace.catalog.models import (
    AttributeDefinition,
    Category,
    Listing,
    ListingFile,
    ListingVersion,
)
from marketplace.catalog.schema import FALLBACK, Schema, schema_for
from marketplace.catalog.states import AttributeKind, FileKind, ListingState
from marketplace.core.cache import TTLCache
from marketplace.core.money import Money
from marketplace.extensions import db

PER_PAGE = 24
DEFAULT_CURRENCY = {"zh": "CNY", "en": "USD", "ru": "RUB", "mn": "MNT"}


# -- categories (a small table, read on every page: cached per process) ---------------------------

_categories = TTLCache(ttl=30, maxsize=4)
_counts = TTLCache(ttl=30, maxsize=4)


def _load_categories() -> list[Category]:
    rows = list(
        db.session.scalars(
            sa.select(Category)
            .options(selectinload(Category.attributes))
            .order_by(Category.position, Category.id)
        )
    )
    for row in rows:
        db.session.expunge(row)  # detached, read-only copies shared by the requests of this process
    return rows


def all_categories() -> list[Category]:
    """Every category with its attributes (cached per process; `invalidate()` after changes)."""
    return _categories.get_or_set("all", _load_categories)


def invalidate() -> None:
    """Forget cached categories, counts and anonymous pages (after changing categories or what is
    visible)."""
    from marketplace.catalog.views import _seller_cards
    from marketplace.core import pagecache

    _categories.clear()
    _counts.clear()
    _seller_cards.clear()
    pagecache.invalidate()


def categories_by_id() -> dict[int, Category]:
    return {c.id: c for c in all_categories()}


def category_by_slug(slug: str) -> Category | None:
    return next((c for c in all_categories() if c.slug == slug), None)


def children_of(category: Category | None) -> list[Category]:
    parent_id = category.id if category else None
    return [c for c in all_categories() if c.parent_id == parent_id]


def descendants(category: Category) -> list[Category]:
    out, frontier = [category], [category]
    while frontier:
        nxt = [c for c in all_categories() if c.parent_id in {f.id for f in frontier}]
        out.extend(nxt)
        frontier = nxt
    return out


def is_leaf(category: Category) -> bool:
    return not children_of(category)


def schema_of(category: Category) -> Schema:
    by_id = categories_by_id()
    return schema_for(by_id.get(category.id, category), by_id)


# -- listing cards ---------------------------------------------------------------------------------


def pick_translation(version: ListingVersion, lang: str):
    by_lang = {t.language: t for t in version.translations}
    for code in (lang, *FALLBACK):
        if code in by_lang:
            return by_lang[code]
    return version.translations[0] if version.translations else None


def price_from(version: ListingVersion) -> Money | None:
    """The lowest tier price in the listing's first currency (its headline price)."""
    if not version.prices:
        return None
    currency = version.prices[0].currency
    return Money(min(p.unit_price for p in version.prices if p.currency == currency), currency)


def price_for_quantity(version: ListingVersion, currency: str, quantity: Decimal) -> Money | None:
    tiers = [p for p in version.prices if p.currency == currency and p.min_quantity <= quantity]
    if not tiers:
        return None
    return Money(max(tiers, key=lambda p: p.min_quantity).unit_price, currency)


@dataclass
class Card:
    listing: Listing
    version: ListingVersion
    title: str
    title_language: str
    price: Money | None
    image: ListingFile | None
    seller: Company


def _load_versions(version_ids: list[int]) -> dict[int, ListingVersion]:
    if not version_ids:
        return {}
    versions = db.session.scalars(
        sa.select(ListingVersion)
        .where(ListingVersion.id.in_(version_ids))
        .options(
            selectinload(ListingVersion.translations),
            selectinload(ListingVersion.prices),
            selectinload(ListingVersion.files),
        )
    )
    return {v.id: v for v in versions}


def cards_for(listings: list[Listing], lang: str, *, use_working: bool = False) -> list[Card]:
    """Cards for listings in order, loading versions, content, prices, files and sellers in batches."""

    def vid(x: Listing) -> int | None:
        return (x.working_version_id or x.live_version_id) if use_working else x.live_version_id

    versions = _load_versions([i for i in (vid(x) for x in listings) if i])
    seller_ids = {x.seller_id for x in listings}
    sellers = (
        {c.id: c for c in db.session.scalars(sa.select(Company).where(Company.id.in_(seller_ids)))}
        if seller_ids
        else {}
    )
    cards = []
    for listing in listings:
        version = versions.get(vid(listing))
        if version is None:
            continue
        t = pick_translation(version, lang)
        image = next((f for f in version.files if f.kind == FileKind.IMAGE), None)
        cards.append(
            Card(
                listing,
                version,
                t.title if t else f"#{listing.id}",
                t.language if t else lang,
                price_from(version),
                image,
                sellers[listing.seller_id],
            )
        )
    return cards


# -- category page: filters, sort, pagination ----------------------------------------------------

SORTS = ("newest", "price_asc", "price_desc")


def _attribute_clause(attr: AttributeDefinition, value: Any, dialect: str):
    column = ListingVersion.attributes
    if attr.kind in (AttributeKind.ENUM, AttributeKind.TEXT):
        return column[attr.code].as_string() == str(value)
    if attr.kind == AttributeKind.BOOLEAN:
        return column[attr.code].as_boolean().is_(bool(value))
    if attr.kind == AttributeKind.MULTI_ENUM:
        if dialect == "postgresql":
            return sa.cast(column, sa.dialects.postgresql.JSONB)[attr.code].contains(
                sa.func.jsonb_build_array(str(value))
            )
        each = sa.func.json_each(column, f"$.{attr.code}").table_valued("value")
        return sa.exists(sa.select(1).select_from(each).where(each.c.value == str(value)))
    if attr.kind == AttributeKind.DECIMAL:
        low, high = value
        numeric = sa.cast(column[attr.code].as_string(), sa.Numeric(18, 6))
        clauses = []
        if low is not None:
            clauses.append(numeric >= low)
        if high is not None:
            clauses.append(numeric <= high)
        return sa.and_(*clauses) if clauses else sa.true()
    return sa.true()


def category_page(
    category: Category,
    lang: str,
    *,
    filters: dict[str, Any] | None = None,
    ordos_only: bool = False,
    sort: str = "newest",
    page: int = 1,
    per_page: int = PER_PAGE,
) -> tuple[list[Card], int]:
    ids = [c.id for c in descendants(category)]
    schema = schema_of(category)
    dialect = db.engine.dialect.name
    clauses = [
        _attribute_clause(schema.by_code[code], value, dialect)
        for code, value in (filters or {}).items()
        if code in schema.by_code
    ]
    if ordos_only:
        clauses.append(ListingVersion.origin_ordos.is_(True))
    base = sa.select(Listing.id).where(Listing.category_id.in_(ids), Listing.is_visible.is_(True))
    if clauses:  # only filters need the live version's columns
        base = base.join(ListingVersion, ListingVersion.id == Listing.live_version_id).where(*clauses)
        total = db.session.scalar(sa.select(sa.func.count()).select_from(base.subquery())) or 0
    else:
        total = counts_by_category().get(category.id, 0)
    if sort == "price_asc":
        query = base.order_by(Listing.sort_price.asc().nulls_last(), Listing.id.desc())
    elif sort == "price_desc":
        query = base.order_by(Listing.sort_price.desc().nulls_last(), Listing.id.desc())
    else:
        query = base.order_by(Listing.published_at.desc(), Listing.id.desc())
    page_ids = list(db.session.scalars(query.limit(per_page).offset((max(page, 1) - 1) * per_page)))
    listings = (
        {x.id: x for x in db.session.scalars(sa.select(Listing).where(Listing.id.in_(page_ids)))}
        if page_ids
        else {}
    )
    return cards_for([listings[i] for i in page_ids], lang), total


def latest_visible(
    lang: str, limit: int = 8, seller_id: int | None = None, exclude: int | None = None
) -> list[Card]:
    query = (
        sa.select(Listing)
        .where(Listing.is_visible.is_(True))
        .order_by(Listing.published_at.desc(), Listing.id.desc())
    )
    if seller_id is not None:
        query = query.where(Listing.seller_id == seller_id)
    if exclude is not None:
        query = query.where(Listing.id != exclude)
    return cards_for(list(db.session.scalars(query.limit(limit))), lang)


def counts_by_category() -> dict[int, int]:
    """Visible listings per category, descendants included (cached per process)."""

    def compute() -> dict[int, int]:
        rows = db.session.execute(
            sa.select(Listing.category_id, sa.func.count())
            .where(Listing.is_visible.is_(True))
            .group_by(Listing.category_id)
        )
        direct = dict(rows.all())
        return {c.id: sum(direct.get(d.id, 0) for d in descendants(c)) for c in all_categories()}

    return _counts.get_or_set("all", compute)


# -- one listing -----------------------------------------------------------------------------------


def visible_listing(listing_id: int) -> Listing | None:
    listing = db.session.get(Listing, listing_id)
    if listing is None or not listing.is_visible or listing.live_version_id is None:
        return None
    return listing


def load_version(version_id: int) -> ListingVersion:
    """One version with its content, prices and files, in a single statement."""
    return (
        db.session.scalars(
            sa.select(ListingVersion)
            .where(ListingVersion.id == version_id)
            .options(
                joinedload(ListingVersion.translations),
                joinedload(ListingVersion.prices),
                joinedload(ListingVersion.files),
            )
        )
        .unique()
        .one()
    )


def seller_listings(company_id: int, lang: str) -> list[tuple[Listing, Card | None]]:
    listings = list(
        db.session.scalars(
            sa.select(Listing)
            .where(Listing.seller_id == company_id)
            .order_by(Listing.updated_at.desc(), Listing.id.desc())
        )
    )
    cards = {c.listing.id: c for c in cards_for(listings, lang, use_working=True)}
    return [(x, cards.get(x.id)) for x in listings]


def moderation_queue(
    *,
    vertical: str | None = None,
    flagged: bool | None = None,
    seller_id: int | None = None,
    older_than_days: int | None = None,
    state: str = ListingState.PENDING.value,
    limit: int = 200,
) -> list[Listing]:
    from datetime import timedelta

    from marketplace.core.db import utcnow

    query = (
        sa.select(Listing)
        .join(ListingVersion, ListingVersion.id == Listing.working_version_id)
        .join(Category, Category.id == Listing.category_id)
        .where(Listing.state == ListingState(state))
        .order_by(ListingVersion.submitted_at.asc().nullslast(), Listing.id)
    )
    if vertical:
        query = query.where(Category.vertical == vertical)
    if seller_id:
        query = query.where(Listing.seller_id == seller_id)
    if older_than_days:
        query = query.where(ListingVersion.submitted_at <= utcnow() - timedelta(days=older_than_days))
    listings = list(db.session.scalars(query.limit(limit)))
    if flagged is not None:
        versions = _load_versions([x.working_version_id for x in listings])
        listings = [x for x in listings if bool(versions[x.working_version_id].flags) == flagged]
    return listings
