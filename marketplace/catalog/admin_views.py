"""Admin side of the catalog: the moderation queue (filters, bulk approve), the review page with the
diff between approved and edited versions, and the FX-rate table."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from marketplace.accounts.models import Company
from marketplace.accounts.states import CompanyKind
from marketplace.catalog import queries, services
from marketplace.catalog.diff import version_diff
from marketplace.catalog.models import FxRate, Listing
from marketplace.catalog.states import ListingState, Vertical, moderation
from marketplace.core.db import mark_rollback
from marketplace.core.errors import ValidationFailed
from marketplace.core.i18n import localized_blueprint
from marketplace.extensions import db

bp = localized_blueprint("catalog_admin", __name__, url_prefix="/admin/catalog", template_folder="templates")


@bp.before_request
@login_required
def _admins_only():
    if not current_user.is_admin:
        abort(403)


def _int_arg(name: str) -> int | None:
    try:
        return int(request.args.get(name, ""))
    except ValueError:
        return None


@bp.get("/queue")
def queue():
    vertical = request.args.get("vertical") or None
    if vertical not in {v.value for v in Vertical}:
        vertical = None
    flagged = {"1": True, "0": False}.get(request.args.get("flagged", ""))
    state = request.args.get("state") or ListingState.PENDING.value
    if state not in {s.value for s in ListingState}:
        state = ListingState.PENDING.value
    listings = queries.moderation_queue(
        vertical=vertical,
        flagged=flagged,
        seller_id=_int_arg("seller"),
        older_than_days=_int_arg("age"),
        state=state,
    )
    cards = {c.listing.id: c for c in queries.cards_for(listings, g.lang, use_working=True)}
    sellers = db.session.scalars(
        db.select(Company).where(Company.kind == CompanyKind.SELLER).order_by(Company.legal_name_latin)
    )
    return render_template(
        "catalog/admin_queue.html",
        listings=listings,
        cards=cards,
        verticals=list(Vertical),
        sellers=list(sellers),
        states=list(ListingState),
        args=request.args,
    )


@bp.post("/queue/approve")
def bulk_approve():
    ids = [int(x) for x in request.form.getlist("ids") if x.isdigit()]
    if not ids:
        flash(_("Select at least one listing."), "warning")
        return redirect(url_for("catalog_admin.queue"))
    try:
        approved = services.approve_many(current_user, ids)
    except ValidationFailed as exc:
        mark_rollback()
        flash(" ".join(m for msgs in exc.errors.values() for m in msgs), "error")
        return redirect(url_for("catalog_admin.queue"))
    flash(_("%(count)s listings approved.", count=len(approved)), "success")
    return redirect(url_for("catalog_admin.queue"))


@bp.route("/listings/<int:listing_id>", methods=["GET", "POST"])
def review(listing_id: int):
    listing = db.get_or_404(Listing, listing_id)
    errors: dict = {}
    if request.method == "POST":
        action = request.form.get("action")
        reason = request.form.get("reason", "")
        try:
            if action == "approve":
                services.approve_listing(
                    current_user,
                    listing,
                    acknowledge_controlled=request.form.get("acknowledge_controlled") == "1",
                )
                flash(_("The listing is published."), "success")
            elif action == "reject":
                services.reject_listing(current_user, listing, reason)
                flash(_("The seller is asked for changes."), "info")
            elif action == "unpublish":
                services.unpublish_listing(current_user, listing, reason)
                flash(_("The listing is taken down."), "info")
            else:
                abort(400)
        except ValidationFailed as exc:
            mark_rollback()
            errors = exc.errors
        else:
            return redirect(url_for("catalog_admin.review", listing_id=listing.id))
    schema = queries.schema_of(listing.category)
    live = queries.load_version(listing.live_version_id) if listing.live_version_id else None
    working = queries.load_version(listing.working_version_id) if listing.working_version_id else None
    changes = version_diff(live, working, schema, g.lang) if working else []
    return render_template(
        "catalog/admin_review.html",
        listing=listing,
        live=live,
        working=working,
        changes=changes,
        history=moderation.history(listing),
        errors=errors,
        seller=db.session.get(Company, listing.seller_id),
        allowed=moderation.allowed(listing),
    ), (422 if errors else 200)


@bp.post("/fx/import")
def fx_import():
    upload = request.files.get("file")
    try:
        count = services.import_fx_csv(current_user, upload.read() if upload else b"")
    except ValidationFailed as exc:
        mark_rollback()
        for message in exc.errors.get("file", []):
            flash(message, "error")
    else:
        flash(ngettext("%(num)d rate imported.", "%(num)d rates imported.", count), "success")
    return redirect(url_for("catalog_admin.fx_rates"))


@bp.route("/fx", methods=["GET", "POST"])
def fx_rates():
    errors: dict = {}
    if request.method == "POST":
        try:
            as_of = date.fromisoformat(request.form.get("as_of", ""))
        except ValueError:
            errors = {"as_of": [_("Enter a date as YYYY-MM-DD.")]}
        if not errors:
            try:
                services.set_fx_rate(
                    current_user,
                    request.form.get("base", ""),
                    request.form.get("quote", ""),
                    request.form.get("rate", ""),
                    as_of,
                )
            except ValidationFailed as exc:
                mark_rollback()
                errors = exc.errors
            else:
                flash(_("The rate is saved."), "success")
                return redirect(url_for("catalog_admin.fx_rates"))
    rates = db.session.scalars(
        db.select(FxRate).order_by(FxRate.as_of.desc(), FxRate.base, FxRate.quote).limit(200)
    )
    return render_template(
        "catalog/admin_fx.html",
        rates=list(rates),
        errors=errors,
        form=request.form,
        today=date.today().isoformat(),
    ), (422 if errors else 200)
