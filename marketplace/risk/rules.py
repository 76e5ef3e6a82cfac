"""The screening rules. Each takes plain facts and returns findings; `services` turns findings into
flags. Messages are msgids rendered in the reader's language (admins only see the evidence)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from statistics import median
from typing import Any

import sqlalchemy as sa
from flask import current_app

from marketplace.core.db import utcnow
from marketplace.core.money import Money
from marketplace.extensions import db
from marketplace.risk import matching
from marketplace.risk.models import DeniedParty, RiskCountry
from marketplace.risk.states import CountryLevel, Rule


def N_(msgid: str) -> str:
    """Marks a message for extraction; translated when shown."""
    return msgid


@dataclass
class Finding:
    rule: Rule
    key: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)
    blocked: bool = False  # an embargo: the flag starts upheld (an admin may still override it)


@dataclass
class Line:
    """An order, shipment or booking line as the rules see it."""

    listing_id: int | None
    category_id: int | None
    description: str
    unit: str
    unit_price: Decimal | None = None
    currency: str | None = None


# -- 1. controlled goods without a licence ----------------------------------------------------------


def controlled_goods(lines: list[Line], licence_number: str) -> list[Finding]:
    """Lines whose listing carries China export-control flags (precursor chemicals, used vehicles,
    cars and BEVs under licence management) or whose HS code is on the dual-use list
    (RISK_DUAL_USE_HS), when no licence number is recorded."""
    from marketplace.catalog import services as catalog
    from marketplace.catalog.models import Listing

    if licence_number.strip():
        return []
    items = []
    for line in lines:
        listing = db.session.get(Listing, line.listing_id) if line.listing_id else None
        version = listing.live_version if listing is not None else None
        if version is None:
            continue
        codes = [f.code for f in catalog.control_flags(version)]
        hs = (version.hs_code or "").replace(".", "")
        codes += [
            f"dual_use_{prefix}"
            for prefix in current_app.config.get("RISK_DUAL_USE_HS") or ()
            if hs.startswith(prefix)
        ]
        if codes:
            items.append(
                {
                    "listing_id": listing.id,
                    "description": line.description,
                    "controls": codes,
                    "listing_says_licence": bool(version.attributes.get("export_licence")),
                }
            )
    if not items:
        return []
    return [
        Finding(
            Rule.CONTROLLED_GOODS,
            "licence",
            N_("Controlled goods without an export licence recorded: %(goods)s."),
            {"goods": "; ".join(i["description"] for i in items)},
            {"lines": items},
        )
    ]


# -- 2. destinations ---------------------------------------------------------------------------------


def country_levels() -> dict[str, tuple[CountryLevel, str, bool]]:
    """country -> (level, note, from configuration?): the configuration's defaults, overridden by rows."""
    out: dict[str, tuple[CountryLevel, str, bool]] = {}
    for code, level in (current_app.config.get("RISK_COUNTRIES") or {}).items():
        out[code.upper()] = (CountryLevel(level), "", True)
    for row in db.session.scalars(sa.select(RiskCountry)):
        out[row.country] = (row.level, row.note, False)
    return out


def destination(country: str) -> list[Finding]:
    country = (country or "").upper()
    entry = country_levels().get(country)
    if entry is None:
        return []
    level, note, _ = entry
    if level == CountryLevel.BLOCKED:
        message = N_("Destination %(country)s is under embargo.")
    else:
        message = N_("Destination %(country)s requires an extra compliance check.")
    return [
        Finding(
            Rule.DESTINATION,
            country,
            message,
            {"country": country},
            {"level": level.value, "note": note},
            blocked=level == CountryLevel.BLOCKED,
        )
    ]


# -- 3. denied parties -------------------------------------------------------------------------------


def _candidates() -> list[tuple[int, str, str]]:
    rows = db.session.execute(
        sa.select(DeniedParty.id, DeniedParty.name, DeniedParty.aliases, DeniedParty.keys)
    )
    out = []
    for entry_id, name, aliases, keys in rows:
        for listed, key in zip([name, *(aliases or [])], keys or [], strict=False):
            if key:
                out.append((entry_id, listed, key))
    return out


def denied_parties(names: list[tuple[str, str]]) -> list[Finding]:
    """`names` are (role, name), e.g. ("buyer", "Ivanov Trading LLC"), ("consignee", …)."""
    threshold = float(current_app.config["RISK_NAME_MATCH_THRESHOLD"])
    candidates = _candidates()
    findings = []
    seen: set[tuple[str, int]] = set()
    for role, name in names:
        if not (name or "").strip():
            continue
        for m in matching.best_matches(name, candidates, threshold):
            if (role, m.entry_id) in seen:
                continue
            seen.add((role, m.entry_id))
            entry = db.session.get(DeniedParty, m.entry_id)
            findings.append(
                Finding(
                    Rule.DENIED_PARTY,
                    f"{role}:{entry.source_id}"[:120],
                    N_(
                        "The %(role)s name “%(name)s” matches “%(entry)s” on the denied-party list "
                        "(score %(score)s)."
                    ),
                    {"role": role, "name": name, "entry": m.matched_name, "score": m.score},
                    {
                        "entry_id": entry.id,
                        "source_id": entry.source_id,
                        "entry_name": entry.name,
                        "matched_name": m.matched_name,
                        "score": m.score,
                        "threshold": threshold,
                        "countries": entry.countries,
                        "sanctions": entry.sanctions,
                        "dataset": entry.dataset,
                    },
                )
            )
    return findings


# -- 4. unit prices far from the category median -----------------------------------------------------


def _recent_prices(
    category_id: int, unit: str, since, exclude_order_id: int | None, exclude_revision_id: int | None
) -> list[tuple]:
    from marketplace.catalog.models import Listing
    from marketplace.orders.models import Order, OrderLine
    from marketplace.orders.states import OrderState
    from marketplace.rfq.models import Quote, QuoteLine, QuoteRevision, Rfq

    orders = (
        sa.select(OrderLine.unit_price, Order.currency)
        .join(Order, Order.id == OrderLine.order_id)
        .join(Listing, Listing.id == OrderLine.listing_id)
        .where(
            Listing.category_id == category_id,
            OrderLine.unit == unit,
            Order.placed_at >= since,
            Order.state != OrderState.CANCELLED,
        )
    )
    if exclude_order_id is not None:
        orders = orders.where(Order.id != exclude_order_id)
    quotes = (
        sa.select(QuoteLine.unit_price, QuoteRevision.currency)
        .join(QuoteRevision, QuoteRevision.id == QuoteLine.revision_id)
        .join(Quote, Quote.id == QuoteRevision.quote_id)
        .join(Rfq, Rfq.id == Quote.rfq_id)
        .where(Rfq.category_id == category_id, QuoteLine.unit == unit, QuoteRevision.created_at >= since)
    )
    if exclude_revision_id is not None:  # the accepted offer is the order's own price, not a sample
        quotes = quotes.where(QuoteRevision.id != exclude_revision_id)
    return list(db.session.execute(orders)) + list(db.session.execute(quotes))


def price_outliers(
    lines: list[Line], exclude_order_id: int | None = None, exclude_revision_id: int | None = None
) -> list[Finding]:
    """Lines whose unit price, in CNY at the recorded rates, is outside [low×, high×] the median of
    the category's order and quote prices in the same unit over the last RISK_PRICE_WINDOW_DAYS,
    when there are at least RISK_PRICE_MIN_SAMPLES of them."""
    from marketplace.catalog import services as catalog

    cfg = current_app.config
    low, high = Decimal(str(cfg["RISK_PRICE_BAND"][0])), Decimal(str(cfg["RISK_PRICE_BAND"][1]))
    since = utcnow() - timedelta(days=int(cfg["RISK_PRICE_WINDOW_DAYS"]))
    rates = catalog.latest_rates()

    def cny(amount: Decimal, currency: str) -> Decimal | None:
        conv = catalog.convert(Money(amount, currency), "CNY", rates)
        return conv.amount.amount if conv is not None else None

    findings = []
    for position, line in enumerate(lines, start=1):
        if line.category_id is None or line.unit_price is None or not line.currency:
            continue
        price = cny(line.unit_price, line.currency)
        if price is None:
            continue
        samples = [
            v
            for v in (
                cny(p, c)
                for p, c in _recent_prices(
                    line.category_id, line.unit, since, exclude_order_id, exclude_revision_id
                )
            )
            if v is not None
        ]
        if len(samples) < int(cfg["RISK_PRICE_MIN_SAMPLES"]):
            continue
        med = Decimal(median(samples))
        if med <= 0 or low * med <= price <= high * med:
            continue
        ratio = (price / med).quantize(Decimal("0.01"))
        findings.append(
            Finding(
                Rule.PRICE_OUTLIER,
                f"line:{position}",
                N_(
                    "Unit price of “%(line)s” is %(ratio)s× the category median "
                    "(%(price)s vs %(median)s CNY)."
                ),
                {
                    "line": line.description,
                    "ratio": str(ratio),
                    "price": str(price.quantize(Decimal("0.01"))),
                    "median": str(med.quantize(Decimal("0.01"))),
                },
                {"samples": len(samples), "band": [str(low), str(high)], "unit": line.unit},
            )
        )
    return findings


# -- 5. destination or consignee changed -------------------------------------------------------------


def route_change(before: dict[str, str], after: dict[str, str], *, against: str) -> list[Finding]:
    """Differences between `before` and `after` consignee/country; `against` names the reference
    ("order" when a shipment differs from its order, "confirmed" when an order changed)."""
    changed = {
        k: {"before": before.get(k, ""), "after": after.get(k, "")}
        for k in ("consignee", "country")
        if (after.get(k) or "").strip()
        and matching.name_key(before.get(k) or "") != matching.name_key(after.get(k) or "")
    }
    if not changed:
        return []
    if against == "order":
        message = N_("The shipment's consignee or destination differs from the order's: %(changes)s.")
    else:
        message = N_("The consignee or destination changed after the order was placed: %(changes)s.")
    text = "; ".join(f"{v['before'] or '—'} → {v['after']}" for v in changed.values())
    key = "|".join(f"{k}={v['after']}" for k, v in changed.items())[:120]
    return [Finding(Rule.ROUTE_CHANGE, key, message, {"changes": text}, {"changes": changed})]
