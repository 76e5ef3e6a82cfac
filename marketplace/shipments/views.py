"""Shipment pages: creating a shipment for an order, the shipments a company sends or receives (or a
warehouse operator handles), and one shipment with its timeline, moves and documents."""

from __future__ import annotations

from flask import flash, g, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.core.db import mark_rollback
from marketplace.core.errors import UserError, ValidationFailed
from marketplace.core.i18n import localized_blueprint
from marketplace.documents import services as documents
from marketplace.orders import queries as order_queries
from marketplace.shipments import queries, services
from marketplace.shipments.states import TIMELINE, ShipmentState, ShipmentTransport
from marketplace.warehouses import queries as warehouse_queries
from marketplace.warehouses.services import EXIT_OFFICES, operated_ids
from marketplace.warehouses.states import PackageType, WarehouseKind

bp = localized_blueprint("shipments", __name__, url_prefix="/shipments", template_folder="templates")

FIELDS = (
    "warehouse_id",
    "packages",
    "package_type",
    "gross_weight_kg",
    "net_weight_kg",
    "transport_mode",
    "carrier_name",
    "carrier_customs_code",
    "waybill_number",
    "exit_customs_code",
    "departure_date",
    "notes",
)


@bp.before_request
@login_required
def _members_only():
    pass


@bp.get("")
def index():
    company = g.get("company")
    if current_user.is_admin and (company is None or request.args.get("all")):
        rows = queries.all_shipments()
    elif company is not None:
        rows = queries.shipments_of_company(company.id)
    else:
        rows = queries.shipments_of_warehouses(operated_ids(current_user))
    return render_template("shipments/index.html", shipments=rows, company=company)


def _form(order, *, values=None, errors=None, status=200):
    home = [w for w in warehouse_queries.company_warehouses(order.seller_id) if w.kind == WarehouseKind.HOME]
    left = services.remaining(order)
    if values is None:
        values = {
            "package_type": PackageType.CARTON.value,
            "transport_mode": "road",
            "exit_customs_code": "0702",
        }
        values.update({f"line_{line.id}": format(left[line.id].normalize(), "f") for line in order.lines})
    return (
        render_template(
            "shipments/new.html",
            order=order,
            left=left,
            warehouses=home,
            package_types=PackageType,
            transports=ShipmentTransport,
            exit_offices=EXIT_OFFICES,
            values=values,
            errors=errors or {},
        ),
        status,
    )


def _data_from_form(order) -> services.ShipmentData:
    data = services.ShipmentData(**{k: request.form.get(k, "") for k in FIELDS})
    data.quantities = {line.id: request.form.get(f"line_{line.id}", "") for line in order.lines}
    return data


@bp.route("/new/<int:order_id>", methods=["GET", "POST"])
def new(order_id: int):
    order = order_queries.order_for(current_user, order_id)
    if request.method == "GET":
        return _form(order)
    try:
        shipment = services.create_shipment(current_user, order, _data_from_form(order))
    except ValidationFailed as exc:
        mark_rollback()
        return _form(order, values=request.form.to_dict(), errors=exc.errors, status=422)
    except UserError as exc:
        mark_rollback()
        flash(str(exc.message), "error")
        return redirect(url_for("orders.detail", order_id=order.id))
    flash(
        _(
            "Shipment %(number)s created with its commercial invoice and packing list.",
            number=shipment.number,
        ),
        "success",
    )
    return redirect(url_for("shipments.detail", shipment_id=shipment.id))


def _page(shipment, *, errors=None, status=200, declaration_errors=None):
    timeline = queries.timeline(shipment)
    reached = {e.state: e.at for e in timeline if e.state is not None}
    return (
        render_template(
            "shipments/shipment.html",
            shipment=shipment,
            order=shipment.order,
            timeline=timeline,
            steps=[(s, reached.get(s)) for s in TIMELINE],
            moves=services.moves_for(current_user, shipment),
            can_report=services.can_report(current_user, shipment),
            is_buyer=services.is_buyer(current_user, shipment),
            documents=documents.documents_of_shipment(shipment),
            ShipmentState=ShipmentState,
            errors=errors or {},
            declaration_errors=declaration_errors or [],
        ),
        status,
    )


@bp.get("/<int:shipment_id>")
def detail(shipment_id: int):
    return _page(services.shipment_for(current_user, shipment_id))


def _refused(shipment, exc: UserError):
    mark_rollback()
    if isinstance(exc, ValidationFailed) and exc.errors:
        return _page(shipment, errors=exc.errors, status=422)
    flash(str(exc.message), "error")
    return redirect(url_for("shipments.detail", shipment_id=shipment.id))


@bp.post("/<int:shipment_id>/move")
def move(shipment_id: int):
    shipment = services.shipment_for(current_user, shipment_id)
    try:
        services.move(
            current_user,
            shipment,
            request.form.get("state", ""),
            reason=request.form.get("reason", ""),
            at=request.form.get("at", ""),
            location=request.form.get("location", ""),
        )
    except UserError as exc:
        return _refused(shipment, exc)
    flash(_("The shipment is now “%(state)s”.", state=shipment.state.label), "success")
    return redirect(url_for("shipments.detail", shipment_id=shipment.id))


@bp.post("/<int:shipment_id>/events")
def add_event(shipment_id: int):
    shipment = services.shipment_for(current_user, shipment_id)
    try:
        services.add_event(
            current_user,
            shipment,
            location=request.form.get("location", ""),
            note=request.form.get("note", ""),
            at=request.form.get("at", ""),
        )
    except UserError as exc:
        return _refused(shipment, exc)
    flash(_("Tracking event added."), "success")
    return redirect(url_for("shipments.detail", shipment_id=shipment.id))


@bp.get("/<int:shipment_id>/documents/<int:document_id>.pdf")
def document_pdf(shipment_id: int, document_id: int):
    shipment = services.shipment_for(current_user, shipment_id)
    doc = services.document_for(current_user, shipment, document_id)
    response = make_response(documents.render_pdf(doc))
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{doc.number}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
