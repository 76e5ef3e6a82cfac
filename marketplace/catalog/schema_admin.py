"""Admins edit category attribute schemas: category names, and typed attribute definitions (labels in
the four languages, unit and test condition, bounds, validators, options, documents, conditions).

Services flush, never commit. Changes that would strand data listings already hold are refused:
changing the kind of an attribute in use, removing an option in use, deleting an attribute in use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from marketplace.catalog import validators as v
from marketplace.catalog.models import AttributeDefinition, Category, Listing, ListingVersion
from marketplace.catalog.schema import category_path, in_language
from marketplace.catalog.states import AttributeKind, FileKind
from marketplace.core import audit
from marketplace.core.db import after_commit
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.i18n import LANGUAGES, current_language
from marketplace.extensions import db

CODE_RE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
# Lower case for new values; upper case too, because GHS pictogram codes (GHS01…) and seeded values
# such as packing groups (I, II, III) or UN numbers are canonical in upper case.
OPTION_VALUE_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,40}$")
LABEL_MAX = 120
UNIT_MAX = 20
CONDITION_MAX = 80
TEXT_VALIDATORS = ("", "cas_list", "ec_number", "un_number", "vin", "composition")
MULTI_ENUM_VALIDATORS = ("", "ghs_pictograms")
DOCUMENT_KINDS = ("sds", "coa", "certificate", "test_report", "licence")
DOCUMENT_KIND_LABELS = {k.value: k.label for k in FileKind if k.value in DOCUMENT_KINDS}
VALIDATOR_LABELS = {
    "": _l("None"),
    "cas_list": _l("CAS numbers (check digit)"),
    "ec_number": _l("EC number (check digit)"),
    "un_number": _l("UN number"),
    "vin": _l("Vehicle identification number (VIN)"),
    "composition": _l("Fibre composition (percentages adding up to 100)"),
    "ghs_pictograms": _l("GHS pictograms (GHS01–GHS09)"),
}
# Largest magnitude of attribute_definitions.min_value / max_value: Numeric(18, 6).
_BOUND_LIMIT = Decimal(10) ** 12


@dataclass
class AttributeInput:
    """An attribute definition as entered (raw values from a form or JSON); the service validates it."""

    kind: Any = ""
    labels: Any = field(default_factory=dict)  # language -> label
    unit: Any = ""
    condition: Any = ""
    required: bool = False
    is_key: bool = False
    min_value: Any = None
    max_value: Any = None
    validator: Any = ""
    # A list of {"value", "labels"} (JSON) or text lines "value | zh | en | ru | mn" (the web form).
    options: Any = field(default_factory=list)
    document_kind: Any = ""
    required_when_attribute: Any = ""
    required_when_not_empty: bool = False


@dataclass
class TreeRow:
    category: Category
    depth: int
    own: int  # attributes defined on the category
    total: int  # with the inherited ones


# -- reads ---------------------------------------------------------------------------------------


def category_tree() -> list[TreeRow]:
    """Every category in tree order (depth-first, by position) with its attribute counts."""
    categories = list(db.session.scalars(sa.select(Category).order_by(Category.position, Category.id)))
    own = dict(
        db.session.execute(
            sa.select(AttributeDefinition.category_id, sa.func.count()).group_by(
                AttributeDefinition.category_id
            )
        ).all()
    )
    children: dict[int | None, list[Category]] = {}
    for c in categories:
        children.setdefault(c.parent_id, []).append(c)
    rows: list[TreeRow] = []

    def walk(parent_id: int | None, depth: int, inherited: int) -> None:
        for c in children.get(parent_id, []):
            count = own.get(c.id, 0)
            rows.append(TreeRow(c, depth, count, inherited + count))
            walk(c.id, depth + 1, inherited + count)

    walk(None, 0, 0)
    return rows


def category_by_slug(slug: str) -> Category:
    category = db.session.scalar(sa.select(Category).where(Category.slug == slug))
    if category is None:
        raise NotFound()
    return category


def own_attribute(category: Category, code: str) -> AttributeDefinition:
    attr = next((a for a in category.attributes if a.code == code), None)
    if attr is None:
        raise NotFound()
    return attr


def inherited_attributes(category: Category) -> list[tuple[Category, AttributeDefinition]]:
    return [(c, a) for c in category_path(category)[:-1] for a in c.attributes]


def subtree(category: Category) -> list[Category]:
    """The category and all its descendants."""
    out, frontier = [category], [category.id]
    while frontier:
        found = list(db.session.scalars(sa.select(Category).where(Category.parent_id.in_(frontier))))
        out.extend(found)
        frontier = [c.id for c in found]
    return out


def used_values(category: Category, code: str) -> list[Any]:
    """The values listing versions (all of them, history included) of the subtree hold for `code`."""
    ids = [c.id for c in subtree(category)]
    rows = db.session.scalars(
        sa.select(ListingVersion.attributes)
        .join(Listing, Listing.id == ListingVersion.listing_id)
        .where(Listing.category_id.in_(ids))
    )
    return [attrs[code] for attrs in rows if isinstance(attrs, dict) and code in attrs]


def options_text(options: list[dict[str, Any]] | None) -> str:
    """Options as the form's text lines."""
    lines = []
    for o in options or []:
        labels = o.get("labels") or {}
        lines.append(" | ".join([o.get("value", ""), *(labels.get(lang, "") for lang in LANGUAGES)]))
    return "\n".join(lines)


# -- validation helpers --------------------------------------------------------------------------


def _require_admin(user) -> None:
    if not getattr(user, "is_admin", False):
        raise PermissionDenied()


def _text(raw: Any, key: str, errors: dict[str, list[str]], *, max_length: int) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str):
        errors[key] = [str(_l("Enter text."))]
        return ""
    text = raw.strip()
    if len(text) > max_length:
        errors[key] = [str(_l("Use at most %(max)s characters.", max=max_length))]
    return text


def _labels(raw: Any, key: str, errors: dict[str, list[str]]) -> dict[str, str]:
    """A text in each of the four languages (errors keyed `<key>.<lang>`)."""
    if not isinstance(raw, dict):
        raw = {}
    labels: dict[str, str] = {}
    for lang in LANGUAGES:
        field_key = f"{key}.{lang}"
        text = _text(raw.get(lang), field_key, errors, max_length=LABEL_MAX)
        if field_key not in errors and not text:
            errors[field_key] = [str(_l("Enter the text in this language."))]
        labels[lang] = text
    unknown = sorted(str(k) for k in raw if k not in LANGUAGES)
    if unknown:
        errors[key] = [str(_l("Unknown language: %(codes)s.", codes=", ".join(unknown)))]
    return labels


def _bound(raw: Any, key: str, errors: dict[str, list[str]]) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        errors[key] = [str(_l("Enter a number, e.g. 0.5."))]
        return None
    try:
        value = Decimal(str(raw).strip().replace(" ", "").replace(",", "."))
    except InvalidOperation:
        errors[key] = [str(_l("Enter a number, e.g. 0.5."))]
        return None
    if not value.is_finite() or abs(value) >= _BOUND_LIMIT:
        errors[key] = [str(_l("Enter a number smaller than one trillion."))]
        return None
    if value != value.quantize(Decimal("0.000001")):
        errors[key] = [str(_l("Use at most six decimals."))]
        return None
    return value


def _parse_option_lines(text: str, errors: dict[str, list[str]]) -> list[dict[str, Any]]:
    options: list[dict[str, Any]] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 1 + len(LANGUAGES):
            problems.append(
                str(_l("Line %(line)s: write value | 中文 | English | Русский | Монгол.", line=number))
            )
            continue
        options.append({"value": parts[0], "labels": dict(zip(LANGUAGES, parts[1:], strict=True))})
    if problems:
        errors["options"] = problems
    return options


def _options(raw: Any, kind: AttributeKind | None, validator: str, errors: dict[str, list[str]]):
    if isinstance(raw, str):
        entries: Any = _parse_option_lines(raw, errors)
        if "options" in errors:
            return []
    elif raw is None:
        entries = []
    elif isinstance(raw, list):
        entries = raw
    else:
        errors["options"] = [str(_l("Give the options as a list of {value, labels}."))]
        return []
    if kind not in (AttributeKind.ENUM, AttributeKind.MULTI_ENUM):
        if entries:
            errors["options"] = [str(_l("Only list attributes (one or several of a list) have options."))]
        return []
    if not entries:
        errors["options"] = [str(_l("Give at least one option."))]
        return []
    options: list[dict[str, Any]] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        value = entry.get("value") if isinstance(entry, dict) else None
        labels = entry.get("labels") if isinstance(entry, dict) else None
        if not isinstance(value, str) or not OPTION_VALUE_RE.fullmatch(value.strip()):
            problems.append(
                str(
                    _l(
                        "Option %(n)s: the value must be 1–40 letters, digits, “_”, “.” or “-”, "
                        "without spaces.",
                        n=number,
                    )
                )
            )
            continue
        value = value.strip()
        if value.casefold() in seen:
            problems.append(
                str(_l("Option %(n)s: the value “%(value)s” is repeated.", n=number, value=value))
            )
            continue
        seen.add(value.casefold())
        if validator == "ghs_pictograms" and value not in v.GHS_PICTOGRAMS:
            problems.append(str(_l("Option %(n)s: GHS pictogram options are GHS01 to GHS09.", n=number)))
            continue
        label_errors: dict[str, list[str]] = {}
        clean_labels = _labels(labels, "label", label_errors)
        if label_errors:
            missing = [lang for lang in LANGUAGES if f"label.{lang}" in label_errors]
            if missing:
                problems.append(
                    str(
                        _l(
                            "Option “%(value)s”: give a label of at most %(max)s characters in each "
                            "language (%(langs)s).",
                            value=value,
                            max=LABEL_MAX,
                            langs=", ".join(missing),
                        )
                    )
                )
            else:
                problems.append(str(_l("Option “%(value)s”: labels only in zh, en, ru and mn.", value=value)))
            continue
        options.append({"value": value, "labels": clean_labels})
    if problems:
        errors["options"] = problems
    return options


def _path_codes(category: Category) -> dict[str, Category]:
    """Attribute codes of the category's ancestors, itself and its descendants → defining category."""
    categories = category_path(category)[:-1] + subtree(category)
    ids = [c.id for c in categories]
    by_id = {c.id: c for c in categories}
    rows = db.session.execute(
        sa.select(AttributeDefinition.code, AttributeDefinition.category_id).where(
            AttributeDefinition.category_id.in_(ids)
        )
    )
    return {code: by_id[category_id] for code, category_id in rows}


def _display_name(category: Category) -> str:
    return in_language(category.names, current_language()) or category.slug


# -- services ------------------------------------------------------------------------------------


def update_category_names(admin, category: Category, names: Any) -> Category:
    _require_admin(admin)
    errors: dict[str, list[str]] = {}
    clean = _labels(names, "names", errors)
    if errors:
        raise ValidationFailed(errors)
    before = dict(category.names or {})
    if clean != before:
        category.names = clean
        db.session.flush()
        _schema_changed()
        audit.record(
            "catalog.category_renamed",
            actor=admin,
            subject=category,
            slug=category.slug,
            before=before,
            after=clean,
        )
    return category


def save_attribute(
    admin, category: Category, code: str, data: AttributeInput, *, create: bool = False
) -> AttributeDefinition:
    """Create the attribute `code` of `category`, or update it if the category already defines it.
    With create=True (the "new attribute" form) an existing code is refused instead of updated."""
    _require_admin(admin)
    code = (code or "").strip() if isinstance(code, str) else ""
    existing = next((a for a in category.attributes if a.code == code), None)
    errors: dict[str, list[str]] = {}

    if create and existing is not None:
        errors["code"] = [
            str(_l("This category already has an attribute “%(code)s”; edit it instead.", code=code))
        ]
        existing = None
    elif existing is None:
        if not CODE_RE.fullmatch(code):
            errors["code"] = [
                str(
                    _l(
                        "Use 2–40 lower-case letters, digits or “_”, starting with a letter "
                        "(e.g. melt_index)."
                    )
                )
            ]
        else:
            owner = _path_codes(category).get(code)
            if owner is not None:
                errors["code"] = [
                    str(
                        _l(
                            "The code “%(code)s” is already used by the category “%(category)s” on this "
                            "path; choose another.",
                            code=code,
                            category=_display_name(owner),
                        )
                    )
                ]

    kind = None
    if isinstance(data.kind, str) and data.kind.strip() in {k.value for k in AttributeKind}:
        kind = AttributeKind(data.kind.strip())
    else:
        errors["kind"] = [str(_l("Choose one of the listed kinds."))]

    labels = _labels(data.labels, "labels", errors)
    is_decimal = kind == AttributeKind.DECIMAL
    unit = _text(data.unit, "unit", errors, max_length=UNIT_MAX)
    condition = _text(data.condition, "condition", errors, max_length=CONDITION_MAX)
    min_value = _bound(data.min_value, "min", errors)
    max_value = _bound(data.max_value, "max", errors)
    if kind is not None and not is_decimal:
        only_numbers = str(_l("Only numbers have this; leave it empty."))
        for key, value in (("unit", unit), ("condition", condition), ("min", min_value), ("max", max_value)):
            if value not in ("", None) and key not in errors:
                errors[key] = [only_numbers]
    if min_value is not None and max_value is not None and min_value > max_value:
        errors["max"] = [str(_l("The largest value must not be below the smallest."))]

    validator = _text(data.validator, "validator", errors, max_length=30)
    if "validator" not in errors and kind is not None:
        allowed = {
            AttributeKind.TEXT: TEXT_VALIDATORS,
            AttributeKind.MULTI_ENUM: MULTI_ENUM_VALIDATORS,
        }.get(kind, ("",))
        if validator not in allowed:
            errors["validator"] = [
                str(_l("This validator does not apply to this kind of attribute."))
                if validator in VALIDATOR_LABELS
                else str(_l("Choose one of the listed validators."))
            ]

    options = _options(data.options, kind, validator, errors)

    document_kind = _text(data.document_kind, "document_kind", errors, max_length=20)
    if "document_kind" not in errors and kind is not None:
        if kind == AttributeKind.DOCUMENT and document_kind not in DOCUMENT_KINDS:
            errors["document_kind"] = [str(_l("Choose which kind of document is needed."))]
        elif kind != AttributeKind.DOCUMENT and document_kind:
            errors["document_kind"] = [str(_l("Only document attributes have a document kind."))]

    required_when = None
    when_code = _text(data.required_when_attribute, "required_when", errors, max_length=40)
    if "required_when" not in errors and (when_code or data.required_when_not_empty):
        on_path = {a.code: a for c in category_path(category) for a in c.attributes}
        target = on_path.get(when_code)
        if not when_code:
            errors["required_when"] = [str(_l("Give the code of the attribute the condition refers to."))]
        elif target is None or when_code == code:
            errors["required_when"] = [
                str(
                    _l("“%(code)s” is not another attribute of this category or its parents.", code=when_code)
                )
            ]
        elif target.kind == AttributeKind.DOCUMENT:
            errors["required_when"] = [str(_l("The condition must refer to an attribute with a value."))]
        elif not data.required_when_not_empty:
            errors["required_when"] = [
                str(_l("Tick “is not empty”: it is the condition attributes can depend on."))
            ]
        else:
            required_when = {"attribute": when_code, "not_empty": True}

    if existing is not None and kind is not None:
        used = used_values(category, code)
        if used and kind != existing.kind:
            errors["kind"] = [
                str(
                    _l(
                        "Listings already have values for this attribute (%(count)s versions), so its kind "
                        "cannot change. Create a new attribute instead.",
                        count=len(used),
                    )
                )
            ]
        elif used and kind in (AttributeKind.ENUM, AttributeKind.MULTI_ENUM) and "options" not in errors:
            kept = {o["value"] for o in options}
            in_use = {str(x) for value in used for x in (value if isinstance(value, list) else [value])}
            removed = sorted(in_use - kept)
            if removed:
                errors["options"] = [
                    str(
                        _l(
                            "Listings use these options, so they cannot be removed: %(values)s.",
                            values=", ".join(removed),
                        )
                    )
                ]

    if errors:
        raise ValidationFailed(errors)
    assert kind is not None

    created = existing is None
    attr = existing
    if attr is None:
        position = max((a.position for a in category.attributes), default=-1) + 1
        attr = AttributeDefinition(code=code, position=position)
        category.attributes.append(attr)
    before = _snapshot(attr) if not created else {}
    attr.kind = kind
    attr.labels = labels
    attr.unit = unit
    attr.condition = condition
    attr.required = bool(data.required)
    attr.is_key = bool(data.is_key) and kind != AttributeKind.DOCUMENT
    attr.min_value = min_value
    attr.max_value = max_value
    attr.validator = validator
    attr.options = options
    attr.document_kind = document_kind
    attr.required_when = required_when
    db.session.flush()
    after = _snapshot(attr)
    changed = sorted(k for k in after if before.get(k) != after[k])
    if created or changed:
        _schema_changed()
        audit.record(
            "catalog.attribute_saved",
            actor=admin,
            subject=attr,
            category=category.slug,
            code=code,
            created=created,
            changed=changed,
        )
    return attr


def _number(value: Decimal | None) -> str | None:
    return format(Decimal(value).normalize(), "f") if value is not None else None


def _snapshot(attr: AttributeDefinition) -> dict[str, Any]:
    return {
        "kind": attr.kind.value if attr.kind else None,
        "labels": dict(attr.labels or {}),
        "unit": attr.unit,
        "condition": attr.condition,
        "required": bool(attr.required),
        "key": bool(attr.is_key),
        "min": _number(attr.min_value),
        "max": _number(attr.max_value),
        "validator": attr.validator,
        "options": list(attr.options or []),
        "document_kind": attr.document_kind,
        "required_when": attr.required_when,
    }


def delete_attribute(admin, category: Category, code: str) -> None:
    _require_admin(admin)
    attr = own_attribute(category, code)
    used = used_values(category, code)
    if used:
        raise Conflict(
            _l(
                "Listings have values for this attribute (%(count)s versions), so it cannot be deleted.",
                count=len(used),
            ),
            code="attribute_in_use",
        )
    scope = category_path(category)[:-1] + subtree(category)
    dependants = sorted(
        a.code
        for c in scope
        for a in c.attributes
        if a.code != code and (a.required_when or {}).get("attribute") == code
    )
    if dependants:
        raise Conflict(
            _l(
                "The condition of %(codes)s refers to this attribute; change it first.",
                codes=", ".join(dependants),
            ),
            code="attribute_referenced",
        )
    snapshot = _snapshot(attr)
    attr_id = attr.id
    category.attributes.remove(attr)
    db.session.flush()
    _schema_changed()
    audit.record(
        "catalog.attribute_deleted",
        actor=admin,
        subject=category,
        category=category.slug,
        code=code,
        attribute_id=attr_id,
        definition=snapshot,
    )


def _schema_changed() -> None:
    """Other pages must see the new schema: drop this process's cached categories now and after commit."""
    from marketplace.catalog.queries import invalidate

    invalidate()
    after_commit(invalidate)
