"""Accounts: users, companies, memberships, invitations, API tokens."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask, g, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from marketplace.extensions import db, login_manager


def init_app(app: Flask) -> None:
    from marketplace.accounts import api, cli, services, views  # noqa: F401 - registers routes
    from marketplace.accounts.models import User
    from marketplace.core import outbox

    app.register_blueprint(views.bp)
    cli.init_app(app)

    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def _load_user(user_id: str):
        user = db.session.get(User, int(user_id))
        return user if user is not None and user.active else None

    @app.before_request
    def _active_company():
        g.company = None
        g.memberships = []
        if current_user.is_authenticated:
            from marketplace.accounts.queries import memberships_of

            g.memberships = memberships_of(current_user)
            wanted = session.get("company_id")
            for m in g.memberships:
                if m.company_id == wanted:
                    g.company = m.company
            if g.company is None and g.memberships:
                g.company = g.memberships[0].company

    @app.context_processor
    def _account_helpers():
        from marketplace.accounts.states import VerificationState
        from marketplace.core.validators import SCHEMES

        def identifier_label(scheme: str):
            info = SCHEMES.get(scheme)
            return info.label if info else scheme

        def state_label(value: str):
            try:
                return VerificationState(value).label
            except ValueError:
                return value

        return {"identifier_label": identifier_label, "state_label": state_label}

    @outbox.periodic("accounts.purge_login_attempts", timedelta(hours=1))
    def _purge():
        services.purge_login_attempts()
