"""Several requests rating the same order at once on PostgreSQL: exactly one rating, the others 409."""

from __future__ import annotations

import threading

import factories
import pytest
import sqlalchemy as sa
from credit_world import day, order, parties

from marketplace.credit.models import Rating
from marketplace.extensions import db

pytestmark = pytest.mark.postgres_only
THREADS = 6


def test_concurrent_ratings_of_one_order(app, client, seed):
    def build():
        _owner, seller, buyer_user, buyer = parties(0)
        buyer_user.email = "buyer@example.mn"
        history = [("in_production", day(40)), ("shipped", day(35)), ("completed", day(15))]
        return order(seller, buyer, history).id

    order_id = seed(build)
    r = client.post(
        "/api/v1/auth/tokens",
        json={"email": "buyer@example.mn", "password": factories.PASSWORD, "token_name": "t"},
    )
    headers = {"Authorization": f"Bearer {r.get_json()['token']}"}
    body = {"overall": 5, "as_described": 5, "communication": 5, "on_time": 5}
    barrier = threading.Barrier(THREADS)
    results = [0] * THREADS

    def worker(i):
        c = app.test_client()
        barrier.wait()
        results[i] = c.post(f"/api/v1/orders/{order_id}/rating", json=body, headers=headers).status_code

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert sorted(results) == [201] + [409] * (THREADS - 1)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Rating)) == 1
