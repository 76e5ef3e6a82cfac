"""CEB message builders (CEB303 order/booking, CEB505 waybill, CEB603 list, CEB605 cancellation),
validation against the official 202205 export XSD, and the three-document consistency check."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from lxml import etree

from marketplace.core.errors import ValidationFailed
from marketplace.customs.codes import tables
from marketplace.customs.inputs import MODES, DeclarationInput

NS = "http://www.chinaport.gov.cn/ceb"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
NSMAP = {"ceb": NS}
XSD_PATH = Path(__file__).resolve().parent / "xsd" / "ceb-export-202205.xsd"
CHINA = ZoneInfo("Asia/Shanghai")
MAX_PER_MESSAGE = 100
FIVE = Decimal("0.00001")
ATTACHED_DOCUMENT_B2B = "10000004"  # 跨境B2B出口单证 on the full declaration

ORDER_TYPE = {"9710": "B", "9810": "W"}
ROOTS = {
    "CEB303": "CEB303Message",
    "CEB505": "CEB505Message",
    "CEB603": "CEB603Message",
    "CEB605": "CEB605Message",
}

# Field labels shown to the seller when a message is refused.
FIELD_LABELS = {
    "orderNo": _l("Order or booking number"),
    "ebpCode": _l("Platform code"),
    "ebpName": _l("Platform or overseas warehouse name"),
    "ebcCode": _l("Seller customs code"),
    "ebcName": _l("Seller name"),
    "ebcTelephone": _l("Seller telephone"),
    "ownerCode": _l("Producer or seller code"),
    "ownerName": _l("Producer or seller name"),
    "agentCode": _l("Customs broker code"),
    "agentName": _l("Customs broker name"),
    "logisticsCode": _l("Carrier customs code"),
    "logisticsName": _l("Carrier name"),
    "logisticsNo": _l("Waybill number"),
    "copNo": _l("Declaration number"),
    "customsCode": _l("Declaring customs office"),
    "portCode": _l("Exit port"),
    "POD": _l("Destination port"),
    "country": _l("Destination country"),
    "currency": _l("Currency"),
    "goodsValue": _l("Goods value"),
    "freight": _l("Freight"),
    "insuredFee": _l("Insurance"),
    "grossWeight": _l("Gross weight"),
    "netWeight": _l("Net weight"),
    "packNo": _l("Number of packages"),
    "goodsInfo": _l("Goods description for the carrier"),
    "licenseNo": _l("Export licence number"),
    "itemNo": _l("SKU"),
    "itemName": _l("Goods name"),
    "gcode": _l("HS code"),
    "gname": _l("Goods name"),
    "gmodel": _l("Specification"),
    "barCode": _l("Barcode"),
    "qty": _l("Quantity"),
    "qty1": _l("Legal quantity"),
    "qty2": _l("Second legal quantity"),
    "price": _l("Unit price"),
    "totalPrice": _l("Line total"),
    "reason": _l("Cancellation reason"),
    "invtNo": _l("Customs list number"),
    "note": _l("Note"),
}


def new_guid() -> str:
    return str(uuid.uuid4()).upper()


def amount(value: Decimal) -> str:
    """N19,5: at most five decimals, no exponent, no trailing zeros."""
    text = f"{Decimal(value).quantize(FIVE, rounding=ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def line_total(qty: Decimal, price: Decimal) -> Decimal:
    return (qty * price).quantize(FIVE, rounding=ROUND_HALF_UP)


def goods_value(inp: DeclarationInput) -> Decimal:
    return sum((line_total(line.quantity, line.price) for line in inp.lines), Decimal(0))


def app_time(now: datetime) -> str:
    return now.astimezone(CHINA).strftime("%Y%m%d%H%M%S")


@dataclass(frozen=True)
class Transfer:
    """BaseTransfer: the transmitting enterprise, from configuration."""

    cop_code: str
    cop_name: str
    dxp_id: str
    dxp_mode: str = "DXP"

    @classmethod
    def from_config(cls, config) -> Transfer:
        return cls(
            cop_code=config["CUSTOMS_COP_CODE"],
            cop_name=config["CUSTOMS_COP_NAME"],
            dxp_id=config["CUSTOMS_DXP_ID"],
            dxp_mode=config.get("CUSTOMS_DXP_MODE", "DXP"),
        )


@dataclass(frozen=True)
class Head:
    """The common head values of one business element."""

    guid: str
    app_type: str = "1"
    app_status: str = "2"
    now: datetime | None = None


@dataclass(frozen=True)
class Built:
    kind: str  # CEB303, CEB505, CEB603, CEB605
    guid: str  # root guid
    head_guids: tuple[str, ...]
    root: etree._Element

    def xml(self) -> bytes:
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")


# -- input checks (before any XML) -------------------------------------------------------------
_HS = re.compile(r"^(\d{6}|\d{10})$")


def _field_error(errors: dict, key: str, message) -> None:
    errors.setdefault(key, []).append(message)


def check_input(inp: DeclarationInput) -> None:
    """Business rules the XSD cannot express; ValidationFailed names each field in error."""
    errors: dict[str, list] = {}
    if inp.mode not in MODES:
        _field_error(errors, "mode", _l("The declaration mode must be 9710 or 9810."))
    if inp.mode == "9810" and not inp.warehouse_name:
        _field_error(errors, "warehouse_name", _l("A 9810 booking needs the overseas warehouse name."))
    if not inp.lines:
        _field_error(errors, "lines", _l("A declaration needs at least one line."))
    if len(inp.lines) > MAX_PER_MESSAGE:
        _field_error(errors, "lines", _l("A declaration has at most 100 lines."))
    if inp.net_weight <= 0 or inp.gross_weight <= 0:
        _field_error(errors, "gross_weight", _l("Gross and net weight must be more than zero."))
    elif inp.net_weight > inp.gross_weight:
        _field_error(errors, "net_weight", _l("The net weight cannot exceed the gross weight."))
    if inp.packages < 1:
        _field_error(errors, "packages", _l("There must be at least one package."))
    if inp.freight < 0 or inp.insurance < 0:
        _field_error(errors, "freight", _l("Freight and insurance cannot be negative."))
    if inp.cny_rate <= 0:
        _field_error(errors, "cny_rate", _l("The exchange rate must be more than zero."))
    for number, line in enumerate(inp.lines, start=1):
        prefix = f"lines.{number}"
        if not _HS.match(line.hs_code or ""):
            _field_error(
                errors,
                f"{prefix}.hs_code",
                _l("HS code %(code)s must have 6 or 10 digits.", code=line.hs_code),
            )
        if line.quantity <= 0 or line.legal_quantity <= 0:
            _field_error(errors, f"{prefix}.quantity", _l("Quantities must be more than zero."))
        if line.price < 0:
            _field_error(errors, f"{prefix}.price", _l("The unit price cannot be negative."))
        if len(line.item_no) > 20:
            _field_error(errors, f"{prefix}.item_no", _l("The SKU has at most 20 characters."))
        if (line.second_quantity is None) != (line.second_unit is None):
            _field_error(errors, f"{prefix}.second_unit", _l("The second quantity and its unit go together."))
    if errors:
        raise ValidationFailed(errors)


# -- builders --------------------------------------------------------------------------------------
def _el(parent, name: str, text=None):
    child = etree.SubElement(parent, f"{{{NS}}}{name}")
    if text is not None:
        child.text = str(text)
    return child


def _opt(parent, name: str, text) -> None:
    if text not in (None, ""):
        _el(parent, name, text)


def _head(parent, head: Head) -> None:
    _el(parent, "guid", head.guid)
    _el(parent, "appType", head.app_type)
    _el(parent, "appTime", app_time(head.now or datetime.now(CHINA)))
    _el(parent, "appStatus", head.app_status)


def _root(kind: str, guid: str | None):
    guid = guid or new_guid()
    root = etree.Element(f"{{{NS}}}{ROOTS[kind]}", nsmap=NSMAP)
    root.set("guid", guid)
    root.set("version", "1.0")
    return root, guid


def _transfer(root, transfer: Transfer) -> None:
    base = _el(root, "BaseTransfer")
    _el(base, "copCode", transfer.cop_code)
    _el(base, "copName", transfer.cop_name)
    _el(base, "dxpMode", transfer.dxp_mode)
    _el(base, "dxpId", transfer.dxp_id)


def _batch(items: Sequence) -> None:
    if not items:
        raise ValueError("a message needs at least one business element")
    if len(items) > MAX_PER_MESSAGE:
        raise ValueError("a message carries at most 100 business elements")


def _codes(inp: DeclarationInput) -> dict[str, str]:
    t = tables()
    return {
        "currency": t.from_iso("currency", inp.currency, field="currency"),
        "country": t.from_iso("country", inp.destination_country, field="destination_country"),
        "traf": t.from_key("transport_mode", inp.transport_mode, field="transport_mode"),
        "wrap": t.from_key("package_type", inp.package_type, field="package_type"),
        "customs": t.get("customs", inp.customs_code, field="customs_code").code,
        "port": t.get("customs", inp.port_code, field="port_code").code,
    }


def _unit(code: str, field: str) -> str:
    return tables().from_iso("unit", code, field=field)


def ebp_name(inp: DeclarationInput) -> str:
    return inp.warehouse_name if inp.mode == "9810" and inp.warehouse_name else inp.platform_name


def gcode(hs_code: str) -> str:
    return hs_code.ljust(10, "0")


def build_order(items: Sequence[tuple[DeclarationInput, Head]], transfer: Transfer, *, guid=None) -> Built:
    """CEB303: orderType B (9710) or W (9810 booking: orderNo = booking number, ebpName = warehouse)."""
    _batch(items)
    root, guid = _root("CEB303", guid)
    for inp, head in items:
        check_input(inp)
        codes = _codes(inp)
        order = _el(root, "Order")
        oh = _el(order, "OrderHead")
        _head(oh, head)
        _el(oh, "orderType", ORDER_TYPE[inp.mode])
        _el(oh, "orderNo", inp.reference)
        _el(oh, "ebpCode", inp.platform_code)
        _el(oh, "ebpName", ebp_name(inp))
        _el(oh, "ebcCode", inp.seller_code)
        _el(oh, "ebcName", inp.seller_name)
        _el(oh, "goodsValue", amount(goods_value(inp)))
        _el(oh, "freight", amount(inp.freight))
        _el(oh, "currency", codes["currency"])
        _opt(oh, "note", inp.note)
        for gnum, line in enumerate(inp.lines, start=1):
            ol = _el(order, "OrderList")
            _el(ol, "gnum", gnum)
            _el(ol, "itemNo", line.item_no)
            _el(ol, "itemName", line.item_name)
            _opt(ol, "itemDescribe", line.description)
            _opt(ol, "barCode", line.bar_code)
            _el(ol, "unit", _unit(line.unit, f"lines.{gnum}.unit"))
            _el(ol, "currency", codes["currency"])
            _el(ol, "qty", amount(line.quantity))
            _el(ol, "price", amount(line.price))
            _el(ol, "totalPrice", amount(line_total(line.quantity, line.price)))
    _transfer(root, transfer)
    return Built("CEB303", guid, tuple(h.guid for _, h in items), root)


def build_waybill(items: Sequence[tuple[DeclarationInput, Head]], transfer: Transfer, *, guid=None) -> Built:
    """CEB505: one `Logistics` per waybill."""
    _batch(items)
    root, guid = _root("CEB505", guid)
    for inp, head in items:
        check_input(inp)
        codes = _codes(inp)
        lg = _el(root, "Logistics")
        _head(lg, head)
        _el(lg, "logisticsCode", inp.logistics_code)
        _el(lg, "logisticsName", inp.logistics_name)
        _el(lg, "logisticsNo", inp.waybill_no)
        _el(lg, "freight", amount(inp.freight))
        _el(lg, "insuredFee", amount(inp.insurance))
        _el(lg, "currency", codes["currency"])
        _el(lg, "grossWeight", amount(inp.gross_weight))
        _el(lg, "packNo", inp.packages)
        _el(lg, "goodsInfo", inp.goods_info)
        _el(lg, "ebcCode", inp.seller_code)
        _el(lg, "ebcName", inp.seller_name)
        _opt(lg, "ebcTelephone", inp.seller_phone)
        _opt(lg, "note", inp.note)
    _transfer(root, transfer)
    return Built("CEB505", guid, tuple(h.guid for _, h in items), root)


def cop_no(inp: DeclarationInput) -> str:
    """The enterprise's own list number: stable per source, so a resubmission keeps it."""
    return f"{inp.mode}{inp.reference}"[:30]


def build_list(items: Sequence[tuple[DeclarationInput, Head]], transfer: Transfer, *, guid=None) -> Built:
    """CEB603 with tradeMode 9710/9810; freight and insurance as totals (flag 3) in the goods currency."""
    _batch(items)
    root, guid = _root("CEB603", guid)
    for inp, head in items:
        check_input(inp)
        codes = _codes(inp)
        inv = _el(root, "Inventory")
        ih = _el(inv, "InventoryHead")
        _head(ih, head)
        _el(ih, "customsCode", codes["customs"])
        _el(ih, "ebpCode", inp.platform_code)
        _el(ih, "ebpName", ebp_name(inp))
        _el(ih, "orderNo", inp.reference)
        _el(ih, "logisticsCode", inp.logistics_code)
        _el(ih, "logisticsName", inp.logistics_name)
        _el(ih, "logisticsNo", inp.waybill_no)
        _el(ih, "copNo", cop_no(inp))
        _el(ih, "ieFlag", "E")
        _el(ih, "portCode", codes["port"])
        _el(ih, "ieDate", inp.export_date.strftime("%Y%m%d"))
        _el(ih, "statisticsFlag", "A" if inp.simplified else "B")
        _el(ih, "agentCode", inp.agent_code)
        _el(ih, "agentName", inp.agent_name)
        _el(ih, "ebcCode", inp.seller_code)
        _el(ih, "ebcName", inp.seller_name)
        _el(ih, "ownerCode", inp.owner_code or inp.seller_code)
        _el(ih, "ownerName", inp.owner_name or inp.seller_name)
        _el(ih, "tradeMode", inp.mode)
        _el(ih, "trafMode", codes["traf"])
        _opt(ih, "licenseNo", inp.licence_no)
        _el(ih, "country", codes["country"])
        _el(ih, "POD", inp.destination_port)
        _el(ih, "freight", amount(inp.freight))
        _el(ih, "fCurrency", codes["currency"])
        _el(ih, "fFlag", "3")
        _el(ih, "insuredFee", amount(inp.insurance))
        _el(ih, "iCurrency", codes["currency"])
        _el(ih, "iFlag", "3")
        _el(ih, "wrapType", codes["wrap"])
        _el(ih, "packNo", inp.packages)
        _el(ih, "grossWeight", amount(inp.gross_weight))
        _el(ih, "netWeight", amount(inp.net_weight))
        _opt(ih, "note", inp.note)
        for gnum, line in enumerate(inp.lines, start=1):
            il = _el(inv, "InventoryList")
            _el(il, "gnum", gnum)
            _el(il, "itemNo", line.item_no)
            _el(il, "itemName", line.item_name)
            _el(il, "gcode", gcode(line.hs_code))
            _el(il, "gname", line.goods_name)
            _el(il, "gmodel", line.model)
            _el(il, "barCode", line.bar_code or "无")
            _el(il, "country", codes["country"])
            _el(il, "currency", codes["currency"])
            _el(il, "qty", amount(line.quantity))
            _el(il, "qty1", amount(line.legal_quantity))
            if line.second_quantity is not None:
                _el(il, "qty2", amount(line.second_quantity))
            _el(il, "unit", _unit(line.unit, f"lines.{gnum}.unit"))
            _el(il, "unit1", _unit(line.legal_unit, f"lines.{gnum}.legal_unit"))
            if line.second_unit is not None:
                _el(il, "unit2", _unit(line.second_unit, f"lines.{gnum}.second_unit"))
            _el(il, "price", amount(line.price))
            _el(il, "totalPrice", amount(line_total(line.quantity, line.price)))
    _transfer(root, transfer)
    return Built("CEB603", guid, tuple(h.guid for _, h in items), root)


def build_cancel(
    inp: DeclarationInput,
    head: Head,
    transfer: Transfer,
    *,
    invt_no: str,
    reason: str,
    pre_no=None,
    guid=None,
) -> Built:
    """CEB605: cancellation of a list customs has numbered (invtNo), with the reason."""
    codes = _codes(inp)
    root, guid = _root("CEB605", guid)
    ic = _el(root, "InvtCancel")
    _head(ic, head)
    _el(ic, "customsCode", codes["customs"])
    _el(ic, "copNo", cop_no(inp))
    _opt(ic, "preNo", pre_no)
    _el(ic, "invtNo", invt_no)
    _el(ic, "reason", reason)
    _el(ic, "agentCode", inp.agent_code)
    _el(ic, "agentName", inp.agent_name)
    _el(ic, "ebcCode", inp.seller_code)
    _el(ic, "ebcName", inp.seller_name)
    _transfer(root, transfer)
    return Built("CEB605", guid, (head.guid,), root)


# -- XSD validation --------------------------------------------------------------------------------
@cache
def schema() -> etree.XMLSchema:
    # Parsed from its own folder so the relative import of xmldsig-core-schema.xsd resolves.
    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


@dataclass(frozen=True)
class SchemaError:
    field: str  # the element's local name, e.g. "orderNo"
    path: str
    line: int
    detail: str  # lxml's message (English, for logs and the admin)

    @property
    def message(self):
        label = FIELD_LABELS.get(self.field, self.field)
        return _l("%(field)s is not valid for customs (%(element)s).", field=label, element=self.field)


_ELEMENT = re.compile(r"Element '(?:\{[^}]*\})?([^']+)'")


def validate(root_or_xml) -> list[SchemaError]:
    """Validate a message against ceb-export-202205.xsd; an empty list means valid."""
    root = root_or_xml
    if isinstance(root_or_xml, bytes | str):
        root = etree.fromstring(root_or_xml.encode() if isinstance(root_or_xml, str) else root_or_xml)
    xsd = schema()
    if xsd.validate(root):
        return []
    found = []
    for entry in xsd.error_log:
        match = _ELEMENT.search(entry.message)
        name = match.group(1) if match else (entry.path or "").rsplit(":", 1)[-1]
        found.append(SchemaError(field=name, path=entry.path or "", line=entry.line, detail=entry.message))
    return found


def assert_valid(built: Built) -> None:
    """Raise ValidationFailed naming each field in error (translated) when the XSD refuses the message."""
    errors = validate(built.root)
    if errors:
        raise ValidationFailed({e.field: [e.message] for e in errors})


# -- three-document consistency ---------------------------------------------------------------------
def _text(el, name: str) -> str | None:
    child = el.find(f"ceb:{name}", NSMAP)
    return child.text if child is not None else None


def _dec(value: str | None) -> Decimal:
    return Decimal(value or "0")


@dataclass(frozen=True)
class Inconsistency:
    field: str
    detail: str

    @property
    def message(self):
        return _l(
            "The order, waybill and list disagree on %(field)s.",
            field=FIELD_LABELS.get(self.field, self.field),
        )


def check_consistency(order_xml, waybill_xml, list_xml) -> list[Inconsistency]:
    """Order, waybill and list agree on orderNo, logisticsNo, ebcCode, lines and totals (per business
    element, matched on orderNo and logisticsNo)."""

    def parse(x):
        return etree.fromstring(x) if isinstance(x, bytes) else x

    order_root, waybill_root, list_root = parse(order_xml), parse(waybill_xml), parse(list_xml)
    orders = {
        _text(o.find("ceb:OrderHead", NSMAP), "orderNo"): o for o in order_root.iterfind("ceb:Order", NSMAP)
    }
    waybills = {_text(w, "logisticsNo"): w for w in waybill_root.iterfind("ceb:Logistics", NSMAP)}
    problems: list[Inconsistency] = []
    for inv in list_root.iterfind("ceb:Inventory", NSMAP):
        head = inv.find("ceb:InventoryHead", NSMAP)
        order_no, logistics_no = _text(head, "orderNo"), _text(head, "logisticsNo")
        order, waybill = orders.get(order_no), waybills.get(logistics_no)
        if order is None:
            problems.append(Inconsistency("orderNo", f"no order {order_no}"))
            continue
        if waybill is None:
            problems.append(Inconsistency("logisticsNo", f"no waybill {logistics_no}"))
            continue
        oh = order.find("ceb:OrderHead", NSMAP)
        ebc = {_text(oh, "ebcCode"), _text(head, "ebcCode")}
        if _text(waybill, "ebcCode") is not None:
            ebc.add(_text(waybill, "ebcCode"))
        if len(ebc) != 1:
            problems.append(Inconsistency("ebcCode", f"seller codes {sorted(ebc)}"))
        if _text(oh, "ebpCode") != _text(head, "ebpCode"):
            problems.append(Inconsistency("ebpCode", "platform codes differ"))
        if _dec(_text(waybill, "freight")) != _dec(_text(head, "freight")):
            problems.append(Inconsistency("freight", "waybill and list freight differ"))
        if _dec(_text(waybill, "grossWeight")) != _dec(_text(head, "grossWeight")):
            problems.append(Inconsistency("grossWeight", "waybill and list gross weight differ"))
        order_lines = {_text(x, "gnum"): x for x in order.iterfind("ceb:OrderList", NSMAP)}
        list_lines = {_text(x, "gnum"): x for x in inv.iterfind("ceb:InventoryList", NSMAP)}
        expected = [str(n) for n in range(1, len(list_lines) + 1)]
        if sorted(order_lines, key=int) != expected or sorted(list_lines, key=int) != expected:
            problems.append(Inconsistency("gnum", "line numbers are not the same consecutive sequence"))
            continue
        total = Decimal(0)
        for gnum, il in list_lines.items():
            ol = order_lines[gnum]
            for name in ("itemNo", "unit", "currency"):
                if _text(ol, name) != _text(il, name):
                    problems.append(Inconsistency(name, f"line {gnum}"))
            for name in ("qty", "price", "totalPrice"):
                if _dec(_text(ol, name)) != _dec(_text(il, name)):
                    problems.append(Inconsistency(name, f"line {gnum}"))
            if line_total(_dec(_text(il, "qty")), _dec(_text(il, "price"))) != _dec(_text(il, "totalPrice")):
                problems.append(Inconsistency("totalPrice", f"line {gnum}: qty × price"))
            total += _dec(_text(il, "totalPrice"))
        if total != _dec(_text(oh, "goodsValue")):
            problems.append(Inconsistency("goodsValue", "order goods value is not the sum of the list lines"))
    return problems
