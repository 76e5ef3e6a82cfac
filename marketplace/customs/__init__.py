"""Customs: 9710/9810 export declarations (CEB303/505/603/605 messages, code tables, route choice,
signing, receipts) sent to the service platform through the outbox."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask


def init_app(app: Flask) -> None:
    from marketplace.core import outbox
    from marketplace.customs import admin_api, api, transport  # noqa: F401 - routes
    from marketplace.customs.admin_views import bp as admin_bp
    from marketplace.customs.cli import customs_cli
    from marketplace.customs.services import SEND_JOB

    app.cli.add_command(customs_cli)
    app.register_blueprint(admin_bp)

    @outbox.handler(SEND_JOB)
    def _send(job):
        transport.send(job.payload["message_id"])

    @outbox.periodic("customs.poll_receipts", timedelta(minutes=app.config["CUSTOMS_POLL_MINUTES"]))
    def _poll():
        transport.poll_receipts()
