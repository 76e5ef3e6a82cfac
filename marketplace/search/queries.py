"""Read side of search: a query from the request's arguments, run against the backend, and the hits
joined with their listing cards (the database has the last word: a listing unpublished or a seller
suspended since the index was written is not shown)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from marketplace.accounts.models import Company
from marketplace.catalog import queries as catalog
from marketplace.catalog.models import Listing
from marketplace.catalog.states import AttributeKind, Incoterm, Vertical
from marketplace.extensions import db
from marketplace.search import backend, services
from marketplace.search.interface import (
    ATTRIBUTE_FACET_PREFIX,
    SORTS,
    SearchError,
    SearchHit,
    SearchQuery,
    SearchResult,
)

log = logging.getLogger(__name__)

PER_PAGE = 24
MAX_QUERY_CHARS = 200
FACETS = ["vertical", "category", "origin_ordos", "incoterm", "seller", "stock_country", "price"]
FACET_KINDS = (AttributeKind.ENUM, AttributeKind.MULTI_ENUM)  # key attributes shown as facets
MAX_PRICE_USD = Decimal(10) ** 12
CENT = Decimal("0.01")
INCOTERMS = frozenset(i.value for i in Incoterm)
VERTICALS = frozenset(v.value for v in Vertical)


@dataclass
class Params:
    """The query string, cleaned: what the page shows as active filters and keeps in its links."""

    q: str = ""
    category: str = ""
    vertical: str = ""
    ordos: str = ""
    incoterm: str = ""
    seller: str = ""
    stock: str = ""  # ISO country of an overseas warehouse holding stock
    attrs: dict[str, str] = field(default_factory=dict)  # key attribute code -> option value
    price_min: str = ""  # USD
    price_max: str = ""  # USD
    sort: str = "relevance"
    page: int = 1

    def args(self, **changes) -> dict[str, str | int]:
        """The non-empty arguments, with `changes` applied (a value of None drops the argument);
        any change other than the page goes back to page 1; another category drops the attribute
        filters (they belong to the category)."""
        attrs = {} if "category" in changes else {f"a.{k}": v for k, v in self.attrs.items()}
        values = {
            "q": self.q,
            "category": self.category,
            "vertical": self.vertical,
            "ordos": self.ordos,
            "incoterm": self.incoterm,
            "seller": self.seller,
            "stock": self.stock,
            **attrs,
            "price_min": self.price_min,
            "price_max": self.price_max,
            "sort": "" if self.sort == "relevance" else self.sort,
            "page": self.page if self.page > 1 else "",
        }
        if changes and "page" not in changes:
            values["page"] = ""
        values.update({k: ("" if v is None else v) for k, v in changes.items()})
        return {k: v for k, v in values.items() if v not in ("", None)}


def parse(args: MultiDict, lang: str, per_page: int = PER_PAGE) -> tuple[Params, SearchQuery]:
    """Params and the backend query from request arguments; anything invalid is ignored."""
    p = Params(q=" ".join(str(args.get("q", "")).split())[:MAX_QUERY_CHARS])
    query = SearchQuery(text=p.q, lang=lang, per_page=per_page, facets=list(FACETS))
    category = catalog.category_by_slug(str(args.get("category", "")))
    if category is not None:
        p.category = category.slug
        query.category_ids = [category.id]
        for attr in facet_attributes(category):
            query.facets.append(ATTRIBUTE_FACET_PREFIX + attr.code)
            value = str(args.get(f"a.{attr.code}", "")).strip()
            if value and value in {o["value"] for o in attr.options or []}:
                p.attrs[attr.code] = value
                query.attributes[attr.code] = value
    low, high = price_bound(args.get("price_min")), price_bound(args.get("price_max"))
    if low is not None and high is not None and low > high:
        low = high = None
    if low is not None:
        p.price_min, query.price_min_usd = str(low), low
    if high is not None:
        p.price_max, query.price_max_usd = str(high), high
    vertical = str(args.get("vertical", ""))
    if vertical in VERTICALS:
        p.vertical = query.vertical = vertical
    if args.get("ordos") == "1":
        p.ordos, query.origin_ordos = "1", True
    incoterm = str(args.get("incoterm", "")).upper()
    if incoterm in INCOTERMS:
        p.incoterm = query.incoterm = incoterm
    seller = str(args.get("seller", ""))
    if seller.isascii() and seller.isdigit() and len(seller) < 12:
        p.seller, query.seller_id = seller, int(seller)
    stock = str(args.get("stock", "")).upper()
    if len(stock) == 2 and stock.isascii() and stock.isalpha():
        p.stock = query.stock_country = stock
    sort = str(args.get("sort", "relevance"))
    p.sort = query.sort = sort if sort in SORTS else "relevance"
    try:
        p.page = query.page = min(max(int(str(args.get("page", "1"))), 1), 10_000 // per_page)
    except ValueError:
        p.page = query.page = 1
    return p, query


def facet_attributes(category) -> list:
    """The category's key enum and multi-enum attributes: the ones the search page facets."""
    return [a for a in catalog.schema_of(category).key_attributes if a.kind in FACET_KINDS and a.options]


def price_bound(raw) -> Decimal | None:
    """A USD amount from the query string (to the cent), or None when missing or invalid."""
    text = str(raw or "").strip()
    if not text or len(text) > 20:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value >= MAX_PRICE_USD:
        return None
    return value.quantize(CENT)


@dataclass
class Found:
    hit: SearchHit
    card: catalog.Card


@dataclass
class Outcome:
    result: SearchResult | None  # None: search is unavailable
    found: list[Found] = field(default_factory=list)
    unavailable: bool = False

    @property
    def total(self) -> int:
        return self.result.total if self.result else 0

    @property
    def pages(self) -> int:
        return max((self.total + PER_PAGE - 1) // PER_PAGE, 1)


def run(query: SearchQuery) -> Outcome:
    """Search, then load the cards of the hits in a fixed number of statements."""
    try:
        result = backend().search(query)
    except SearchError as exc:
        log.warning("search unavailable: %s", exc.message)
        return Outcome(None, unavailable=True)
    except Exception:  # a damaged index can fail in many ways: the page still answers
        log.exception("search failed")
        return Outcome(None, unavailable=True)
    ids = [h.listing_id for h in result.hits]
    allowed = services.searchable_ids(ids)
    listings = (
        {x.id: x for x in db.session.scalars(sa.select(Listing).where(Listing.id.in_(allowed)))}
        if allowed
        else {}
    )
    cards = {
        c.listing.id: c for c in catalog.cards_for([listings[i] for i in ids if i in listings], query.lang)
    }
    found = [Found(h, cards[h.listing_id]) for h in result.hits if h.listing_id in cards]
    return Outcome(result, found)


def seller_names(ids) -> dict[str, Company]:
    wanted = [int(i) for i in ids if str(i).isdigit()]
    if not wanted:
        return {}
    return {str(c.id): c for c in db.session.scalars(sa.select(Company).where(Company.id.in_(wanted)))}


def suggestions(lang: str) -> list[str]:
    """Category names in the viewer's language, for the query box's datalist."""
    from marketplace.catalog.schema import in_language

    return sorted({in_language(c.names, lang) for c in catalog.all_categories()} - {""})
