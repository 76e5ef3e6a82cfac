"""The neutral input of a declaration set: what a shipment (9710) or an overseas-warehouse booking
(9810) records, in marketplace terms (ISO countries and currencies, UN/ECE units, transport and
package keys). The builders translate it into customs codes through the code tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

MODES = ("9710", "9810")


@dataclass(frozen=True)
class DeclarationLine:
    item_no: str  # seller SKU (at most 20 characters: the list's limit)
    item_name: str  # the seller's goods name (Chinese)
    hs_code: str  # 6 or 10 digits; 6 digits are declared as XXXXXX0000
    goods_name: str
    model: str  # 申报要素: brand, model, material…
    quantity: Decimal
    unit: str  # UN/ECE Rec 20 (KGM, PCE, SET…)
    price: Decimal  # FOB unit price in the input's currency
    legal_quantity: Decimal
    legal_unit: str
    second_quantity: Decimal | None = None
    second_unit: str | None = None
    bar_code: str | None = None
    description: str | None = None
    needs_licence: bool = False
    needs_inspection: bool = False


@dataclass(frozen=True)
class DeclarationInput:
    mode: str  # "9710" direct export of a shipment, "9810" replenishment booking
    reference: str  # order number (9710) or booking number (9810)
    platform_code: str  # ebpCode ("无" for a foreign platform)
    platform_name: str
    seller_code: str  # ebcCode, 10-digit customs code or 18-digit USCC
    seller_name: str
    agent_code: str  # declaring broker
    agent_name: str
    logistics_code: str
    logistics_name: str
    waybill_no: str
    consignee_name: str
    destination_country: str  # ISO 3166 alpha-2, country of arrival and final destination
    currency: str  # ISO 4217
    cny_rate: Decimal  # CNY per unit of `currency`, the rate recorded on the order/booking
    freight: Decimal
    insurance: Decimal
    gross_weight: Decimal  # kg
    net_weight: Decimal  # kg
    packages: int
    package_type: str  # carton, pallet, wooden_case, drum, bulk, bag, other
    transport_mode: str  # road, rail, air, sea, post
    customs_code: str  # 4-digit declaring customs office
    port_code: str  # 4-digit exit port customs office
    destination_port: str  # POD, 3-4 characters
    export_date: date
    goods_info: str  # what the carrier may see
    lines: tuple[DeclarationLine, ...]
    warehouse_name: str | None = None  # 9810: the overseas warehouse (ebpName)
    owner_code: str | None = None  # producer/seller; defaults to the seller, "NO" if not registered
    owner_name: str | None = None
    seller_phone: str | None = None
    licence_no: str | None = None
    simplified: bool = False  # statisticsFlag A (no licence, duty or VAT refund) else B
    note: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def needs_licence(self) -> bool:
        return any(line.needs_licence for line in self.lines)

    @property
    def needs_inspection(self) -> bool:
        return any(line.needs_inspection for line in self.lines)


_DECIMALS = {
    "cny_rate",
    "freight",
    "insurance",
    "gross_weight",
    "net_weight",
    "quantity",
    "price",
    "legal_quantity",
    "second_quantity",
}


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_json(inp: DeclarationInput) -> dict:
    """A JSON-safe copy (Decimals as strings) kept on the declaration for resubmission and cancel."""
    data = {k: _plain(v) for k, v in inp.__dict__.items() if k != "lines"}
    data["lines"] = [{k: _plain(v) for k, v in line.__dict__.items()} for line in inp.lines]
    return data


def _typed(data: dict) -> dict:
    return {k: (Decimal(v) if k in _DECIMALS and v is not None else v) for k, v in data.items()}


def from_json(data: dict) -> DeclarationInput:
    head = _typed({k: v for k, v in data.items() if k != "lines"})
    head["export_date"] = date.fromisoformat(head["export_date"])
    lines = tuple(DeclarationLine(**_typed(line)) for line in data["lines"])
    return DeclarationInput(**head, lines=lines)
