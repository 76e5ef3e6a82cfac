"""Concurrent acceptance on PostgreSQL: many buyers' requests at once end with exactly one order, and a
revision committed meanwhile is never accepted on stale terms."""

from __future__ import annotations

import threading

import factories
import pytest
import sqlalchemy as sa

from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.rfq import services
from marketplace.rfq.models import Quote
from marketplace.rfq.states import QuoteState, Side

pytestmark = pytest.mark.postgres_only
THREADS = 8


def _world(seed, sellers=3):
    def build():
        buyer, company, parties = factories.rfq_parties(sellers)
        buyer.email = "buyer@example.mn"
        rfq = services.create_rfq(
            buyer, company, factories.rfq_data(seller_ids=[c.id for _, c, _ in parties])
        )
        quotes = []
        for owner, _company, _listing in parties:
            quote = next(q for q in rfq.quotes if q.seller_id == _company.id)
            services.submit_revision(owner, quote, Side.SELLER, factories.revision_data())
            quotes.append((quote.id, quote.current_revision_id, owner.email))
        return quotes

    return seed(build)


def _token(client, email):
    r = client.post(
        "/api/v1/auth/tokens", json={"email": email, "password": factories.PASSWORD, "token_name": "t"}
    )
    return {"Authorization": f"Bearer {r.get_json()['token']}"}


def _run_at_once(app, calls):
    barrier = threading.Barrier(len(calls))
    results: list[int] = [0] * len(calls)

    def worker(i, fn):
        client = app.test_client()
        barrier.wait()
        results[i] = fn(client)

    threads = [threading.Thread(target=worker, args=(i, fn)) for i, fn in enumerate(calls)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    return results


def test_many_buyers_accepting_at_once_make_exactly_one_order(app, seed, client):
    quotes = _world(seed)
    headers = _token(client, "buyer@example.mn")
    calls = []
    for i in range(THREADS):
        quote_id, revision_id, _ = quotes[i % len(quotes)]

        def call(c, quote_id=quote_id, revision_id=revision_id):
            r = c.post(
                f"/api/v1/quotes/{quote_id}/accept", headers=headers, json={"revision_id": revision_id}
            )
            return r.status_code

        calls.append(call)
    statuses = _run_at_once(app, calls)
    assert statuses.count(201) == 1, statuses
    assert set(statuses) <= {201, 409}
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 1
        states = sorted(q.state.value for q in db.session.scalars(sa.select(Quote)))
        assert states == ["accepted", "not_selected", "not_selected"]


def test_acceptance_racing_a_revision_never_uses_stale_terms(app, seed, client):
    for _round in range(3):
        quotes = _world(seed, sellers=1)
        quote_id, revision_id, seller_email = quotes[0]
        buyer, seller = _token(client, "buyer@example.mn"), _token(client, seller_email)
        body = {
            "currency": "USD",
            "lines": [{"description": "PP", "quantity": "100", "unit": "t", "unit_price": "1200.00"}],
            "incoterm": "DAP",
            "incoterm_place": "Ulaanbaatar",
            "lead_time_days": 20,
            "deposit_percent": "30",
            "balance_due": "before_shipment",
            "valid_until": services.china_today().isoformat(),
        }
        statuses = _run_at_once(
            app,
            [
                lambda c, quote_id=quote_id, buyer=buyer, revision_id=revision_id: (
                    c.post(
                        f"/api/v1/quotes/{quote_id}/accept", headers=buyer, json={"revision_id": revision_id}
                    ).status_code
                ),
                lambda c, quote_id=quote_id, seller=seller, body=body: (
                    c.post(f"/api/v1/quotes/{quote_id}/revisions", headers=seller, json=body).status_code
                ),
            ],
        )
        with app.app_context():
            orders = list(db.session.scalars(sa.select(Order)))
            quote = db.session.get(Quote, quote_id)
            if statuses[0] == 201:  # accepted first: the revision was refused, the order has revision 1
                assert statuses[1] == 409 and len(orders) == 1
                assert orders[0].quote_revision_id == revision_id and quote.state == QuoteState.ACCEPTED
            else:  # the revision won: no order, and revision 2 is current
                assert statuses == [409, 201] and orders == []
                assert quote.current_revision_id != revision_id
            db.session.remove()
        from support import _truncate_all

        _truncate_all(app)
