"""/api/v1 CSV import and export of a seller company's listings (the same service as the web page)."""

from __future__ import annotations

from flask import jsonify, request
from flask_babel import lazy_gettext as _l

from marketplace.accounts.models import Company
from marketplace.accounts.services import membership
from marketplace.catalog import csv_io, services
from marketplace.catalog.csv_views import csv_response
from marketplace.core.api import current_api_user, route
from marketplace.core.db import mark_rollback
from marketplace.core.errors import NotFound, ValidationFailed
from marketplace.extensions import db

_S, _I = {"type": "string"}, {"type": "integer"}
IMPORT_BODY = {
    "multipart": True,
    "type": "object",
    "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary", "description": "CSV, UTF-8, at most 2 MB"}},
}
IMPORT_RESULT = {
    "type": "object",
    "properties": {"created": _I, "updated": _I, "unchanged": _I},
    "description": "422 import_failed: error.rows lists {row, field, message}; nothing is written",
}


def _seller_company() -> Company:
    user = current_api_user()
    try:
        company_id = int(request.args.get("company_id", ""))
    except ValueError:
        raise ValidationFailed({"company_id": [str(_l("?company_id=<id> is required."))]})
    company = db.session.get(Company, company_id)
    if company is None or membership(user, company_id) is None:
        raise NotFound()
    services.require_seller_member(user, company)
    return company


@route(
    "/seller/listings/export",
    "GET",
    summary="All listings of one of my seller companies as CSV (?company_id=)",
    tag="catalog",
    response={"type": "string", "description": "text/csv; charset=utf-8, with a BOM"},
)
def export_listings_csv():
    company = _seller_company()
    return csv_response(csv_io.export_listings(company), company.id)


@route(
    "/seller/listings/import",
    "POST",
    summary="Create and update listings from CSV, all rows or none "
    "(?company_id=; multipart file, or a text/csv body)",
    tag="catalog",
    body=IMPORT_BODY,
    response=IMPORT_RESULT,
)
def import_listings_csv():
    company = _seller_company()
    try:
        upload = request.files.get("file")
        if upload is not None and upload.filename:
            try:
                data = upload.stream.read(csv_io.MAX_BYTES + 1)
            finally:
                upload.close()
        elif request.mimetype == "text/csv":
            data = request.get_data()
        else:
            raise csv_io.ImportFailed.file(_l("Send the CSV file as the multipart field “file”."))
        result = csv_io.import_listings(current_api_user(), company, csv_io.decode(data))
    except csv_io.ImportFailed as exc:
        mark_rollback()
        error = {
            "code": exc.code,
            "message": str(exc.message),
            "rows": [{"row": e.row, "field": e.field, "message": e.message} for e in exc.rows],
            "fields": exc.errors,
        }
        return jsonify(error=error), exc.status
    return jsonify(created=result.created, updated=result.updated, unchanged=result.unchanged)
