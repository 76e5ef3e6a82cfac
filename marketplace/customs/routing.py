"""Route choice: the simplified CEB603 list, or a full customs declaration through a broker."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal

from marketplace.core.states import LabelledEnum
from marketplace.customs.inputs import DeclarationInput
from marketplace.customs.messages import ATTACHED_DOCUMENT_B2B, goods_value, line_total

from flask_babel import LazyString, format_decimal  # isort: skip
from flask_babel import lazy_gettext as _l  # isort: skip

LIST_LIMIT_CNY = Decimal("5000")


def _amount(value: Decimal) -> LazyString:
    """An amount in the reader's number format (12,558.09 / 12 558,09), formatted when shown."""
    return LazyString(lambda: format_decimal(value, format="#,##0.00"))


class Route(LabelledEnum):
    LIST = ("list", _l("Simplified declaration list (CEB603)"))
    FULL = ("full", _l("Full customs declaration by a broker"))


@dataclass(frozen=True)
class RouteDecision:
    """The rule and every input it used, kept on the declaration for display."""

    route: Route
    goods_value: Decimal
    currency: str
    cny_rate: Decimal
    cny_value: Decimal
    limit_cny: Decimal
    over_limit: bool
    needs_licence: bool
    needs_inspection: bool

    def as_dict(self) -> dict:
        data = asdict(self)
        data["route"] = self.route.value
        return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in data.items()}

    @property
    def reasons(self) -> list:
        found = []
        if self.over_limit:
            found.append(
                _l(
                    "The goods are worth %(value)s CNY, above the %(limit)s CNY limit of the list.",
                    value=_amount(self.cny_value),
                    limit=_amount(self.limit_cny),
                )
            )
        if self.needs_licence:
            found.append(_l("Some goods need an export licence."))
        if self.needs_inspection:
            found.append(_l("Some goods need inspection."))
        if not found:
            found.append(_l("Within the list limit, with no licence or inspection."))
        return found


def choose_route(inp: DeclarationInput) -> RouteDecision:
    """Above RMB 5,000 (at the recorded rate), or goods needing a licence or inspection: full
    declaration. RMB 5,000 exactly stays on the list."""
    value = goods_value(inp)
    cny_value = (value * inp.cny_rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    over = cny_value > LIST_LIMIT_CNY
    full = over or inp.needs_licence or inp.needs_inspection
    return RouteDecision(
        route=Route.FULL if full else Route.LIST,
        goods_value=value,
        currency=inp.currency,
        cny_rate=inp.cny_rate,
        cny_value=cny_value,
        limit_cny=LIST_LIMIT_CNY,
        over_limit=over,
        needs_licence=inp.needs_licence,
        needs_inspection=inp.needs_inspection,
    )


def broker_handoff(inp: DeclarationInput) -> dict:
    """What the broker needs for the full declaration (H2018): head, lines, and the order or booking
    number as attached document 10000004 (跨境B2B出口单证)."""
    return {
        "trade_mode": inp.mode,
        "reference": inp.reference,
        "seller": {"code": inp.seller_code, "name": inp.seller_name},
        "owner": {"code": inp.owner_code or inp.seller_code, "name": inp.owner_name or inp.seller_name},
        "consignee": inp.consignee_name,
        "destination_country": inp.destination_country,
        "currency": inp.currency,
        "goods_value": str(goods_value(inp)),
        "freight": str(inp.freight),
        "insurance": str(inp.insurance),
        "gross_weight": str(inp.gross_weight),
        "net_weight": str(inp.net_weight),
        "packages": inp.packages,
        "package_type": inp.package_type,
        "transport_mode": inp.transport_mode,
        "customs_code": inp.customs_code,
        "port_code": inp.port_code,
        "waybill_no": inp.waybill_no,
        "licence_no": inp.licence_no,
        "lines": [
            {
                "gnum": n,
                "hs_code": line.hs_code,
                "goods_name": line.goods_name,
                "model": line.model,
                "quantity": str(line.quantity),
                "unit": line.unit,
                "legal_quantity": str(line.legal_quantity),
                "legal_unit": line.legal_unit,
                "price": str(line.price),
                "total": str(line_total(line.quantity, line.price)),
            }
            for n, line in enumerate(inp.lines, start=1)
        ],
        "attached_documents": [{"code": ATTACHED_DOCUMENT_B2B, "number": inp.reference}],
    }
