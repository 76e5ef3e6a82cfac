"""Concurrent reservations never oversell: threads with their own sessions race for the same stock.
On PostgreSQL they queue on the balance row lock and every refusal is a clean InsufficientStock; on
SQLite writers are serialised by the database (a writer that lost the race may get an error), and
still nothing is oversold."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
import stock_world

from marketplace.extensions import db
from marketplace.warehouses import ledger
from marketplace.warehouses.models import StockBalance


@pytest.fixture
def stocked(seed):
    def build():
        w = stock_world.world()
        ledger.receive(w["l1"], w["moscow"], "20", "R-1")
        return w["l1"].id, w["moscow"].id

    return seed(build)


def test_concurrent_reservations_never_oversell(app, stocked):
    listing_id, warehouse_id = stocked
    results = {"ok": 0, "refused": 0, "error": 0}
    guard = threading.Lock()
    barrier = threading.Barrier(8)

    def buyer(n: int) -> None:
        with app.app_context(), app.test_request_context("/en/"):
            barrier.wait()
            for i in range(6):
                try:
                    ledger.reserve(listing_id, warehouse_id, Decimal(1), f"B{n}-{i}")
                    db.session.commit()
                    key = "ok"
                except ledger.InsufficientStock:
                    db.session.rollback()
                    key = "refused"
                except Exception:
                    db.session.rollback()
                    key = "error"
                with guard:
                    results[key] += 1
            db.session.remove()

    threads = [threading.Thread(target=buyer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with app.app_context():
        balance = db.session.scalar(db.select(StockBalance))
        assert balance.reserved == results["ok"] <= 20
        assert balance.on_hand == 20
        assert ledger.ledger_sums(balance.id) == (balance.on_hand, balance.reserved, balance.in_transit)
        if db.engine.dialect.name == "postgresql":
            assert results == {"ok": 20, "refused": 28, "error": 0}
