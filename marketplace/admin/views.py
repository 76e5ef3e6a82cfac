"""Admin pages: only platform admins reach them."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from marketplace.accounts import queries as account_queries
from marketplace.accounts import services as account_services
from marketplace.accounts.forms import DecisionForm
from marketplace.accounts.models import Company
from marketplace.accounts.states import CompanyKind, VerificationState, verification
from marketplace.admin import queries
from marketplace.core.db import mark_rollback
from marketplace.core.errors import ValidationFailed
from marketplace.core.forms import apply_errors
from marketplace.core.i18n import localized_blueprint
from marketplace.customs import admin_queries as customs_queries
from marketplace.extensions import db

bp = localized_blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")


@bp.before_request
@login_required
def _admins_only():
    if not current_user.is_admin:
        abort(403)


@bp.get("/")
def index():
    return render_template(
        "admin/index.html",
        stats=queries.overview(),
        pending=account_queries.companies_page(verification=VerificationState.PENDING.value),
        customs_attention=customs_queries.attention_counts(current_app.config["CUSTOMS_STUCK_HOURS"])["all"],
    )


@bp.get("/companies")
def companies():
    state = request.args.get("state") or None
    kind = request.args.get("kind") or None
    if state and state not in {s.value for s in VerificationState}:
        state = None
    if kind and kind not in {k.value for k in CompanyKind}:
        kind = None
    return render_template(
        "admin/companies.html",
        companies=account_queries.companies_page(verification=state, kind=kind),
        state=state,
        kind=kind,
        states=list(VerificationState),
        kinds=list(CompanyKind),
    )


@bp.route("/companies/<int:company_id>", methods=["GET", "POST"])
def company(company_id: int):
    company = db.get_or_404(Company, company_id)
    form = DecisionForm()
    if form.validate_on_submit():
        decision = request.form.get("decision")
        try:
            if decision == "verify":
                account_services.decide_verification(current_user, company, True, form.reason.data or "")
                flash(_("%(company)s is verified.", company=company.legal_name), "success")
            elif decision == "reject":
                account_services.decide_verification(current_user, company, False, form.reason.data or "")
                flash(_("The verification is refused."), "info")
            elif decision == "suspend":
                account_services.suspend_company(current_user, company, form.reason.data or "")
                flash(_("The company is suspended."), "info")
            elif decision == "reinstate":
                account_services.decide_verification(current_user, company, True, form.reason.data or "")
                flash(_("%(company)s is verified.", company=company.legal_name), "success")
            else:
                abort(400)
        except ValidationFailed as exc:
            mark_rollback()
            apply_errors(form, exc)
        else:
            return redirect(url_for("admin.company", company_id=company.id))
    entries, actors = queries.audit_page(company_id=company.id, limit=50)
    return render_template(
        "admin/company.html",
        company=company,
        form=form,
        history=verification.history(company),
        allowed=verification.allowed(company),
        members=account_queries.members_of(company),
        documents=account_services.company_documents(company),
        document_kinds=account_services.DOCUMENT_KINDS,
        entries=entries,
        actors=actors,
    )


@bp.get("/users")
def users():
    return render_template("admin/users.html", users=account_queries.users_page())


@bp.get("/audit")
def audit():
    action = request.args.get("action") or None
    entries, actors = queries.audit_page(action=action)
    return render_template("admin/audit.html", entries=entries, actors=actors, action=action)
