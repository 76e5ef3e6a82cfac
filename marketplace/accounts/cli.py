"""`flask admin create`: the first platform administrator."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from marketplace.accounts import services
from marketplace.core.errors import UserError
from marketplace.extensions import db

admin_cli = AppGroup("admin", help="Platform administrators.")


@admin_cli.command("create")
@click.option("--email", prompt=True)
@click.option("--name", "display_name", default="Platform admin", show_default=True)
@click.password_option()
def create(email: str, display_name: str, password: str) -> None:
    """Create a platform admin (or make an existing user one)."""
    if len(password) < 10:
        raise click.BadParameter("use at least 10 characters", param_hint="--password")
    try:
        user = services.create_admin(email, password, display_name)
    except UserError as exc:
        db.session.rollback()
        detail = getattr(exc, "errors", None) or exc.message
        raise click.ClickException(str(detail))
    db.session.commit()
    click.echo(f"Admin ready: {user.email}")


def init_app(app: Flask) -> None:
    app.cli.add_command(admin_cli)
