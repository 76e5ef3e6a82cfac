"""What customs is told: a direct export shipment (9710) or a replenishment booking (9810) as the
neutral `customs.inputs.DeclarationInput` the customs builders turn into CEB303/505/603 messages."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from flask import current_app
from flask_babel import lazy_gettext as _l

from marketplace.accounts.models import Company
from marketplace.catalog.models import Listing
from marketplace.core.errors import ValidationFailed
from marketplace.core.money import Money
from marketplace.customs.inputs import DeclarationInput, DeclarationLine
from marketplace.extensions import db
from marketplace.shipments.models import Shipment

# Catalogue units -> UN/ECE Rec 20 (what the customs code table maps), and the legal (statistical)
# unit: weights are declared in kilograms, everything else in its own unit.
UNECE = {"kg": "KGM", "t": "TNE", "L": "LTR", "pcs": "PCE", "set": "SET", "vehicle": "PCE"}
TO_KG = {"kg": Decimal(1), "t": Decimal(1000)}
# Warehouse package types -> the keys of the customs package-type table.
PACKAGE_KEYS = {"carton": "carton", "bale": "other", "bag": "bag", "pallet": "pallet", "drum": "drum"}


def _company(company_id: int) -> Company:
    return db.session.get(Company, company_id)


def _seller_code(company: Company) -> str:
    """The customs registration code (10 characters) if recorded, else the USCC (18)."""
    return company.identifier("cn_customs") or company.identifier("cn_uscc") or ""


class ListingFacts(NamedTuple):
    sku: str = ""
    name: str = ""  # Chinese
    hs_code: str = ""
    model: str = ""  # 申报要素
    needs_licence: bool = False  # export-controlled (precursor, used vehicle, BEV passenger car…)
    needs_inspection: bool = False  # dangerous goods (a UN number): packaging inspected before export


def _listing_facts(listing_id: int | None) -> ListingFacts:
    """What customs is told about the live version of a listing, and what decides the route."""
    from marketplace.catalog.queries import load_version, pick_translation
    from marketplace.catalog.services import control_flags
    from marketplace.catalog.validators import ValueInvalid

    listing = db.session.get(Listing, listing_id) if listing_id is not None else None
    if listing is None or listing.live_version_id is None:
        return ListingFacts()
    version = load_version(listing.live_version_id)
    zh = pick_translation(version, "zh")
    name = (zh.title if zh else "")[:250]
    attributes = version.attributes or {}
    model = "|".join(str(v) for v in attributes.values() if v not in (None, "", [], {}))[:255]
    try:
        needs_licence = any(flag.needs_licence for flag in control_flags(version))
    except ValueInvalid:  # a malformed HS code or CAS number: the message builders name the field
        needs_licence = False
    return ListingFacts(
        f"L{listing.id}"[:20],
        name,
        version.hs_code,
        model or name,
        needs_licence,
        bool(str(attributes.get("un_number") or "").strip()),
    )


def _cny_rate(currency: str) -> Decimal:
    from marketplace.catalog import services as catalog

    if currency == "CNY":
        return Decimal(1)
    conv = catalog.convert(Money(Decimal(1), currency), "CNY", catalog.cached_rates())
    if conv is None:
        raise ValidationFailed(
            {"cny_rate": [str(_l("No exchange rate to CNY is known for %(currency)s.", currency=currency))]}
        )
    return conv.rate


def _platform() -> tuple[str, str]:
    return current_app.config["CUSTOMS_COP_CODE"], current_app.config["CUSTOMS_COP_NAME"]


def _line(
    facts: ListingFacts,
    *,
    item_no: str,
    name: str,
    model: str,
    hs_code: str | None,
    quantity,
    unit: str,
    price,
    **extra,
) -> DeclarationLine:
    """One declared line: the listing's facts where it has them, else what the line itself says; the
    legal (statistical) unit is kilograms for weights, else the declared unit."""
    return DeclarationLine(
        item_no=facts.sku or item_no,
        item_name=facts.name or name,
        hs_code=facts.hs_code or hs_code or "",
        goods_name=facts.name or name,
        model=facts.model or model,
        quantity=quantity,
        unit=UNECE[unit],
        price=price,
        legal_quantity=quantity * TO_KG[unit] if unit in TO_KG else quantity,
        legal_unit="KGM" if unit in TO_KG else UNECE[unit],
        needs_licence=facts.needs_licence,
        needs_inspection=facts.needs_inspection,
        **extra,
    )


def declaration_input(shipment: Shipment, *, destination_port: str) -> DeclarationInput:
    """The 9710 input of a direct export shipment. Each shipment is declared once, under its own number
    (partial shipments of one order would otherwise share an order number at customs). The platform
    declares as the agent; `destination_port` is the port of discharge (POD, 3-4 characters)."""
    order = shipment.order
    seller, buyer = _company(order.seller_id), _company(order.buyer_id)
    platform_code, platform_name = _platform()
    lines = []
    for sl in shipment.lines:
        line = sl.order_line
        lines.append(
            _line(
                _listing_facts(line.listing_id),
                item_no=f"{order.number}-{line.position}"[:20],
                name=line.description[:250],
                model=line.description[:255],
                hs_code=None,
                quantity=sl.quantity,
                unit=line.unit.value,
                price=line.unit_price,
                description=line.description[:250],
            )
        )
    return DeclarationInput(
        mode="9710",
        reference=shipment.number,
        platform_code=platform_code,
        platform_name=platform_name,
        seller_code=_seller_code(seller),
        seller_name=seller.legal_name,
        agent_code=platform_code,
        agent_name=platform_name,
        logistics_code=shipment.carrier_customs_code,
        logistics_name=shipment.carrier_name,
        waybill_no=shipment.waybill_number,
        consignee_name=buyer.legal_name_latin or buyer.legal_name,
        destination_country=order.destination_country,
        currency=order.currency,
        cny_rate=_cny_rate(order.currency),
        freight=Decimal(0),
        insurance=Decimal(0),
        gross_weight=shipment.gross_weight_kg,
        net_weight=shipment.net_weight_kg,
        packages=shipment.packages,
        package_type=PACKAGE_KEYS.get(shipment.package_type.value, "other"),
        transport_mode=shipment.transport_mode.value,
        customs_code=shipment.exit_customs_code,
        port_code=shipment.exit_customs_code,
        destination_port=destination_port,
        export_date=shipment.departure_date,
        goods_info=", ".join(sl.order_line.description for sl in shipment.lines)[:200],
        lines=tuple(lines),
    )


def booking_declaration_input(booking, *, destination_port: str) -> DeclarationInput:
    """The 9810 input of a replenishment booking to an overseas warehouse (the booking number is the
    海外仓订仓单 number; the warehouse is the consignee)."""
    seller = _company(booking.seller_id)
    platform_code, platform_name = _platform()
    lines = []
    for line in booking.lines:
        lines.append(
            _line(
                _listing_facts(line.listing_id),
                item_no=f"{booking.number[-16:]}-{line.position}"[:20],
                name=line.description,
                model=line.description[:255],
                hs_code=line.hs_code,
                quantity=line.quantity,
                unit=line.unit.value,
                price=line.unit_price,
            )
        )
    return DeclarationInput(
        mode="9810",
        reference=booking.number,
        platform_code=platform_code,
        platform_name=platform_name,
        seller_code=_seller_code(seller),
        seller_name=seller.legal_name,
        agent_code=platform_code,
        agent_name=platform_name,
        logistics_code=booking.carrier_customs_code,
        logistics_name=booking.carrier_name,
        waybill_no=booking.waybill_number,
        consignee_name=booking.warehouse_operator,
        destination_country=booking.warehouse_country,
        currency=booking.currency,
        cny_rate=_cny_rate(booking.currency),
        freight=Decimal(0),
        insurance=Decimal(0),
        gross_weight=booking.gross_weight_kg,
        net_weight=booking.net_weight_kg,
        packages=booking.packages,
        package_type=PACKAGE_KEYS.get(booking.package_type.value, "other"),
        transport_mode=booking.transport_mode.value,
        customs_code=booking.exit_customs_code,
        port_code=booking.exit_customs_code,
        destination_port=destination_port,
        export_date=booking.departure_date,
        goods_info=", ".join(line.description for line in booking.lines)[:200],
        lines=tuple(lines),
        warehouse_name=booking.warehouse_name,
    )
