"""Category attribute schemas: the effective schema of a category (its ancestors' attributes and its
own), validation of attribute values against it, and display in the viewer's language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from flask_babel import lazy_gettext as _l

from marketplace.catalog import validators as v
from marketplace.catalog.models import AttributeDefinition, Category
from marketplace.catalog.states import AttributeKind
from marketplace.core.i18n import format_number

FALLBACK = ("en", "zh", "ru", "mn")


def in_language(texts: dict[str, str] | None, lang: str) -> str:
    """The text in `lang`, else the first available in the fallback order."""
    texts = texts or {}
    for code in (lang, *FALLBACK):
        if texts.get(code):
            return texts[code]
    return next(iter(texts.values()), "")


@dataclass
class Schema:
    category: Category
    path: list[Category]
    attributes: list[AttributeDefinition] = field(default_factory=list)

    @property
    def by_code(self) -> dict[str, AttributeDefinition]:
        return {a.code: a for a in self.attributes}

    @property
    def key_attributes(self) -> list[AttributeDefinition]:
        return [a for a in self.attributes if a.is_key and a.kind != AttributeKind.DOCUMENT]


def category_path(category: Category, categories_by_id: dict[int, Category] | None = None) -> list[Category]:
    path = [category]
    while path[0].parent_id is not None:
        parent = (categories_by_id or {}).get(path[0].parent_id) or path[0].parent
        path.insert(0, parent)
    return path


def schema_for(category: Category, categories_by_id: dict[int, Category] | None = None) -> Schema:
    path = category_path(category, categories_by_id)
    attributes = [a for c in path for a in c.attributes]
    return Schema(category, path, attributes)


def option_label(attr: AttributeDefinition, value: str, lang: str) -> str:
    for option in attr.options or []:
        if option["value"] == value:
            return in_language(option.get("labels"), lang)
    return value


def _decimal(raw: Any) -> Decimal:
    if isinstance(raw, float):
        raise v.ValueInvalid(_l("Enter a number."), code="number")
    try:
        value = Decimal(str(raw).strip().replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise v.ValueInvalid(_l("Enter a number."), code="number")
    if not value.is_finite():
        raise v.ValueInvalid(_l("Enter a number."), code="number")
    return value


def _clean_one(attr: AttributeDefinition, raw: Any) -> Any:
    kind = attr.kind
    if kind == AttributeKind.TEXT:
        text = str(raw).strip()
        if len(text) > 500:
            raise v.ValueInvalid(_l("Use at most 500 characters."), code="length")
        if attr.validator == "cas_list":
            parts = [p for p in re.split(r"[,;\s]+", text) if p]
            return ", ".join(v.validate_cas(p) for p in parts)
        if attr.validator == "ec_number":
            return v.validate_ec_number(text)
        if attr.validator == "un_number":
            return v.validate_un_number(text)
        if attr.validator == "vin":
            return v.validate_vin(text)
        if attr.validator == "composition":
            parts = v.validate_composition(v.parse_composition(text))
            return ", ".join(f"{format(p.normalize(), 'f')}% {name}" for name, p in parts)
        return text
    if kind == AttributeKind.DECIMAL:
        value = _decimal(raw)
        if attr.min_value is not None and value < attr.min_value:
            raise v.ValueInvalid(
                _l("The smallest accepted value is %(min)s.", min=format_number(attr.min_value.normalize())),
                code="min",
            )
        if attr.max_value is not None and value > attr.max_value:
            raise v.ValueInvalid(
                _l("The largest accepted value is %(max)s.", max=format_number(attr.max_value.normalize())),
                code="max",
            )
        return format(value.normalize(), "f")
    allowed = {o["value"] for o in attr.options or []}
    if kind == AttributeKind.ENUM:
        value = str(raw).strip()
        if value not in allowed:
            raise v.ValueInvalid(_l("Choose one of the listed values."), code="choice")
        return value
    if kind == AttributeKind.MULTI_ENUM:
        values = raw if isinstance(raw, list | tuple) else [p for p in re.split(r"[,;]\s*", str(raw)) if p]
        values = [str(x).strip() for x in values if str(x).strip()]
        unknown = [x for x in values if x not in allowed]
        if unknown:
            raise v.ValueInvalid(_l("Not in the list: %(values)s.", values=", ".join(unknown)), code="choice")
        if attr.validator == "ghs_pictograms":
            return v.validate_ghs_pictograms(values)
        return sorted(set(values), key=[o["value"] for o in attr.options].index)
    if kind == AttributeKind.BOOLEAN:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in {"y", "yes", "true", "1", "on"}:
            return True
        if text in {"n", "no", "false", "0", "off"}:
            return False
        raise v.ValueInvalid(_l("Answer yes or no."), code="boolean")
    raise v.ValueInvalid(_l("Documents are uploaded as files."), code="document")


def _is_empty(raw: Any) -> bool:
    return (
        raw is None
        or (isinstance(raw, str) and not raw.strip())
        or (isinstance(raw, list | tuple) and not raw)
    )


def clean_attributes(schema: Schema, raw: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Typed, canonical values for the schema's attributes; errors keyed `attributes.<code>`.
    Unknown codes are refused. Required attributes are checked at submission, not here."""
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    by_code = schema.by_code
    for code in raw:
        if code not in by_code:
            errors[f"attributes.{code}"] = [str(_l("This category has no attribute “%(code)s”.", code=code))]
    for attr in schema.attributes:
        if attr.kind == AttributeKind.DOCUMENT or attr.code not in raw or _is_empty(raw[attr.code]):
            continue
        try:
            values[attr.code] = _clean_one(attr, raw[attr.code])
        except v.ValueInvalid as exc:
            errors[f"attributes.{attr.code}"] = [str(exc.message)]
    return values, errors


def _condition_met(condition: dict[str, Any] | None, values: dict[str, Any]) -> bool:
    if not condition:
        return True
    value = values.get(condition.get("attribute", ""))
    if condition.get("not_empty"):
        return not _is_empty(value)
    if "equals" in condition:
        return value == condition["equals"]
    return True


def missing_for_submission(
    schema: Schema, values: dict[str, Any], file_kinds: set[str]
) -> dict[str, list[str]]:
    """What must still be filled in or uploaded before the listing can be reviewed."""
    errors: dict[str, list[str]] = {}
    for attr in schema.attributes:
        needed = attr.required or (
            attr.required_when is not None and _condition_met(attr.required_when, values)
        )
        if not needed:
            continue
        if attr.kind == AttributeKind.DOCUMENT:
            if attr.document_kind not in file_kinds:
                errors[f"attributes.{attr.code}"] = [str(_l("Upload this document before submitting."))]
        elif _is_empty(values.get(attr.code)):
            errors[f"attributes.{attr.code}"] = [str(_l("This attribute is required."))]
    return errors


def display_value(attr: AttributeDefinition, value: Any, lang: str) -> str:
    if value is None:
        return ""
    if attr.kind == AttributeKind.ENUM:
        return option_label(attr, value, lang)
    if attr.kind == AttributeKind.MULTI_ENUM:
        return ", ".join(option_label(attr, x, lang) for x in value)
    if attr.kind == AttributeKind.BOOLEAN:
        return str(_l("Yes")) if value else str(_l("No"))
    if attr.kind == AttributeKind.DECIMAL:
        number = format_number(Decimal(str(value)))
        return f"{number} {attr.unit}".strip()
    return str(value)
