"""Seller area: the company's listings, the schema-driven editor, files, preview, submission."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.accounts.states import CompanyKind
from marketplace.catalog import queries, services
from marketplace.catalog.forms import PRICE_ROWS, form_values, listing_data_from_form, submitted_values
from marketplace.catalog.states import FileKind, Incoterm, ListingState, TransportMode, Unit
from marketplace.catalog.views import render_listing
from marketplace.core.db import mark_rollback
from marketplace.core.errors import ValidationFailed
from marketplace.core.i18n import localized_blueprint
from marketplace.core.money import ISO_CURRENCIES

bp = localized_blueprint("seller", __name__, url_prefix="/seller", template_folder="templates")


@bp.before_request
@login_required
def _sellers_only():
    pass


def _company():
    company = g.get("company")
    if company is None or company.kind != CompanyKind.SELLER:
        return None
    return company


def _editor(listing, category, values, errors, status=200):
    schema = queries.schema_of(category)
    version = None
    if listing is not None:
        version = listing.working_version or listing.live_version
    return render_template(
        "catalog/editor.html",
        listing=listing,
        category=category,
        schema=schema,
        values=values,
        errors=errors,
        version=version,
        price_rows=range(PRICE_ROWS),
        units=list(Unit),
        incoterms=list(Incoterm),
        modes=list(TransportMode),
        file_kinds=list(FileKind),
        currencies=sorted(ISO_CURRENCIES),
    ), status


@bp.get("/listings")
def listings():
    company = _company()
    if company is None:
        return render_template("catalog/not_seller.html"), 403
    return render_template(
        "catalog/seller_listings.html",
        company=company,
        rows=queries.seller_listings(company.id, g.lang),
        states=ListingState,
    )


@bp.route("/listings/new", methods=["GET", "POST"])
def new_listing():
    company = _company()
    if company is None:
        return render_template("catalog/not_seller.html"), 403
    slug = request.args.get("category", "")
    category = queries.category_by_slug(slug) if slug else None
    if category is None or not queries.is_leaf(category):
        roots = queries.children_of(None)
        return render_template(
            "catalog/choose_category.html",
            roots=roots,
            children_of=queries.children_of,
            is_leaf=queries.is_leaf,
        )
    if request.method == "POST":
        data = listing_data_from_form(request.form, queries.schema_of(category))
        try:
            listing = services.create_listing(current_user, company, category, data)
        except ValidationFailed as exc:
            mark_rollback()
            return _editor(None, category, submitted_values(request.form), exc.errors, 422)
        flash(
            _("The listing is saved as a draft. Add images and documents, then submit it for review."),
            "success",
        )
        return redirect(url_for("seller.edit_listing", listing_id=listing.id))
    values = {
        "unit": category.default_unit.value,
        "hs_code": category.hs_hint,
        "origin_ordos": "1" if company.is_ordos else "0",
    }
    return _editor(None, category, values, {})


@bp.route("/listings/<int:listing_id>/edit", methods=["GET", "POST"])
def edit_listing(listing_id: int):
    listing = services.listing_for_seller(current_user, listing_id)
    if request.method == "POST":
        data = listing_data_from_form(request.form, queries.schema_of(listing.category))
        try:
            services.update_listing(current_user, listing, data)
        except ValidationFailed as exc:
            mark_rollback()
            return _editor(listing, listing.category, submitted_values(request.form), exc.errors, 422)
        flash(_("Your changes are saved."), "success")
        return redirect(url_for("seller.edit_listing", listing_id=listing.id))
    return _editor(
        listing, listing.category, form_values(listing.working_version or listing.live_version), {}
    )


@bp.post("/listings/<int:listing_id>/files")
def upload_file(listing_id: int):
    listing = services.listing_for_seller(current_user, listing_id)
    try:
        services.attach_file(
            current_user,
            listing,
            request.form.get("kind", ""),
            request.files.get("file"),
            request.form.get("language", ""),
        )
    except ValidationFailed as exc:
        mark_rollback()
        values = form_values(listing.working_version or listing.live_version)
        return _editor(listing, listing.category, values, exc.errors, 422)
    flash(_("The file is uploaded."), "success")
    return redirect(url_for("seller.edit_listing", listing_id=listing.id) + "#files")


@bp.post("/listings/<int:listing_id>/files/<int:file_id>/remove")
def remove_file(listing_id: int, file_id: int):
    listing = services.listing_for_seller(current_user, listing_id)
    services.detach_file(current_user, listing, file_id)
    flash(_("The file is removed from the listing."), "info")
    return redirect(url_for("seller.edit_listing", listing_id=listing.id) + "#files")


@bp.post("/listings/<int:listing_id>/submit")
def submit(listing_id: int):
    listing = services.listing_for_seller(current_user, listing_id)
    try:
        services.submit_listing(
            current_user, listing, acknowledge_flags=request.form.get("acknowledge_flags") == "1"
        )
    except ValidationFailed as exc:
        mark_rollback()
        values = form_values(listing.working_version or listing.live_version)
        return _editor(listing, listing.category, values, exc.errors, 422)
    flash(_("The listing is sent for review."), "success")
    return redirect(url_for("seller.listings"))


@bp.get("/listings/<int:listing_id>/preview")
def preview(listing_id: int):
    listing = services.listing_for_seller(current_user, listing_id)
    version_id = listing.working_version_id or listing.live_version_id
    if version_id is None:
        abort(404)
    return render_listing(listing, queries.load_version(version_id), preview=True)
