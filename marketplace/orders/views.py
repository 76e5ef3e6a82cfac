"""Order pages: the active company's orders (as buyer or seller) and one order with its history."""

from __future__ import annotations

from flask import g, render_template
from flask_login import current_user, login_required

from marketplace.core.i18n import localized_blueprint
from marketplace.orders import queries

bp = localized_blueprint("orders", __name__, url_prefix="/orders", template_folder="templates")


@bp.before_request
@login_required
def _members_only():
    pass


@bp.get("")
def index():
    company = g.get("company")
    rows = queries.orders_of_company(company.id) if company is not None else []
    return render_template("orders/index.html", orders=rows, company=company)


@bp.get("/<int:order_id>")
def detail(order_id: int):
    order = queries.order_for(current_user, order_id)
    return render_template("orders/order.html", order=order, history=queries.history(order))
