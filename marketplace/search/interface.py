"""The search interface every backend implements, and the document a listing is indexed as.

A backend indexes `SearchDocument`s (built from a listing's live version by `document_for`), removes
them by listing id, and answers a `SearchQuery` (text + filters + facets + sort + page) with a
`SearchResult`. Backends never see ORM objects, so the document can be built in the business
transaction and indexed later (by the outbox worker).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

SORTS = ("relevance", "price_asc", "price_desc", "newest")
# Facet names a backend understands; "attr:<code>" counts the values of one attribute.
FACETS = ("vertical", "category", "origin_ordos", "incoterm", "seller", "price", "stock_country")
ATTRIBUTE_FACET_PREFIX = "attr:"
# Price facet buckets in USD: (label, low inclusive, high exclusive; None = open).
PRICE_BUCKETS_USD: tuple[tuple[str, Decimal | None, Decimal | None], ...] = (
    ("0-100", None, Decimal(100)),
    ("100-500", Decimal(100), Decimal(500)),
    ("500-1000", Decimal(500), Decimal(1000)),
    ("1000-5000", Decimal(1000), Decimal(5000)),
    ("5000-20000", Decimal(5000), Decimal(20000)),
    ("20000-", Decimal(20000), None),
)
MAX_PER_PAGE = 100
MAX_RESULTS = 10_000  # deepest result reachable by paging


Progress = Callable[[int], None]  # called with the number of documents written since the last call


class SearchError(Exception):
    """Base class of search failures; `message` is meant for logs and admins."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class SearchUnavailable(SearchError):
    """The index is missing, corrupt or of another schema version (the message says how to rebuild).
    Pages show a clear "search is unavailable" message instead of failing."""


class IndexBusy(SearchError):
    """Another writer held the index lock for longer than the backend's write timeout."""


@dataclass
class SearchDocument:
    """Everything a backend indexes of one listing (its live version)."""

    listing_id: int
    vertical: str
    category_id: int
    category_path_ids: list[int]
    seller_id: int
    seller_name: str
    origin_ordos: bool
    incoterm: str
    price_usd: Decimal | None
    published_at: datetime | None
    titles: dict[str, str]  # language -> title
    descriptions: dict[str, str] = field(default_factory=dict)  # language -> description
    attributes: dict[str, str | list[str]] = field(default_factory=dict)  # code -> canonical value(s)
    identifiers: list[str] = field(default_factory=list)  # raw: CAS, HS code, VIN, grade, model …
    key_attribute_values: dict[str, list[str]] = field(default_factory=dict)  # facetable values
    # Searchable text that is not the seller's own: category names and attribute values rendered in
    # each language (so a listing written in Chinese is found by "полипропилен").
    category_names: dict[str, str] = field(default_factory=dict)  # language -> "Chemicals / … / PP"
    attribute_texts: dict[str, str] = field(default_factory=dict)  # language -> attribute values
    # ISO countries of overseas warehouses holding available stock of the listing
    stock_countries: list[str] = field(default_factory=list)


@dataclass
class SearchQuery:
    text: str = ""
    lang: str = "en"  # the viewer's language: snippets in it when the listing has it
    # filters
    vertical: str | None = None
    category_ids: list[int] = field(default_factory=list)  # any of them, descendants included
    origin_ordos: bool | None = None
    incoterm: str | None = None
    seller_id: int | None = None
    stock_country: str | None = None  # in stock in an overseas warehouse in this country (ISO code)
    attributes: dict[str, str | list[str]] = field(default_factory=dict)  # code -> value (or any of)
    price_min_usd: Decimal | None = None
    price_max_usd: Decimal | None = None
    # presentation
    sort: str = "relevance"  # one of SORTS; an empty query sorts "relevance" by newest
    page: int = 1
    per_page: int = 24
    facets: list[str] = field(default_factory=list)  # FACETS and "attr:<code>"


@dataclass
class SearchHit:
    listing_id: int
    score: float
    snippet_html: str  # escaped text with <mark> around matched words
    snippet_lang: str = ""  # language of the snippet (the viewer's when the listing has it)
    title_html: str = ""  # the title in that language, escaped, matches marked


@dataclass
class SearchResult:
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # name -> (value, count)
    suggestion: str | None = None  # "did you mean" when some word matched nothing
    relaxed: bool = False  # True when no listing matched every word and any-word matching was used


@runtime_checkable
class SearchBackend(Protocol):
    """What the search page, the API and the indexing jobs use. Implementations: WhooshBackend,
    PostgresBackend."""

    @property
    def schema_version(self) -> str:
        """The index layout this code writes and reads; a stored index of another version needs a
        rebuild."""
        ...

    def index(self, docs: Iterable[SearchDocument]) -> int:
        """Add or replace documents (by listing id); returns how many were written."""
        ...

    def bulk_load(
        self, docs: Iterable[SearchDocument], total: int | None = None, progress: Progress | None = None
    ) -> int:
        """Fill a new, empty index (from `build_aside`, after `clear`) as fast as the backend can;
        `total` is the expected number of documents, `progress` is told how many were written."""
        ...

    def remove(self, listing_ids: Iterable[int]) -> None: ...

    def search(self, query: SearchQuery) -> SearchResult:
        """Raises SearchUnavailable when the index cannot be used."""
        ...

    def clear(self) -> None:
        """Empty the index (creating it if needed) at the current schema version."""
        ...

    def check(self) -> str | None:
        """A description of what is wrong with the index (missing, corrupt, other version), or None."""
        ...

    def describe(self) -> str:
        """Where the index is, for messages ("directory …", "table …")."""
        ...

    def build_aside(self) -> SearchBackend:
        """A backend over a new, separate index (to be `clear`ed, filled and then `swap_in`-ed)."""
        ...

    def swap_in(self, build: SearchBackend) -> None:
        """Atomically replace this index by the one `build` (from `build_aside`) wrote."""
        ...

    def discard(self) -> None:
        """Delete this index (a failed build)."""
        ...

    def close(self) -> None:
        """Release what the backend holds open (it reopens on use)."""
        ...


def normalise_query(query: SearchQuery) -> SearchQuery:
    """A copy with sort, page and per_page brought into range (backends call this first)."""
    from dataclasses import replace

    sort = query.sort if query.sort in SORTS else "relevance"
    per_page = min(max(int(query.per_page or 1), 1), MAX_PER_PAGE)
    max_page = max(MAX_RESULTS // per_page, 1)
    page = min(max(int(query.page or 1), 1), max_page)
    return replace(query, sort=sort, page=page, per_page=per_page, text=str(query.text or ""))


# -- building a document from the catalog ----------------------------------------------------------

IDENTIFIER_VALIDATORS = frozenset({"cas_list", "vin", "un_number", "ec_number"})


def _is_identifier_attribute(code: str) -> bool:
    return code in {"grade", "model"} or code.endswith(("_grade", "_model"))


def document_for(
    listing: Any,
    version: Any,
    category_path: Sequence[Any],
    seller: Any,
    stock_countries: Sequence[str] = (),
) -> SearchDocument:
    """The search document of a listing's live version.

    `category_path` is the listing's category and its ancestors, root first, with their attribute
    definitions loaded; `seller` the seller company. Identifiers are the HS code, the values of
    attributes validated as CAS/EC/UN numbers or VINs, grade and model attributes, and model codes in
    the titles. Key attributes (`is_key`) are the facetable ones. `stock_countries`: where overseas
    warehouses hold available stock of it.
    """
    from marketplace.catalog.schema import in_language
    from marketplace.catalog.states import AttributeKind
    from marketplace.search.analysis import LANGS, model_codes

    if listing.live_version_id is None or version.id != listing.live_version_id:
        raise ValueError(f"listing {listing.id}: only the live version is searchable")
    if not category_path:
        raise ValueError("category_path is empty")

    titles = {t.language: t.title for t in version.translations if t.title}
    descriptions = {t.language: t.description for t in version.translations if t.description}
    values: dict[str, Any] = dict(version.attributes or {})
    definitions = [a for c in category_path for a in c.attributes]

    identifiers: list[str] = [version.hs_code] if version.hs_code else []
    key_values: dict[str, list[str]] = {}
    attributes: dict[str, str | list[str]] = {}
    texts: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for attr in definitions:
        value = values.get(attr.code)
        if value is None or value == "" or value == [] or attr.kind == AttributeKind.DOCUMENT:
            continue
        if attr.kind == AttributeKind.MULTI_ENUM:
            items = [str(x) for x in (value if isinstance(value, list) else [value])]
            attributes[attr.code] = items
        elif attr.kind == AttributeKind.BOOLEAN:
            items = ["yes" if value else "no"]
            attributes[attr.code] = items[0]
        else:
            items = [str(value)]
            attributes[attr.code] = items[0]
        if attr.is_key:
            key_values[attr.code] = items
        if attr.validator in IDENTIFIER_VALIDATORS:
            identifiers.extend(p.strip() for p in str(value).split(",") if p.strip())
        elif _is_identifier_attribute(attr.code) and attr.kind in (AttributeKind.TEXT, AttributeKind.ENUM):
            identifiers.append(str(value))
        # text for full-text search: option labels in every language, free-text values as written
        if attr.kind in (AttributeKind.ENUM, AttributeKind.MULTI_ENUM):
            labels = {o["value"]: o.get("labels") or {} for o in attr.options or []}
            for lang in LANGS:
                texts[lang].extend(in_language(labels.get(x), lang) or x for x in items)
        elif attr.kind == AttributeKind.TEXT and attr.validator not in IDENTIFIER_VALIDATORS:
            for lang in LANGS:
                texts[lang].append(str(value))
    for title in titles.values():
        identifiers.extend(code.removeprefix("model:") for code in model_codes(title))

    category_names = {
        lang: " / ".join(n for n in (c.names.get(lang, "") for c in category_path) if n) for lang in LANGS
    }
    vertical = category_path[0].vertical
    incoterm = version.incoterm
    return SearchDocument(
        listing_id=listing.id,
        vertical=getattr(vertical, "value", vertical),
        category_id=listing.category_id,
        category_path_ids=[c.id for c in category_path],
        seller_id=listing.seller_id,
        seller_name=seller.legal_name_latin or seller.legal_name,
        origin_ordos=bool(version.origin_ordos),
        incoterm=getattr(incoterm, "value", incoterm),
        price_usd=listing.sort_price,
        published_at=listing.published_at,
        titles=titles,
        descriptions=descriptions,
        attributes=attributes,
        identifiers=list(dict.fromkeys(identifiers)),
        key_attribute_values=key_values,
        category_names={k: v for k, v in category_names.items() if v},
        attribute_texts={k: " · ".join(dict.fromkeys(v)) for k, v in texts.items() if v},
        stock_countries=sorted({str(c).upper() for c in stock_countries if c}),
    )


# -- terms shared by the backends -------------------------------------------------------------------

VALUE_SEP = "\x1f"  # never part of a value (separates the values of a multi-valued field)


def clean_value(text: Any) -> str:
    return str(text).replace(VALUE_SEP, " ").strip()[:200]


def attribute_terms(doc: SearchDocument) -> list[str]:
    """ "code=value" terms of the attribute values (filters and attribute facets)."""
    terms = []
    for source in (doc.attributes, doc.key_attribute_values):
        for code, value in source.items():
            for item in value if isinstance(value, list | tuple) else [value]:
                if clean_value(item):
                    terms.append(f"{code}={clean_value(item)}")
    return list(dict.fromkeys(terms))


def identifier_terms(doc: SearchDocument) -> list[str]:
    """The identifiers' terms, and model codes written in the titles."""
    from marketplace.search import analysis

    terms = [term for raw in doc.identifiers for term in analysis.identifiers(raw)]
    terms += [code for title in doc.titles.values() for code in analysis.model_codes(title)]
    return list(dict.fromkeys(terms))
