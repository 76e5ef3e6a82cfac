"""The customs console for platform admins: declarations by state and age, one declaration with its
messages, validation, signatures and receipts, and the actions (retry, resubmit, cancel, entry number,
poll receipts), each confirmed by the admin and audited."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from marketplace.core.db import mark_rollback
from marketplace.core.errors import UserError, ValidationFailed
from marketplace.core.i18n import localized_blueprint
from marketplace.customs import admin_queries as queries
from marketplace.customs import admin_services
from marketplace.customs.models import DeclarationMessage
from marketplace.customs.routing import Route
from marketplace.customs.services import get
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db

bp = localized_blueprint("customs_admin", __name__, url_prefix="/admin/customs", template_folder="templates")


@bp.before_request
@login_required
def _admins_only():
    if not current_user.is_admin:
        abort(403)


@bp.get("/")
def index():
    filters = queries.Filters.from_args(request.args)
    return render_template(
        "customs/admin_index.html",
        page=queries.declarations_page(filters),
        f=filters,
        states=list(DeclarationState),
        routes=list(Route),
        sellers=queries.sellers_with_declarations(),
        age_buckets=queries.AGE_BUCKETS,
        attention=queries.ATTENTION,
    )


@bp.get("/<int:declaration_id>")
def detail(declaration_id: int):
    try:
        decl = get(declaration_id)
    except UserError:
        abort(404)
    return render_template(
        "customs/admin_detail.html",
        d=queries.detail(decl),
        status_meaning=queries.status_meaning,
        signature_labels=queries.SIGNATURE_LABELS,
        state_label=_state_label,
    )


def _state_label(value):
    try:
        return DeclarationState(value).label
    except ValueError:
        return value or "—"


@bp.get("/<int:declaration_id>/messages/<int:message_id>.xml")
def message_xml(declaration_id: int, message_id: int):
    message = db.session.get(DeclarationMessage, message_id)
    if message is None or message.declaration_id != declaration_id:
        abort(404)
    body = '<?xml version="1.0" encoding="UTF-8"?>\n' + message.xml
    return Response(
        body.encode("utf-8"),
        mimetype="application/xml",
        headers={"Content-Disposition": f'attachment; filename="{message.kind}_{message.guid}.xml"'},
    )


def _act(declaration_id: int, action):
    """Run one confirmed action; a refusal (or a missing confirmation) changes nothing."""
    try:
        decl = get(declaration_id)
    except UserError:
        abort(404)
    try:
        if request.form.get("confirm") != "y":
            raise ValidationFailed(
                {"confirm": [_("Tick the confirmation box to go ahead.")]},
                message=_("Tick the confirmation box to go ahead."),
            )
        done = action(decl)
    except UserError as exc:
        mark_rollback()
        messages = [str(msg) for msgs in getattr(exc, "errors", {}).values() for msg in msgs]
        flash(" ".join(messages) or str(exc.message), "error")
    else:
        flash(done, "success")
    return redirect(url_for("customs_admin.detail", declaration_id=declaration_id))


@bp.post("/<int:declaration_id>/retry")
def retry(declaration_id: int):
    def run(decl):
        count = admin_services.retry_delivery(current_user, decl)
        return ngettext(
            "%(num)d message is queued to be sent again.",
            "%(num)d messages are queued to be sent again.",
            count,
        )

    return _act(declaration_id, run)


@bp.post("/<int:declaration_id>/resubmit")
def resubmit(declaration_id: int):
    def run(decl):
        admin_services.resubmit(current_user, decl)
        return _(
            "The declaration is resubmitted as a change (revision %(revision)d).", revision=decl.revision
        )

    return _act(declaration_id, run)


@bp.post("/<int:declaration_id>/cancel")
def cancel(declaration_id: int):
    def run(decl):
        admin_services.cancel(current_user, decl, request.form.get("reason", ""))
        return _("The cancellation has been sent to customs.")

    return _act(declaration_id, run)


@bp.post("/<int:declaration_id>/entry")
def record_entry(declaration_id: int):
    def run(decl):
        admin_services.record_entry(current_user, decl, request.form.get("entry_no", ""))
        return _("Entry number %(entry_no)s recorded.", entry_no=decl.entry_no)

    return _act(declaration_id, run)


@bp.post("/poll")
def poll():
    back = request.form.get("back") or ""
    declaration_id = int(back) if back.isdigit() else None
    try:
        applied = admin_services.poll_receipts(current_user)
    except UserError as exc:
        mark_rollback()
        flash(str(exc.message), "error")
    else:
        flash(ngettext("%(num)d new receipt applied.", "%(num)d new receipts applied.", applied), "success")
    if declaration_id:
        return redirect(url_for("customs_admin.detail", declaration_id=declaration_id))
    return redirect(url_for("customs_admin.index"))
