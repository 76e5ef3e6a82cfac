"""Declarations drained through the service-platform simulator: the time from N submitted declaration
sets (CEB303 + CEB505 + CEB603 each, built, validated, signed and queued by `customs.services.submit`)
until every declaration is released, with `flask worker` processes POSTing the messages over HTTP to
the simulator (a separate `flask customs simulate-platform` process) and the simulator's receipts
(2 → 120 → 800) coming back through the app's callback endpoint, served over HTTP by gunicorn.

Usage:
    python bench/declarations_drain.py [--declarations 1000] [--database sqlite|postgresql]
        [--workers 2] [--worker-mode process|thread] [--app-server gunicorn|thread] [--app-processes 2]

The simulator runs with no pause between receipt steps (`--step-delay 0`): what is measured is our side
(sending, receipt handling, state changes), not the platform's pacing. SQLite lives in a temporary
directory; PostgreSQL uses the database `bench_declarations` on --pg-server (dropped and created here,
dropped at the end). The goal (issue 8): 1,000 declarations in ≤ 30 s.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import requests  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from declarations import make_signer, sample  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

SECRET = "bench-callback-secret"  # noqa: S105 - a throw-away shared secret for this run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--declarations", type=int, default=1000)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--workers", type=int, default=2, help="workers draining the outbox")
    parser.add_argument(
        "--worker-mode",
        choices=("process", "thread"),
        default="process",
        help="`flask worker` processes (as deployed; the default) or threads of this process",
    )
    parser.add_argument(
        "--app-server",
        choices=("gunicorn", "thread"),
        default="gunicorn",
        help="the app answering the callbacks: gunicorn gthread processes (as deployed) or threads here",
    )
    parser.add_argument("--app-processes", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--pg-server", default="postgresql://postgres@127.0.0.1:5432")
    args = parser.parse_args()

    from flask_migrate import upgrade

    from marketplace import create_app
    from marketplace.core.outbox import Worker
    from marketplace.customs import services, transport
    from marketplace.customs.models import Declaration, DeclarationMessage, Delivery, SourceKind
    from marketplace.customs.states import DeclarationState
    from marketplace.extensions import db

    work = Path(tempfile.mkdtemp(prefix="bench-declarations-"))
    if args.database == "postgresql":
        admin = sa.create_engine(f"{args.pg_server}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text("DROP DATABASE IF EXISTS bench_declarations WITH (FORCE)"))
            conn.execute(sa.text("CREATE DATABASE bench_declarations"))
        url = f"{args.pg_server}/bench_declarations"
    else:
        url = f"sqlite:///{work / 'app.sqlite3'}"
    app = create_app(
        {
            "ENV_NAME": "development",
            "SQLALCHEMY_DATABASE_URI": url,
            "CUSTOMS_CALLBACK_SECRET": SECRET,
            "MAIL_FILE_DIR": str(work / "mail"),
            "UPLOAD_DIR": str(work / "uploads"),
            "SEARCH_INDEX_DIR": str(work / "search-index"),
            "OUTBOX_BACKOFF_BASE": 0.5,
        }
    )
    app.extensions["customs_signer"] = make_signer()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no access log line per callback
    with app.app_context():
        upgrade()

    app_env = {
        **os.environ,
        "FLASK_APP": "wsgi",
        "MARKETPLACE_ENV": "testing",
        "DATABASE_URL": url,
        "MAIL_FILE_DIR": str(work / "mail"),
        "UPLOAD_DIR": str(work / "uploads"),
        "SEARCH_INDEX_DIR": str(work / "search-index"),
        "CUSTOMS_CALLBACK_SECRET": SECRET,
    }
    server, gunicorn = None, None
    if args.app_server == "thread":
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        app_port = server.server_port
    else:  # as deployed: gunicorn processes with threads (keep-alive connections)
        app_port = free_port()
        gunicorn = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "-w", str(args.app_processes), "-k", "gthread"),
                *("--threads", "4", "-b", f"127.0.0.1:{app_port}", "--log-level", "warning", "wsgi:app"),
            ],
            cwd=ROOT,
            env=app_env,
        )
        for _ in range(200):
            try:
                requests.get(f"http://127.0.0.1:{app_port}/healthz", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)
    callback = f"http://127.0.0.1:{app_port}/api/v1/customs/receipts"
    port = free_port()
    simulator = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "flask"),
            "customs",
            "simulate-platform",
            "--port",
            str(port),
            "--callback-url",
            callback,
            "--secret",
            SECRET,
            "--step-delay",
            "0",
        ],
        cwd=ROOT,
        env={**os.environ, "FLASK_APP": "wsgi", "DATABASE_URL": f"sqlite:///{work / 'simulator.sqlite3'}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    platform = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(f"{platform}/stats", timeout=1)
            break
        except requests.RequestException:
            time.sleep(0.1)
    app.config["SERVICE_PLATFORM_URL"] = platform

    try:
        t0 = time.perf_counter()
        with app.app_context():
            for n in range(args.declarations):
                inp = replace(sample(n, 3), reference=f"ORD-2026-{n:06d}", waybill_no=f"EL2026{n:08d}")
                services.submit(inp, SourceKind.SHIPMENT, n + 1)
                if n % 100 == 99:
                    db.session.commit()
            db.session.commit()
        submitted = time.perf_counter() - t0
        print(
            f"{args.declarations} declaration sets built, validated, signed and queued in {submitted:.1f} s"
        )

        stop = threading.Event()

        def drain(name: str) -> None:
            worker = Worker(worker_id=name, batch_size=20)
            while not stop.is_set():
                with app.app_context():
                    ran = worker.drain(max_batches=5)
                    db.session.remove()
                if not ran:
                    time.sleep(0.05)

        t1 = time.perf_counter()
        threads, processes = [], []
        if args.worker_mode == "thread":
            threads = [
                threading.Thread(target=drain, args=(f"bench-{i}",), daemon=True) for i in range(args.workers)
            ]
            for thread in threads:
                thread.start()
        else:  # the clock includes starting the processes (about a second each on these machines)
            worker_env = {**app_env, "SERVICE_PLATFORM_URL": platform, "OUTBOX_BACKOFF_BASE": "0.5"}
            processes = [
                subprocess.Popen(
                    [str(Path(sys.executable).parent / "flask"), "worker", "--interval", "0.1"],
                    cwd=ROOT,
                    env=worker_env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for _ in range(args.workers)
            ]
        released = 0
        sent = None
        last = (0, time.perf_counter())
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            with app.app_context():
                released = db.session.scalar(
                    sa.select(sa.func.count())
                    .select_from(Declaration)
                    .where(Declaration.state == DeclarationState.RELEASED)
                )
                if sent is None and not db.session.scalar(
                    sa.select(DeclarationMessage.id).where(DeclarationMessage.delivery == Delivery.PENDING)
                ):
                    sent = time.perf_counter() - t1
                if released != last[0]:
                    last = (released, time.perf_counter())
                elif released < args.declarations and time.perf_counter() - last[1] > 5:
                    transport.poll_receipts()  # the fallback when nothing moved for 5 s
                    db.session.commit()
                    last = (released, time.perf_counter())
                db.session.remove()
            if released >= args.declarations:
                break
            time.sleep(0.1)
        drained = time.perf_counter() - t1
        sent = sent or drained
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
        for proc in processes:
            proc.terminate()
            proc.wait(timeout=20)
        stats = requests.get(f"{platform}/stats", timeout=5).json()
        print(f"{released}/{args.declarations} released {drained:.1f} s after the worker started")
        print(f"simulator: {stats}")
        print()
        print(
            "| declarations | database | workers | submit (build+validate+sign+queue) | all sent "
            "| drain to released |"
        )
        print("|---:|---|---|---:|---:|---:|")
        print(
            f"| {args.declarations} | {args.database} | {args.workers} {args.worker_mode}(es) "
            f"| {submitted:.1f} s | {sent:.1f} s "
            f"| {drained:.1f} s ({3 * args.declarations / drained:.0f} messages/s) |"
        )
    finally:
        simulator.terminate()
        simulator.wait(timeout=10)
        if server is not None:
            server.shutdown()
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=20)
        with app.app_context():
            db.engine.dispose()
        if args.database == "postgresql":
            with admin.connect() as conn:
                conn.execute(sa.text("DROP DATABASE IF EXISTS bench_declarations WITH (FORCE)"))


if __name__ == "__main__":
    main()
