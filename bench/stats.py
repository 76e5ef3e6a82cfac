"""Statistics dashboard: render time of /admin/statistics/ on a year of data (100,000 orders, 70,000
completed, 3,500 declared and released, 10,000 RFQs), per filter, median of N renders after a warm-up.
Goal: under 1 s.

Usage: python bench/stats.py [N_ORDERS] [RENDERS]
       BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<db> python bench/stats.py   (emptied first)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "stats"))

import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from marketplace import create_app  # noqa: E402

QUERIES = (
    "period=2026",
    "period=2026-Q3",
    "period=2026-07",
    "period=2026&country=MN&vertical=chemicals&mode=9710",
)


def main(n: int, renders: int) -> None:
    import factories
    import volume
    from support import csrf_from

    from marketplace.extensions import db

    tmp = tempfile.mkdtemp()
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": url,
            "MAIL_FILE_DIR": tmp,
            "UPLOAD_DIR": tmp,
            "SEARCH_INDEX_DIR": tmp,
        }
    )
    with app.app_context():
        if url.startswith("postgresql"):
            with db.engine.begin() as conn:
                conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
        t0 = time.perf_counter()
        with app.test_request_context("/en/"):
            volume.seed(n)
            factories.make_user("root@example.com", admin=True)
            db.session.commit()
        seeding = time.perf_counter() - t0
        db.session.remove()
    client = app.test_client()
    page = client.get("/en/login").get_data(as_text=True)
    client.post(
        "/en/login",
        data={"email": "root@example.com", "password": factories.PASSWORD, "csrf_token": csrf_from(page)},
    )
    client.get("/en/admin/statistics/?period=2026-01")
    backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(f"{backend}: {n:,} orders seeded in {seeding:.1f} s")
    for query in QUERIES:
        times = []
        for _ in range(renders):
            t0 = time.perf_counter()
            r = client.get(f"/en/admin/statistics/?{query}")
            times.append(time.perf_counter() - t0)
            assert r.status_code == 200
        print(f"  {query:<55} median {statistics.median(times):.3f} s   max {max(times):.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
