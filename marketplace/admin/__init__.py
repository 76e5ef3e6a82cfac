"""Platform administration: seller verification, users, companies, audit log."""

from flask import Flask


def init_app(app: Flask) -> None:
    from marketplace.admin import api, views  # noqa: F401 - registers routes

    app.register_blueprint(views.bp)
