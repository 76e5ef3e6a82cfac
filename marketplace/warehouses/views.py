"""Warehouse, stock and replenishment-booking pages for sellers and warehouse operators. Thin: parse,
call one service, redirect or render."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.core import uploads
from marketplace.core.db import mark_rollback
from marketplace.core.errors import NotFound, UserError, ValidationFailed
from marketplace.core.i18n import country_choices, localized_blueprint
from marketplace.core.money import ISO_CURRENCIES
from marketplace.extensions import db
from marketplace.warehouses import queries, services
from marketplace.warehouses.states import (
    BookingState,
    BookingTransport,
    PackageType,
    WarehouseKind,
    booking_workflow,
)

bp = localized_blueprint("warehouses", __name__, template_folder="templates")

LINE_ROWS = 5


@bp.before_request
@login_required
def _members_only():
    pass


def _seller():
    company = g.get("company")
    if company is None or not company.is_seller:
        return None
    return company


def warehouse_data_from(form) -> services.WarehouseData:
    return services.WarehouseData(
        name=form.get("name", ""),
        operator_name=form.get("operator_name", ""),
        country=form.get("country", ""),
        city=form.get("city", ""),
        address=form.get("address", ""),
        ships_in_days=form.get("ships_in_days", ""),
        kind=form.get("kind", WarehouseKind.OWN.value),
        code=form.get("code"),
        active=form.get("active") in ("y", "on", "1", "true"),
        contract_number=form.get("contract_number", ""),
        contract_valid_until=form.get("contract_valid_until", ""),
    )


# -- warehouses -------------------------------------------------------------------------------------


@bp.get("/warehouses")
def index():
    company = _seller()
    return render_template(
        "warehouses/index.html",
        public=queries.public_warehouses(),
        own=queries.company_warehouses(company.id) if company else [],
        operated=queries.operated_warehouses(current_user),
        company=company,
    )


@bp.route("/warehouses/new", methods=["GET", "POST"])
def new():
    company = _seller()
    if company is None:
        return render_template("warehouses/not_seller.html"), 403
    errors: dict = {}
    values = {"kind": WarehouseKind.OWN.value, "ships_in_days": "3", "active": "y"}
    status = 200
    if request.method == "POST":
        try:
            warehouse = services.register_warehouse(
                current_user, company, warehouse_data_from(request.form), request.files.get("contract")
            )
        except ValidationFailed as exc:
            mark_rollback()
            errors, status, values = exc.errors, 422, request.form.to_dict()
        else:
            flash(_("The warehouse has been registered."), "success")
            return redirect(url_for("warehouses.detail", warehouse_id=warehouse.id))
    return render_template(
        "warehouses/form.html",
        values=values,
        errors=errors,
        kinds=[WarehouseKind.HOME, WarehouseKind.OWN],
        countries=country_choices(),
        warehouse=None,
        action=url_for("warehouses.new"),
    ), status


@bp.get("/warehouses/<int:warehouse_id>")
def detail(warehouse_id: int):
    try:
        warehouse = services.warehouse_for(current_user, warehouse_id)
    except NotFound:
        abort(404)
    company = _seller()
    if current_user.is_admin or warehouse.id in services.operated_ids(current_user):
        stock = queries.warehouse_stock(warehouse.id)
    elif company is not None:
        stock = queries.seller_stock(company.id, warehouse.id)
    else:
        stock = []
    can_manage = services.can_manage_warehouse(current_user, warehouse)
    return render_template(
        "warehouses/detail.html",
        warehouse=warehouse,
        stock=stock,
        can_manage=can_manage,
        operators=queries.operators_of(warehouse) if can_manage else [],
        show_contract=warehouse.storage_key
        and (can_manage or current_user.is_admin or services.is_member(current_user, warehouse.owner_id)),
    )


@bp.route("/warehouses/<int:warehouse_id>/edit", methods=["GET", "POST"])
def edit(warehouse_id: int):
    try:
        warehouse = services.warehouse_for(current_user, warehouse_id)
    except NotFound:
        abort(404)
    if not services.can_manage_warehouse(current_user, warehouse):
        abort(403)
    errors: dict = {}
    status = 200
    values = {
        "name": warehouse.name,
        "operator_name": warehouse.operator_name,
        "country": warehouse.country,
        "city": warehouse.city,
        "address": warehouse.address,
        "ships_in_days": str(warehouse.ships_in_days),
        "kind": warehouse.kind.value,
        "active": "y" if warehouse.active else "",
        "contract_number": warehouse.contract_number or "",
        "contract_valid_until": warehouse.contract_valid_until.isoformat()
        if warehouse.contract_valid_until
        else "",
    }
    if request.method == "POST":
        try:
            services.update_warehouse(
                current_user, warehouse, warehouse_data_from(request.form), request.files.get("contract")
            )
        except ValidationFailed as exc:
            mark_rollback()
            errors, status, values = exc.errors, 422, request.form.to_dict()
        else:
            flash(_("The warehouse has been saved."), "success")
            return redirect(url_for("warehouses.detail", warehouse_id=warehouse.id))
    return render_template(
        "warehouses/form.html",
        values=values,
        errors=errors,
        kinds=[warehouse.kind],
        countries=country_choices(),
        warehouse=warehouse,
        action=url_for("warehouses.edit", warehouse_id=warehouse.id),
    ), status


@bp.get("/warehouses/<int:warehouse_id>/contract")
def contract(warehouse_id: int):
    warehouse = db.session.get(services.Warehouse, warehouse_id)
    if (
        warehouse is None
        or not warehouse.storage_key
        or not (current_user.is_admin or services.is_member(current_user, warehouse.owner_id))
    ):
        abort(404)
    return uploads.send(warehouse.storage_key, warehouse.content_type, warehouse.original_name, inline=False)


@bp.post("/warehouses/<int:warehouse_id>/operators")
def add_operator(warehouse_id: int):
    try:
        warehouse = services.warehouse_for(current_user, warehouse_id)
        services.add_operator(current_user, warehouse, request.form.get("email", ""))
    except NotFound:
        abort(404)
    except UserError as exc:
        mark_rollback()
        messages = getattr(exc, "errors", {}).get("email") or [str(exc.message)]
        flash(messages[0], "error")
    else:
        flash(_("The operator has been added."), "success")
    return redirect(url_for("warehouses.detail", warehouse_id=warehouse_id))


@bp.post("/warehouses/<int:warehouse_id>/operators/<int:user_id>/remove")
def remove_operator(warehouse_id: int, user_id: int):
    try:
        warehouse = services.warehouse_for(current_user, warehouse_id)
        services.remove_operator(current_user, warehouse, user_id)
    except NotFound:
        abort(404)
    except UserError as exc:
        mark_rollback()
        flash(str(exc.message), "error")
    else:
        flash(_("The operator has been removed."), "success")
    return redirect(url_for("warehouses.detail", warehouse_id=warehouse_id))


# -- stock ------------------------------------------------------------------------------------------


@bp.get("/stock")
def stock():
    company = _seller()
    operated = queries.operated_warehouses(current_user)
    if company is None and not operated:
        return render_template("warehouses/not_seller.html"), 403
    rows = queries.seller_stock(company.id) if company else []
    for w in operated:
        rows += [b for b in queries.warehouse_stock(w.id) if b not in rows]
    return render_template("warehouses/stock.html", rows=rows)


@bp.route("/stock/<int:balance_id>", methods=["GET", "POST"])
def balance(balance_id: int):
    row = queries.balance_visible_to(current_user, balance_id)
    if row is None:
        abort(404)
    errors: dict = {}
    values: dict = {}
    status = 200
    if request.method == "POST":
        try:
            services.adjust_stock(
                current_user,
                row.listing_id,
                row.warehouse_id,
                request.form.get("delta", ""),
                request.form.get("reason", ""),
                row.lot,
            )
        except ValidationFailed as exc:
            mark_rollback()
            errors, status, values = exc.errors, 422, request.form.to_dict()
        except UserError as exc:
            mark_rollback()
            errors, status, values = {"delta": [str(exc.message)]}, exc.status, request.form.to_dict()
        else:
            flash(_("The stock has been adjusted."), "success")
            return redirect(url_for("warehouses.balance", balance_id=row.id))
    return render_template(
        "warehouses/balance.html",
        row=row,
        movements=queries.movements(row.id),
        errors=errors,
        values=values,
    ), status


# -- replenishment bookings -------------------------------------------------------------------------


def booking_data_from(form) -> services.BookingData:
    lines = [
        {
            "listing_id": form.get(f"line-{i}-listing_id", ""),
            "quantity": form.get(f"line-{i}-quantity", ""),
            "unit_price": form.get(f"line-{i}-unit_price", ""),
            "lot": form.get(f"line-{i}-lot", ""),
        }
        for i in range(LINE_ROWS)
    ]
    return services.BookingData(
        warehouse_id=form.get("warehouse_id"),
        currency=form.get("currency", ""),
        packages=form.get("packages", ""),
        package_type=form.get("package_type", ""),
        gross_weight_kg=form.get("gross_weight_kg", ""),
        net_weight_kg=form.get("net_weight_kg", ""),
        transport_mode=form.get("transport_mode", ""),
        carrier_name=form.get("carrier_name", ""),
        carrier_customs_code=form.get("carrier_customs_code", ""),
        waybill_number=form.get("waybill_number", ""),
        exit_customs_code=form.get("exit_customs_code", ""),
        departure_date=form.get("departure_date", ""),
        notes=form.get("notes", ""),
        lines=lines,
    )


@bp.get("/bookings")
def bookings():
    company = _seller()
    operated = services.operated_ids(current_user)
    if company is None and not operated:
        return render_template("warehouses/not_seller.html"), 403
    rows = queries.seller_bookings(company.id) if company else []
    inbound = [b for b in queries.inbound_bookings(operated) if b not in rows]
    return render_template("warehouses/bookings.html", rows=rows, inbound=inbound, company=company)


@bp.route("/bookings/new", methods=["GET", "POST"])
def new_booking():
    company = _seller()
    if company is None:
        return render_template("warehouses/not_seller.html"), 403
    from marketplace.catalog import queries as catalog_queries

    errors: dict = {}
    values: dict = {
        "currency": "USD",
        "package_type": PackageType.CARTON.value,
        "transport_mode": BookingTransport.ROAD.value,
        "exit_customs_code": "0702",
        "warehouse_id": request.args.get("warehouse", ""),
    }
    status = 200
    if request.method == "POST":
        try:
            booking = services.create_booking(current_user, company, booking_data_from(request.form))
        except ValidationFailed as exc:
            mark_rollback()
            errors, status, values = exc.errors, 422, request.form.to_dict()
        else:
            flash(_("Booking %(number)s has been created.", number=booking.number), "success")
            return redirect(url_for("warehouses.booking", booking_id=booking.id))
    listings = [
        (
            listing,
            catalog_queries.pick_translation(catalog_queries.load_version(listing.live_version_id), g.lang),
        )
        for listing in catalog_queries_seller_published(company.id)
    ]
    return render_template(
        "warehouses/booking_form.html",
        values=values,
        errors=errors,
        destinations=queries.booking_destinations(company.id),
        listings=listings,
        rows=range(LINE_ROWS),
        transports=list(BookingTransport),
        package_types=list(PackageType),
        currencies=sorted(ISO_CURRENCIES),
        offices=services.EXIT_OFFICES,
    ), status


def catalog_queries_seller_published(company_id: int):
    import sqlalchemy as sa

    from marketplace.catalog.models import Listing

    return list(
        db.session.scalars(
            sa.select(Listing)
            .where(Listing.seller_id == company_id, Listing.live_version_id.is_not(None))
            .order_by(Listing.id)
        )
    )


@bp.get("/bookings/<int:booking_id>")
def booking(booking_id: int):
    try:
        item = services.booking_for(current_user, booking_id)
    except NotFound:
        abort(404)
    history = booking_workflow.history(item)
    actors = {c.actor_id for c in history if c.actor_id}
    return render_template(
        "warehouses/booking.html",
        booking=item,
        history=history,
        actor_names=_user_names(actors),
        is_seller=services.is_member(current_user, item.seller_id),
        can_receive=services.is_member(current_user, item.seller_id)
        or item.warehouse_id in services.operated_ids(current_user),
        states=BookingState,
        allowed=booking_workflow.allowed(item),
        offices=services.EXIT_OFFICES,
        errors={},
    )


def _user_names(ids) -> dict[int, str]:
    if not ids:
        return {}
    from marketplace.accounts.models import User

    return {u.id: u.display_name for u in db.session.scalars(db.select(User).where(User.id.in_(ids)))}


def _booking_action(booking_id: int, action, done_message: str):
    try:
        item = services.booking_for(current_user, booking_id)
        action(item)
    except NotFound:
        abort(404)
    except ValidationFailed as exc:
        mark_rollback()
        for messages in exc.errors.values():
            for message in messages:
                flash(message, "error")
        if not exc.errors:
            flash(str(exc.message), "error")
    except UserError as exc:
        mark_rollback()
        flash(str(exc.message), "error")
    else:
        flash(done_message, "success")
    return redirect(url_for("warehouses.booking", booking_id=booking_id))


@bp.post("/bookings/<int:booking_id>/depart")
def depart(booking_id: int):
    return _booking_action(
        booking_id, lambda b: services.mark_departed(current_user, b), _("The booking is marked as departed.")
    )


@bp.post("/bookings/<int:booking_id>/in-transit")
def in_transit(booking_id: int):
    return _booking_action(
        booking_id,
        lambda b: services.mark_in_transit(current_user, b, request.form.get("reason", "")),
        _("The booking is marked as in transit."),
    )


@bp.post("/bookings/<int:booking_id>/cancel")
def cancel(booking_id: int):
    return _booking_action(
        booking_id,
        lambda b: services.cancel_booking(current_user, b, request.form.get("reason", "")),
        _("The booking has been cancelled."),
    )


@bp.post("/bookings/<int:booking_id>/receive")
def receive(booking_id: int):
    def act(item):
        quantities = {line.id: request.form.get(f"received-{line.id}", "") for line in item.lines}
        services.record_receipt(
            current_user,
            item,
            quantities,
            final=request.form.get("final") in ("y", "on", "1"),
            note=request.form.get("note", ""),
        )

    return _booking_action(booking_id, act, _("The receipt has been recorded."))
