"""Notifications: the in-app list and the e-mails that go with it."""

from flask import Flask


def init_app(app: Flask) -> None:
    from flask_login import current_user

    from marketplace.notifications import api, services, views  # noqa: F401 - routes

    app.register_blueprint(views.bp)

    @app.context_processor
    def _notification_helpers():
        def unread_notifications() -> int:
            if not current_user.is_authenticated:
                return 0
            return services.unread_count(current_user)

        return {"unread_notifications": unread_notifications}
