"""Admin pages for the public overseas warehouses: list, create, edit (operators on the detail page)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.core.db import mark_rollback
from marketplace.core.errors import ValidationFailed
from marketplace.core.i18n import country_choices, localized_blueprint
from marketplace.warehouses import queries, services
from marketplace.warehouses.states import WarehouseKind
from marketplace.warehouses.views import warehouse_data_from

bp = localized_blueprint(
    "warehouses_admin", __name__, url_prefix="/admin/warehouses", template_folder="templates"
)


@bp.before_request
@login_required
def _admins_only():
    if not current_user.is_admin:
        abort(403)


@bp.get("/")
def index():
    return render_template(
        "warehouses/admin_index.html", warehouses=queries.public_warehouses(active_only=False)
    )


@bp.route("/new", methods=["GET", "POST"])
def new():
    errors: dict = {}
    values = {"kind": WarehouseKind.PUBLIC.value, "ships_in_days": "3", "active": "y"}
    status = 200
    if request.method == "POST":
        data = warehouse_data_from(request.form)
        data.kind = WarehouseKind.PUBLIC.value
        try:
            warehouse = services.create_public_warehouse(current_user, data)
        except ValidationFailed as exc:
            mark_rollback()
            errors, status, values = exc.errors, 422, request.form.to_dict()
        else:
            flash(_("The warehouse has been created."), "success")
            return redirect(url_for("warehouses.detail", warehouse_id=warehouse.id))
    return render_template(
        "warehouses/form.html",
        values=values,
        errors=errors,
        kinds=[WarehouseKind.PUBLIC],
        countries=country_choices(),
        warehouse=None,
        action=url_for("warehouses_admin.new"),
        admin=True,
    ), status
