"""Server-side latency of the main pages (Flask test client, demo data): p50/p95 over N requests.

Usage: python bench/pages.py [N]   (DATABASE_URL picks the database; default: a temp SQLite)
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade

from marketplace import create_app
from marketplace.demo.cli import DEMO_PASSWORD, load_demo
from marketplace.extensions import db


def main(n: int) -> None:
    tmp = tempfile.mkdtemp()
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url, "MAIL_FILE_DIR": tmp})
    with app.app_context():
        upgrade()
        with app.test_request_context("/en/"):
            load_demo()
            db.session.commit()
    client = app.test_client()
    page = client.get("/en/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    r = client.post(
        "/en/login",
        data={"email": "admin@ordos-export.example", "password": DEMO_PASSWORD, "csrf_token": token},
    )
    assert r.status_code == 302, r.status_code
    urls = [
        "/en/",
        "/ru/dashboard",
        "/mn/companies/2",
        "/zh/admin/",
        "/en/admin/companies",
        "/en/admin/audit",
        "/api/v1/openapi.json",
        "/healthz",
    ]
    print(f"backend={url.split(':', 1)[0]} requests/page={n}")
    for u in urls:
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            resp = client.get(u)
            times.append((time.perf_counter() - t0) * 1000)
            assert resp.status_code == 200, (u, resp.status_code)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"{u:<28} p50 {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms")
    with app.app_context():
        db.engine.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
