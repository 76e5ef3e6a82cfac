"""Outbox throughput: queue N jobs in one transaction, drain them with one worker, print figures.

Usage: python bench/outbox_drain.py [N]   (DATABASE_URL picks the database; default: a temp SQLite)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade

from marketplace import create_app
from marketplace.core import outbox
from marketplace.extensions import db


@outbox.handler("bench.noop")
def _noop(job):
    return None


def main(n: int) -> None:
    tmp = tempfile.mkdtemp()
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url, "MAIL_FILE_DIR": tmp})
    with app.app_context():
        upgrade()
        db.session.execute(db.text("DELETE FROM outbox_jobs"))
        db.session.commit()
        t0 = time.perf_counter()
        for i in range(n):
            outbox.enqueue("bench.noop", {"i": i})
        db.session.commit()
        t1 = time.perf_counter()
        ran = outbox.Worker(worker_id="bench", batch_size=50).drain()
        t2 = time.perf_counter()
        db.session.execute(db.text("DELETE FROM outbox_jobs"))
        db.session.commit()
        db.engine.dispose()
    backend = url.split(":", 1)[0]
    print(f"backend={backend} jobs={n}")
    print(f"enqueue: {(t1 - t0) * 1000:.0f} ms total, {(t1 - t0) / n * 1e6:.0f} µs/job")
    print(f"drain:   {(t2 - t1) * 1000:.0f} ms total, {ran / (t2 - t1):.0f} jobs/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
