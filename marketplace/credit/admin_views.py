"""Admin pages of seller credit: every seller's latest grade, and one seller's snapshot history with
the underlying figures, its ratings (hidden ones too) and a recompute button."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.accounts.models import Company
from marketplace.core.i18n import localized_blueprint
from marketplace.credit import formula, queries, services
from marketplace.extensions import db

bp = localized_blueprint("credit_admin", __name__, url_prefix="/admin/credit", template_folder="templates")


@bp.before_request
@login_required
def _admins_only():
    if not current_user.is_admin:
        abort(403)


@bp.get("")
def index():
    latest = {s.seller_id: s for s in queries.latest_per_seller()}
    ids = services.seller_ids()
    sellers = db.session.scalars(sa.select(Company).where(Company.id.in_(ids))).all() if ids else []
    rows = [(c, latest.get(c.id)) for c in sellers]
    rows.sort(key=lambda r: (r[1] is None or r[1].score is None, r[1].score if r[1] is not None else 0))
    return render_template("credit/admin_index.html", rows=rows)


@bp.get("/<int:seller_id>")
def seller(seller_id: int):
    company = db.session.get(Company, seller_id)
    if company is None or not company.is_seller:
        abort(404)
    snapshots = queries.history(seller_id)
    return render_template(
        "credit/admin_seller.html",
        seller=company,
        credit=queries.profile_of(seller_id),
        snapshots=[(s, formula.evaluate(formula.Figures.from_json(s.figures))) for s in snapshots],
        ratings=queries.ratings_of_seller(seller_id, include_hidden=True, limit=200),
    )


@bp.post("/<int:seller_id>/recompute")
def recompute(seller_id: int):
    snapshot = services.recompute_by_admin(current_user, seller_id)
    flash(_("Credit profile recomputed: %(grade)s.", grade=snapshot.grade.label), "success")
    return redirect(url_for("credit_admin.seller", seller_id=seller_id))
