"""Helpers shared by the tests."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import sqlalchemy as sa

from marketplace.extensions import db

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


def read_mail(app) -> list[str]:
    """Drain the outbox and return the bodies of the e-mails written as files."""
    from marketplace.core.outbox import Worker

    with app.app_context():
        Worker(worker_id="test").drain()
        db.session.remove()
    files = sorted(Path(app.config["MAIL_FILE_DIR"]).glob("*.eml"))
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


STRIPE_WEBHOOK_SECRET = "whsec_test_orders"


def _truncate_all(app) -> None:
    with app.app_context():
        db.session.remove()
        tables = [t.name for t in db.metadata.sorted_tables]
        with db.engine.begin() as conn:
            if db.engine.dialect.name == "postgresql":
                conn.execute(sa.text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
            else:
                conn.execute(sa.text("PRAGMA defer_foreign_keys=ON"))  # listings <-> versions cycle
                for name in reversed(tables):
                    conn.execute(sa.text(f"DELETE FROM {name}"))
