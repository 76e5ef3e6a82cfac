"""CSV import and export of a seller's listings, on the seller blueprint."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import Response, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from marketplace.catalog import csv_io, queries
from marketplace.catalog.seller_views import _company, bp
from marketplace.core.db import mark_rollback, utcnow
from marketplace.core.i18n import select_timezone


@bp.app_context_processor
def _csv_flag():
    return {"csv_enabled": True}


def csv_response(text: str, company_id: int) -> Response:
    today = utcnow().astimezone(ZoneInfo(select_timezone())).date().isoformat()
    response = Response(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="listings-{company_id}-{today}.csv"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/listings/export.csv")
def export_csv():
    company = _company()
    if company is None:
        return render_template("catalog/not_seller.html"), 403
    return csv_response(csv_io.export_listings(company), company.id)


def _page(errors: list[csv_io.RowError], message=None, status: int = 200):
    leaves = [c for c in queries.all_categories() if queries.is_leaf(c)]
    return render_template(
        "catalog/import.html",
        columns=csv_io.column_help(),
        leaves=leaves,
        errors=errors,
        message=message,
        max_rows=csv_io.MAX_ROWS,
        required=csv_io.REQUIRED,
    ), status


@bp.route("/listings/import", methods=["GET", "POST"])
def import_csv():
    company = _company()
    if company is None:
        return render_template("catalog/not_seller.html"), 403
    if request.method == "GET":
        return _page([])
    g.no_store = True
    upload = request.files.get("file")
    try:
        if upload is None or not upload.filename:
            raise csv_io.ImportFailed.file(_("Choose a CSV file to upload."))
        try:
            text = csv_io.decode(upload.stream.read(csv_io.MAX_BYTES + 1))
        finally:
            upload.close()
        result = csv_io.import_listings(current_user, company, text)
    except csv_io.ImportFailed as exc:
        mark_rollback()
        return _page(exc.rows, exc.message, 422)
    flash(
        _(
            "Import complete: %(created)s listings created, %(updated)s updated, %(unchanged)s unchanged.",
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
        ),
        "success",
    )
    return redirect(url_for("seller.listings"))
