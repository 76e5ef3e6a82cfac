"""Warehouses, operators and replenishment bookings: the operations that change them. They check
permissions, flush, and never commit. Stock itself changes only through `ledger`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _nl

from marketplace.accounts.models import Company, User
from marketplace.accounts.services import membership, user_by_email
from marketplace.catalog.models import Listing
from marketplace.core import uploads
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.i18n import country_name
from marketplace.core.money import ISO_CURRENCIES
from marketplace.core.pagecache import invalidate as invalidate_pages
from marketplace.extensions import db
from marketplace.risk import services as risk
from marketplace.warehouses import ledger
from marketplace.warehouses.models import (
    BookingLine,
    BookingReceipt,
    BookingReceiptLine,
    ReplenishmentBooking,
    Warehouse,
    WarehouseOperator,
)
from marketplace.warehouses.states import (
    BookingState,
    BookingTransport,
    PackageType,
    WarehouseKind,
    booking_workflow,
)

MONEY_QUANTUM = Decimal("0.01")
CUSTOMS_OFFICE_RE = re.compile(r"^\d{4}$")
CARRIER_CODE_RE = re.compile(r"^[0-9A-Z]{10}$|^[0-9A-Z]{18}$")  # customs code, or a USCC
WAYBILL_RE = re.compile(r"^[0-9A-Za-z-]{1,32}$")
# Exit customs offices for Ordos exports (JGS/T 18): Erenhot (road and rail to Mongolia), Manzhouli
# (rail to Russia), Hohhot (air and China–Europe trains), Baotou.
EXIT_OFFICES = {
    "0702": _l("Erenhot customs"),
    "0601": _l("Manzhouli customs"),
    "0701": _l("Hohhot customs"),
    "0703": _l("Baotou customs"),
}


# -- who may do what -------------------------------------------------------------------------------


def is_member(user, company_id: int | None) -> bool:
    return company_id is not None and membership(user, company_id) is not None


def operated_ids(user) -> set[int]:
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    return set(
        db.session.scalars(
            sa.select(WarehouseOperator.warehouse_id).where(WarehouseOperator.user_id == user.id)
        )
    )


def can_see_warehouse(user, warehouse: Warehouse) -> bool:
    if warehouse.kind == WarehouseKind.PUBLIC and warehouse.active:
        return True
    return bool(
        getattr(user, "is_admin", False)
        or is_member(user, warehouse.owner_id)
        or warehouse.id in operated_ids(user)
    )


def can_manage_warehouse(user, warehouse: Warehouse) -> bool:
    if warehouse.kind == WarehouseKind.PUBLIC:
        return bool(getattr(user, "is_admin", False))
    return is_member(user, warehouse.owner_id)


def warehouse_for(user, warehouse_id: int) -> Warehouse:
    warehouse = db.session.get(Warehouse, warehouse_id)
    if warehouse is None or not can_see_warehouse(user, warehouse):
        raise NotFound()
    return warehouse


def require_seller(user, company: Company | None) -> Company:
    if company is None or not company.is_seller or not is_member(user, company.id):
        raise PermissionDenied(_l("Only members of a seller company can do this."))
    return company


# -- warehouses --------------------------------------------------------------------------------------


@dataclass
class WarehouseData:
    name: str = ""
    operator_name: str = ""
    country: str = ""
    city: str = ""
    address: str = ""
    ships_in_days: int | str = 2
    kind: str = WarehouseKind.OWN.value
    code: str | None = None
    active: bool = True
    contract_number: str = ""
    contract_valid_until: date | str | None = None


def _clean_warehouse(data: WarehouseData, *, kinds: set[WarehouseKind]) -> dict:
    errors: dict[str, list[str]] = {}

    def need(name: str, value: str, max_len: int) -> str:
        value = (value or "").strip()
        if not value:
            errors.setdefault(name, []).append(str(_l("This field is required.")))
        elif len(value) > max_len:
            errors.setdefault(name, []).append(
                str(
                    _nl(
                        "Field cannot be longer than %(max)d character.",
                        "Field cannot be longer than %(max)d characters.",
                        max_len,
                        max=max_len,
                    )
                )
            )
        return value

    out: dict = {
        "name": need("name", data.name, 160),
        "operator_name": need("operator_name", data.operator_name, 200),
        "city": need("city", data.city, 120),
        "address": need("address", data.address, 300),
    }
    country = (data.country or "").strip().upper()
    if len(country) != 2 or country_name(country) == country:
        errors.setdefault("country", []).append(str(_l("Choose a country.")))
    out["country"] = country
    try:
        kind = WarehouseKind(data.kind)
    except ValueError:
        kind = None
    if kind not in kinds:
        errors.setdefault("kind", []).append(str(_l("Not a valid choice.")))
    out["kind"] = kind
    if kind == WarehouseKind.HOME and country != "CN":
        errors.setdefault("country", []).append(str(_l("A home warehouse is in China (Ordos).")))
    if kind in (WarehouseKind.PUBLIC, WarehouseKind.OWN) and country == "CN":
        errors.setdefault("country", []).append(str(_l("An overseas warehouse is outside China.")))
    try:
        days = int(data.ships_in_days)
        if not 0 <= days <= 90:
            raise ValueError
    except (TypeError, ValueError):
        errors.setdefault("ships_in_days", []).append(str(_l("Enter a number of days from 0 to 90.")))
        days = 0
    out["ships_in_days"] = days
    out["contract_number"] = (data.contract_number or "").strip()[:60] or None
    until = data.contract_valid_until
    if isinstance(until, str):
        try:
            until = date.fromisoformat(until) if until.strip() else None
        except ValueError:
            errors.setdefault("contract_valid_until", []).append(str(_l("Not a valid date value.")))
            until = None
    out["contract_valid_until"] = until
    if kind == WarehouseKind.OWN and not out["contract_number"]:
        errors.setdefault("contract_number", []).append(
            str(_l("Customs needs the booking contract of an overseas warehouse: give its number."))
        )
    if errors:
        raise ValidationFailed(errors)
    return out


def register_warehouse(actor: User, company: Company, data: WarehouseData, contract=None) -> Warehouse:
    """A seller registers its home warehouse or an own/rented overseas one (with the contract)."""
    require_seller(actor, company)
    values = _clean_warehouse(data, kinds={WarehouseKind.HOME, WarehouseKind.OWN})
    warehouse = Warehouse(owner_id=company.id, active=True, **values)
    if contract is not None and getattr(contract, "filename", ""):
        stored = uploads.store(
            contract, allowed=uploads.DOCUMENT_TYPES, max_bytes=uploads.max_document_bytes(), field="contract"
        )
        for key, value in stored.columns().items():
            setattr(warehouse, key, value)
    elif warehouse.kind == WarehouseKind.OWN:
        raise ValidationFailed({"contract": [str(_l("Attach the booking contract (PDF)."))]})
    db.session.add(warehouse)
    db.session.flush()
    return warehouse


def update_warehouse(actor: User, warehouse: Warehouse, data: WarehouseData, contract=None) -> Warehouse:
    if not can_manage_warehouse(actor, warehouse):
        raise PermissionDenied()
    kinds = (
        {WarehouseKind.PUBLIC} if warehouse.kind == WarehouseKind.PUBLIC else {WarehouseKind(warehouse.kind)}
    )
    data.kind = warehouse.kind.value
    values = _clean_warehouse(data, kinds=kinds)
    values.pop("kind")
    for key, value in values.items():
        setattr(warehouse, key, value)
    warehouse.active = bool(data.active)
    if contract is not None and getattr(contract, "filename", ""):
        stored = uploads.store(
            contract, allowed=uploads.DOCUMENT_TYPES, max_bytes=uploads.max_document_bytes(), field="contract"
        )
        for key, value in stored.columns().items():
            setattr(warehouse, key, value)
    db.session.flush()
    invalidate_pages()
    return warehouse


def create_public_warehouse(actor: User, data: WarehouseData) -> Warehouse:
    if not actor.is_admin:
        raise PermissionDenied()
    values = _clean_warehouse(data, kinds={WarehouseKind.PUBLIC})
    code = (data.code or "").strip().lower() or None
    if code and db.session.scalar(sa.select(Warehouse.id).where(Warehouse.code == code)):
        raise ValidationFailed({"code": [str(_l("Another warehouse already uses this code."))]})
    warehouse = Warehouse(code=code, active=bool(data.active), **values)
    db.session.add(warehouse)
    db.session.flush()
    return warehouse


def add_operator(actor: User, warehouse: Warehouse, email: str) -> WarehouseOperator:
    if not can_manage_warehouse(actor, warehouse):
        raise PermissionDenied()
    user = user_by_email((email or "").strip().lower())
    if user is None:
        raise ValidationFailed({"email": [str(_l("No account uses this e-mail address."))]})
    existing = db.session.scalar(
        sa.select(WarehouseOperator).where(
            WarehouseOperator.warehouse_id == warehouse.id, WarehouseOperator.user_id == user.id
        )
    )
    if existing is not None:
        return existing
    op = WarehouseOperator(warehouse_id=warehouse.id, user_id=user.id)
    db.session.add(op)
    db.session.flush()
    return op


def remove_operator(actor: User, warehouse: Warehouse, user_id: int) -> None:
    if not can_manage_warehouse(actor, warehouse):
        raise PermissionDenied()
    op = db.session.scalar(
        sa.select(WarehouseOperator).where(
            WarehouseOperator.warehouse_id == warehouse.id, WarehouseOperator.user_id == user_id
        )
    )
    if op is None:
        raise NotFound()
    db.session.delete(op)
    db.session.flush()


# -- stock for orders: the API the orders module calls ------------------------------------------------
# Each locks the (listing, warehouse, lot) balance, refuses with ledger.InsufficientStock (HTTP 409,
# translated) when the stock is short, appends the movement, and only flushes: the order and its
# reservation commit or roll back together.


def reserve(listing, warehouse, qty, reference: str, *, lot: str = "", actor=None):
    """Reserve available stock at order time (reference: the order number)."""
    movement = ledger.reserve(listing, warehouse, qty, reference, lot=lot, actor=actor)
    invalidate_pages()
    return movement


def release(listing, warehouse, qty, reference: str, *, lot: str = "", actor=None):
    """Give a reservation back: the order was cancelled or its payment deadline passed."""
    movement = ledger.release(listing, warehouse, qty, reference, lot=lot, actor=actor)
    invalidate_pages()
    return movement


def ship(listing, warehouse, qty, reference: str, *, lot: str = "", actor=None):
    """Reserved goods leave the overseas warehouse (local delivery, no new export declaration)."""
    movement = ledger.ship(listing, warehouse, qty, reference, lot=lot, actor=actor)
    invalidate_pages()
    return movement


def reserve_for_order(listing, warehouse, qty, reference: str, *, actor=None):
    """Reserve an order's quantity from the lots that cover it (one lot when one can)."""
    movements = ledger.reserve_for_order(listing, warehouse, qty, reference, actor=actor)
    invalidate_pages()
    return movements


def settle_order(listing, warehouse, reference: str, *, shipped: bool, actor=None):
    """Release or ship what is still reserved for an order, lot by lot."""
    movements = ledger.settle_order(listing, warehouse, reference, shipped=shipped, actor=actor)
    if movements:
        invalidate_pages()
    return movements


# -- stock adjustments from the pages ---------------------------------------------------------------


def adjust_stock(actor: User, listing_id: int, warehouse_id: int, delta, reason: str, lot: str = ""):
    """A seller (for its listings) or the warehouse's operator corrects a count, with a reason."""
    listing = db.session.get(Listing, listing_id)
    warehouse = db.session.get(Warehouse, warehouse_id)
    if listing is None or warehouse is None:
        raise NotFound()
    if not (is_member(actor, listing.seller_id) or warehouse.id in operated_ids(actor)):
        raise NotFound()
    movement = ledger.adjust(listing, warehouse, delta, reason, lot=lot, actor=actor)
    invalidate_pages()
    return movement


# -- replenishment bookings (9810) -------------------------------------------------------------------


@dataclass
class BookingData:
    warehouse_id: int | str | None = None
    currency: str = "USD"
    packages: int | str = ""
    package_type: str = PackageType.CARTON.value
    gross_weight_kg: str = ""
    net_weight_kg: str = ""
    transport_mode: str = BookingTransport.ROAD.value
    carrier_name: str = ""
    carrier_customs_code: str = ""
    waybill_number: str = ""
    exit_customs_code: str = "0702"
    departure_date: date | str = ""
    notes: str = ""
    # [{"listing_id", "quantity", "unit_price", "lot"}]
    lines: list[dict] = field(default_factory=list)


def _decimal(value, name: str, errors: dict, *, positive: bool = True) -> Decimal | None:
    try:
        d = Decimal(str(value).strip())
        if not d.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors.setdefault(name, []).append(str(_l("Not a valid decimal value.")))
        return None
    if positive and d <= 0:
        errors.setdefault(name, []).append(str(_l("Enter a number greater than zero.")))
        return None
    return d


def booking_number(booking: ReplenishmentBooking) -> str:
    """HWC (海外仓) + booking date + the id: unique, ≤ 32 characters, safe as CEB303 orderNo."""
    return f"HWC{booking.created_at:%Y%m%d}{booking.id:07d}"


def _clean_booking(actor: User, company: Company, data: BookingData) -> tuple[dict, list[dict]]:
    errors: dict[str, list[str]] = {}
    out: dict = {}
    warehouse = None
    try:
        warehouse = db.session.get(Warehouse, int(data.warehouse_id))
    except (TypeError, ValueError):
        warehouse = None
    if (
        warehouse is None
        or not warehouse.active
        or not warehouse.overseas
        or not (warehouse.kind == WarehouseKind.PUBLIC or warehouse.owner_id == company.id)
    ):
        errors["warehouse_id"] = [str(_l("Choose an overseas warehouse."))]
    out["warehouse"] = warehouse
    currency = (data.currency or "").strip().upper()
    if currency not in ISO_CURRENCIES:
        errors["currency"] = [str(_l("Choose a currency."))]
    out["currency"] = currency
    try:
        packages = int(str(data.packages).strip())
        if packages <= 0 or packages > 999999:
            raise ValueError
    except ValueError:
        errors["packages"] = [str(_l("Enter the number of packages."))]
        packages = 0
    out["packages"] = packages
    for name, enum_cls in (("package_type", PackageType), ("transport_mode", BookingTransport)):
        try:
            out[name] = enum_cls(getattr(data, name))
        except ValueError:
            errors[name] = [str(_l("Not a valid choice."))]
    gross = _decimal(data.gross_weight_kg, "gross_weight_kg", errors)
    net = _decimal(data.net_weight_kg, "net_weight_kg", errors)
    if gross is not None and net is not None and net > gross:
        errors.setdefault("net_weight_kg", []).append(
            str(_l("The net weight cannot exceed the gross weight."))
        )
    out["gross_weight_kg"], out["net_weight_kg"] = gross, net
    carrier = (data.carrier_name or "").strip()
    if not carrier or len(carrier) > 200:
        errors["carrier_name"] = [str(_l("Name the carrier."))]
    out["carrier_name"] = carrier
    code = (data.carrier_customs_code or "").strip().upper()
    if not CARRIER_CODE_RE.match(code):
        errors["carrier_customs_code"] = [
            str(_l("Enter the carrier's 10-character customs code or 18-character credit code."))
        ]
    out["carrier_customs_code"] = code
    waybill = (data.waybill_number or "").strip()
    if not WAYBILL_RE.match(waybill):
        errors["waybill_number"] = [str(_l("The waybill number has at most 32 letters, digits or hyphens."))]
    out["waybill_number"] = waybill
    office = (data.exit_customs_code or "").strip()
    if not CUSTOMS_OFFICE_RE.match(office):
        errors["exit_customs_code"] = [str(_l("Enter the 4-digit code of the exit customs office."))]
    out["exit_customs_code"] = office
    departure = data.departure_date
    if isinstance(departure, str):
        try:
            departure = date.fromisoformat(departure.strip())
        except ValueError:
            departure = None
    if not isinstance(departure, date):
        errors["departure_date"] = [str(_l("Not a valid date value."))]
    out["departure_date"] = departure
    out["notes"] = (data.notes or "").strip()[:2000]

    lines: list[dict] = []
    seen: set[tuple[int, str]] = set()
    for raw in data.lines:
        if not any(str(raw.get(k) or "").strip() for k in ("listing_id", "quantity", "unit_price")):
            continue  # an empty row of the form
        n = len(lines) + 1
        listing = None
        try:
            listing = db.session.get(Listing, int(raw.get("listing_id")))
        except (TypeError, ValueError):
            listing = None
        if listing is None or listing.seller_id != company.id or listing.live_version_id is None:
            errors.setdefault("lines", []).append(
                str(_l("Line %(n)s: choose one of your published listings.", n=n))
            )
            continue
        qty = _decimal(raw.get("quantity"), "lines", errors)
        price = _decimal(raw.get("unit_price"), "lines", errors)
        if qty is None or price is None:
            continue
        if qty != qty.quantize(ledger.QUANTUM):
            errors.setdefault("lines", []).append(str(_l("Enter a quantity with at most three decimals.")))
            continue
        lot = str(raw.get("lot") or "").strip()[:40]
        if (listing.id, lot) in seen:
            errors.setdefault("lines", []).append(
                str(_l("Line %(n)s repeats a listing: put its quantities on one line.", n=n))
            )
            continue
        seen.add((listing.id, lot))
        version = listing.live_version
        from marketplace.catalog.queries import load_version, pick_translation

        translation = pick_translation(load_version(version.id), "zh")
        lines.append(
            {
                "listing_id": listing.id,
                "description": (translation.title if translation else f"#{listing.id}")[:250],
                "hs_code": version.hs_code,
                "unit": version.unit,
                "lot": lot,
                "quantity": qty,
                "unit_price": price,
                "value": (qty * price).quantize(MONEY_QUANTUM),
            }
        )
    if not lines and "lines" not in errors:
        errors["lines"] = [str(_l("Add at least one line."))]
    if errors:
        raise ValidationFailed(errors)
    return out, lines


def create_booking(actor: User, company: Company, data: BookingData) -> ReplenishmentBooking:
    require_seller(actor, company)
    values, lines = _clean_booking(actor, company, data)
    clash = db.session.scalar(
        sa.select(ReplenishmentBooking.id).where(
            ReplenishmentBooking.carrier_customs_code == values["carrier_customs_code"],
            ReplenishmentBooking.waybill_number == values["waybill_number"],
        )
    )
    if clash is not None:
        raise ValidationFailed(
            {"waybill_number": [str(_l("This carrier's waybill number is already used."))]}
        )
    warehouse: Warehouse = values.pop("warehouse")
    booking = ReplenishmentBooking(
        number=f"TMP{utcnow():%H%M%S%f}",
        seller_id=company.id,
        warehouse_id=warehouse.id,
        created_by_id=actor.id,
        warehouse_name=warehouse.name,
        warehouse_operator=warehouse.operator_name,
        warehouse_country=warehouse.country,
        total_value=sum((line["value"] for line in lines), Decimal(0)),
        created_at=utcnow(),
        **values,
    )
    for position, line in enumerate(lines, start=1):
        booking.lines.append(BookingLine(position=position, **line))
    booking_workflow.start(booking, BookingState.BOOKED, actor=actor)
    booking.number = booking_number(booking)
    db.session.flush()
    risk.screen_booking(booking, actor)
    return booking


def _can_act_as_seller(user, booking: ReplenishmentBooking) -> bool:
    return is_member(user, booking.seller_id)


def _can_receive(user, booking: ReplenishmentBooking) -> bool:
    return _can_act_as_seller(user, booking) or booking.warehouse_id in operated_ids(user)


def can_see_booking(user, booking: ReplenishmentBooking) -> bool:
    return bool(getattr(user, "is_admin", False)) or _can_receive(user, booking)


def booking_for(user, booking_id: int) -> ReplenishmentBooking:
    booking = db.session.get(ReplenishmentBooking, booking_id)
    if booking is None or not can_see_booking(user, booking):
        raise NotFound()
    return booking


def cancel_booking(actor: User, booking: ReplenishmentBooking, reason: str = "") -> None:
    if not _can_act_as_seller(actor, booking):
        raise PermissionDenied()
    booking_workflow.transition(booking, BookingState.CANCELLED, actor=actor, reason=reason or None)
    db.session.flush()


def declaration_allows_departure(booking: ReplenishmentBooking) -> bool:
    """A booking declared to customs departs only once its list is released (or its full declaration
    entered). A booking not declared through the platform (declared by the seller's own broker) is not
    held back."""
    from marketplace.customs import services as customs
    from marketplace.customs.models import Declaration, SourceKind

    decl = db.session.scalar(
        sa.select(Declaration).where(
            Declaration.source_kind == SourceKind.BOOKING, Declaration.source_id == booking.id
        )
    )
    return decl is None or customs.may_depart(decl)


def mark_departed(actor: User, booking: ReplenishmentBooking) -> None:
    """The goods left Ordos: they count as in transit to the warehouse (not yet sellable)."""
    if not _can_act_as_seller(actor, booking):
        raise PermissionDenied()
    if not declaration_allows_departure(booking):
        raise Conflict(_l("The booking cannot depart before customs has released its declaration."))
    risk.require_clear(booking)
    booking_workflow.transition(booking, BookingState.DEPARTED, actor=actor)
    booking.departed_at = utcnow()
    ledger.apply(
        [
            ledger.Op(
                ledger.MovementKind.IN_TRANSIT,
                ledger.Key(line.listing_id, booking.warehouse_id, line.lot),
                line.quantity,
                in_transit=line.quantity,
            )
            for line in booking.lines
        ],
        reference=booking.number,
        actor=actor,
    )
    db.session.flush()


def mark_in_transit(actor: User, booking: ReplenishmentBooking, reason: str = "") -> None:
    """Past the border (e.g. cleared at Zamyn-Üüd or Zabaikalsk): a tracking step, no stock change."""
    if not _can_act_as_seller(actor, booking):
        raise PermissionDenied()
    booking_workflow.transition(booking, BookingState.IN_TRANSIT, actor=actor, reason=reason or None)
    db.session.flush()


def record_receipt(
    actor: User, booking: ReplenishmentBooking, quantities: dict[int, str], *, final: bool, note: str = ""
) -> BookingReceipt:
    """Goods counted in at the warehouse. Only what is counted becomes stock. `final` closes the
    booking: whatever was not received is written off from in-transit and recorded as a discrepancy."""
    if not _can_receive(actor, booking):
        raise PermissionDenied()
    if booking.state not in (BookingState.DEPARTED, BookingState.IN_TRANSIT, BookingState.PARTIALLY_RECEIVED):
        booking_workflow.transition(booking, BookingState.RECEIVED)  # raises IllegalTransition
    errors: dict[str, list[str]] = {}
    counted: dict[int, Decimal] = {}
    for line in booking.lines:
        raw = str(quantities.get(line.id, "") or "").strip()
        if not raw or raw == "0":
            continue
        try:
            q = ledger.quantity(raw, field=f"line_{line.id}")
        except ValidationFailed as exc:
            errors.update(exc.errors)
            continue
        counted[line.id] = q
    if errors:
        raise ValidationFailed(errors)
    if not counted and not final:
        raise ValidationFailed({"lines": [str(_l("Enter the quantity received on at least one line."))]})
    receipt = BookingReceipt(booking_id=booking.id, actor_id=actor.id, note=(note or "").strip(), final=final)
    ops: list[ledger.Op] = []
    shortfalls = []
    for line in booking.lines:
        q = counted.get(line.id, Decimal(0))
        key = ledger.Key(line.listing_id, booking.warehouse_id, line.lot)
        still_in_transit = max(line.quantity - line.received_quantity, Decimal(0))
        if q:
            receipt.lines.append(BookingReceiptLine(line_id=line.id, quantity=q))
            from_transit = min(q, still_in_transit)
            ops.append(ledger.Op(ledger.MovementKind.RECEIVED, key, q, on_hand=q, in_transit=-from_transit))
            line.received_quantity += q
            still_in_transit -= from_transit
        if final and still_in_transit > 0:
            ops.append(
                ledger.Op(ledger.MovementKind.IN_TRANSIT, key, still_in_transit, in_transit=-still_in_transit)
            )
            shortfalls.append(line)
    complete = all(line.received_quantity >= line.quantity for line in booking.lines)
    target = BookingState.RECEIVED if (final or complete) else BookingState.PARTIALLY_RECEIVED
    reason = None
    if target == BookingState.RECEIVED and not complete:
        reason = str(_l("Closed with a shortfall")) + (f": {receipt.note}" if receipt.note else "")
    booking_workflow.transition(booking, target, actor=actor, reason=reason)
    if target == BookingState.RECEIVED:
        booking.received_at = utcnow()
    db.session.add(receipt)
    if ops:
        ledger.apply(ops, reference=booking.number, reason=receipt.note, actor=actor)
    db.session.flush()
    invalidate_pages()
    return receipt
