"""Listing operations: create, edit (copy-on-write of approved versions), upload, submit, moderate;
FX rates. They flush, never commit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import FileStorage

from marketplace.accounts.models import Company, User
from marketplace.accounts.services import membership
from marketplace.accounts.states import CompanyKind, VerificationState
from marketplace.catalog import queries
from marketplace.catalog import validators as v
from marketplace.catalog.models import (
    Category,
    FxRate,
    Listing,
    ListingFile,
    ListingTranslation,
    ListingVersion,
    PriceTier,
)
from marketplace.catalog.schema import clean_attributes, missing_for_submission
from marketplace.catalog.states import (
    SEA_ONLY_INCOTERMS,
    FileKind,
    Incoterm,
    ListingState,
    TransportMode,
    Unit,
    moderation,
)
from marketplace.core import audit, uploads
from marketplace.core.cache import TTLCache
from marketplace.core.db import after_commit, utcnow
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.i18n import LANGUAGES
from marketplace.core.money import ISO_CURRENCIES, Money, minor_units, quantize
from marketplace.extensions import db
from marketplace.search import services as search_services

S = ListingState


@dataclass
class ListingData:
    """A listing as entered (raw strings from a form or JSON); the service validates everything."""

    hs_code: str = ""
    origin_ordos: bool | None = None
    unit: str = ""
    moq: Any = ""
    order_multiple: Any = ""
    incoterm: str = ""
    incoterm_place: str = ""
    transport_mode: str = ""
    lead_time_days: Any = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    content: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> {title, description}
    prices: list[dict[str, Any]] = field(default_factory=list)  # {currency, min_quantity, unit_price}


# -- permissions ---------------------------------------------------------------------------------


def require_seller_member(user: User, company: Company) -> None:
    if membership(user, company.id) is None or company.kind != CompanyKind.SELLER:
        raise PermissionDenied(_l("Only members of a seller company can manage its listings."))


def listing_for_seller(user: User, listing_id: int) -> Listing:
    """The listing if `user` belongs to its seller company, else NotFound (drafts stay private)."""
    listing = db.session.get(Listing, listing_id)
    if listing is None or membership(user, listing.seller_id) is None:
        raise NotFound()
    return listing


def _require_admin(user: User) -> None:
    if not user.is_admin:
        raise PermissionDenied()


# -- validation ----------------------------------------------------------------------------------


def _positive_decimal(raw: Any, field_name: str, errors: dict, *, places: int | None = 3) -> Decimal | None:
    if isinstance(raw, float):
        errors[field_name] = [str(_l("Enter a number."))]
        return None
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        errors[field_name] = [str(_l("Enter a number."))]
        return None
    if not value.is_finite() or value <= 0:
        errors[field_name] = [str(_l("Enter a number greater than zero."))]
        return None
    if places is not None and value != value.quantize(Decimal(1).scaleb(-places)):
        errors[field_name] = [str(_l("Use at most three decimals."))]
        return None
    return value


def _enum(enum_cls, raw: str, field_name: str, errors: dict):
    try:
        return enum_cls(str(raw).strip())
    except ValueError:
        errors[field_name] = [str(_l("Choose one of the listed values."))]
        return None


@dataclass
class CleanListing:
    hs_code: str
    origin_ordos: bool
    unit: Unit
    moq: Decimal
    order_multiple: Decimal
    incoterm: Incoterm
    incoterm_place: str
    transport_mode: TransportMode
    lead_time_days: int
    attributes: dict[str, Any]
    content: dict[str, tuple[str, str]]
    prices: list[tuple[str, Decimal, Decimal]]


def clean_listing(category: Category, data: ListingData, seller: Company) -> CleanListing:
    """Validate every field; raise ValidationFailed with all errors (nothing is written)."""
    errors: dict[str, list[str]] = {}
    try:
        hs_code = v.validate_hs_code(data.hs_code)
    except v.ValueInvalid as exc:
        errors["hs_code"] = [str(exc.message)]
        hs_code = ""
    unit = _enum(Unit, data.unit or category.default_unit.value, "unit", errors)
    moq = _positive_decimal(data.moq, "moq", errors)
    multiple = _positive_decimal(data.order_multiple or data.moq, "order_multiple", errors)
    if moq is not None and multiple is not None and moq % multiple != 0:
        errors["order_multiple"] = [
            str(_l("The minimum order quantity must be a multiple of the order multiple."))
        ]
    incoterm = _enum(Incoterm, data.incoterm, "incoterm", errors)
    mode = _enum(TransportMode, data.transport_mode, "transport_mode", errors)
    if incoterm in SEA_ONLY_INCOTERMS and mode is not None and mode != TransportMode.SEA:
        errors["incoterm"] = [
            str(
                _l(
                    "%(term)s is only for sea or inland waterway transport; "
                    "use FCA, CPT, CIP, DAP, DPU or DDP.",
                    term=incoterm.value,
                )
            )
        ]
    place = (data.incoterm_place or "").strip()
    if not place:
        errors["incoterm_place"] = [str(_l("Name the place, e.g. “Erenhot” or “Tianjin port”."))]
    elif len(place) > 120:
        errors["incoterm_place"] = [str(_l("Use at most 120 characters."))]
    try:
        lead = int(str(data.lead_time_days).strip())
        if not 0 <= lead <= 365:
            raise ValueError
    except ValueError:
        errors["lead_time_days"] = [str(_l("Enter the lead time in days (0 to 365)."))]
        lead = 0

    content: dict[str, tuple[str, str]] = {}
    for lang, texts in (data.content or {}).items():
        if lang not in LANGUAGES:
            errors[f"content.{lang}"] = [str(_l("Unknown language."))]
            continue
        title = (texts.get("title") or "").strip()
        description = (texts.get("description") or "").strip()
        if not title and not description:
            continue
        if not title:
            errors[f"content.{lang}.title"] = [
                str(_l("Give a title in this language, or leave both fields empty."))
            ]
        elif len(title) > 160:
            errors[f"content.{lang}.title"] = [str(_l("Use at most 160 characters."))]
        if len(description) > 10000:
            errors[f"content.{lang}.description"] = [str(_l("Use at most 10,000 characters."))]
        content[lang] = (title, description)
    if not content and not any(k.startswith("content.") for k in errors):
        errors["content"] = [str(_l("Give a title in at least one language."))]

    prices: list[tuple[str, Decimal, Decimal]] = []
    seen = set()
    for i, tier in enumerate(data.prices or []):
        currency = str(tier.get("currency", "")).strip().upper()
        raw_min, raw_price = tier.get("min_quantity", ""), tier.get("unit_price", "")
        if not currency and str(raw_min).strip() == "" and str(raw_price).strip() == "":
            continue  # an empty row of the form
        key = f"prices.{i}"
        if currency not in ISO_CURRENCIES:
            errors[f"{key}.currency"] = [
                str(_l("Use an ISO 4217 currency code such as USD, CNY, RUB or MNT."))
            ]
            continue
        min_q = _positive_decimal(raw_min, f"{key}.min_quantity", errors)
        price = _positive_decimal(raw_price, f"{key}.unit_price", errors, places=None)
        if min_q is None or price is None:
            continue
        if quantize(price, currency) != price:
            errors[f"{key}.unit_price"] = [
                str(
                    _l(
                        "%(currency)s prices have at most %(digits)s decimals.",
                        currency=currency,
                        digits=minor_units(currency),
                    )
                )
            ]
            continue
        if (currency, min_q) in seen:
            errors[f"{key}.min_quantity"] = [str(_l("This quantity break appears twice."))]
            continue
        seen.add((currency, min_q))
        prices.append((currency, min_q, price))
    if not prices and not any(k.startswith("prices.") for k in errors):
        errors["prices"] = [str(_l("Give at least one price."))]
    if moq is not None:
        for currency in {p[0] for p in prices}:
            if min(p[1] for p in prices if p[0] == currency) > moq:
                errors["prices"] = [
                    str(
                        _l(
                            "Each currency needs a price for the minimum order quantity "
                            "(a break at or below it)."
                        )
                    )
                ]

    schema = queries.schema_of(category)
    attributes, attr_errors = clean_attributes(schema, data.attributes or {})
    errors.update(attr_errors)
    if errors:
        raise ValidationFailed(errors)
    origin = seller.is_ordos if data.origin_ordos is None else bool(data.origin_ordos)
    return CleanListing(
        hs_code, origin, unit, moq, multiple, incoterm, place, mode, lead, attributes, content, prices
    )


def control_flags(version: ListingVersion) -> list[v.ControlFlag]:
    cas = [c.strip() for c in str(version.attributes.get("cas_numbers", "")).split(",") if c.strip()]
    return v.controlled_goods_flags(
        hs_code=version.hs_code,
        cas_numbers=cas,
        vehicle_condition=version.attributes.get("condition"),
        on_date=utcnow().date(),
    )


def compute_flags(version: ListingVersion) -> list[str]:
    return [f.code for f in control_flags(version)]


# -- versions ------------------------------------------------------------------------------------


def _apply(version: ListingVersion, clean: CleanListing) -> None:
    version.hs_code = clean.hs_code
    version.origin_ordos = clean.origin_ordos
    version.unit = clean.unit
    version.moq = clean.moq
    version.order_multiple = clean.order_multiple
    version.incoterm = clean.incoterm
    version.incoterm_place = clean.incoterm_place
    version.transport_mode = clean.transport_mode
    version.lead_time_days = clean.lead_time_days
    version.attributes = clean.attributes
    existing = {t.language: t for t in version.translations}
    for lang, t in list(existing.items()):
        if lang not in clean.content:
            version.translations.remove(t)
    for lang, (title, description) in clean.content.items():
        if lang in existing:
            existing[lang].title, existing[lang].description = title, description
        else:
            version.translations.append(
                ListingTranslation(language=lang, title=title, description=description)
            )
    version.prices.clear()
    db.session.flush()
    for currency, min_q, price in sorted(clean.prices):
        version.prices.append(PriceTier(currency=currency, min_quantity=min_q, unit_price=price))
    new_flags = compute_flags(version)
    if new_flags != version.flags:
        version.flags_acknowledged = False
    version.flags = new_flags


def _copy(source: ListingVersion, number: int, actor: User) -> ListingVersion:
    copy = ListingVersion(
        listing_id=source.listing_id,
        number=number,
        created_by_id=actor.id,
        hs_code=source.hs_code,
        origin_ordos=source.origin_ordos,
        unit=source.unit,
        moq=source.moq,
        order_multiple=source.order_multiple,
        incoterm=source.incoterm,
        incoterm_place=source.incoterm_place,
        transport_mode=source.transport_mode,
        lead_time_days=source.lead_time_days,
        attributes=dict(source.attributes),
        flags=list(source.flags),
        flags_acknowledged=source.flags_acknowledged,
    )
    copy.translations = [
        ListingTranslation(language=t.language, title=t.title, description=t.description)
        for t in source.translations
    ]
    copy.prices = [
        PriceTier(currency=p.currency, min_quantity=p.min_quantity, unit_price=p.unit_price)
        for p in source.prices
    ]
    copy.files = list(source.files)
    return copy


def _next_number(listing: Listing) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.max(ListingVersion.number)).where(ListingVersion.listing_id == listing.id)
        )
        or 0
    ) + 1


def working_version(actor: User, listing: Listing) -> ListingVersion:
    """The version the seller edits: the existing working one, or a fresh copy of the live one.
    Editing moves a published, rejected, unpublished or pending listing to EDITED."""
    if listing.state == S.PENDING:
        moderation.transition(listing, S.EDITED, actor=actor, reason="edited while waiting for review")
        listing.working_version.submitted_at = None
    if listing.working_version is None:
        source = listing.live_version
        version = _copy(source, _next_number(listing), actor)
        db.session.add(version)
        db.session.flush()
        listing.working_version = version
    if listing.state in (S.PUBLISHED, S.REJECTED, S.UNPUBLISHED):
        moderation.transition(listing, S.EDITED, actor=actor)
    return listing.working_version


def create_listing(actor: User, seller: Company, category: Category, data: ListingData) -> Listing:
    require_seller_member(actor, seller)
    if category.id is None or any(
        c.parent_id == category.id
        for c in db.session.scalars(sa.select(Category).where(Category.parent_id == category.id))
    ):
        raise ValidationFailed({"category": [str(_l("Choose the most specific category."))]})
    clean = clean_listing(category, data, seller)
    listing = Listing(seller_id=seller.id, category_id=category.id, state=S.DRAFT)
    db.session.add(listing)
    moderation.start(listing, S.DRAFT, actor=actor)
    version = ListingVersion(listing_id=listing.id, number=1, created_by_id=actor.id)
    db.session.add(version)
    _apply(version, clean)
    listing.working_version = version
    db.session.flush()
    audit.record("listing.created", actor=actor, subject=listing, company_id=seller.id)
    return listing


def update_listing(actor: User, listing: Listing, data: ListingData) -> ListingVersion:
    require_seller_member(actor, listing.seller)
    clean = clean_listing(listing.category, data, listing.seller)  # validate before touching anything
    version = working_version(actor, listing)
    _apply(version, clean)
    db.session.flush()
    return version


def attach_file(
    actor: User, listing: Listing, kind: str, upload: FileStorage | None, language: str = ""
) -> ListingFile:
    require_seller_member(actor, listing.seller)
    try:
        file_kind = FileKind(kind)
    except ValueError:
        raise ValidationFailed({"kind": [str(_l("Choose one of the listed values."))]})
    if language and language not in LANGUAGES:
        raise ValidationFailed({"language": [str(_l("Unknown language."))]})
    if file_kind == FileKind.IMAGE:
        stored = uploads.store(upload, allowed=uploads.IMAGE_TYPES, max_bytes=uploads.max_image_bytes())
    else:
        stored = uploads.store(upload, allowed=uploads.DOCUMENT_TYPES, max_bytes=uploads.max_document_bytes())
    version = working_version(actor, listing)
    record = ListingFile(
        listing_id=listing.id,
        kind=file_kind,
        language=language,
        **stored.columns(),
        uploaded_by_id=actor.id,
    )
    db.session.add(record)
    version.files.append(record)
    db.session.flush()
    return record


def detach_file(actor: User, listing: Listing, file_id: int) -> None:
    require_seller_member(actor, listing.seller)
    version = working_version(actor, listing)
    remaining = [f for f in version.files if f.id != file_id]
    if len(remaining) == len(version.files):
        raise NotFound()
    version.files = remaining
    db.session.flush()


def submit_listing(actor: User, listing: Listing, *, acknowledge_flags: bool = False) -> None:
    """Send the working version for review: it must be complete, and controlled-goods flags must be
    acknowledged by the seller. Only a verified seller can submit."""
    require_seller_member(actor, listing.seller)
    if listing.seller.verification != VerificationState.VERIFIED:
        raise PermissionDenied(_l("Your company must be verified before its listings can be published."))
    version = listing.working_version
    if version is None:
        raise Conflict(_l("There are no changes to submit."))
    errors = missing_for_submission(
        queries.schema_of(listing.category), version.attributes, {f.kind.value for f in version.files}
    )
    if version.flags and not (acknowledge_flags or version.flags_acknowledged):
        errors["acknowledge_flags"] = [str(_l("Confirm that you have read the export-control notices."))]
    if errors:
        raise ValidationFailed(errors)
    version.flags_acknowledged = version.flags_acknowledged or bool(version.flags)
    version.submitted_at = utcnow()
    version.rejection_reason = None
    moderation.transition(listing, S.PENDING, actor=actor)
    audit.record(
        "listing.submitted",
        actor=actor,
        subject=listing,
        company_id=listing.seller_id,
        version=version.number,
        flags=version.flags or None,
    )


def approve_listing(admin: User, listing: Listing, *, acknowledge_controlled: bool = False) -> None:
    _require_admin(admin)
    version = listing.working_version
    if listing.state != S.PENDING or version is None:
        raise Conflict(_l("Only listings waiting for review can be approved."))
    if version.flags and not acknowledge_controlled:
        raise ValidationFailed(
            {
                "acknowledge_controlled": [
                    str(_l("This listing carries export-control flags: confirm that you have checked them."))
                ]
            }
        )
    now = utcnow()
    version.decided_at, version.decided_by_id = now, admin.id
    listing.live_version = version
    listing.working_version = None
    listing.is_visible = True
    listing.sort_price = sort_price_usd(version)
    listing.published_at = listing.published_at or now
    if version.flags:
        listing.controlled_ack_by_id, listing.controlled_ack_at = admin.id, now
    moderation.transition(listing, S.PUBLISHED, actor=admin)
    after_commit(invalidate_cached_pages)
    search_services.queue_reindex(listing.id)
    audit.record(
        "listing.approved",
        actor=admin,
        subject=listing,
        company_id=listing.seller_id,
        version=version.number,
        flags=version.flags or None,
    )


def approve_many(admin: User, listing_ids: list[int]) -> list[int]:
    """Bulk approve (unflagged listings only; flagged ones need their own acknowledgement)."""
    _require_admin(admin)
    listings = list(
        db.session.scalars(sa.select(Listing).where(Listing.id.in_(listing_ids)).order_by(Listing.id))
    )
    flagged = [x.id for x in listings if x.working_version is not None and x.working_version.flags]
    if flagged:
        raise ValidationFailed(
            {
                "ids": [
                    str(
                        _l(
                            "Listings with export-control flags must be approved one by one: %(ids)s.",
                            ids=", ".join(map(str, flagged)),
                        )
                    )
                ]
            }
        )
    for listing in listings:
        approve_listing(admin, listing)
    return [x.id for x in listings]


def reject_listing(admin: User, listing: Listing, reason: str) -> None:
    _require_admin(admin)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed({"reason": [str(_l("Tell the seller what to change."))]})
    if listing.working_version is None:
        raise Conflict(_l("Only listings waiting for review can be rejected."))
    version = listing.working_version
    version.decided_at, version.decided_by_id, version.rejection_reason = utcnow(), admin.id, reason
    moderation.transition(listing, S.REJECTED, actor=admin, reason=reason)
    audit.record(
        "listing.rejected", actor=admin, subject=listing, company_id=listing.seller_id, reason=reason
    )


def unpublish_listing(admin: User, listing: Listing, reason: str) -> None:
    _require_admin(admin)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed({"reason": [str(_l("Say why the listing is taken down."))]})
    moderation.transition(listing, S.UNPUBLISHED, actor=admin, reason=reason)
    listing.is_visible = False
    after_commit(invalidate_cached_pages)
    search_services.queue_reindex(listing.id)
    audit.record(
        "listing.unpublished", actor=admin, subject=listing, company_id=listing.seller_id, reason=reason
    )


def set_seller_visibility(company_id: int, *, visible: bool) -> None:
    """Hide a suspended seller's listings from buyers, or show them again on reinstatement (only
    listings with an approved version that an admin has not unpublished)."""
    query = sa.update(Listing).where(Listing.seller_id == company_id)
    if visible:
        query = query.where(Listing.live_version_id.is_not(None), Listing.state != S.UNPUBLISHED)
    db.session.execute(query.values(is_visible=visible), execution_options={"synchronize_session": "fetch"})
    db.session.flush()
    after_commit(invalidate_cached_pages)


def invalidate_cached_pages() -> None:
    queries.invalidate()


# -- FX rates ------------------------------------------------------------------------------------


def set_fx_rate(admin: User, base: str, quote: str, rate: Any, as_of: date) -> FxRate:
    _require_admin(admin)
    errors = {}
    base, quote = (base or "").strip().upper(), (quote or "").strip().upper()
    if base not in ISO_CURRENCIES:
        errors["base"] = [str(_l("Use an ISO 4217 currency code such as USD, CNY, RUB or MNT."))]
    if quote not in ISO_CURRENCIES or quote == base:
        errors["quote"] = [str(_l("Use an ISO 4217 currency code such as USD, CNY, RUB or MNT."))]
    value = _positive_decimal(rate, "rate", errors, places=10)
    if errors:
        raise ValidationFailed(errors)
    row = db.session.scalar(
        sa.select(FxRate).where(FxRate.base == base, FxRate.quote == quote, FxRate.as_of == as_of)
    )
    if row is None:
        row = FxRate(base=base, quote=quote, as_of=as_of)
        db.session.add(row)
    row.rate, row.created_by_id = value, admin.id
    db.session.flush()
    _rates.clear()
    after_commit(_rates.clear)
    audit.record("fx.rate_set", actor=admin, base=base, quote=quote, rate=str(value), as_of=as_of.isoformat())
    return row


def sort_price_usd(version: ListingVersion) -> Decimal | None:
    """The lowest tier price in USD (converted at the newest rates; None if no rate is known)."""
    rates = latest_rates()
    best: Decimal | None = None
    for tier in version.prices:
        converted = convert(Money(tier.unit_price, tier.currency), "USD", rates)
        if converted is not None and (best is None or converted.amount.amount < best):
            best = converted.amount.amount
    return best


@dataclass(frozen=True)
class Conversion:
    amount: Money
    rate: Decimal
    as_of: date
    via: str | None = None


_rates = TTLCache(ttl=30, maxsize=2)


def cached_rates() -> dict[tuple[str, str], FxRate]:
    """latest_rates() cached per process, for pages (rates change a few times a day)."""
    rates = _rates.get_or_set("rates", latest_rates)
    for row in rates.values():
        if row in db.session:
            db.session.expunge(row)
    return rates


def latest_rates() -> dict[tuple[str, str], FxRate]:
    """The newest rate of every pair, both directions (the inverse is derived)."""
    rows = db.session.scalars(sa.select(FxRate).order_by(FxRate.as_of))
    rates: dict[tuple[str, str], FxRate] = {}
    for row in rows:
        rates[(row.base, row.quote)] = row
    return rates


def convert(amount: Money, currency: str, rates: dict[tuple[str, str], FxRate]) -> Conversion | None:
    """Indicative conversion with the newest rates (direct, inverse, or through CNY/USD)."""
    if amount.currency == currency:
        return Conversion(amount, Decimal(1), utcnow().date())

    def rate(a: str, b: str) -> tuple[Decimal, date] | None:
        if (a, b) in rates:
            return rates[(a, b)].rate, rates[(a, b)].as_of
        if (b, a) in rates:
            return Decimal(1) / rates[(b, a)].rate, rates[(b, a)].as_of
        return None

    direct = rate(amount.currency, currency)
    if direct:
        return Conversion(amount.convert(currency, direct[0]), direct[0], direct[1])
    for pivot in ("CNY", "USD"):
        first, second = rate(amount.currency, pivot), rate(pivot, currency)
        if first and second:
            r = first[0] * second[0]
            return Conversion(amount.convert(currency, r), r, min(first[1], second[1]), via=pivot)
    return None


FX_CSV_MAX_BYTES = 1024 * 1024
FX_CSV_COLUMNS = ("date", "base", "quote", "rate")


def import_fx_csv(admin: User, data: bytes) -> int:
    """Import dated rates from CSV (columns date, base, quote, rate; a header row; one rate per
    line, e.g. `2026-11-26,USD,MNT,3415.5`). All or nothing: any bad line refuses the whole file,
    with every problem listed by line number. Returns the number of rates saved."""
    import csv
    import io

    _require_admin(admin)
    if not data:
        raise ValidationFailed({"file": [str(_l("Choose a file to upload."))]})
    if len(data) > FX_CSV_MAX_BYTES:
        raise ValidationFailed({"file": [str(_l("The file is larger than %(mb)s MB.", mb=1))]})
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationFailed({"file": [str(_l("The file must be UTF-8 text (CSV)."))]})
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    if tuple(header) != FX_CSV_COLUMNS:
        raise ValidationFailed(
            {
                "file": [
                    str(
                        _l("The first line must be the header: %(columns)s", columns=",".join(FX_CSV_COLUMNS))
                    )
                ]
            }
        )
    problems: list[str] = []
    saved = 0
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 4:
            problems.append(str(_l("Line %(line)d: expected 4 columns.", line=line_no)))
            continue
        day, base, quote, rate = (cell.strip() for cell in row)
        try:
            as_of = date.fromisoformat(day)
        except ValueError:
            problems.append(str(_l("Line %(line)d: enter the date as YYYY-MM-DD.", line=line_no)))
            continue
        try:
            with db.session.begin_nested():
                set_fx_rate(admin, base, quote, rate, as_of)
        except ValidationFailed as exc:
            messages = " ".join(m for msgs in exc.errors.values() for m in msgs)
            problems.append(str(_l("Line %(line)d: %(problem)s", line=line_no, problem=messages)))
            continue
        saved += 1
    if problems:
        raise ValidationFailed({"file": problems[:50]})
    if not saved:
        raise ValidationFailed({"file": [str(_l("The file has no rates."))]})
    return saved
