"""Buyer-facing catalog pages: categories with attribute filters, listing pages, seller profiles,
access-controlled files, the viewer's currency."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask import abort, g, get_template_attribute, redirect, render_template, request, session, url_for
from flask_login import current_user
from markupsafe import Markup

from marketplace.accounts.models import Company
from marketplace.accounts.services import membership
from marketplace.accounts.states import CompanyKind, VerificationState
from marketplace.catalog import queries, services
from marketplace.catalog.models import Listing, ListingFile, ListingVersion
from marketplace.catalog.schema import display_value, in_language
from marketplace.catalog.states import AttributeKind, FileKind
from marketplace.core import uploads
from marketplace.core.cache import TTLCache
from marketplace.core.i18n import localized_blueprint
from marketplace.core.money import ISO_CURRENCIES, Money
from marketplace.core.pagecache import cached_page
from marketplace.extensions import db

bp = localized_blueprint("catalog", __name__, template_folder="templates")

VIEWER_CURRENCIES = ("CNY", "USD", "EUR", "RUB", "MNT", "KZT")


def viewer_currency() -> str:
    chosen = session.get("currency")
    if chosen in VIEWER_CURRENCIES:
        return chosen
    return queries.DEFAULT_CURRENCY.get(g.lang, "USD")


@bp.app_context_processor
def _catalog_context():
    return {"in_language": in_language, "VIEWER_CURRENCIES": VIEWER_CURRENCIES}


@bp.get("/currency")
def set_currency():
    """A display preference, like the language: a plain link (GET), so pages carry no CSRF token
    and can be cached for anonymous visitors."""
    currency = request.args.get("currency", "")
    if currency in VIEWER_CURRENCIES:
        session["currency"] = currency
    target = request.args.get("next") or ""
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("pages.home")
    return redirect(target)


def _parse_filters(schema) -> tuple[dict, dict]:
    """Filters from the query string: ?a.<code>=value, ?a.<code>.min=&a.<code>.max= for numbers."""
    filters, shown = {}, {}
    for attr in schema.key_attributes:
        name = f"a.{attr.code}"
        if attr.kind == AttributeKind.DECIMAL:
            bounds = []
            for suffix in ("min", "max"):
                raw = request.args.get(f"{name}.{suffix}", "").strip().replace(",", ".")
                try:
                    bounds.append(Decimal(raw) if raw else None)
                except InvalidOperation:
                    bounds.append(None)
            if bounds != [None, None]:
                filters[attr.code] = tuple(bounds)
                shown[attr.code] = bounds
        elif attr.kind == AttributeKind.BOOLEAN:
            raw = request.args.get(name)
            if raw in ("1", "0"):
                filters[attr.code] = raw == "1"
                shown[attr.code] = raw
        else:
            raw = request.args.get(name, "").strip()
            if raw and (attr.kind == AttributeKind.TEXT or raw in {o["value"] for o in attr.options}):
                filters[attr.code] = raw
                shown[attr.code] = raw
    return filters, shown


@bp.get("/c/<slug>")
@cached_page(viewer_currency)
def category(slug: str):
    cat = queries.category_by_slug(slug)
    if cat is None:
        abort(404)
    schema = queries.schema_of(cat)
    filters, shown = _parse_filters(schema)
    sort = request.args.get("sort", "newest")
    if sort not in queries.SORTS:
        sort = "newest"
    try:
        page = max(int(request.args.get("page", 1)), 1)
    except ValueError:
        page = 1
    ordos = request.args.get("ordos") == "1"
    cards, total = queries.category_page(cat, g.lang, filters=filters, ordos_only=ordos, sort=sort, page=page)
    pages = max((total + queries.PER_PAGE - 1) // queries.PER_PAGE, 1)
    return render_template(
        "catalog/category.html",
        category=cat,
        path=schema.path,
        children=queries.children_of(cat),
        counts=queries.counts_by_category(),
        schema=schema,
        shown=shown,
        cards=cards,
        total=total,
        page=page,
        pages=pages,
        sort=sort,
        ordos=ordos,
    )


_seller_cards = TTLCache(ttl=30, maxsize=2000)


def seller_cards_html(seller_id: int, *, exclude: int, limit: int = 4) -> list[Markup]:
    """Rendered cards of a seller's newest listings ("more from this seller"), cached per process
    (and cleared with the other catalog caches when what is visible changes)."""
    key = (seller_id, g.lang)
    cards = _seller_cards.get(key)
    if cards is None:
        macro = get_template_attribute("catalog/_macros.html", "card")
        cards = [
            (c.listing.id, macro(c))
            for c in queries.latest_visible(g.lang, limit=limit + 1, seller_id=seller_id)
        ]
        _seller_cards.set(key, cards)
    return [html for listing_id, html in cards if listing_id != exclude][:limit]


def _conversions(version: ListingVersion, currency: str):
    rates = services.cached_rates()
    out = {}
    for tier in version.prices:
        out[tier.id] = services.convert(Money(tier.unit_price, tier.currency), currency, rates)
    return out


def _can_manage(listing: Listing) -> bool:
    return current_user.is_authenticated and (
        current_user.is_admin or membership(current_user, listing.seller_id) is not None
    )


def render_listing(listing: Listing, version: ListingVersion, *, preview: bool = False):
    schema = queries.schema_of(queries.categories_by_id()[listing.category_id])
    translation = queries.pick_translation(version, g.lang)
    currency = viewer_currency()
    attributes = [
        (attr, display_value(attr, version.attributes.get(attr.code), g.lang))
        for attr in schema.attributes
        if attr.kind != AttributeKind.DOCUMENT and attr.code in version.attributes
    ]
    seller = db.session.get(Company, listing.seller_id)
    return render_template(
        "catalog/listing.html",
        listing=listing,
        version=version,
        translation=translation,
        path=schema.path,
        attributes=attributes,
        images=[f for f in version.files if f.kind == FileKind.IMAGE],
        documents=[f for f in version.files if f.kind != FileKind.IMAGE],
        conversions=_conversions(version, currency),
        currency=currency,
        seller=seller,
        others=[] if preview else seller_cards_html(listing.seller_id, exclude=listing.id),
        preview=preview,
        can_manage=_can_manage(listing),
    )


@bp.get("/listings/<int:listing_id>")
@cached_page(viewer_currency)
def listing(listing_id: int):
    item = queries.visible_listing(listing_id)
    if item is None:
        abort(404)
    return render_listing(item, queries.load_version(item.live_version_id))


@bp.get("/sellers/<int:company_id>")
@cached_page(viewer_currency)
def seller(company_id: int):
    company = db.session.get(Company, company_id)
    if (
        company is None
        or company.kind != CompanyKind.SELLER
        or company.verification != VerificationState.VERIFIED
    ):
        abort(404)
    return render_template(
        "catalog/seller.html",
        seller=company,
        cards=queries.latest_visible(g.lang, limit=60, seller_id=company.id),
    )


@bp.get("/listings/<int:listing_id>/files/<int:file_id>")
def listing_file(listing_id: int, file_id: int):
    """Files of the live version: images for everyone, documents for logged-in users. Files of
    drafts and edits only for the seller's members and admins."""
    record = db.session.get(ListingFile, file_id)
    listing_row = db.session.get(Listing, listing_id)
    if record is None or listing_row is None or record.listing_id != listing_row.id:
        abort(404)
    live = (
        queries.load_version(listing_row.live_version_id)
        if listing_row.is_visible and listing_row.live_version_id
        else None
    )
    in_live = live is not None and any(f.id == record.id for f in live.files)
    if not _can_manage(listing_row):
        if not in_live:
            abort(404)
        if record.kind != FileKind.IMAGE and not current_user.is_authenticated:
            abort(401)
    inline = record.kind == FileKind.IMAGE or request.args.get("inline") == "1"
    return uploads.send(record.storage_key, record.content_type, record.original_name, inline=inline)


__all__ = ["ISO_CURRENCIES", "viewer_currency"]
