"""Test setup: one database for the session (SQLite file, or PostgreSQL from TEST_DATABASE_URL),
built by running the Alembic migrations; every table emptied after each test."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from support import STRIPE_WEBHOOK_SECRET, Browserish, _truncate_all
from werkzeug.serving import make_server

from marketplace import create_app
from marketplace.extensions import db

PG_URL = os.environ.get("TEST_DATABASE_URL")


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: real Chromium journeys (Playwright)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("postgres_only") and not PG_URL:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (TEST_DATABASE_URL)"))


def pytest_sessionfinish(session, exitstatus):
    """With MARKETPLACE_FORBID_SKIPS=1 (CI), a skipped test fails the run, except the
    PostgreSQL-only tests on the SQLite pass; and the browser journeys must have run."""
    if os.environ.get("MARKETPLACE_FORBID_SKIPS") != "1":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    bad = [
        rep.nodeid
        for rep in reporter.stats.get("skipped", [])
        if PG_URL or "needs PostgreSQL" not in str(rep.longrepr)
    ]
    browser_ran = [rep for rep in reporter.stats.get("passed", []) if "tests/browser/" in rep.nodeid]
    full_run = not session.config.option.keyword and not session.config.option.markexpr
    if bad or (full_run and not browser_ran):
        reporter.write_line(f"FORBIDDEN SKIPS: {bad or 'no browser journey passed'}", red=True, bold=True)
        session.exitstatus = 1


def _reset_postgres(url: str) -> None:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    if PG_URL:
        _reset_postgres(PG_URL)
        return PG_URL
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    from flask_migrate import upgrade

    mail_dir = tmp_path_factory.mktemp("mail")
    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "MAIL_FILE_DIR": str(mail_dir),
            "UPLOAD_DIR": str(tmp_path_factory.mktemp("uploads")),
            "MAIL_SERVER": None,
            "PUBLIC_BASE_URL": "http://localhost",
            "OUTBOX_BACKOFF_BASE": 0.0,
            "SEARCH_INDEX_DIR": str(tmp_path_factory.getbasetemp() / "search-index"),
        }
    )
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()  # close pooled connections before the interpreter does


@pytest.fixture(autouse=True)
def _clean_database(request, app):
    yield
    _truncate_all(app)
    from marketplace.core.cache import clear_all

    clear_all()  # per-process caches must not outlive the rows they describe
    for f in Path(app.config["MAIL_FILE_DIR"]).glob("*.eml"):
        f.unlink()


@pytest.fixture
def ctx(app):
    """An application context for calling services directly."""
    with app.app_context(), app.test_request_context("/en/"):
        yield
        db.session.rollback()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def web(client):
    return Browserish(client)


@pytest.fixture
def seed(app):
    """Run `fn` in its own app context, commit, and return its result (use ids, not objects)."""

    def run(fn):
        with app.app_context():
            result = fn()
            db.session.commit()
            db.session.remove()
        return result

    return run


# -- browser journeys: Debian Chromium through Playwright, app served from a thread --------

CHROMIUM = "/usr/lib/chromium/chromium"


@pytest.fixture(scope="session")
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-US", "viewport": {"width": 1280, "height": 900}}


# -- Stripe: localstripe (GPL, test-only) on 127.0.0.1, its state in the session's temp dir ----------


@pytest.fixture(scope="session")
def localstripe_url(tmp_path_factory):
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    state = tmp_path_factory.mktemp("localstripe")
    launcher = Path(__file__).parent / "localstripe_server.py"
    proc = subprocess.Popen(
        [sys.executable, str(launcher), str(port), str(state)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("localstripe did not start") from None
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def stripe_keys(app, localstripe_url):
    """Card payments switched on against localstripe for one test."""
    keys = {
        "STRIPE_SECRET_KEY": "sk_test_orders",
        "STRIPE_PUBLISHABLE_KEY": "pk_test_orders",
        "STRIPE_WEBHOOK_SECRET": STRIPE_WEBHOOK_SECRET,
        "STRIPE_API_BASE": localstripe_url,
    }
    before = {k: app.config.get(k) for k in keys}
    app.config.update(keys)
    yield keys
    app.config.update(before)
