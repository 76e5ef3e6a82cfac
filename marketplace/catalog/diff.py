"""What changed between the approved (live) version and the edited (working) version."""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.catalog.models import ListingVersion
from marketplace.catalog.schema import Schema, display_value


@dataclass
class Change:
    label: str
    before: str
    after: str


def _terms(v: ListingVersion) -> dict[str, str]:
    return {
        "HS": v.hs_code,
        "origin": "Ordos" if v.origin_ordos else "China",
        "unit": v.unit.value,
        "MOQ": format(v.moq.normalize(), "f"),
        "order multiple": format(v.order_multiple.normalize(), "f"),
        "Incoterm": f"{v.incoterm.value} {v.incoterm_place}",
        "transport": v.transport_mode.value,
        "lead time": f"{v.lead_time_days} d",
    }


def version_diff(
    before: ListingVersion | None, after: ListingVersion, schema: Schema, lang: str
) -> list[Change]:
    """Field-by-field changes; with no approved version, every field of `after` is listed."""
    changes: list[Change] = []

    def add(label: str, old: str, new: str) -> None:
        if old != new:
            changes.append(Change(label, old, new))

    old_terms = _terms(before) if before else {}
    for key, value in _terms(after).items():
        add(key, old_terms.get(key, ""), value)
    old_t = {t.language: t for t in before.translations} if before else {}
    for t in after.translations:
        prev = old_t.pop(t.language, None)
        add(f"title [{t.language}]", prev.title if prev else "", t.title)
        add(f"description [{t.language}]", prev.description if prev else "", t.description)
    for lang_code, prev in old_t.items():
        add(f"title [{lang_code}]", prev.title, "")
    for attr in schema.attributes:
        old = display_value(attr, before.attributes.get(attr.code), lang) if before else ""
        new = display_value(attr, after.attributes.get(attr.code), lang)
        add(attr.labels.get(lang) or attr.code, old, new)

    def prices(v: ListingVersion | None) -> str:
        if v is None:
            return ""
        return "; ".join(
            f"{p.currency} ≥{p.min_quantity.normalize()}: {p.unit_price.normalize()}" for p in v.prices
        )

    add("prices", prices(before), prices(after))

    def files(v: ListingVersion | None) -> str:
        return ", ".join(f"{f.kind.value}:{f.original_name}" for f in v.files) if v else ""

    add("files", files(before), files(after))
    return changes
