"""/api/v1 catalog operations: categories and schemas, listings (read for everyone; write for
sellers), moderation for admins, FX rates. The same services as the web pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import g, jsonify, request
from flask_babel import lazy_gettext as _l

from marketplace.accounts.models import Company
from marketplace.accounts.services import membership
from marketplace.catalog import queries, services
from marketplace.catalog.models import Category, Listing, ListingVersion
from marketplace.catalog.states import ListingState
from marketplace.core.api import current_api_user, forbid_unless, json_body, route
from marketplace.core.errors import NotFound, ValidationFailed
from marketplace.extensions import db

_S, _I, _B, _N = (
    {"type": "string"},
    {"type": "integer"},
    {"type": "boolean"},
    {"type": "string", "format": "decimal"},
)
LANG_MAP = {"type": "object", "additionalProperties": _S, "description": "language code → text"}
ATTRIBUTE_SCHEMA = {
    "type": "object",
    "properties": {
        "code": _S,
        "kind": {"type": "string", "enum": ["text", "decimal", "enum", "multi_enum", "boolean", "document"]},
        "labels": LANG_MAP,
        "unit": _S,
        "condition": _S,
        "required": _B,
        "key": _B,
        "min": _N,
        "max": _N,
        "validator": _S,
        "document_kind": _S,
        "required_when": {"type": "object", "nullable": True},
        "options": {
            "type": "array",
            "items": {"type": "object", "properties": {"value": _S, "labels": LANG_MAP}},
        },
    },
}
CATEGORY_SCHEMA = {
    "type": "object",
    "properties": {
        "slug": _S,
        "vertical": _S,
        "parent": {**_S, "nullable": True},
        "names": LANG_MAP,
        "default_unit": _S,
        "hs_hint": _S,
        "leaf": _B,
        "attributes": {
            "type": "array",
            "items": ATTRIBUTE_SCHEMA,
            "description": "effective schema (inherited first)",
        },
    },
}
PRICE_SCHEMA = {
    "type": "object",
    "required": ["currency", "min_quantity", "unit_price"],
    "properties": {"currency": _S, "min_quantity": _N, "unit_price": _N},
}
LISTING_BODY = {
    "type": "object",
    "required": [
        "hs_code",
        "moq",
        "incoterm",
        "incoterm_place",
        "transport_mode",
        "lead_time_days",
        "content",
        "prices",
    ],
    "properties": {
        "company_id": {**_I, "description": "seller company (create only)"},
        "category": {**_S, "description": "leaf category slug (create only)"},
        "hs_code": _S,
        "origin_ordos": {**_B, "description": "default: the seller is an Ordos enterprise"},
        "unit": _S,
        "moq": _N,
        "order_multiple": _N,
        "incoterm": _S,
        "incoterm_place": _S,
        "transport_mode": {"type": "string", "enum": ["sea", "rail", "road", "air", "multimodal"]},
        "lead_time_days": _I,
        "attributes": {"type": "object", "description": "attribute code → value (lists for multi_enum)"},
        "content": {
            "type": "object",
            "additionalProperties": {"type": "object", "properties": {"title": _S, "description": _S}},
        },
        "prices": {"type": "array", "items": PRICE_SCHEMA},
    },
}
VERSION_SCHEMA = {
    "type": "object",
    "properties": {
        "number": _I,
        "hs_code": _S,
        "origin_ordos": _B,
        "unit": _S,
        "moq": _N,
        "order_multiple": _N,
        "incoterm": _S,
        "incoterm_place": _S,
        "transport_mode": _S,
        "lead_time_days": _I,
        "attributes": {"type": "object"},
        "flags": {"type": "array", "items": _S},
        "content": {"type": "object"},
        "prices": {"type": "array", "items": PRICE_SCHEMA},
        "files": {"type": "array", "items": {"type": "object"}},
        "rejection_reason": {**_S, "nullable": True},
    },
}
LISTING_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "seller_id": _I,
        "category": _S,
        "state": _S,
        "visible": _B,
        "live": {**VERSION_SCHEMA, "nullable": True},
        "working": {
            **VERSION_SCHEMA,
            "nullable": True,
            "description": "only for the seller's members and admins",
        },
    },
}
CARD_SCHEMA = {
    "type": "object",
    "properties": {
        "id": _I,
        "title": _S,
        "language": _S,
        "price_from": {"type": "object"},
        "moq": _N,
        "unit": _S,
        "incoterm": _S,
        "seller": {"type": "object"},
        "origin_ordos": _B,
    },
}
DECISION_BODY = {"type": "object", "properties": {"reason": _S, "acknowledge_controlled": _B}}
FX_SCHEMA = {
    "type": "object",
    "properties": {"base": _S, "quote": _S, "rate": _N, "as_of": {"type": "string", "format": "date"}},
}


def _list(schema: dict) -> dict:
    return {"type": "object", "properties": {"items": {"type": "array", "items": schema}, "total": _I}}


def attribute_json(a) -> dict[str, Any]:
    return {
        "code": a.code,
        "kind": a.kind.value,
        "labels": a.labels,
        "unit": a.unit,
        "condition": a.condition,
        "required": a.required,
        "key": a.is_key,
        "min": format(a.min_value.normalize(), "f") if a.min_value is not None else None,
        "max": format(a.max_value.normalize(), "f") if a.max_value is not None else None,
        "validator": a.validator,
        "document_kind": a.document_kind,
        "required_when": a.required_when,
        "options": a.options or [],
    }


def category_json(c: Category) -> dict[str, Any]:
    by_id = queries.categories_by_id()
    parent = by_id.get(c.parent_id) if c.parent_id else None
    return {
        "slug": c.slug,
        "vertical": c.vertical.value,
        "parent": parent.slug if parent else None,
        "names": c.names,
        "default_unit": c.default_unit.value,
        "hs_hint": c.hs_hint,
        "leaf": queries.is_leaf(c),
        "attributes": [attribute_json(a) for a in queries.schema_of(c).attributes],
    }


def _dec(value) -> str:
    return format(value.normalize(), "f")


def version_json(v: ListingVersion, listing_id: int) -> dict[str, Any]:
    return {
        "number": v.number,
        "hs_code": v.hs_code,
        "origin_ordos": v.origin_ordos,
        "unit": v.unit.value,
        "moq": _dec(v.moq),
        "order_multiple": _dec(v.order_multiple),
        "incoterm": v.incoterm.value,
        "incoterm_place": v.incoterm_place,
        "transport_mode": v.transport_mode.value,
        "lead_time_days": v.lead_time_days,
        "attributes": v.attributes,
        "flags": v.flags,
        "content": {t.language: {"title": t.title, "description": t.description} for t in v.translations},
        "prices": [
            {"currency": p.currency, "min_quantity": _dec(p.min_quantity), "unit_price": _dec(p.unit_price)}
            for p in v.prices
        ],
        "files": [
            {
                "id": f.id,
                "kind": f.kind.value,
                "language": f.language,
                "name": f.original_name,
                "size": f.size,
                "content_type": f.content_type,
                "url": f"/en/listings/{listing_id}/files/{f.id}",
            }
            for f in v.files
        ],
        "rejection_reason": v.rejection_reason,
    }


def listing_json(listing: Listing, *, include_working: bool) -> dict[str, Any]:
    live = queries.load_version(listing.live_version_id) if listing.live_version_id else None
    data = {
        "id": listing.id,
        "seller_id": listing.seller_id,
        "category": listing.category.slug,
        "state": listing.state.value,
        "visible": listing.is_visible,
        "live": version_json(live, listing.id) if live and (listing.is_visible or include_working) else None,
    }
    if include_working:
        working = queries.load_version(listing.working_version_id) if listing.working_version_id else None
        data["working"] = version_json(working, listing.id) if working else None
    return data


def card_json(c: queries.Card) -> dict[str, Any]:
    return {
        "id": c.listing.id,
        "title": c.title,
        "language": c.title_language,
        "price_from": {"amount": str(c.price.amount), "currency": c.price.currency} if c.price else None,
        "moq": _dec(c.version.moq),
        "unit": c.version.unit.value,
        "incoterm": c.version.incoterm.value,
        "incoterm_place": c.version.incoterm_place,
        "origin_ordos": c.version.origin_ordos,
        "seller": {
            "id": c.seller.id,
            "name": c.seller.legal_name,
            "name_latin": c.seller.legal_name_latin,
            "is_ordos": c.seller.is_ordos,
        },
    }


def _lang() -> str:
    from marketplace.core.i18n import current_language

    return current_language()


def _can_manage(listing: Listing) -> bool:
    user = g.get("api_user")
    return user is not None and (user.is_admin or membership(user, listing.seller_id) is not None)


def _data(body: dict[str, Any]) -> services.ListingData:
    return services.ListingData(
        hs_code=str(body.get("hs_code", "")),
        origin_ordos=body.get("origin_ordos"),
        unit=str(body.get("unit", "")),
        moq=body.get("moq", ""),
        order_multiple=body.get("order_multiple", ""),
        incoterm=str(body.get("incoterm", "")),
        incoterm_place=str(body.get("incoterm_place", "")),
        transport_mode=str(body.get("transport_mode", "")),
        lead_time_days=body.get("lead_time_days", ""),
        attributes=body.get("attributes") if isinstance(body.get("attributes"), dict) else {},
        content=body.get("content") if isinstance(body.get("content"), dict) else {},
        prices=[p for p in body.get("prices", []) if isinstance(p, dict)]
        if isinstance(body.get("prices"), list)
        else [],
    )


# -- categories -----------------------------------------------------------------------------------


@route(
    "/categories",
    "GET",
    summary="Category trees with their attribute schemas",
    tag="catalog",
    response=_list(CATEGORY_SCHEMA),
    auth=False,
)
def list_categories():
    return jsonify(items=[category_json(c) for c in queries.all_categories()])


@route(
    "/categories/<slug>",
    "GET",
    summary="One category and its effective schema",
    tag="catalog",
    response=CATEGORY_SCHEMA,
    auth=False,
)
def get_category(slug: str):
    c = queries.category_by_slug(slug)
    if c is None:
        raise NotFound()
    return jsonify(category_json(c))


# -- listings (public read) -----------------------------------------------------------------------


@route(
    "/listings",
    "GET",
    summary="Published listings of a category (?category=&page=&sort=&ordos=1&a.<code>=)",
    tag="catalog",
    response=_list(CARD_SCHEMA),
    auth=False,
)
def list_listings():
    from marketplace.catalog.views import _parse_filters

    c = queries.category_by_slug(request.args.get("category", ""))
    if c is None:
        raise ValidationFailed({"category": [str(_l("?category=<slug> is required and must exist."))]})
    filters, _shown = _parse_filters(queries.schema_of(c))
    try:
        page = max(int(request.args.get("page", 1)), 1)
    except ValueError:
        page = 1
    sort = request.args.get("sort", "newest")
    cards, total = queries.category_page(
        c,
        _lang(),
        filters=filters,
        ordos_only=request.args.get("ordos") == "1",
        sort=sort if sort in queries.SORTS else "newest",
        page=page,
    )
    return jsonify(items=[card_json(x) for x in cards], total=total, page=page)


@route(
    "/listings/<int:listing_id>",
    "GET",
    summary="A listing (its working version too for its seller and admins)",
    tag="catalog",
    response=LISTING_SCHEMA,
    auth=False,
)
def get_listing(listing_id: int):
    listing = db.session.get(Listing, listing_id)
    if listing is None:
        raise NotFound()
    manage = _can_manage(listing)
    if not manage and not listing.is_visible:
        raise NotFound()
    return jsonify(listing_json(listing, include_working=manage))


# -- listings (sellers) ---------------------------------------------------------------------------


@route(
    "/seller/listings",
    "GET",
    summary="All listings of one of my seller companies (?company_id=)",
    tag="catalog",
    response=_list(LISTING_SCHEMA),
)
def my_listings():
    user = current_api_user()
    try:
        company_id = int(request.args.get("company_id", ""))
    except ValueError:
        raise ValidationFailed({"company_id": [str(_l("?company_id=<id> is required."))]})
    company = db.session.get(Company, company_id)
    if company is None or membership(user, company_id) is None:
        raise NotFound()
    return jsonify(
        items=[
            listing_json(x, include_working=True) for x, _c in queries.seller_listings(company_id, _lang())
        ]
    )


@route(
    "/listings",
    "POST",
    summary="Create a draft listing",
    tag="catalog",
    body=LISTING_BODY,
    response=LISTING_SCHEMA,
    status=201,
)
def create_listing():
    user = current_api_user()
    body = json_body()
    company = (
        db.session.get(Company, body.get("company_id")) if isinstance(body.get("company_id"), int) else None
    )
    if company is None or membership(user, company.id) is None:
        raise ValidationFailed({"company_id": [str(_l("Give the id of one of your seller companies."))]})
    category = queries.category_by_slug(str(body.get("category", "")))
    if category is None:
        raise ValidationFailed({"category": [str(_l("Unknown category slug."))]})
    listing = services.create_listing(user, company, category, _data(body))
    return jsonify(listing_json(listing, include_working=True)), 201


@route(
    "/listings/<int:listing_id>",
    "PUT",
    summary="Replace the listing's working version",
    tag="catalog",
    body=LISTING_BODY,
    response=LISTING_SCHEMA,
)
def update_listing(listing_id: int):
    user = current_api_user()
    listing = services.listing_for_seller(user, listing_id)
    services.update_listing(user, listing, _data(json_body()))
    return jsonify(listing_json(listing, include_working=True))


@route(
    "/listings/<int:listing_id>/files",
    "POST",
    summary="Upload an image or document (multipart: kind, language, file)",
    tag="catalog",
    body={
        "multipart": True,
        "type": "object",
        "required": ["kind", "file"],
        "properties": {"kind": _S, "language": _S, "file": {"type": "string", "format": "binary"}},
    },
    response=LISTING_SCHEMA,
    status=201,
)
def upload_file(listing_id: int):
    user = current_api_user()
    listing = services.listing_for_seller(user, listing_id)
    services.attach_file(
        user,
        listing,
        request.form.get("kind", ""),
        request.files.get("file"),
        request.form.get("language", ""),
    )
    return jsonify(listing_json(listing, include_working=True)), 201


@route(
    "/listings/<int:listing_id>/files/<int:file_id>",
    "DELETE",
    summary="Remove a file from the working version",
    tag="catalog",
    response=LISTING_SCHEMA,
)
def remove_file(listing_id: int, file_id: int):
    user = current_api_user()
    listing = services.listing_for_seller(user, listing_id)
    services.detach_file(user, listing, file_id)
    return jsonify(listing_json(listing, include_working=True))


@route(
    "/listings/<int:listing_id>/submit",
    "POST",
    summary="Submit the working version for review",
    tag="catalog",
    body={"type": "object", "properties": {"acknowledge_flags": _B}},
    response=LISTING_SCHEMA,
)
def submit_listing(listing_id: int):
    user = current_api_user()
    listing = services.listing_for_seller(user, listing_id)
    services.submit_listing(user, listing, acknowledge_flags=json_body().get("acknowledge_flags") is True)
    return jsonify(listing_json(listing, include_working=True))


# -- moderation (admins) --------------------------------------------------------------------------


def _admin():
    user = current_api_user()
    forbid_unless(user.is_admin)
    return user


@route(
    "/admin/listings",
    "GET",
    summary="Moderation queue (?state=pending&vertical=&flagged=1&seller=&age=)",
    tag="admin",
    response=_list(LISTING_SCHEMA),
)
def queue():
    _admin()
    state = request.args.get("state", ListingState.PENDING.value)
    if state not in {s.value for s in ListingState}:
        raise ValidationFailed({"state": [str(_l("Unknown state."))]})
    flagged = {"1": True, "0": False}.get(request.args.get("flagged", ""))
    seller = request.args.get("seller", "")
    listings = queries.moderation_queue(
        vertical=request.args.get("vertical") or None,
        flagged=flagged,
        seller_id=int(seller) if seller.isdigit() else None,
        state=state,
    )
    return jsonify(items=[listing_json(x, include_working=True) for x in listings], total=len(listings))


def _listing(listing_id: int) -> Listing:
    listing = db.session.get(Listing, listing_id)
    if listing is None:
        raise NotFound()
    return listing


@route(
    "/admin/listings/<int:listing_id>/approve",
    "POST",
    summary="Approve and publish",
    tag="admin",
    body=DECISION_BODY,
    response=LISTING_SCHEMA,
)
def approve(listing_id: int):
    admin = _admin()
    listing = _listing(listing_id)
    services.approve_listing(
        admin, listing, acknowledge_controlled=json_body().get("acknowledge_controlled") is True
    )
    return jsonify(listing_json(listing, include_working=True))


@route(
    "/admin/listings/<int:listing_id>/reject",
    "POST",
    summary="Ask for changes (reason required)",
    tag="admin",
    body=DECISION_BODY,
    response=LISTING_SCHEMA,
)
def reject(listing_id: int):
    admin = _admin()
    listing = _listing(listing_id)
    services.reject_listing(admin, listing, str(json_body().get("reason", "")))
    return jsonify(listing_json(listing, include_working=True))


@route(
    "/admin/listings/<int:listing_id>/unpublish",
    "POST",
    summary="Take a listing down (reason required)",
    tag="admin",
    body=DECISION_BODY,
    response=LISTING_SCHEMA,
)
def unpublish(listing_id: int):
    admin = _admin()
    listing = _listing(listing_id)
    services.unpublish_listing(admin, listing, str(json_body().get("reason", "")))
    return jsonify(listing_json(listing, include_working=True))


@route(
    "/admin/listings/approve",
    "POST",
    summary="Approve several unflagged listings",
    tag="admin",
    body={"type": "object", "required": ["ids"], "properties": {"ids": {"type": "array", "items": _I}}},
    response={"type": "object", "properties": {"approved": {"type": "array", "items": _I}}},
)
def bulk_approve():
    admin = _admin()
    ids = json_body().get("ids")
    if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids) or not ids:
        raise ValidationFailed({"ids": [str(_l("Give a list of listing ids."))]})
    return jsonify(approved=services.approve_many(admin, ids))


# -- FX rates -------------------------------------------------------------------------------------


@route(
    "/fx-rates",
    "GET",
    summary="The newest indicative rate of every pair",
    tag="catalog",
    response=_list(FX_SCHEMA),
    auth=False,
)
def fx_rates():
    rates = services.latest_rates()
    return jsonify(
        items=[
            {
                "base": r.base,
                "quote": r.quote,
                "rate": format(r.rate.normalize(), "f"),
                "as_of": r.as_of.isoformat(),
            }
            for r in rates.values()
        ]
    )


@route(
    "/admin/fx-rates",
    "POST",
    summary="Record an indicative rate (1 base = rate quote)",
    tag="admin",
    body={**FX_SCHEMA, "required": ["base", "quote", "rate", "as_of"]},
    response=FX_SCHEMA,
    status=201,
)
def set_fx_rate():
    admin = _admin()
    body = json_body()
    try:
        as_of = date.fromisoformat(str(body.get("as_of", "")))
    except ValueError:
        raise ValidationFailed({"as_of": [str(_l("Use YYYY-MM-DD."))]})
    row = services.set_fx_rate(
        admin, str(body.get("base", "")), str(body.get("quote", "")), body.get("rate"), as_of
    )
    return jsonify(
        base=row.base, quote=row.quote, rate=format(row.rate.normalize(), "f"), as_of=row.as_of.isoformat()
    ), 201


@route(
    "/admin/fx-rates/import",
    "POST",
    summary="Import dated rates from CSV (date,base,quote,rate); all or nothing",
    tag="admin",
    body={
        "multipart": True,
        "type": "object",
        "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary"}},
    },
    response={"type": "object", "properties": {"imported": {"type": "integer"}}},
    status=201,
)
def import_fx_rates():
    admin = _admin()
    upload = request.files.get("file")
    count = services.import_fx_csv(admin, upload.read() if upload else b"")
    return jsonify(imported=count), 201
