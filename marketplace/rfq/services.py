"""RFQ and quote operations: send, close/reopen, quote and revise, decline, counter, message, accept
(which places the order), and the expiry jobs. They flush, never commit; every refusal is a UserError
with a translated message and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.datastructures import FileStorage

from marketplace.accounts.models import Company, User
from marketplace.accounts.services import membership
from marketplace.accounts.states import CompanyKind, VerificationState
from marketplace.catalog import queries as catalog_queries
from marketplace.catalog.models import Category, Listing
from marketplace.catalog.schema import clean_attributes
from marketplace.catalog.states import AttributeKind, Incoterm, Unit
from marketplace.core import audit, uploads
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.i18n import country_choices
from marketplace.core.money import ISO_CURRENCIES, Money, minor_units, quantize
from marketplace.extensions import db
from marketplace.notifications import services as notifications
from marketplace.notifications.services import money_param
from marketplace.orders import services as orders
from marketplace.orders.models import Order
from marketplace.orders.states import BalanceDue
from marketplace.rfq.models import Quote, QuoteLine, QuoteMessage, QuoteRevision, Rfq, RfqFile
from marketplace.rfq.states import (
    Audience,
    MessageKind,
    QuoteState,
    RfqState,
    Side,
    quote_workflow,
    rfq_workflow,
)
from marketplace.risk import services as risk
from marketplace.warehouses.ledger import InsufficientStock

CHINA = ZoneInfo("Asia/Shanghai")
MAX_LINES = 10
MAX_FILES = 5
Q = QuoteState
OPEN_QUOTE_STATES = (Q.SUBMITTED, Q.COUNTERED)
LIVE_THREAD_STATES = (Q.REQUESTED, Q.SUBMITTED, Q.COUNTERED, Q.EXPIRED)


# -- China time ----------------------------------------------------------------------------------


def china_today(now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(CHINA).date()


def end_of_china_day(day: date) -> datetime:
    """The instant a day ends in China (Asia/Shanghai), in UTC: 00:00:00 of the next day there."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=CHINA).astimezone(UTC)


def is_expired(revision: QuoteRevision, now: datetime | None = None) -> bool:
    """A quote is valid until the end of its valid-until day in China time."""
    return (now or utcnow()) >= revision.expires_at


# -- permissions ---------------------------------------------------------------------------------


def require_buyer_member(user: User, company: Company | None) -> Company:
    if company is None or company.kind != CompanyKind.BUYER or membership(user, company.id) is None:
        raise PermissionDenied(_l("Only members of a buyer company can request quotations."))
    return company


def rfq_for_buyer(user: User, rfq_id: int) -> Rfq:
    """The RFQ if `user` belongs to the buyer company that sent it; NotFound for everyone else."""
    rfq = db.session.get(Rfq, rfq_id)
    if rfq is None or membership(user, rfq.buyer_id) is None:
        raise NotFound()
    return rfq


def quote_for(user: User, quote_id: int) -> tuple[Quote, Side]:
    """A quote thread and the side `user` is on: the buyer's members and that seller's members only."""
    quote = db.session.get(Quote, quote_id)
    if quote is None:
        raise NotFound()
    if membership(user, quote.rfq.buyer_id) is not None:
        return quote, Side.BUYER
    if membership(user, quote.seller_id) is not None:
        return quote, Side.SELLER
    raise NotFound()


def _require_side(side: Side, wanted: Side) -> None:
    if side != wanted:
        if wanted == Side.SELLER:
            raise PermissionDenied(_l("Only the seller can do this."))
        raise PermissionDenied(_l("Only the buyer can do this."))


# -- parsing helpers -----------------------------------------------------------------------------


def _decimal(raw: Any, name: str, errors: dict, *, places: int | None = 3, allow_zero=False, maximum=None):
    if isinstance(raw, float):
        errors[name] = [str(_l("Enter a number."))]
        return None
    try:
        value = Decimal(str(raw).strip().replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        errors[name] = [str(_l("Enter a number."))]
        return None
    if not value.is_finite() or value < 0 or (value == 0 and not allow_zero):
        errors[name] = [str(_l("Enter a number greater than zero."))]
        return None
    if maximum is not None and value > maximum:
        errors[name] = [str(_l("Enter at most %(max)s.", max=maximum))]
        return None
    if places is not None and value != value.quantize(Decimal(1).scaleb(-places)):
        errors[name] = [str(_l("Use at most %(places)s decimals.", places=places))]
        return None
    if value >= Decimal("1e13"):
        errors[name] = [str(_l("This number is too large."))]
        return None
    return value


def _enum(enum_cls, raw: Any, name: str, errors: dict):
    try:
        return enum_cls(str(raw or "").strip())
    except ValueError:
        errors[name] = [str(_l("Choose one of the listed values."))]
        return None


def _date(raw: Any, name: str, errors: dict) -> date | None:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw or "").strip())
    except ValueError:
        errors[name] = [str(_l("Enter a date as YYYY-MM-DD."))]
        return None


def _text(raw: Any, name: str, errors: dict, *, required: bool, limit: int, message=None) -> str:
    text = str(raw or "").strip()
    if required and not text:
        errors[name] = [str(message or _l("This field is required."))]
    elif len(text) > limit:
        errors[name] = [str(_l("Use at most %(max)s characters.", max=limit))]
    return text


def _currency(raw: Any, name: str, errors: dict) -> str | None:
    code = str(raw or "").strip().upper()
    if code not in ISO_CURRENCIES:
        errors[name] = [str(_l("Use an ISO 4217 currency code such as USD, CNY, RUB or MNT."))]
        return None
    return code


def _price(raw: Any, currency: str | None, name: str, errors: dict) -> Decimal | None:
    value = _decimal(raw, name, errors, places=None)
    if value is None or currency is None:
        return value
    if quantize(value, currency) != value:
        errors[name] = [
            str(
                _l(
                    "%(currency)s prices have at most %(digits)s decimals.",
                    currency=currency,
                    digits=minor_units(currency),
                )
            )
        ]
        return None
    return value


def _store_files(uploads_: list[FileStorage], field_name: str) -> list[uploads.StoredFile]:
    files = [f for f in uploads_ if f is not None and f.filename]
    if len(files) > MAX_FILES:
        raise ValidationFailed({field_name: [str(_l("Attach at most %(n)s files.", n=MAX_FILES))]})
    allowed = uploads.IMAGE_TYPES | uploads.DOCUMENT_TYPES
    return [
        uploads.store(f, allowed=allowed, max_bytes=uploads.max_document_bytes(), field=field_name)
        for f in files
    ]


# -- RFQs ----------------------------------------------------------------------------------------


@dataclass
class RfqData:
    """An RFQ as entered (raw strings from a form or JSON); the service validates everything."""

    title: str = ""
    description: str = ""
    category: str = ""  # slug
    listing_id: Any = None
    requirements: dict[str, Any] = field(default_factory=dict)
    quantity: Any = ""
    unit: str = ""
    target_price: Any = ""
    target_currency: str = ""
    destination_country: str = ""
    destination_place: str = ""
    incoterm: str = ""
    needed_by: Any = ""
    deadline: Any = ""  # a date: quotes are taken until the end of that day, China time
    max_quotes: Any = 10
    audience: str = Audience.CHOSEN.value
    seller_ids: list[Any] = field(default_factory=list)


def eligible_sellers(category: Category) -> list[Company]:
    """Verified sellers with a visible listing in the category or below it."""
    ids = [c.id for c in catalog_queries.descendants(category)]
    return list(
        db.session.scalars(
            sa.select(Company)
            .where(
                Company.kind == CompanyKind.SELLER,
                Company.verification == VerificationState.VERIFIED,
                sa.exists().where(
                    Listing.seller_id == Company.id,
                    Listing.is_visible.is_(True),
                    Listing.category_id.in_(ids),
                ),
            )
            .order_by(Company.legal_name_latin)
        )
    )


def _clean_requirements(category: Category, raw: dict[str, Any], errors: dict) -> dict[str, Any]:
    """Key attributes as wishes: a number range for numbers, a value for the others."""
    schema = catalog_queries.schema_of(category)
    keys = {a.code: a for a in schema.key_attributes}
    out: dict[str, Any] = {}
    for code, value in (raw or {}).items():
        attr = keys.get(code)
        name = f"requirements.{code}"
        if attr is None:
            errors[name] = [str(_l("This category has no key attribute “%(code)s”.", code=code))]
            continue
        if attr.kind == AttributeKind.DECIMAL:
            bounds = value if isinstance(value, dict) else {"max": value}
            clean = {}
            for end in ("min", "max"):
                text = str(bounds.get(end) or "").strip()
                if not text:
                    continue
                number = _decimal(text, f"{name}.{end}", errors, places=6, allow_zero=True)
                if number is not None:
                    if (attr.min_value is not None and number < attr.min_value) or (
                        attr.max_value is not None and number > attr.max_value
                    ):
                        errors[f"{name}.{end}"] = [
                            str(
                                _l(
                                    "Enter a value between %(min)s and %(max)s.",
                                    min=attr.min_value.normalize(),
                                    max=attr.max_value.normalize(),
                                )
                            )
                        ]
                        continue
                    clean[end] = format(number.normalize(), "f")
            if "min" in clean and "max" in clean and Decimal(clean["min"]) > Decimal(clean["max"]):
                errors[f"{name}.min"] = [str(_l("The minimum is above the maximum."))]
            if clean:
                out[code] = clean
        else:
            if value in (None, "", []):
                continue
            values, attr_errors = clean_attributes(schema, {code: value})
            for key, messages in attr_errors.items():
                errors[key.replace("attributes.", "requirements.")] = messages
            if code in values:
                out[code] = values[code]
    return out


def _clean_rfq(actor: User, data: RfqData, errors: dict) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    listing = None
    if data.listing_id not in (None, ""):
        try:
            listing = catalog_queries.visible_listing(int(data.listing_id))
        except (TypeError, ValueError):
            listing = None
        if listing is None:
            errors["listing_id"] = [str(_l("This listing is not available."))]
    category = catalog_queries.category_by_slug(str(data.category or "").strip())
    if category is None and listing is not None:
        category = catalog_queries.categories_by_id().get(listing.category_id)
    if category is None:
        errors["category"] = [str(_l("Choose a category."))]
    clean["listing"] = listing
    clean["category"] = category
    clean["title"] = _text(data.title, "title", errors, required=True, limit=200)
    clean["description"] = _text(data.description, "description", errors, required=False, limit=10000)
    clean["requirements"] = _clean_requirements(category, data.requirements, errors) if category else {}
    clean["quantity"] = _decimal(data.quantity, "quantity", errors)
    unit_raw = data.unit or (category.default_unit.value if category else "")
    clean["unit"] = _enum(Unit, unit_raw, "unit", errors)
    clean["target_price"] = None
    clean["target_currency"] = None
    if str(data.target_price or "").strip():
        clean["target_currency"] = _currency(data.target_currency, "target_currency", errors)
        clean["target_price"] = _price(data.target_price, clean["target_currency"], "target_price", errors)
    country = str(data.destination_country or "").strip().upper()
    if country not in {code for code, _name in country_choices()}:
        errors["destination_country"] = [str(_l("Choose a country."))]
    clean["destination_country"] = country
    clean["destination_place"] = _text(
        data.destination_place,
        "destination_place",
        errors,
        required=True,
        limit=120,
        message=_l("Name the place of delivery, e.g. “Ulaanbaatar” or “Zamyn-Üüd”."),
    )
    clean["incoterm"] = _enum(Incoterm, data.incoterm, "incoterm", errors)
    clean["needed_by"] = None
    if str(data.needed_by or "").strip():
        needed = _date(data.needed_by, "needed_by", errors)
        if needed is not None and needed < china_today():
            errors["needed_by"] = [str(_l("This date is in the past."))]
        clean["needed_by"] = needed
    deadline_day = _date(data.deadline, "deadline", errors)
    if deadline_day is not None:
        if deadline_day < china_today():
            errors["deadline"] = [str(_l("The closing date cannot be in the past."))]
        elif deadline_day > china_today() + timedelta(days=180):
            errors["deadline"] = [str(_l("Close the request within 180 days."))]
    clean["deadline"] = end_of_china_day(deadline_day) if deadline_day else None
    try:
        max_quotes = int(str(data.max_quotes if data.max_quotes not in (None, "") else 10).strip())
        if not 1 <= max_quotes <= 50:
            raise ValueError
    except ValueError:
        errors["max_quotes"] = [str(_l("Enter a whole number from 1 to 50."))]
        max_quotes = 10
    clean["max_quotes"] = max_quotes
    clean["audience"] = _enum(Audience, data.audience or Audience.CHOSEN.value, "audience", errors)
    sellers: list[Company] = []
    if clean["audience"] == Audience.CATEGORY and category is not None:
        sellers = eligible_sellers(category)
        if not sellers:
            errors["audience"] = [str(_l("No verified seller is active in this category yet."))]
    elif clean["audience"] == Audience.CHOSEN:
        ids = set()
        for raw in data.seller_ids or []:
            try:
                ids.add(int(raw))
            except (TypeError, ValueError):
                errors["seller_ids"] = [str(_l("Choose sellers from the list."))]
        if listing is not None and not ids:
            ids.add(listing.seller_id)
        if ids:
            sellers = list(
                db.session.scalars(
                    sa.select(Company)
                    .where(Company.id.in_(ids), Company.kind == CompanyKind.SELLER)
                    .where(Company.verification == VerificationState.VERIFIED)
                    .order_by(Company.id)
                )
            )
            if len(sellers) != len(ids):
                errors["seller_ids"] = [str(_l("Only verified sellers can receive requests."))]
        elif "seller_ids" not in errors:
            errors["seller_ids"] = [str(_l("Choose at least one seller."))]
    clean["sellers"] = sellers
    return clean


def create_rfq(
    actor: User, buyer: Company | None, data: RfqData, files: list[FileStorage] | None = None
) -> Rfq:
    """Validate and send an RFQ: one quote thread per seller, each told in its language."""
    buyer = require_buyer_member(actor, buyer)
    errors: dict[str, list[str]] = {}
    clean = _clean_rfq(actor, data, errors)
    if errors:
        raise ValidationFailed(errors)
    stored = _store_files(files or [], "files")
    rfq = Rfq(
        buyer_id=buyer.id,
        created_by_id=actor.id,
        category_id=clean["category"].id,
        listing_id=clean["listing"].id if clean["listing"] else None,
        title=clean["title"],
        description=clean["description"],
        requirements=clean["requirements"],
        quantity=clean["quantity"],
        unit=clean["unit"],
        target_price=clean["target_price"],
        target_currency=clean["target_currency"] if clean["target_price"] is not None else None,
        destination_country=clean["destination_country"],
        destination_place=clean["destination_place"],
        incoterm=clean["incoterm"],
        needed_by=clean["needed_by"],
        deadline=clean["deadline"],
        max_quotes=clean["max_quotes"],
        audience=clean["audience"],
    )
    rfq_workflow.start(rfq, RfqState.OPEN, actor=actor)
    for item in stored:
        db.session.add(RfqFile(rfq_id=rfq.id, uploaded_by_id=actor.id, **item.columns()))
    seller_ids = [seller.id for seller in clean["sellers"]]
    # A flagged RFQ waits for compliance review: risk sends it to these sellers once cleared.
    if not risk.screen_rfq(rfq, actor, seller_ids):
        send_to_sellers(rfq, seller_ids, actor)
    db.session.flush()
    return rfq


def send_to_sellers(rfq: Rfq, seller_ids: list[int], actor) -> None:
    """Open one quote thread per seller and tell each seller, in its language."""
    buyer = db.session.get(Company, rfq.buyer_id)
    for seller_id in seller_ids:
        quote = Quote(rfq_id=rfq.id, seller_id=seller_id)
        quote_workflow.start(quote, QuoteState.REQUESTED, actor=actor)
        notifications.notify_company(
            seller_id,
            "rfq_received",
            endpoint="rfq.quote",
            endpoint_args={"quote_id": quote.id},
            title=rfq.title,
            buyer=buyer.legal_name_latin,
            quantity=f"{format(rfq.quantity.normalize(), 'f')} {rfq.unit.value}",
            incoterm=rfq.incoterm.value,
            place=rfq.destination_place,
        )
    audit.record("rfq.sent", actor=actor, subject=rfq, company_id=buyer.id, sellers=len(seller_ids))
    db.session.flush()


def close_rfq(actor: User, rfq: Rfq, reason: str = "") -> None:
    """Stop taking quotes and negotiating; the buyer may re-open before the deadline."""
    if membership(actor, rfq.buyer_id) is None:
        raise NotFound()
    rfq_workflow.transition(rfq, RfqState.CLOSED, actor=actor, reason=reason.strip()[:500] or None)
    db.session.flush()


def reopen_rfq(actor: User, rfq: Rfq) -> None:
    if membership(actor, rfq.buyer_id) is None:
        raise NotFound()
    if rfq.state == RfqState.CLOSED and rfq.deadline_passed():
        raise Conflict(_l("The closing date has passed: this request can no longer be re-opened."))
    rfq_workflow.transition(rfq, RfqState.OPEN, actor=actor)
    db.session.flush()


def add_rfq_files(actor: User, rfq: Rfq, files: list[FileStorage]) -> list[RfqFile]:
    if membership(actor, rfq.buyer_id) is None:
        raise NotFound()
    if rfq.state != RfqState.OPEN:
        raise Conflict(_l("This request is closed."))
    count = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(RfqFile)
        .where(RfqFile.rfq_id == rfq.id, RfqFile.quote_id.is_(None))
    )
    if count + len([f for f in files if f and f.filename]) > MAX_FILES:
        raise ValidationFailed({"files": [str(_l("Attach at most %(n)s files.", n=MAX_FILES))]})
    rows = [
        RfqFile(rfq_id=rfq.id, uploaded_by_id=actor.id, **s.columns()) for s in _store_files(files, "files")
    ]
    if not rows:
        raise ValidationFailed({"files": [str(_l("Choose a file to upload."))]})
    db.session.add_all(rows)
    db.session.flush()
    return rows


def file_for(user: User, file_id: int) -> RfqFile:
    """An attachment for someone who may see it: RFQ files for the buyer and the invited sellers,
    quote files for the buyer and that quote's seller."""
    row = db.session.get(RfqFile, file_id)
    if row is None:
        raise NotFound()
    rfq = db.session.get(Rfq, row.rfq_id)
    if membership(user, rfq.buyer_id) is not None:
        return row
    if row.quote_id is not None:
        quote = db.session.get(Quote, row.quote_id)
        if membership(user, quote.seller_id) is not None:
            return row
    else:
        seller_ids = db.session.scalars(sa.select(Quote.seller_id).where(Quote.rfq_id == rfq.id))
        if any(membership(user, sid) is not None for sid in seller_ids):
            return row
    raise NotFound()


# -- quotes and revisions ------------------------------------------------------------------------


@dataclass
class RevisionData:
    currency: str = ""
    lines: list[dict[str, Any]] = field(
        default_factory=list
    )  # {listing_id, description, quantity, unit, unit_price}
    moq: Any = ""
    incoterm: str = ""
    incoterm_place: str = ""
    lead_time_days: Any = ""
    deposit_percent: Any = ""
    balance_due: str = ""
    valid_until: Any = ""
    notes: str = ""
    warehouse_id: Any = ""  # empty: exported from Ordos; else an overseas warehouse holding the stock


def _clean_revision(quote: Quote, data: RevisionData, errors: dict) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    currency = _currency(data.currency, "currency", errors)
    clean["currency"] = currency
    lines = []
    for i, raw in enumerate(data.lines or []):
        raw = raw or {}
        if all(
            str(raw.get(k) or "").strip() == ""
            for k in ("listing_id", "description", "quantity", "unit_price")
        ):
            continue  # an empty row of the form
        key = f"lines.{i}"
        listing_id = None
        description = str(raw.get("description") or "").strip()
        if str(raw.get("listing_id") or "").strip():
            try:
                listing = db.session.get(Listing, int(raw["listing_id"]))
            except (TypeError, ValueError):
                listing = None
            if listing is None or listing.seller_id != quote.seller_id:
                errors[f"{key}.listing_id"] = [str(_l("Choose one of your own listings."))]
            else:
                listing_id = listing.id
                if not description and listing.live_version_id:
                    version = catalog_queries.load_version(listing.live_version_id)
                    translation = catalog_queries.pick_translation(version, "en")
                    description = translation.title if translation else f"#{listing.id}"
        if not description:
            errors[f"{key}.description"] = [str(_l("Describe the item or choose a listing."))]
        elif len(description) > 300:
            errors[f"{key}.description"] = [str(_l("Use at most %(max)s characters.", max=300))]
        quantity = _decimal(raw.get("quantity"), f"{key}.quantity", errors)
        unit = _enum(Unit, raw.get("unit") or quote.rfq.unit.value, f"{key}.unit", errors)
        price = _price(raw.get("unit_price"), currency, f"{key}.unit_price", errors)
        lines.append((listing_id, description, quantity, unit, price))
    if not lines and not any(k.startswith("lines.") for k in errors):
        errors["lines"] = [str(_l("Give at least one line with a quantity and a unit price."))]
    if len(lines) > MAX_LINES:
        errors["lines"] = [str(_l("A quote has at most %(n)s lines.", n=MAX_LINES))]
    clean["lines"] = lines
    clean["moq"] = _decimal(data.moq, "moq", errors) if str(data.moq or "").strip() else None
    clean["incoterm"] = _enum(Incoterm, data.incoterm, "incoterm", errors)
    clean["incoterm_place"] = _text(
        data.incoterm_place,
        "incoterm_place",
        errors,
        required=True,
        limit=120,
        message=_l("Name the place, e.g. “Erenhot” or “Tianjin port”."),
    )
    try:
        lead = int(str(data.lead_time_days).strip())
        if not 0 <= lead <= 365:
            raise ValueError
    except ValueError:
        errors["lead_time_days"] = [str(_l("Enter the lead time in days (0 to 365)."))]
        lead = 0
    clean["lead_time_days"] = lead
    clean["deposit_percent"] = _decimal(
        data.deposit_percent, "deposit_percent", errors, places=2, allow_zero=True, maximum=Decimal(100)
    )
    clean["balance_due"] = _enum(BalanceDue, data.balance_due, "balance_due", errors)
    valid_until = _date(data.valid_until, "valid_until", errors)
    if valid_until is not None:
        if valid_until < china_today():
            errors["valid_until"] = [str(_l("The quote must be valid at least until today (China time)."))]
        elif valid_until > china_today() + timedelta(days=180):
            errors["valid_until"] = [str(_l("A quote can be valid for at most 180 days."))]
    clean["valid_until"] = valid_until
    clean["notes"] = _text(data.notes, "notes", errors, required=False, limit=5000)
    clean["warehouse_id"] = _clean_source(quote, data.warehouse_id, lines, errors)
    return clean


def _clean_source(quote: Quote, raw: Any, lines: list, errors: dict) -> int | None:
    """An overseas warehouse the quote ships from: every line must be one of the seller's listings
    with that much stock available there now (it is reserved when the buyer accepts)."""
    from marketplace.warehouses import queries as stock

    raw = str(raw if raw is not None else "").strip()
    if not raw:
        return None
    try:
        warehouse_id = int(raw)
    except ValueError:
        warehouse_id = None
    offers = {w.id: w for w in stock_sources(quote.seller_id)}
    if warehouse_id not in offers:
        errors["warehouse_id"] = [str(_l("Choose an overseas warehouse where you hold stock."))]
        return None
    needed: dict[int, Decimal] = {}
    for listing_id, _description, quantity, _unit, _price in lines:
        if listing_id is None:
            errors["warehouse_id"] = [
                str(_l("To ship from overseas stock, choose the listing of every line."))
            ]
            return None
        if quantity is not None:
            needed[listing_id] = needed.get(listing_id, Decimal(0)) + quantity
    for listing_id, quantity in needed.items():
        available = next(
            (a.available for a in stock.overseas_availability(listing_id) if a.warehouse_id == warehouse_id),
            Decimal(0),
        )
        if available < quantity:
            errors["warehouse_id"] = [
                str(
                    _l(
                        "Only %(available)s of listing %(listing)s is available in %(city)s.",
                        available=format(available.normalize(), "f"),
                        listing=listing_id,
                        city=offers[warehouse_id].city,
                    )
                )
            ]
            return None
    return warehouse_id


def stock_sources(seller_id: int) -> list:
    """The overseas warehouses where the seller holds available stock (for the quote editor)."""
    from marketplace.warehouses import queries as stock
    from marketplace.warehouses.states import WarehouseKind

    seen = {}
    for balance in stock.seller_stock(seller_id):
        warehouse = balance.warehouse
        if warehouse.kind != WarehouseKind.HOME and warehouse.active and balance.on_hand > balance.reserved:
            seen[warehouse.id] = warehouse
    return sorted(seen.values(), key=lambda w: (w.country, w.city))


def _lock_rfq(rfq: Rfq) -> None:
    """Serialise quoting on one RFQ (the quote limit is counted under this lock on PostgreSQL;
    SQLite has a single writer anyway)."""
    db.session.execute(sa.select(Rfq.id).where(Rfq.id == rfq.id).with_for_update())


def quotes_received(rfq: Rfq) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Quote)
        .where(Quote.rfq_id == rfq.id, Quote.first_quoted_at.is_not(None))
    )


def can_still_quote(rfq: Rfq, quote: Quote, now: datetime | None = None) -> bool:
    """A first quote needs the RFQ open, before its deadline and under its quote limit."""
    if rfq.state != RfqState.OPEN:
        return False
    if quote.first_quoted_at is not None:
        return True
    return not rfq.deadline_passed(now) and quotes_received(rfq) < rfq.max_quotes


def submit_revision(
    actor: User, quote: Quote, side: Side, data: RevisionData, files: list[FileStorage] | None = None
) -> QuoteRevision:
    """The seller's first quote, a new revision, or the revival of an expired quote. Earlier
    revisions stay as they were."""
    _require_side(side, Side.SELLER)
    rfq = quote.rfq
    if rfq.state != RfqState.OPEN:
        raise Conflict(_l("The buyer has closed this request."))
    if not quote_workflow.can(quote, QuoteState.SUBMITTED):
        raise Conflict(_l("This quote can no longer be changed (%(state)s).", state=quote.state.label))
    errors: dict[str, list[str]] = {}
    clean = _clean_revision(quote, data, errors)
    if errors:
        raise ValidationFailed(errors)
    first = quote.first_quoted_at is None
    if first:
        _lock_rfq(rfq)
        if rfq.deadline_passed():
            raise Conflict(_l("The deadline of this request has passed: it takes no more quotes."))
        if quotes_received(rfq) >= rfq.max_quotes:
            raise Conflict(_l("This request has received the maximum number of quotes."))
    stored = _store_files(files or [], "files")
    number = (
        db.session.scalar(
            sa.select(sa.func.max(QuoteRevision.number)).where(QuoteRevision.quote_id == quote.id)
        )
        or 0
    ) + 1
    currency = clean["currency"]
    revision = QuoteRevision(
        quote_id=quote.id,
        number=number,
        created_by_id=actor.id,
        currency=currency,
        total=Decimal(0),
        moq=clean["moq"],
        incoterm=clean["incoterm"],
        incoterm_place=clean["incoterm_place"],
        lead_time_days=clean["lead_time_days"],
        deposit_percent=clean["deposit_percent"],
        balance_due=clean["balance_due"],
        valid_until=clean["valid_until"],
        expires_at=end_of_china_day(clean["valid_until"]),
        notes=clean["notes"],
        warehouse_id=clean["warehouse_id"],
    )
    total = Decimal(0)
    for position, (listing_id, description, quantity, unit, price) in enumerate(clean["lines"], start=1):
        revision.lines.append(
            QuoteLine(
                position=position,
                listing_id=listing_id,
                description=description,
                quantity=quantity,
                unit=unit,
                unit_price=price,
            )
        )
        total += quantize(quantity * price, currency)
    revision.total = total
    db.session.add(revision)
    db.session.flush()
    for item in stored:
        db.session.add(RfqFile(rfq_id=rfq.id, quote_id=quote.id, uploaded_by_id=actor.id, **item.columns()))

    def apply():
        quote.current_revision = revision
        quote.expires_at = revision.expires_at
        if first:
            quote.first_quoted_at = utcnow()
        quote_workflow.transition(quote, QuoteState.SUBMITTED, actor=actor)

    _flush_guarded(apply)
    notifications.notify_company(
        rfq.buyer_id,
        "quote_received" if first else "revision_received",
        endpoint="rfq.quote",
        endpoint_args={"quote_id": quote.id},
        title=rfq.title,
        seller=quote.seller.legal_name_latin,
        revision=number,
        total=money_param(revision.total_money),
    )
    return revision


def decline(actor: User, quote: Quote, side: Side, reason: str) -> None:
    """The seller will not quote (or stops negotiating), with a reason the buyer reads."""
    _require_side(side, Side.SELLER)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed({"reason": [str(_l("Tell the buyer why."))]})
    if len(reason) > 2000:
        raise ValidationFailed({"reason": [str(_l("Use at most %(max)s characters.", max=2000))]})

    def apply():
        quote.decline_reason = reason
        quote_workflow.transition(quote, QuoteState.DECLINED, actor=actor, reason=reason)

    _flush_guarded(apply)
    db.session.add(
        QuoteMessage(quote_id=quote.id, author_id=actor.id, side=side, kind=MessageKind.DECLINE, body=reason)
    )
    db.session.flush()
    notifications.notify_company(
        quote.rfq.buyer_id,
        "quote_declined",
        endpoint="rfq.quote",
        endpoint_args={"quote_id": quote.id},
        title=quote.rfq.title,
        seller=quote.seller.legal_name_latin,
        message=reason,
    )


@dataclass
class CounterData:
    kind: str = MessageKind.COUNTER.value  # counter | revision_request
    message: str = ""
    unit_price: Any = ""
    quantity: Any = ""
    lead_time_days: Any = ""
    deposit_percent: Any = ""


def counter(actor: User, quote: Quote, side: Side, data: CounterData) -> QuoteMessage:
    """The buyer proposes other terms, or asks for a revision with a message; the seller answers with
    a new revision."""
    _require_side(side, Side.BUYER)
    if quote.rfq.state != RfqState.OPEN:
        raise Conflict(_l("This request is closed."))
    if quote.state not in OPEN_QUOTE_STATES:
        raise Conflict(_l("There is no quote to answer in this thread (%(state)s).", state=quote.state.label))
    errors: dict[str, list[str]] = {}
    kind = _enum(MessageKind, data.kind, "kind", errors)
    if kind not in (MessageKind.COUNTER, MessageKind.REVISION_REQUEST, None):
        errors["kind"] = [str(_l("Choose one of the listed values."))]
    message = _text(
        data.message, "message", errors, required=kind == MessageKind.REVISION_REQUEST, limit=5000
    )
    revision = quote.current_revision
    proposal: dict[str, Any] = {}
    if kind == MessageKind.COUNTER:
        if str(data.unit_price or "").strip():
            proposal["proposed_unit_price"] = _price(data.unit_price, revision.currency, "unit_price", errors)
            proposal["proposed_currency"] = revision.currency
        if str(data.quantity or "").strip():
            proposal["proposed_quantity"] = _decimal(data.quantity, "quantity", errors)
        if str(data.lead_time_days or "").strip():
            try:
                lead = int(str(data.lead_time_days).strip())
                if not 0 <= lead <= 365:
                    raise ValueError
                proposal["proposed_lead_time_days"] = lead
            except ValueError:
                errors["lead_time_days"] = [str(_l("Enter the lead time in days (0 to 365)."))]
        if str(data.deposit_percent or "").strip():
            proposal["proposed_deposit_percent"] = _decimal(
                data.deposit_percent,
                "deposit_percent",
                errors,
                places=2,
                allow_zero=True,
                maximum=Decimal(100),
            )
        if not errors and not proposal and not message:
            errors["unit_price"] = [
                str(_l("Propose a price, quantity, lead time or deposit, or write a message."))
            ]
    if errors:
        raise ValidationFailed(errors)
    _flush_guarded(lambda: quote_workflow.transition(quote, QuoteState.COUNTERED, actor=actor))
    row = QuoteMessage(
        quote_id=quote.id,
        author_id=actor.id,
        side=side,
        kind=kind,
        body=message,
        revision_id=revision.id,
        **proposal,
    )
    db.session.add(row)
    db.session.flush()
    buyer = db.session.get(Company, quote.rfq.buyer_id)
    notifications.notify_company(
        quote.seller_id,
        "counter_received" if kind == MessageKind.COUNTER else "revision_requested",
        endpoint="rfq.quote",
        endpoint_args={"quote_id": quote.id},
        title=quote.rfq.title,
        buyer=buyer.legal_name_latin,
        message=message,
    )
    return row


def post_message(actor: User, quote: Quote, side: Side, body: str) -> QuoteMessage:
    """A plain message in the thread, for the other side."""
    body = (body or "").strip()
    if not body:
        raise ValidationFailed({"body": [str(_l("Write a message."))]})
    if len(body) > 5000:
        raise ValidationFailed({"body": [str(_l("Use at most %(max)s characters.", max=5000))]})
    row = QuoteMessage(quote_id=quote.id, author_id=actor.id, side=side, kind=MessageKind.MESSAGE, body=body)
    db.session.add(row)
    db.session.flush()
    if side == Side.BUYER:
        recipient, sender = quote.seller_id, db.session.get(Company, quote.rfq.buyer_id)
    else:
        recipient, sender = quote.rfq.buyer_id, quote.seller
    notifications.notify_company(
        recipient,
        "message_received",
        endpoint="rfq.quote",
        endpoint_args={"quote_id": quote.id},
        title=quote.rfq.title,
        sender=sender.legal_name_latin,
        message=body[:300],
    )
    return row


# -- acceptance ----------------------------------------------------------------------------------


def _flush_guarded(change) -> None:
    """Apply `change` and flush in a savepoint: a row changed meanwhile by someone else (its version
    counter moved) becomes a clear Conflict, and the session stays usable. The guarded rows must be
    changed inside `change` (beginning the savepoint flushes what is already pending)."""
    try:
        with db.session.begin_nested():
            change()
            db.session.flush()
    except StaleDataError:
        raise Conflict(_l("Someone changed this quote or request at the same moment. Reload and try again."))


def accept(actor: User, quote: Quote, side: Side, revision_id: int, *, now: datetime | None = None) -> Order:
    """Accept exactly `revision_id` of `quote`: the order is placed with that revision's terms, the RFQ
    is awarded and the other sellers are told they were not selected.

    Refused (nothing changes) if the revision is not the quote's current one, the quote expired or is
    not open, or the RFQ is not open. The RFQ's and the quote's version counters make a concurrent
    acceptance or a concurrent revision fail here rather than produce a second order or stale terms."""
    _require_side(side, Side.BUYER)
    rfq = quote.rfq
    revision = quote.current_revision
    if revision is None or revision.id != revision_id:
        older = db.session.get(QuoteRevision, revision_id)
        if older is not None and older.quote_id == quote.id:
            raise Conflict(
                _l("The seller has sent a newer revision of this quote. Review it before accepting."),
                code="stale_revision",
            )
        raise NotFound()
    if rfq.state != RfqState.OPEN:
        raise Conflict(_l("This request is no longer open: a quote was accepted or it was closed."))
    if is_expired(revision, now) or quote.state == QuoteState.EXPIRED:
        raise Conflict(_l("This quote has expired and can no longer be accepted."), code="quote_expired")
    if quote.state not in OPEN_QUOTE_STATES:
        raise Conflict(_l("This quote cannot be accepted (%(state)s).", state=quote.state.label))

    def award():
        # no machine-written reasons: the history is shown to people in their language (the order
        # records which quote and revision were accepted)
        rfq_workflow.transition(rfq, RfqState.AWARDED, actor=actor)
        quote_workflow.transition(quote, QuoteState.ACCEPTED, actor=actor)

    _flush_guarded(award)
    buyer = db.session.get(Company, rfq.buyer_id)
    try:
        order = _place_accepted(actor, rfq, quote, revision)
    except InsufficientStock:
        raise Conflict(
            _l(
                "The seller's stock in the overseas warehouse this quote ships from has run short. "
                "Ask the seller for a new revision."
            ),
            code="insufficient_stock",
        )
    notifications.notify_company(
        quote.seller_id,
        "quote_accepted",
        endpoint="orders.detail",
        endpoint_args={"order_id": order.id},
        title=rfq.title,
        buyer=buyer.legal_name_latin,
        number=order.number,
    )
    others = db.session.scalars(
        sa.select(Quote).where(
            Quote.rfq_id == rfq.id, Quote.id != quote.id, Quote.state.in_(LIVE_THREAD_STATES)
        )
    ).all()
    for other in others:
        _flush_guarded(
            lambda other=other: quote_workflow.transition(other, QuoteState.NOT_SELECTED, actor=actor)
        )
        notifications.notify_company(
            other.seller_id,
            "quote_not_selected",
            endpoint="rfq.quote",
            endpoint_args={"quote_id": other.id},
            title=rfq.title,
            buyer=buyer.legal_name_latin,
        )
    audit.record("rfq.awarded", actor=actor, subject=rfq, company_id=rfq.buyer_id, order=order.number)
    return order


# -- expiry (worker) -----------------------------------------------------------------------------


def _place_accepted(actor: User, rfq: Rfq, quote: Quote, revision: QuoteRevision) -> Order:
    """The order of an accepted revision: exported from Ordos, or from the overseas stock the
    revision ships from (reserved now; InsufficientStock if it has run short)."""
    return orders.place_order(
        actor,
        orders.OrderTerms(
            buyer_id=rfq.buyer_id,
            seller_id=quote.seller_id,
            currency=revision.currency,
            lines=[
                orders.OrderLineTerms(
                    description=line.description,
                    quantity=line.quantity,
                    unit=line.unit,
                    unit_price=line.unit_price,
                    listing_id=line.listing_id,
                )
                for line in revision.lines
            ],
            incoterm=revision.incoterm,
            incoterm_place=revision.incoterm_place,
            lead_time_days=revision.lead_time_days,
            deposit_percent=revision.deposit_percent,
            balance_due=revision.balance_due,
            destination_country=rfq.destination_country,
            destination_place=rfq.destination_place,
            rfq_id=rfq.id,
            quote_id=quote.id,
            quote_revision_id=revision.id,
            warehouse_id=revision.warehouse_id,
        ),
    )


def _tell_both(quote: Quote, kind: str, **params) -> None:
    for company_id in (quote.rfq.buyer_id, quote.seller_id):
        notifications.notify_company(
            company_id,
            kind,
            endpoint="rfq.quote",
            endpoint_args={"quote_id": quote.id},
            title=quote.rfq.title,
            seller=quote.seller.legal_name_latin,
            **params,
        )


def expire_quotes(now: datetime | None = None) -> int:
    """Mark every open quote whose valid-until day has ended (China time) as expired; tell both sides."""
    now = now or utcnow()
    due = db.session.scalars(
        sa.select(Quote).where(Quote.state.in_(OPEN_QUOTE_STATES), Quote.expires_at <= now).order_by(Quote.id)
    ).all()
    done = 0
    for quote in due:
        try:
            _flush_guarded(lambda quote=quote: quote_workflow.transition(quote, QuoteState.EXPIRED))
        except Conflict:
            continue  # revised or accepted meanwhile: the next run sees its new state
        _tell_both(quote, "quote_expired", expires_at=quote.expires_at.isoformat())
        done += 1
    return done


def warn_expiring(now: datetime | None = None) -> int:
    """Tell both sides once per revision when an open quote has less than 24 hours left."""
    now = now or utcnow()
    due = db.session.scalars(
        sa.select(Quote)
        .where(
            Quote.state.in_(OPEN_QUOTE_STATES),
            Quote.expires_at > now,
            Quote.expires_at <= now + timedelta(hours=24),
            sa.or_(
                Quote.expiry_warned_revision_id.is_(None),
                Quote.expiry_warned_revision_id != Quote.current_revision_id,
            ),
        )
        .order_by(Quote.id)
    ).all()
    for quote in due:
        quote.expiry_warned_revision_id = quote.current_revision_id
        _tell_both(quote, "quote_expiring", expires_at=quote.expires_at.isoformat())
    db.session.flush()
    return len(due)


__all__ = ["Money"]
