"""Risk pages: the admins' flag queue, a flag with its evidence and the decision, the destination
list; and the seller's page to record the export licence and the consignee of an order, shipment or
booking."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.core import uploads
from marketplace.core.db import mark_rollback
from marketplace.core.errors import NotFound, ValidationFailed
from marketplace.core.i18n import country_choices, country_name, localized_blueprint
from marketplace.risk import queries, rules, services
from marketplace.risk.states import CountryLevel, FlagState, Rule, Subject

bp = localized_blueprint("risk", __name__, template_folder="templates")
admin_bp = localized_blueprint("risk_admin", __name__, url_prefix="/admin/risk", template_folder="templates")


@admin_bp.before_request
@login_required
def _admins_only():
    if not current_user.is_admin:
        abort(403)


@admin_bp.get("/flags")
def flags():
    state = request.args.get("state", "open")
    rule = request.args.get("rule") or None
    if state not in {s.value for s in FlagState} | {"all"}:
        state = "open"
    if rule not in {r.value for r in Rule}:
        rule = None
    rows = queries.flags_page(state=None if state == "all" else state, rule=rule)
    return render_template(
        "risk/flags.html",
        flags=rows,
        companies=queries.companies(rows),
        counts=queries.open_counts(),
        state=state,
        rule=rule,
        states=list(FlagState),
        rules=list(Rule),
        message=queries.message,
        age_days=queries.age_days,
    )


@bp.route("/admin/risk/flags/<int:flag_id>", methods=["GET", "POST"])
@login_required
def flag(flag_id: int):
    if not current_user.is_admin:
        abort(403)
    flag = services.flag_for(current_user, flag_id)
    errors: dict = {}
    status = 200
    if request.method == "POST":
        try:
            services.decide(
                current_user, flag, request.form.get("decision", ""), request.form.get("reason", "")
            )
        except ValidationFailed as exc:
            mark_rollback()
            errors, status = exc.errors, 422
        else:
            flash(_("Your decision has been recorded."), "success")
            return redirect(url_for("risk.flag", flag_id=flag.id))
    link = queries.subject_link(flag)
    held_obj = services.load_subject(flag.subject_type, flag.subject_id)
    record = services.details_of(held_obj) if held_obj is not None else None
    return render_template(
        "risk/flag.html",
        flag=flag,
        company=queries.companies([flag]).get(flag.company_id),
        message=queries.message(flag),
        history=queries.history(flag),
        link=url_for(link[0], **link[1]) if link else None,
        errors=errors,
        values=request.form if request.method == "POST" else {},
        can_decide=flag.state != FlagState.CLEARED,
        state_labels={s.value: s.label for s in FlagState},
        record=record,
    ), status


@admin_bp.route("/countries", methods=["GET", "POST"])
def countries():
    errors: dict = {}
    status = 200
    if request.method == "POST":
        try:
            if request.form.get("remove"):
                services.remove_country(current_user, request.form["remove"])
                flash(_("The country has been removed from the list."), "info")
            else:
                services.set_country(
                    current_user,
                    request.form.get("country", ""),
                    request.form.get("level", ""),
                    request.form.get("note", ""),
                )
                flash(_("The destination list has been saved."), "success")
        except (ValidationFailed, NotFound) as exc:
            mark_rollback()
            errors, status = getattr(exc, "errors", {"country": [str(exc.message)]}), 422
        else:
            return redirect(url_for("risk_admin.countries"))
    return render_template(
        "risk/countries.html",
        levels=rules.country_levels(),
        rows={r.country: r for r in queries.countries()},
        choices=country_choices(),
        country_name=country_name,
        level_choices=list(CountryLevel),
        errors=errors,
        values=request.form if request.method == "POST" else {},
    ), status


@bp.route("/risk/<subject>/<int:subject_id>/details", methods=["GET", "POST"])
@login_required
def details(subject: str, subject_id: int):
    try:
        kind = Subject(subject)
    except ValueError:
        abort(404)
    if kind == Subject.RFQ:
        abort(404)
    obj = services.load_subject(kind, subject_id)
    if obj is None or not services.may_record_details(current_user, obj):
        abort(404)
    record = services.details_of(obj)
    errors: dict = {}
    status = 200
    if request.method == "POST":
        data = services.DetailsData(
            **{k: request.form.get(k, "") for k in services.DetailsData.__dataclass_fields__}
        )
        try:
            services.record_details(current_user, obj, data, request.files.get("licence_file"))
        except ValidationFailed as exc:
            mark_rollback()
            errors, status = exc.errors, 422
        else:
            flash(_("The licence and consignee details have been saved."), "success")
            return redirect(url_for("risk.details", subject=kind.value, subject_id=obj.id))
        values = request.form
    else:
        values = {
            "licence_number": record.licence_number if record else "",
            "licence_issuer": record.licence_issuer if record else "",
            "consignee_name": record.consignee_name if record else "",
            "consignee_country": record.consignee_country if record else "",
        }
    back = {
        Subject.ORDER: ("orders.detail", "order_id"),
        Subject.SHIPMENT: ("shipments.detail", "shipment_id"),
        Subject.BOOKING: ("warehouses.booking", "booking_id"),
    }[kind]
    return render_template(
        "risk/details.html",
        obj=obj,
        kind=kind,
        reference=services.reference_of(obj),
        held=services.is_held(obj),
        needs_licence=services.needs_licence(obj),
        values=values,
        errors=errors,
        countries=country_choices(),
        back=url_for(back[0], **{back[1]: obj.id}),
        record=record,
    ), status


@bp.get("/risk/<subject>/<int:subject_id>/licence")
@login_required
def licence_file(subject: str, subject_id: int):
    """The licence scan, for the seller's members and admins."""
    try:
        kind = Subject(subject)
    except ValueError:
        abort(404)
    obj = services.load_subject(kind, subject_id) if kind != Subject.RFQ else None
    if obj is None or not services.may_record_details(current_user, obj):
        abort(404)
    record = services.details_of(obj)
    if record is None or not record.storage_key:
        abort(404)
    return uploads.send(record.storage_key, record.content_type, record.original_name, inline=False)
