"""The worker killed (SIGKILL) in the middle of a drain and started again: with the simulator and the
workers as real processes over HTTP, every declaration ends released, none is lost, the jobs the dead
worker held are taken over when their lease expires, and no message reaches the platform twice as new
(at most the one in flight when the worker died is posted again, and the platform recognises it by its
idempotency key). Runs on SQLite and on PostgreSQL (SKIP LOCKED leasing)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import requests
import sqlalchemy as sa

from customs.customs_factories import declaration_input
from customs.test_simulator import start_simulator
from marketplace.core.outbox import JobStatus, OutboxJob
from marketplace.customs import services
from marketplace.customs.models import Declaration, DeclarationMessage, Delivery, SourceKind
from marketplace.customs.states import DeclarationState
from marketplace.extensions import db

ROOT = Path(__file__).resolve().parents[2]
N = 20
LEASE = 3  # seconds: how long the dead worker's jobs stay claimed


def _worker(app, platform: str, tmp_path: Path, name: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "FLASK_APP": "wsgi",
        "MARKETPLACE_ENV": "testing",
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SERVICE_PLATFORM_URL": platform,
        "OUTBOX_LEASE_SECONDS": str(LEASE),
        "OUTBOX_BACKOFF_BASE": "0.2",
        "MAIL_FILE_DIR": str(tmp_path / "mail"),
        "UPLOAD_DIR": str(tmp_path / "uploads"),
        "SEARCH_INDEX_DIR": str(tmp_path / "search-index"),
    }
    with open(tmp_path / f"{name}.log", "w") as log:  # the child keeps its own copy
        return subprocess.Popen(
            [str(Path(sys.executable).parent / "flask"), "worker", "--interval", "0.2", "--batch", "5"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def _stats(platform: str) -> dict:
    return requests.get(f"{platform}/stats", timeout=5).json()


def _scalar(app, query):
    with app.app_context():
        value = db.session.scalar(query)
        db.session.remove()
    return value


def test_worker_killed_mid_drain_then_restarted(app, live_server, tmp_path):
    sim, platform = start_simulator(live_server, tmp_path, "--latency", "0.08", "--step-delay", "0")
    workers: list[subprocess.Popen] = []
    try:
        with app.app_context():
            base = declaration_input()
            for n in range(N):
                inp = replace(base, reference=f"{base.reference}-{n}", waybill_no=f"{base.waybill_no}{n}")
                services.submit(inp, SourceKind.SHIPMENT, n + 1)
            db.session.commit()

        workers.append(_worker(app, platform, tmp_path, "worker-1"))
        deadline = time.monotonic() + 60
        leased = (
            sa.select(sa.func.count()).select_from(OutboxJob).where(OutboxJob.status == JobStatus.RUNNING)
        )
        # Kill once a third of the messages are out, inside a batch (two or more jobs still leased, each
        # POST takes 80 ms): the dead worker leaves leased jobs behind.
        while time.monotonic() < deadline and (_stats(platform)["posts"] < N or _scalar(app, leased) < 2):
            time.sleep(0.01)
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait(timeout=10)

        # Mid-drain: part delivered, part still to send, and the dead worker's batch still leased.
        delivered = _scalar(
            app,
            sa.select(sa.func.count())
            .select_from(DeclarationMessage)
            .where(DeclarationMessage.delivery == Delivery.DELIVERED),
        )
        running = _scalar(
            app,
            sa.select(sa.func.count()).select_from(OutboxJob).where(OutboxJob.status == JobStatus.RUNNING),
        )
        assert N - 1 <= delivered < 3 * N  # the last one posted may not have been recorded
        assert 1 <= running <= 5

        started = time.monotonic()
        workers.append(_worker(app, platform, tmp_path, "worker-2"))
        released = 0
        while released < N and time.monotonic() < started + 90:
            time.sleep(0.2)
            released = _scalar(
                app,
                sa.select(sa.func.count())
                .select_from(Declaration)
                .where(Declaration.state == DeclarationState.RELEASED),
            )
        assert released == N

        with app.app_context():
            jobs = list(db.session.scalars(sa.select(OutboxJob).where(OutboxJob.kind == services.SEND_JOB)))
            assert len(jobs) == 3 * N and all(j.status == JobStatus.DONE for j in jobs)
            # Exactly the jobs the dead worker held ran a second time, and only after the lease.
            assert sum(j.attempts == 2 for j in jobs) == running
            assert all(j.attempts <= 2 for j in jobs)
            messages = list(db.session.scalars(sa.select(DeclarationMessage)))
            assert len(messages) == 3 * N and all(m.delivery == Delivery.DELIVERED for m in messages)
            assert {m.app_type for m in messages} == {"1"}
            decls = list(db.session.scalars(sa.select(Declaration)))
            assert len(decls) == N and all(d.invt_no for d in decls)
        stats = _stats(platform)
        print(f"killed with {delivered} delivered, {running} leased; afterwards {stats}")
        assert stats["messages"] == 3 * N  # every message received once by its idempotency key
        assert stats["duplicates_as_new"] == 0  # never a second new (appType 1) document of a number
        assert stats["resent"] <= 1 and stats["posts"] == 3 * N + stats["resent"]
    finally:
        for proc in workers:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=20)
        sim.terminate()
        sim.wait(timeout=10)
