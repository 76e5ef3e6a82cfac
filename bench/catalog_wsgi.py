"""WSGI app for `bench/catalog.py`: the marketplace on the benchmark database, plus a bare endpoint.

    BENCH_DATABASE_URL=sqlite:////tmp/x/bench.sqlite3 gunicorn -w 2 'bench.catalog_wsgi:app'

`/bench/bare` returns "ok" through the same app (its before/after-request hooks included), so its
throughput is the ceiling that the catalog pages are compared with. It is registered here, on this
app object only, never in the marketplace package.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from marketplace import create_app

app = create_app(
    {
        # Production settings (TESTING off), as a deployment would run; the secret only signs the
        # anonymous session cookie of the benchmark, and is shared by the workers through the env.
        "ENV_NAME": os.environ.get("BENCH_ENV_NAME", "production"),
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", "bench-catalog-secret-not-for-production"),
        "SQLALCHEMY_DATABASE_URI": os.environ["BENCH_DATABASE_URL"],
        "MAIL_FILE_DIR": os.environ.get("BENCH_MAIL_DIR") or tempfile.gettempdir(),
    }
)


@app.get("/bench/bare")
def bench_bare():
    return "ok"
