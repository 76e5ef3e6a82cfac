"""`flask worker`: drains the outbox and runs periodic tasks until stopped."""

from __future__ import annotations

import signal

import click
from flask import Flask

from marketplace.core.outbox import Wakeup, Worker
from marketplace.extensions import db


@click.command("worker")
@click.option("--once", is_flag=True, help="Run every due job, then exit.")
@click.option(
    "--interval",
    default=1.0,
    show_default=True,
    help="Seconds between polls when idle (on PostgreSQL a queued job wakes the worker at once).",
)
@click.option("--batch", default=20, show_default=True, help="Jobs claimed per round.")
def worker_command(once: bool, interval: float, batch: int) -> None:
    """Run the background worker (several may run at once, on several machines)."""
    worker = Worker(batch_size=batch)
    if once:
        worker.heartbeat()
        ran = worker.drain()
        worker.stop()
        click.echo(f"ran {ran} job(s)")
        return
    stopping = False

    def _stop(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    click.echo(f"worker {worker.worker_id} started")
    wakeup = Wakeup(db.engine)
    while not stopping:
        worker.heartbeat()
        worker.run_periodic()
        ran = worker.drain(max_batches=5)
        if not ran:
            wakeup.wait(interval)
    wakeup.close()
    worker.stop()
    click.echo(f"worker {worker.worker_id} stopped")


def init_app(app: Flask) -> None:
    app.cli.add_command(worker_command)
