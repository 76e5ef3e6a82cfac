"""Admin pages for category attribute schemas: the category tree, a category's names and attributes,
the attribute form. Routes on the catalog admin blueprint (admins only, /<lang>/admin/catalog/…)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from marketplace.catalog import schema_admin
from marketplace.catalog.admin_views import bp
from marketplace.catalog.models import AttributeDefinition, Category
from marketplace.catalog.schema import category_path
from marketplace.catalog.states import AttributeKind
from marketplace.core.db import mark_rollback
from marketplace.core.errors import Conflict, ValidationFailed
from marketplace.core.i18n import LANGUAGES


def _form_input(form: MultiDict) -> schema_admin.AttributeInput:
    return schema_admin.AttributeInput(
        kind=form.get("kind", ""),
        labels={lang: form.get(f"label_{lang}", "") for lang in LANGUAGES},
        unit=form.get("unit", ""),
        condition=form.get("condition", ""),
        required=form.get("required") == "1",
        is_key=form.get("key") == "1",
        min_value=form.get("min", ""),
        max_value=form.get("max", ""),
        validator=form.get("validator", ""),
        options=form.get("options", ""),
        document_kind=form.get("document_kind", ""),
        required_when_attribute=form.get("required_when_attribute", ""),
        required_when_not_empty=form.get("required_when_not_empty") == "1",
    )


def _attribute_values(attr: AttributeDefinition | None) -> dict[str, Any]:
    """The form's values for an existing attribute (or the defaults of a new one)."""
    if attr is None:
        return {"kind": AttributeKind.TEXT.value}
    values: dict[str, Any] = {
        "code": attr.code,
        "kind": attr.kind.value,
        "unit": attr.unit,
        "condition": attr.condition,
        "required": "1" if attr.required else "",
        "key": "1" if attr.is_key else "",
        "min": format(attr.min_value.normalize(), "f") if attr.min_value is not None else "",
        "max": format(attr.max_value.normalize(), "f") if attr.max_value is not None else "",
        "validator": attr.validator,
        "options": schema_admin.options_text(attr.options),
        "document_kind": attr.document_kind,
        "required_when_attribute": (attr.required_when or {}).get("attribute", ""),
        "required_when_not_empty": "1" if (attr.required_when or {}).get("not_empty") else "",
    }
    values.update({f"label_{lang}": (attr.labels or {}).get(lang, "") for lang in LANGUAGES})
    return values


def _attribute_page(category: Category, attr: AttributeDefinition | None, values, errors, status=200):
    condition_choices = [
        a
        for c in category_path(category)
        for a in c.attributes
        if a.kind != AttributeKind.DOCUMENT and (attr is None or a.code != attr.code)
    ]
    return render_template(
        "catalog/admin_attribute.html",
        category=category,
        path=category_path(category),
        attr=attr,
        values=values,
        errors=errors,
        kinds=list(AttributeKind),
        validators=schema_admin.VALIDATOR_LABELS,
        text_validators=schema_admin.TEXT_VALIDATORS,
        multi_enum_validators=schema_admin.MULTI_ENUM_VALIDATORS,
        document_kinds=schema_admin.DOCUMENT_KIND_LABELS,
        condition_choices=condition_choices,
        languages=LANGUAGES,
    ), status


def _category_page(category: Category, values, errors, status=200):
    return render_template(
        "catalog/admin_category.html",
        category=category,
        path=category_path(category),
        inherited=schema_admin.inherited_attributes(category),
        values=values,
        errors=errors,
        languages=LANGUAGES,
    ), status


@bp.get("/categories")
def categories():
    return render_template("catalog/admin_categories.html", rows=schema_admin.category_tree())


@bp.route("/categories/<slug>", methods=["GET", "POST"])
def category(slug: str):
    category = schema_admin.category_by_slug(slug)
    if request.method == "POST":
        names = {lang: request.form.get(f"name_{lang}", "") for lang in LANGUAGES}
        try:
            schema_admin.update_category_names(current_user, category, names)
        except ValidationFailed as exc:
            mark_rollback()
            return _category_page(category, request.form, exc.errors, 422)
        flash(_("The category names are saved."), "success")
        return redirect(url_for("catalog_admin.category", slug=category.slug))
    values = {f"name_{lang}": (category.names or {}).get(lang, "") for lang in LANGUAGES}
    return _category_page(category, values, {})


@bp.route("/categories/<slug>/attributes/new", methods=["GET", "POST"])
def new_attribute(slug: str):
    category = schema_admin.category_by_slug(slug)
    if request.method == "POST":
        code = request.form.get("code", "").strip()
        try:
            schema_admin.save_attribute(current_user, category, code, _form_input(request.form), create=True)
        except ValidationFailed as exc:
            mark_rollback()
            return _attribute_page(category, None, request.form, exc.errors, 422)
        flash(_("The attribute is added."), "success")
        return redirect(url_for("catalog_admin.category", slug=category.slug))
    return _attribute_page(category, None, _attribute_values(None), {})


@bp.route("/categories/<slug>/attributes/<code>", methods=["GET", "POST"])
def edit_attribute(slug: str, code: str):
    category = schema_admin.category_by_slug(slug)
    attr = schema_admin.own_attribute(category, code)
    if request.method == "POST":
        try:
            schema_admin.save_attribute(current_user, category, code, _form_input(request.form))
        except ValidationFailed as exc:
            mark_rollback()
            values = {**request.form.to_dict(), "code": attr.code}
            return _attribute_page(category, attr, values, exc.errors, 422)
        flash(_("The attribute is saved."), "success")
        return redirect(url_for("catalog_admin.category", slug=category.slug))
    return _attribute_page(category, attr, _attribute_values(attr), {})


@bp.post("/categories/<slug>/attributes/<code>/delete")
def delete_attribute(slug: str, code: str):
    category = schema_admin.category_by_slug(slug)
    try:
        schema_admin.delete_attribute(current_user, category, code)
    except Conflict as exc:
        mark_rollback()
        flash(str(exc.message), "error")
        return redirect(url_for("catalog_admin.edit_attribute", slug=category.slug, code=code))
    flash(_("The attribute is deleted."), "success")
    return redirect(url_for("catalog_admin.category", slug=category.slug))
