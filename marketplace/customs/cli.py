"""`flask customs …`: export stored messages, the development signing key, the platform simulator."""

from __future__ import annotations

from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from marketplace.customs.models import DeclarationMessage
from marketplace.extensions import db

customs_cli = AppGroup("customs", help="Customs declarations (9710/9810).")


@customs_cli.command("export")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
def export(out: str) -> None:
    """Write every stored message as <type>_<guid>.xml (for inspection or a broker)."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for message in db.session.scalars(sa.select(DeclarationMessage).order_by(DeclarationMessage.id)):
        path = folder / f"{message.kind}_{message.guid}.xml"
        path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + message.xml, encoding="utf-8")
        count += 1
    click.echo(f"{count} messages written to {folder}")


@customs_cli.command("dev-key")
@click.option("--force", is_flag=True, help="Replace existing files.")
def dev_key(force: bool) -> None:
    """Create a DEVELOPMENT signing key, self-signed certificate and callback secret under instance/
    (for the demo and the simulator only; a real platform signs with its e-port certificate)."""
    from flask import current_app

    from marketplace.customs.devkey import ensure, paths

    written = ensure(current_app.instance_path, force=force)
    key_path = paths(current_app.instance_path)[0]
    if written:
        click.echo("Development-only customs signing files written (self-signed, not valid for customs):")
        for path in written:
            click.echo(f"  {path}")
    else:
        click.echo(f"Development customs signing files present in {key_path.parent}")


@customs_cli.command("simulate-platform")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5100, show_default=True, type=int)
@click.option("--callback-url", default=None, help="Receipt callback (default: PUBLIC_BASE_URL/api/v1/…).")
@click.option("--secret", default=None, help="Callback secret (default: CUSTOMS_CALLBACK_SECRET).")
@click.option("--latency", default=0.0, show_default=True, type=float, help="Seconds added to each answer.")
@click.option("--error-rate", default=0.0, show_default=True, type=float, help="Share of POSTs answered 503.")
@click.option("--drop-rate", default=0.0, show_default=True, type=float, help="Share of callbacks dropped.")
@click.option("--duplicate-rate", default=0.0, show_default=True, type=float, help="Share sent twice.")
@click.option("--reorder", is_flag=True, help="Send each message's receipts in reverse order.")
@click.option("--step-delay", default=0.02, show_default=True, type=float, help="Seconds between callbacks.")
@click.option("--seed", default=None, type=int, help="Random seed for the faults.")
@click.option("--callback-threads", default=4, show_default=True, type=int, help="Callbacks sent at once.")
@click.option(
    "--batch-wait", default=0.2, show_default=True, type=float, help="Seconds a callback waits to batch."
)
def simulate_platform(
    host,
    port,
    callback_url,
    secret,
    latency,
    error_rate,
    drop_rate,
    duplicate_rate,
    reorder,
    step_delay,
    seed,
    callback_threads,
    batch_wait,
) -> None:
    """Run the service-platform simulator (validates messages, calls back with receipts)."""
    from flask import current_app
    from werkzeug.serving import make_server

    from marketplace.customs.simulator import Faults, create_simulator

    callback_url = (
        callback_url or current_app.config["PUBLIC_BASE_URL"].rstrip("/") + "/api/v1/customs/receipts"
    )
    secret = secret if secret is not None else current_app.config.get("CUSTOMS_CALLBACK_SECRET")
    faults = Faults(
        latency=latency,
        error_rate=error_rate,
        drop_rate=drop_rate,
        duplicate_rate=duplicate_rate,
        reorder=reorder,
        step_delay=step_delay,
        seed=seed,
        lanes=callback_threads,
        batch_wait=batch_wait,
    )
    server = make_server(host, port, create_simulator(callback_url, secret, faults), threaded=True)
    click.echo(
        f"service-platform simulator on http://{host}:{server.server_port}, callbacks to {callback_url}"
    )
    server.serve_forever()
