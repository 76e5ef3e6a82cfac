"""The listing editor is generated from the category schema, so it is parsed by hand here (the
global CSRF protection still applies). The JSON API builds the same ListingData from its body."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from marketplace.catalog.models import ListingVersion
from marketplace.catalog.schema import Schema
from marketplace.catalog.services import ListingData
from marketplace.catalog.states import AttributeKind
from marketplace.core.i18n import LANGUAGES

PRICE_ROWS = 6


def listing_data_from_form(form: MultiDict, schema: Schema) -> ListingData:
    origin = form.get("origin_ordos", "")
    attributes: dict[str, Any] = {}
    for attr in schema.attributes:
        name = f"attr-{attr.code}"
        if attr.kind == AttributeKind.MULTI_ENUM:
            values = form.getlist(name)
            if values:
                attributes[attr.code] = values
        elif attr.kind == AttributeKind.BOOLEAN:
            if form.get(name) in ("1", "0"):
                attributes[attr.code] = form.get(name) == "1"
        elif attr.kind != AttributeKind.DOCUMENT and form.get(name, "").strip():
            attributes[attr.code] = form.get(name)
    return ListingData(
        hs_code=form.get("hs_code", ""),
        origin_ordos=None if origin == "" else origin == "1",
        unit=form.get("unit", ""),
        moq=form.get("moq", ""),
        order_multiple=form.get("order_multiple", ""),
        incoterm=form.get("incoterm", ""),
        incoterm_place=form.get("incoterm_place", ""),
        transport_mode=form.get("transport_mode", ""),
        lead_time_days=form.get("lead_time_days", ""),
        attributes=attributes,
        content={
            lang: {"title": form.get(f"title-{lang}", ""), "description": form.get(f"description-{lang}", "")}
            for lang in LANGUAGES
        },
        prices=[
            {
                "currency": form.get(f"price-{i}-currency", ""),
                "min_quantity": form.get(f"price-{i}-min_quantity", ""),
                "unit_price": form.get(f"price-{i}-unit_price", ""),
            }
            for i in range(PRICE_ROWS)
        ],
    )


def form_values(version: ListingVersion | None) -> dict[str, Any]:
    """The editor's field values for an existing version (what the form shows on GET)."""
    if version is None:
        return {}
    values: dict[str, Any] = {
        "hs_code": version.hs_code,
        "origin_ordos": "1" if version.origin_ordos else "0",
        "unit": version.unit.value,
        "moq": format(version.moq.normalize(), "f"),
        "order_multiple": format(version.order_multiple.normalize(), "f"),
        "incoterm": version.incoterm.value,
        "incoterm_place": version.incoterm_place,
        "transport_mode": version.transport_mode.value,
        "lead_time_days": str(version.lead_time_days),
    }
    for t in version.translations:
        values[f"title-{t.language}"] = t.title
        values[f"description-{t.language}"] = t.description
    for i, p in enumerate(version.prices[:PRICE_ROWS]):
        values[f"price-{i}-currency"] = p.currency
        values[f"price-{i}-min_quantity"] = format(p.min_quantity.normalize(), "f")
        values[f"price-{i}-unit_price"] = format(p.unit_price.normalize(), "f")
    for code, value in version.attributes.items():
        if isinstance(value, bool):
            values[f"attr-{code}"] = "1" if value else "0"
        else:
            values[f"attr-{code}"] = value
    return values


def submitted_values(form: MultiDict) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in form:
        items = form.getlist(key)
        values[key] = items if len(items) > 1 or (key.startswith("attr-") and len(items) > 1) else items[0]
    return values
