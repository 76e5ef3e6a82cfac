"""The pages that list RFQs and quotes run the same number of SQL statements for 2 and 20 threads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import factories
from sqlalchemy import event
from support import csrf_from

from marketplace.accounts.models import Company
from marketplace.extensions import db
from marketplace.rfq import services
from marketplace.rfq.states import Side

IGNORED_PREFIXES = ("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")


@contextmanager
def count_queries(app) -> Iterator[list[str]]:
    """The SQL statements sent to the app's engine while the block runs."""
    statements: list[str] = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(IGNORED_PREFIXES):
            statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before_cursor_execute)


def _build(app, threads: int) -> dict:
    with app.app_context(), app.test_request_context("/en/"):
        factories.seed_catalog()
        buyer = factories.make_user(f"buyer{threads}@example.mn")
        buyer_company = factories.make_company(buyer)
        sellers = factories.bulk_sellers(threads)
        rfq_ids = []
        for n in range(threads):  # the buyer has `threads` RFQs; the first has `threads` quote threads
            ids = [c.id for _, c in sellers] if n == 0 else [sellers[n][1].id]
            rfq = services.create_rfq(buyer, buyer_company, factories.rfq_data(seller_ids=ids, max_quotes=50))
            rfq_ids.append(rfq.id)
        first = db.session.get(type(rfq), rfq_ids[0])
        for owner, company in sellers:
            quote = next(q for q in first.quotes if q.seller_id == company.id)
            services.submit_revision(owner, quote, Side.SELLER, factories.revision_data())
        seller_email = sellers[0][0].email
        db.session.commit()
        db.session.remove()
        assert db.session.scalar(db.select(db.func.count()).select_from(Company)) >= threads
    return {"buyer": f"buyer{threads}@example.mn", "seller": seller_email, "rfq": rfq_ids[0]}


def _login(client, email):
    page = client.get("/en/login")
    r = client.post(
        "/en/login",
        data={
            "email": email,
            "password": factories.PASSWORD,
            "csrf_token": csrf_from(page.get_data(as_text=True)),
        },
    )
    assert r.status_code == 302


def _counts(app, threads: int) -> dict[str, int]:
    data = _build(app, threads)
    out = {}
    for who, urls in (("buyer", ["/en/rfqs", f"/en/rfqs/{data['rfq']}"]), ("seller", ["/en/quotes"])):
        client = app.test_client()
        _login(client, data[who])
        for url in urls:
            client.get(url)  # warm the per-process caches (categories, rates)
            with count_queries(app) as statements:
                assert client.get(url).status_code == 200
            out[url.split("/")[2] + ("/detail" if url.count("/") > 2 else "")] = len(statements)
    return out


def test_list_pages_run_a_fixed_number_of_queries(app):
    from support import _truncate_all

    small = _counts(app, 2)
    _truncate_all(app)
    large = _counts(app, 20)
    assert small == large, (small, large)
    assert max(large.values()) <= 16
