"""Declaration pages of the seller: declare a shipment or booking to customs, correct and resubmit a
rejected declaration, cancel a list, record the broker's entry number. Thin: parse, call one service
of `shipments.declare`, redirect (or show the shipment again with the errors, field by field)."""

from __future__ import annotations

import re

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from marketplace.core.db import mark_rollback
from marketplace.core.errors import NotFound, UserError, ValidationFailed
from marketplace.core.i18n import localized_blueprint
from marketplace.customs.messages import FIELD_LABELS
from marketplace.shipments import declare, services, views
from marketplace.warehouses import services as warehouses

# Booking actions live under /bookings/<id>/declaration… next to the warehouses module's booking pages.
bookings_bp = localized_blueprint("booking_declarations", __name__, url_prefix="/bookings")

# Field keys of the declaration errors (input checks, code tables, the forms) -> what the seller sees.
LABELS = {
    "destination_port": _l("Port of discharge"),
    "mode": _l("Declaration mode"),
    "seller_code": _l("Seller customs code"),
    "warehouse_name": _l("Overseas warehouse"),
    "lines": _l("Lines"),
    "gross_weight": _l("Gross weight"),
    "gross_weight_kg": _l("Gross weight"),
    "net_weight": _l("Net weight"),
    "net_weight_kg": _l("Net weight"),
    "packages": _l("Number of packages"),
    "package_type": _l("Package type"),
    "freight": _l("Freight"),
    "cny_rate": _l("Exchange rate to CNY"),
    "currency": _l("Currency"),
    "destination_country": _l("Destination country"),
    "transport_mode": _l("Transport mode"),
    "carrier_name": _l("Carrier"),
    "customs_code": _l("Declaring customs office"),
    "port_code": _l("Exit port"),
    "exit_customs_code": _l("Exit customs office"),
    "departure_date": _l("Departure date"),
    "reference": _l("Order or booking number"),
    "route": _l("Route"),
    "entry_no": _l("Entry number"),
    "reason": _l("Cancellation reason"),
    "hs_code": _l("HS code"),
    "quantity": _l("Quantity"),
    "price": _l("Unit price"),
    "item_no": _l("SKU"),
    "unit": _l("Unit of measure"),
    "second_unit": _l("Second legal unit"),
}
_LINE = re.compile(r"^lines\.(\d+)\.(\w+)$")


def field_label(key: str) -> str:
    found = _LINE.match(key or "")
    if found:
        number, name = found.groups()
        return _("Line %(n)s: %(field)s", n=number, field=LABELS.get(name) or FIELD_LABELS.get(name, name))
    label = LABELS.get(key) or FIELD_LABELS.get(key)
    return str(label) if label is not None else key


def error_list(exc: UserError) -> list[tuple[str, str]]:
    """(field label, message) pairs of a refused operation, in the request's language."""
    if isinstance(exc, ValidationFailed) and exc.errors:
        return [(field_label(k), str(m)) for k, messages in exc.errors.items() for m in messages]
    return [("", str(exc.message))]


@views.bp.post("/<int:shipment_id>/declare")
def declare_shipment(shipment_id: int):
    return _shipment_action(
        shipment_id,
        lambda s: declare.declare_shipment(current_user, s, request.form.get("destination_port", "")),
        _l("The shipment has been declared to customs."),
    )


@views.bp.post("/<int:shipment_id>/declaration/resubmit")
def resubmit_shipment(shipment_id: int):
    data = declare.Correction(**{k: request.form.get(k) for k in declare.CORRECTABLE})
    return _shipment_action(
        shipment_id,
        lambda s: declare.resubmit_shipment(current_user, s, data),
        _l("The corrected declaration has been resubmitted."),
    )


@views.bp.post("/<int:shipment_id>/declaration/cancel")
def cancel_shipment_declaration(shipment_id: int):
    return _shipment_action(
        shipment_id,
        lambda s: declare.cancel_declaration(current_user, s, request.form.get("reason", "")),
        _l("The cancellation of the customs list has been requested."),
    )


@views.bp.post("/<int:shipment_id>/declaration/entry")
def record_shipment_entry(shipment_id: int):
    return _shipment_action(
        shipment_id,
        lambda s: declare.record_entry(current_user, s, request.form.get("entry_no", "")),
        _l("The entry number has been recorded."),
    )


def _shipment_action(shipment_id: int, action, done):
    shipment = services.shipment_for(current_user, shipment_id)
    try:
        action(shipment)
    except ValidationFailed as exc:
        mark_rollback()
        return views._page(shipment, status=422, declaration_errors=error_list(exc))
    except UserError as exc:
        mark_rollback()
        flash(str(exc.message), "error")
    else:
        flash(str(done), "success")
    return redirect(url_for("shipments.detail", shipment_id=shipment.id, _anchor="declaration"))


@bookings_bp.before_request
@login_required
def _members_only():
    pass


def _booking_action(booking_id: int, action, done):
    try:
        booking = warehouses.booking_for(current_user, booking_id)
    except NotFound:
        abort(404)
    try:
        action(booking)
    except UserError as exc:
        mark_rollback()
        for label, message in error_list(exc):
            flash(f"{label}: {message}" if label else message, "error")
    else:
        flash(str(done), "success")
    return redirect(url_for("warehouses.booking", booking_id=booking_id, _anchor="declaration"))


@bookings_bp.post("/<int:booking_id>/declare")
def declare_booking(booking_id: int):
    return _booking_action(
        booking_id,
        lambda b: declare.declare_booking(current_user, b, request.form.get("destination_port", "")),
        _l("The booking has been declared to customs."),
    )


@bookings_bp.post("/<int:booking_id>/declaration/resubmit")
def resubmit_booking(booking_id: int):
    return _booking_action(
        booking_id,
        lambda b: declare.resubmit_booking(current_user, b, request.form.get("destination_port")),
        _l("The corrected declaration has been resubmitted."),
    )


@bookings_bp.post("/<int:booking_id>/declaration/cancel")
def cancel_booking_declaration(booking_id: int):
    return _booking_action(
        booking_id,
        lambda b: declare.cancel_declaration(current_user, b, request.form.get("reason", "")),
        _l("The cancellation of the customs list has been requested."),
    )


@bookings_bp.post("/<int:booking_id>/declaration/entry")
def record_booking_entry(booking_id: int):
    return _booking_action(
        booking_id,
        lambda b: declare.record_entry(current_user, b, request.form.get("entry_no", "")),
        _l("The entry number has been recorded."),
    )
