"""Rating actions from the order page: the buyer rates a completed order, the seller answers, an
admin hides an abusive rating. Each calls one service and returns to the order page."""

from __future__ import annotations

from flask import flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.core.db import mark_rollback
from marketplace.core.errors import UserError, ValidationFailed
from marketplace.core.i18n import localized_blueprint
from marketplace.credit import services
from marketplace.credit.models import STARS

bp = localized_blueprint("credit", __name__, url_prefix="/credit", template_folder="templates")


@bp.before_request
@login_required
def _members_only():
    pass


def _back(order_id: int):
    return redirect(url_for("orders.detail", order_id=order_id) + "#rating")


def _refused(exc: UserError, order_id: int):
    mark_rollback()
    if isinstance(exc, ValidationFailed) and exc.errors:
        for messages in exc.errors.values():
            for message in messages:
                flash(str(message), "error")
    else:
        flash(str(exc.message), "error")
    return _back(order_id)


@bp.post("/orders/<int:order_id>/rating")
def rate(order_id: int):
    data = services.RatingData(
        **{name: request.form.get(name, "") for name in STARS},
        comment=request.form.get("comment", ""),
        comment_language=request.form.get("comment_language", "") or g.lang,
    )
    try:
        services.rate_order(current_user, order_id, data)
    except UserError as exc:
        return _refused(exc, order_id)
    flash(_("Thank you: your rating is published."), "success")
    return _back(order_id)


@bp.post("/ratings/<int:rating_id>/reply")
def reply(rating_id: int):
    rating = services.rating_or_404(rating_id)
    try:
        services.reply(current_user, rating_id, request.form.get("reply", ""), g.lang)
    except UserError as exc:
        return _refused(exc, rating.order_id)
    flash(_("Your answer is published."), "success")
    return _back(rating.order_id)


@bp.post("/ratings/<int:rating_id>/hide")
def hide(rating_id: int):
    rating = services.rating_or_404(rating_id)
    try:
        services.hide(current_user, rating_id, request.form.get("reason", ""))
    except UserError as exc:
        return _refused(exc, rating.order_id)
    flash(_("The rating is hidden."), "success")
    return _back(rating.order_id)
