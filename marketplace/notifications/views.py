"""The notification list of the logged-in user."""

from __future__ import annotations

from flask import redirect, render_template, url_for
from flask_login import current_user, login_required

from marketplace.core.i18n import current_language, localized_blueprint
from marketplace.notifications import services

bp = localized_blueprint("notifications", __name__, url_prefix="/notifications", template_folder="templates")


@bp.before_request
@login_required
def _members_only():
    pass


@bp.get("")
def index():
    rows = services.for_user(current_user)
    lang = current_language()
    items = [(n, *services.render(n.kind, n.params, lang, current_user.timezone)) for n in rows]
    return render_template("notifications/index.html", items=items)


@bp.post("/read")
def mark_all_read():
    services.mark_all_read(current_user)
    return redirect(url_for("notifications.index"))


@bp.post("/<int:notification_id>/open")
def open_one(notification_id: int):
    """Mark it read and go where it leads."""
    row = services.open_notification(current_user, notification_id)
    return redirect(url_for(row.endpoint, **row.endpoint_args))
