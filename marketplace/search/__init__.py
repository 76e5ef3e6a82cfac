"""Search over published listings: one interface (`interface.py`: documents, queries, results, the
`SearchBackend` protocol and `document_for`), shared text analysis (`analysis.py`) and highlighting
(`snippets.py`), and backends: `whoosh_backend.py` (the embedded default, files under instance/) and
`postgres_backend.py` (PostgreSQL full-text search, for several app servers sharing one database).

Wiring: `init_app` reads `SEARCH_BACKEND` ("whoosh" or "postgresql"; by default "postgresql" when the
database is PostgreSQL, else "whoosh"), `SEARCH_INDEX_DIR` (Whoosh; default `<instance>/search-index`)
and `SEARCH_PG_TABLE` (PostgreSQL; default `search_listings`),
registers the page (`views.py`), the API (`api.py`), the indexing jobs (`services.py`) and
`flask search` (`cli.py`). `backend()` is the per-process backend of the current app.

Importing this package loads nothing heavy: jieba is loaded on first use (`analysis.init_jieba`) and
Whoosh only by the backend module."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from flask import Flask, current_app

BACKENDS = ("whoosh", "postgresql")
_lock = threading.Lock()


def make_backend(name: str, location: str):
    """A new backend of kind `name` over the index at `location` (a directory for Whoosh, a table name
    in the app's database for PostgreSQL)."""
    if name == "whoosh":
        from marketplace.search.whoosh_backend import WhooshBackend

        return WhooshBackend(location)
    if name == "postgresql":
        from marketplace.extensions import db
        from marketplace.search.postgres_backend import PostgresBackend

        return PostgresBackend(db.engine, location)
    raise ValueError(f"unknown SEARCH_BACKEND {name!r} (known: {', '.join(BACKENDS)})")


def _location(app: Flask) -> str:
    if app.config["SEARCH_BACKEND"] == "postgresql":
        return str(app.config["SEARCH_PG_TABLE"])
    return str(app.config["SEARCH_INDEX_DIR"])


def backend():
    """The backend of the current app in this process (one per configured backend and location)."""
    app = current_app._get_current_object()
    key = (app.config["SEARCH_BACKEND"], _location(app))
    backends = app.extensions.setdefault("search_backends", {})
    found = backends.get(key)
    if found is None:
        from marketplace.search import analysis

        # jieba's dictionary cache lives next to the index (never in the system temp dir)
        analysis.init_jieba(Path(app.config["SEARCH_INDEX_DIR"]).parent / "jieba")
        with _lock:
            found = backends.get(key)
            if found is None:
                found = backends[key] = make_backend(*key)
    return found


def init_app(app: Flask) -> None:
    if not app.config.get("SEARCH_BACKEND"):
        url = str(app.config.get("SQLALCHEMY_DATABASE_URI") or "")
        app.config["SEARCH_BACKEND"] = "postgresql" if url.startswith("postgresql") else "whoosh"
    app.config.setdefault("SEARCH_PG_TABLE", "search_listings")
    app.config.setdefault("SEARCH_INDEX_DIR", os.path.join(app.instance_path, "search-index"))
    if app.config["SEARCH_BACKEND"] not in BACKENDS:
        raise ValueError(f"unknown SEARCH_BACKEND {app.config['SEARCH_BACKEND']!r}")

    from marketplace.search import api, services, views  # noqa: F401 - routes and job handlers
    from marketplace.search.cli import search_cli

    app.register_blueprint(views.bp)
    app.cli.add_command(search_cli)
