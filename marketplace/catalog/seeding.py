"""Load the category trees and attribute schemas of `seed_data.py` (idempotent: existing
categories and attributes are updated in place, so admins' later edits to other rows survive)."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from marketplace.catalog.models import AttributeDefinition, Category
from marketplace.catalog.states import AttributeKind, Unit, Vertical
from marketplace.extensions import db


def seed_categories(categories: list[dict] | None = None) -> int:
    if categories is None:
        from marketplace.catalog.seed_data import CATEGORIES as categories
    existing = {c.slug: c for c in db.session.scalars(sa.select(Category))}
    for position, spec in enumerate(categories):
        category = existing.get(spec["slug"])
        if category is None:
            category = Category(slug=spec["slug"])
            db.session.add(category)
            existing[spec["slug"]] = category
        category.vertical = Vertical(spec["vertical"])
        category.parent = existing[spec["parent"]] if spec.get("parent") else None
        category.position = position
        category.names = dict(spec["names"])
        category.default_unit = Unit(spec.get("default_unit") or "t")
        category.hs_hint = spec.get("hs_hint") or ""
        db.session.flush()
        attrs = {a.code: a for a in category.attributes}
        for apos, a in enumerate(spec.get("attributes", [])):
            attr = attrs.get(a["code"])
            if attr is None:
                attr = AttributeDefinition(code=a["code"])
                category.attributes.append(attr)
            attr.kind = AttributeKind(a["kind"])
            attr.labels = dict(a["labels"])
            attr.unit = a.get("unit", "")
            attr.condition = a.get("condition", "")
            attr.required = bool(a.get("required"))
            attr.is_key = bool(a.get("key"))
            attr.min_value = Decimal(a["min"]) if a.get("min") not in (None, "") else None
            attr.max_value = Decimal(a["max"]) if a.get("max") not in (None, "") else None
            attr.validator = a.get("validator", "")
            attr.options = list(a.get("options") or [])
            attr.document_kind = a.get("document_kind", "")
            attr.required_when = a.get("required_when")
            attr.position = apos
    db.session.flush()
    from marketplace.catalog.queries import invalidate
    from marketplace.core.db import after_commit

    invalidate()
    after_commit(invalidate)
    return len(categories)
