"""Demo customs declarations, built through the real services: each set is submitted with
`customs.services.submit` (so every message is validated against the XSD and signed) and answered with
the receipts a service platform sends, applied synchronously with `customs.services.apply_receipt`.

- a 9710 list for chemicals by road to Mongolia, released (and its shipment departed and delivered),
  and another one released, waiting to depart;
- a 9710 list refused by customs (100) with its reason;
- a vehicle shipment above the list limit: the broker's full declaration, one with its entry number
  recorded (then departed), one awaiting the broker;
- a 9810 booking of cashmere knitwear to the Moscow warehouse, released and on its way.

Shipments and bookings are declared as their sellers do (`shipments.declare`); the release receipt or
the broker's entry number moves a shipment to "released", and the demo moves it on from there. The
demo's messages count as delivered: the receipts
below are the platform's answer, so the worker does not send them to the simulator again."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_DOWN, Decimal

import sqlalchemy as sa
from flask import current_app

from marketplace.accounts.models import Company
from marketplace.catalog.models import Category, Listing, PriceTier
from marketplace.core.db import utcnow
from marketplace.customs import services as customs
from marketplace.customs.models import Declaration, Delivery, SourceKind
from marketplace.demo.shipments_demo import owner
from marketplace.extensions import db
from marketplace.shipments import declare
from marketplace.shipments import services as shipments
from marketplace.shipments.states import TIMELINE, ShipmentState
from marketplace.warehouses import services as warehouses
from marketplace.warehouses.models import ReplenishmentBooking, Warehouse

SS = ShipmentState
CASHMERE = "Ordos Dongsheng Cashmere Products Co., Ltd."
MOSCOW_WAYBILL = ("1101980001", "CRCT-MOW-2026-1118")
REJECTION = "[Code:2106;Desc:表体第1项申报要素不规范：缺少“用途”与“品牌类型”，请修改后重新申报]"
LIST_RELEASED = [
    ("2", "新增申报成功"),
    ("120", "[Code:1800;Desc:逻辑校验通过]"),
    ("800", "[Code:2600;Desc:放行]"),
]
LIST_REJECTED = [("2", "新增申报成功"), ("100", REJECTION)]
RETURNS = {"CEB303": "CEB304", "CEB505": "CEB506", "CEB603": "CEB604"}


def signing_configured() -> bool:
    return bool("customs_signer" in current_app.extensions or current_app.config.get("CUSTOMS_SIGNING_KEY"))


def _answer(decl: Declaration, list_steps, days_ago: int) -> None:
    """The platform's receipts for each message of the set, with times after the submission."""
    at = utcnow() - timedelta(days=days_ago)
    serial = f"{800000000 + decl.id:09d}"  # apart from the numbers the simulator gives
    for message in decl.messages:
        message.delivery, message.delivered_at = Delivery.DELIVERED, at
        if message.kind == "CEB303":
            steps = [("2", "新增申报成功"), ("120", "海关入库")]
        elif message.kind == "CEB505":
            steps = [("2", "新增申报成功"), ("399", "海关审结")]
        else:
            steps = list_steps
        for n, (status, info) in enumerate(steps, start=1):
            when = at + timedelta(minutes=7 * n)
            released = message.kind == "CEB603" and status in ("120", "800")
            customs.apply_receipt(
                kind=RETURNS[message.kind],
                head_guid=message.head_guid,
                return_status=status,
                return_time=when.strftime("%Y%m%d%H%M%S%f")[:17],
                return_info=info,
                pre_no=f"B{at:%Y%m%d}{serial}" if message.kind == "CEB603" else None,
                invt_no=f"{decl.input_data['customs_code']}{at:%Y}E{serial}" if released else None,
            )


def _advance(actor, shipment, *targets: ShipmentState, location: str = "") -> None:
    """Move the shipment through `targets`, skipping the states it has already reached."""
    for target in targets:
        if shipment.state == SS.CANCELLED or TIMELINE.index(shipment.state) >= TIMELINE.index(target):
            continue
        shipments.move(actor, shipment, target, location=location if target == SS.CROSSED_BORDER else "")


# When each step of a demo shipment happened, from the day it was declared (D): the tracking timeline
# then reads like a real one instead of every step at the moment the demo was loaded.
STEP_OFFSETS = {
    SS.CREATED: timedelta(hours=-5),
    SS.DECLARED: timedelta(0),
    SS.RELEASED: timedelta(minutes=21),
    SS.DEPARTED: timedelta(hours=4),
    SS.CROSSED_BORDER: timedelta(hours=29),
    SS.DELIVERED: timedelta(days=3, hours=2),
}


def _retime(shipment, days_ago: int) -> None:
    declared = utcnow() - timedelta(days=days_ago)
    for event in shipment.events:
        if event.state in STEP_OFFSETS:
            event.at = declared + STEP_OFFSETS[event.state]


def _declare_shipment(shipment, *, days_ago: int, list_steps=LIST_RELEASED, entry_no=None):
    actor = owner(db.session.get(Company, shipment.seller_id))
    decl = db.session.scalar(
        sa.select(Declaration).where(
            Declaration.source_kind == SourceKind.SHIPMENT, Declaration.source_id == shipment.id
        )
    )
    if decl is None:
        decl = declare.declare_shipment(actor, shipment, "1240")  # the shipment is now "declared"
        db.session.flush()
        if decl.messages:
            _answer(decl, list_steps, days_ago)  # a release moves the shipment to "released"
        elif entry_no:
            declare.record_entry(actor, shipment, entry_no)
    return actor, decl


def _cashmere_booking() -> ReplenishmentBooking | None:
    """A small lot of cashmere knitwear to Moscow (under the list limit), booked and departed."""
    existing = db.session.scalar(
        sa.select(ReplenishmentBooking).where(
            ReplenishmentBooking.carrier_customs_code == MOSCOW_WAYBILL[0],
            ReplenishmentBooking.waybill_number == MOSCOW_WAYBILL[1],
        )
    )
    if existing is not None:
        return existing
    company = db.session.scalar(sa.select(Company).where(Company.legal_name_latin == CASHMERE))
    moscow = db.session.scalar(sa.select(Warehouse).where(Warehouse.code == "moscow"))
    category = db.session.scalar(sa.select(Category).where(Category.slug == "knitwear"))
    if company is None or moscow is None or category is None:
        return None
    row = db.session.execute(
        sa.select(Listing, PriceTier.unit_price)
        .join(PriceTier, PriceTier.version_id == Listing.live_version_id)
        .where(
            Listing.seller_id == company.id,
            Listing.category_id == category.id,
            Listing.is_visible.is_(True),
            PriceTier.currency == "USD",
        )
        .order_by(PriceTier.unit_price, Listing.id)
    ).first()
    if row is None:
        return None
    listing, price = row
    quantity = (Decimal("690") / price).to_integral_value(rounding=ROUND_DOWN)  # ≈ RMB 4,900 at most
    actor = owner(company)
    booking = warehouses.create_booking(
        actor,
        company,
        warehouses.BookingData(
            warehouse_id=moscow.id,
            currency="USD",
            packages="2",
            package_type="carton",
            gross_weight_kg=str(quantity * Decimal("0.45")),
            net_weight_kg=str(quantity * Decimal("0.35")),
            transport_mode="rail",
            carrier_name="China Railway Container Transport Corp.",
            carrier_customs_code=MOSCOW_WAYBILL[0],
            waybill_number=MOSCOW_WAYBILL[1],
            exit_customs_code="0702",
            departure_date=(utcnow() - timedelta(days=2)).date().isoformat(),
            lines=[{"listing_id": listing.id, "quantity": str(quantity), "unit_price": str(price)}],
        ),
    )
    return booking


def _declare_booking(booking: ReplenishmentBooking) -> None:
    actor = owner(db.session.get(Company, booking.seller_id))
    found = db.session.scalar(
        sa.select(Declaration.id).where(
            Declaration.source_kind == SourceKind.BOOKING, Declaration.source_id == booking.id
        )
    )
    if found is None:
        decl = declare.declare_booking(actor, booking, "3440")
        db.session.flush()
        _answer(decl, LIST_RELEASED, 3)
        warehouses.mark_departed(actor, booking)
        warehouses.mark_in_transit(actor, booking, "Zabaikalsk")


DAYS_AGO = {"pp-delivered": 12, "pp-rejected": 6, "pp-released": 3, "vehicle-entered": 8, "vehicle-broker": 1}


def load_customs_demo(found: dict) -> bool:
    """Declare the demo shipments and the Moscow booking; False if no signing key is configured."""
    if not signing_configured():
        return False
    shipment_declarations = sa.select(Declaration.source_id).where(
        Declaration.source_kind == SourceKind.SHIPMENT
    )
    declared = set(db.session.scalars(shipment_declarations))
    fresh = {s.id for s in found.values() if s.id not in declared}
    if "pp-delivered" in found:
        actor, _ = _declare_shipment(found["pp-delivered"], days_ago=DAYS_AGO["pp-delivered"])
        _advance(
            actor,
            found["pp-delivered"],
            SS.RELEASED,
            SS.DEPARTED,
            SS.CROSSED_BORDER,
            SS.DELIVERED,
            location="Zamyn-Üüd",
        )
    if "pp-rejected" in found:
        _declare_shipment(found["pp-rejected"], days_ago=DAYS_AGO["pp-rejected"], list_steps=LIST_REJECTED)
    if "pp-released" in found:
        actor, _ = _declare_shipment(found["pp-released"], days_ago=DAYS_AGO["pp-released"])
        _advance(actor, found["pp-released"], SS.RELEASED)
    if "vehicle-entered" in found:
        actor, _ = _declare_shipment(
            found["vehicle-entered"], days_ago=DAYS_AGO["vehicle-entered"], entry_no="070220260000318642"
        )
        _advance(actor, found["vehicle-entered"], SS.RELEASED, SS.DEPARTED)
    if "vehicle-broker" in found:
        _declare_shipment(found["vehicle-broker"], days_ago=DAYS_AGO["vehicle-broker"])
    booking = _cashmere_booking()
    if booking is not None:
        _declare_booking(booking)
    for key, days_ago in DAYS_AGO.items():
        shipment = found.get(key)
        if shipment is not None and shipment.id in fresh:
            _retime(shipment, days_ago)
    db.session.flush()
    return True
