"""Web pages of the accounts module: thin — parse the form, call one service, render or redirect."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from marketplace.accounts import queries, services
from marketplace.accounts.forms import (
    ApiTokenForm,
    CompanyForm,
    InviteForm,
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    PasswordResetRequestForm,
    ProfileForm,
    RoleForm,
    SignupForm,
    company_data,
)
from marketplace.accounts.states import MemberRole, verification
from marketplace.core import uploads
from marketplace.core.db import mark_rollback
from marketplace.core.errors import UserError, ValidationFailed
from marketplace.core.forms import apply_errors
from marketplace.core.i18n import localized_blueprint

bp = localized_blueprint("accounts", __name__, template_folder="templates")


def _safe_next(default: str) -> str:
    target = request.args.get("next") or ""
    # Only local paths: never redirect a user to another site after log-in.
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


# -- sign-up, log-in, log-out ---------------------------------------------------------------------


@bp.route("/signup", methods=["GET", "POST"])
def signup():
    if current_user.is_authenticated:
        return redirect(url_for("accounts.dashboard"))
    form = SignupForm(language=g.lang)
    if form.validate_on_submit():
        try:
            user = services.register_user(
                email=form.email.data,
                password=form.password.data,
                display_name=form.display_name.data,
                language=form.language.data,
            )
        except ValidationFailed as exc:
            mark_rollback()
            apply_errors(form, exc)
        else:
            login_user(user)
            flash(_("Welcome! Now register your company to start trading."), "success")
            return redirect(_safe_next(url_for("accounts.new_company", lang=user.language)))
    return render_template("accounts/signup.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(_safe_next(url_for("accounts.dashboard")))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            result = services.log_in(form.email.data, form.password.data, request.remote_addr or "")
        except UserError as exc:
            form.form_errors.append(str(exc.message))
            return render_template("accounts/login.html", form=form), exc.status
        if result.user is None:
            form.form_errors.append(str(result.error))
        else:
            session.clear()
            login_user(result.user)
            return redirect(_safe_next(url_for("accounts.dashboard")))
    return render_template("accounts/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for("pages.home"))


# -- password reset ------------------------------------------------------------------------------


@bp.route("/password/forgot", methods=["GET", "POST"])
def forgot_password():
    form = PasswordResetRequestForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        flash(
            _("If an account exists for this address, we have sent it a link to reset the password."),
            "info",
        )
        return redirect(url_for("accounts.login"))
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    services.user_for_reset_token(token)  # an invalid link shows its error page at once
    form = PasswordResetForm()
    if form.validate_on_submit():
        services.reset_password(token, form.password.data)
        flash(_("Your password has been changed. You can log in now."), "success")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_password.html", form=form)


# -- account --------------------------------------------------------------------------------------


@bp.get("/dashboard")
@login_required
def dashboard():
    memberships = queries.memberships_of(current_user)
    return render_template("accounts/dashboard.html", memberships=memberships)


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    form = ProfileForm(obj=current_user)
    password_form = PasswordChangeForm(prefix="pw")
    if form.validate_on_submit():
        services.update_profile(
            current_user,
            display_name=form.display_name.data,
            language=form.language.data,
            timezone=form.timezone.data,
        )
        flash(_("Your settings are saved."), "success")
        return redirect(url_for("accounts.account", lang=form.language.data))
    return render_template("accounts/account.html", form=form, password_form=password_form)


@bp.post("/account/password")
@login_required
def change_password():
    form = ProfileForm(obj=current_user, formdata=None)
    password_form = PasswordChangeForm(prefix="pw")
    if password_form.validate_on_submit():
        try:
            services.change_password(
                current_user,
                current=password_form.current_password.data,
                new=password_form.new_password.data,
            )
        except ValidationFailed as exc:
            mark_rollback()
            apply_errors(password_form, exc)
        else:
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("accounts.account"))
    return render_template("accounts/account.html", form=form, password_form=password_form), 422


@bp.route("/account/tokens", methods=["GET", "POST"])
@login_required
def tokens():
    form = ApiTokenForm()
    new_secret = None
    if form.validate_on_submit():
        _, new_secret = services.create_api_token(current_user, form.name.data)
        g.no_store = True  # the secret is shown once; keep it out of caches
        form = ApiTokenForm(formdata=None)
    return render_template(
        "accounts/tokens.html",
        form=form,
        tokens=queries.tokens_of(current_user),
        new_secret=new_secret,
    )


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    services.revoke_api_token(current_user, token_id)
    flash(_("The token is revoked."), "info")
    return redirect(url_for("accounts.tokens"))


# -- companies ------------------------------------------------------------------------------------


@bp.route("/companies/new", methods=["GET", "POST"])
@login_required
def new_company():
    form = CompanyForm()
    if form.validate_on_submit():
        try:
            company = services.create_company(current_user, company_data(form))
        except ValidationFailed as exc:
            mark_rollback()
            apply_errors(form, exc)
        else:
            session["company_id"] = company.id
            if company.is_seller:
                flash(
                    _("Your company is registered and waits for verification by the platform."),
                    "success",
                )
            else:
                flash(_("Your company is registered."), "success")
            return redirect(url_for("accounts.company", company_id=company.id))
    return render_template("accounts/company_form.html", form=form, company=None)


@bp.get("/companies/<int:company_id>")
@login_required
def company(company_id: int):
    company = services.company_for_member(current_user, company_id)
    m = services.membership(current_user, company_id)
    return render_template(
        "accounts/company.html",
        company=company,
        membership=m,
        documents=services.company_documents(company),
        document_kinds=services.DOCUMENT_KINDS,
        history=verification.history(company),
        members=queries.members_of(company),
    )


@bp.route("/companies/<int:company_id>/edit", methods=["GET", "POST"])
@login_required
def edit_company(company_id: int):
    company = services.company_for_member(current_user, company_id, allow_admin=False)
    services.require_owner(current_user, company)
    if request.method == "GET":
        form = CompanyForm(obj=company)
        for field_name, scheme in services.IDENTIFIER_FIELDS.items():
            getattr(form, field_name).data = company.identifier(scheme) or ""
    else:
        form = CompanyForm()
    form.kind.data = company.kind.value
    if form.validate_on_submit():
        try:
            services.update_company(current_user, company, company_data(form))
        except ValidationFailed as exc:
            mark_rollback()
            apply_errors(form, exc)
        else:
            flash(_("The company details are saved."), "success")
            return redirect(url_for("accounts.company", company_id=company.id))
    return render_template("accounts/company_form.html", form=form, company=company)


@bp.post("/companies/<int:company_id>/verification")
@login_required
def request_verification(company_id: int):
    company = services.company_for_member(current_user, company_id, allow_admin=False)
    services.resubmit_verification(current_user, company)
    flash(_("Your company is sent for verification."), "success")
    return redirect(url_for("accounts.company", company_id=company.id))


@bp.post("/companies/<int:company_id>/documents")
@login_required
def upload_document(company_id: int):
    company = services.company_for_member(current_user, company_id, allow_admin=False)
    try:
        services.add_company_document(
            current_user, company, request.form.get("kind", ""), request.files.get("file")
        )
    except ValidationFailed as exc:
        mark_rollback()
        for messages in exc.errors.values():
            for message in messages:
                flash(message, "error")
    else:
        flash(_("The document is uploaded."), "success")
    return redirect(url_for("accounts.company", company_id=company.id) + "#documents")


@bp.get("/companies/<int:company_id>/documents/<int:document_id>")
@login_required
def company_document(company_id: int, document_id: int):
    company = services.company_for_member(current_user, company_id)
    document = next((d for d in services.company_documents(company) if d.id == document_id), None)
    if document is None:
        abort(404)
    return uploads.send(document.storage_key, document.content_type, document.original_name, inline=False)


@bp.post("/companies/<int:company_id>/switch")
@login_required
def switch_company(company_id: int):
    company = services.company_for_member(current_user, company_id, allow_admin=False)
    session["company_id"] = company.id
    return redirect(_safe_next(url_for("accounts.dashboard")))


@bp.route("/companies/<int:company_id>/members", methods=["GET", "POST"])
@login_required
def members(company_id: int):
    company = services.company_for_member(current_user, company_id)
    m = services.membership(current_user, company_id)
    is_owner = m is not None and m.role == MemberRole.OWNER
    form = InviteForm()
    if request.method == "POST":
        if not is_owner:
            abort(403)
        if form.validate_on_submit():
            try:
                services.invite_member(current_user, company, form.email.data, form.role.data)
            except ValidationFailed as exc:
                mark_rollback()
                apply_errors(form, exc)
            else:
                flash(_("The invitation is sent to %(email)s.", email=form.email.data), "success")
                return redirect(url_for("accounts.members", company_id=company.id))
    return render_template(
        "accounts/members.html",
        company=company,
        is_owner=is_owner,
        members=queries.members_of(company),
        invitations=queries.open_invitations(company) if is_owner else [],
        form=form,
        role_form=RoleForm(),
    )


@bp.post("/companies/<int:company_id>/members/<int:user_id>/role")
@login_required
def member_role(company_id: int, user_id: int):
    company = services.company_for_member(current_user, company_id, allow_admin=False)
    form = RoleForm()
    if not form.validate_on_submit():
        raise ValidationFailed(form.errors)
    services.set_member_role(current_user, company, user_id, form.role.data)
    flash(_("The role is changed."), "success")
    return redirect(url_for("accounts.members", company_id=company.id))


@bp.post("/companies/<int:company_id>/members/<int:user_id>/remove")
@login_required
def remove_member(company_id: int, user_id: int):
    company = services.company_for_member(current_user, company_id, allow_admin=False)
    services.remove_member(current_user, company, user_id)
    if user_id == current_user.id:
        session.pop("company_id", None)
        flash(_("You have left the company."), "info")
        return redirect(url_for("accounts.dashboard"))
    flash(_("The member is removed."), "info")
    return redirect(url_for("accounts.members", company_id=company.id))


@bp.post("/companies/<int:company_id>/invitations/<int:invitation_id>/revoke")
@login_required
def revoke_invitation(company_id: int, invitation_id: int):
    company = services.company_for_member(current_user, company_id, allow_admin=False)
    services.revoke_invitation(current_user, company, invitation_id)
    flash(_("The invitation is withdrawn."), "info")
    return redirect(url_for("accounts.members", company_id=company.id))


@bp.route("/invitations/<token>", methods=["GET", "POST"])
def invitation(token: str):
    invitation = services.invitation_for_token(token)
    if request.method == "POST":
        if not current_user.is_authenticated:
            abort(401)
        m = services.accept_invitation(current_user, token)
        session["company_id"] = m.company_id
        flash(_("You have joined %(company)s.", company=invitation.company.legal_name), "success")
        return redirect(url_for("accounts.company", company_id=m.company_id))
    return render_template("accounts/invitation.html", invitation=invitation, token=token)
