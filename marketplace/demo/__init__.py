"""`flask demo load`: idempotent demo data (admin, three Ordos sellers, two foreign buyers)."""

from flask import Flask


def init_app(app: Flask) -> None:
    from marketplace.demo.cli import demo_cli

    app.cli.add_command(demo_cli)
