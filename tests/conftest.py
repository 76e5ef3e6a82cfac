"""Test setup: one database for the session (SQLite file, or PostgreSQL from TEST_DATABASE_URL),
built by running the Alembic migrations; every table emptied after each test."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

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
    browser_ran = [
        rep for rep in reporter.stats.get("passed", []) if "tests/browser/" in rep.nodeid
    ]
    full_run = not session.config.option.keyword and not session.config.option.markexpr
    if bad or (full_run and not browser_ran):
        reporter.write_line(
            f"FORBIDDEN SKIPS: {bad or 'no browser journey passed'}", red=True, bold=True
        )
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
            "MAIL_SERVER": None,
            "PUBLIC_BASE_URL": "http://localhost",
            "OUTBOX_BACKOFF_BASE": 0.0,
        }
    )
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()  # close pooled connections before the interpreter does


def _truncate_all(app) -> None:
    with app.app_context():
        db.session.remove()
        tables = [t.name for t in db.metadata.sorted_tables]
        with db.engine.begin() as conn:
            if db.engine.dialect.name == "postgresql":
                conn.execute(sa.text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
            else:
                for name in reversed(tables):
                    conn.execute(sa.text(f"DELETE FROM {name}"))


@pytest.fixture(autouse=True)
def _clean_database(request, app):
    yield
    _truncate_all(app)
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


CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    m = CSRF_RE.search(html)
    assert m, "no CSRF token on the page"
    return m.group(1) or m.group(2)


class Browserish:
    """A Flask test client that posts forms with the page's CSRF token, like a browser."""

    def __init__(self, client):
        self.client = client

    def get(self, url, **kw):
        return self.client.get(url, **kw)

    def submit(self, page_url: str, data: dict, action: str | None = None, **kw):
        page = self.client.get(page_url)
        token = csrf_from(page.get_data(as_text=True))
        return self.client.post(action or page_url, data={**data, "csrf_token": token}, **kw)


@pytest.fixture
def web(client):
    return Browserish(client)


def read_mail(app) -> list[str]:
    """Drain the outbox and return the bodies of the e-mails written as files."""
    from marketplace.core.outbox import Worker

    with app.app_context():
        Worker(worker_id="test").drain()
        db.session.remove()
    files = sorted(Path(app.config["MAIL_FILE_DIR"]).glob("*.eml"))
    import email
    from email import policy

    out = []
    for f in files:
        msg = email.message_from_bytes(f.read_bytes(), policy=policy.default)
        out.append(f"Subject: {msg['Subject']}\nTo: {msg['To']}\n\n{msg.get_content()}")
    return out


def t(app, lang: str, msgid: str, **variables) -> str:
    """A UI string as the catalogue of `lang` renders it (refusing an untranslated one)."""
    from flask_babel import force_locale, gettext

    with app.test_request_context(f"/{lang}/"), force_locale(lang):
        text = gettext(msgid, **variables)
    if lang != "en":
        assert text != msgid % variables if variables else text != msgid, f"{lang}: {msgid!r} untranslated"
    return text


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
