"""Reservation benchmark: N concurrent buyers (threads, each with its own database session) reserve
one unit at a time of one listing in one overseas warehouse holding U units, on PostgreSQL, until the
stock is gone; then every reservation is released and the next round starts. Reports successful
reservations per second, refusals, and the oversell count (reservations beyond the stock, and any
balance whose reserved exceeds its on-hand or differs from the ledger sum). Goal: 0 oversell,
≥ 200 reservations/s.

The buyers are threads of one process by default (--processes 1). With --processes P they are spread
over P processes of threads, the way app servers run (gunicorn workers): one process's threads share
one GIL, which caps what a single process can do, not what the database can.

Usage:
    python bench/reservations.py [--buyers 50] [--units 100] [--rounds 5] [--processes 1] [--keep]

Uses the database `bench_reservations` on --pg-server (default postgresql://postgres@127.0.0.1:5432),
dropped and created by this script and dropped again at the end unless --keep.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

PG_DATABASE = "bench_reservations"


def _admin_engine(server: str):
    return sa.create_engine(
        server.replace("postgresql://", "postgresql+psycopg://", 1) + "/postgres",
        isolation_level="AUTOCOMMIT",
    )


def recreate(server: str) -> None:
    engine = _admin_engine(server)
    with engine.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)"))
        conn.execute(sa.text(f"CREATE DATABASE {PG_DATABASE}"))
    engine.dispose()


def drop(server: str) -> None:
    engine = _admin_engine(server)
    with engine.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)"))
    engine.dispose()


def setup(app, units: int) -> tuple[int, int]:
    """A verified Ordos seller with a cashmere yarn listing, `units` kg of it in the Moscow warehouse."""
    from marketplace.accounts import services as accounts
    from marketplace.catalog import services as catalog
    from marketplace.catalog.models import Category
    from marketplace.catalog.seeding import seed_categories
    from marketplace.extensions import db
    from marketplace.warehouses import ledger
    from marketplace.warehouses.seeding import seed_public_warehouses

    with app.app_context(), app.test_request_context("/en/"):
        seed_categories()
        owner = accounts.register_user(
            email="bench@erdos-cashmere.example",
            password="bench-password-2026",  # noqa: S106 - a throwaway benchmark account
            display_name="Bench",
            language="en",
        )
        company = accounts.create_company(
            owner,
            accounts.CompanyData(
                kind="seller",
                legal_name="鄂尔多斯市基准羊绒有限公司",
                legal_name_latin="Ordos Bench Cashmere Co., Ltd.",
                country="CN",
                address="Ordos",
                identifiers={"uscc": "91150602MA0Q4B8X2U", "customs_code": "1506960789"},
            ),
        )
        category = db.session.scalar(sa.select(Category).where(Category.slug == "yarn"))
        listing = catalog.create_listing(
            owner,
            company,
            category,
            catalog.ListingData(
                hs_code="5108101100",
                unit="kg",
                moq="1",
                order_multiple="1",
                incoterm="FCA",
                incoterm_place="Erenhot",
                transport_mode="rail",
                lead_time_days="3",
                attributes={
                    "colour": "white",
                    "composition": "100% cashmere",
                    "ply": "2",
                    "nm_count": "26",
                    "spinning_system": "woollen",
                },
                content={"en": {"title": "Cashmere yarn 2/26 Nm", "description": "Bench."}},
                prices=[{"currency": "USD", "min_quantity": "1", "unit_price": "140.00"}],
            ),
        )
        moscow = next(w for w in seed_public_warehouses() if w.code == "moscow")
        ledger.receive(listing, moscow, units, "BENCH-STOCK")
        db.session.commit()
        return listing.id, moscow.id


def _buyers(
    url: str, listing_id: int, warehouse_id: int, first: int, count: int, round_no: int, barrier, out
):
    """`count` buyer threads in this process; each reserves one unit per transaction until refused."""
    from marketplace import create_app
    from marketplace.extensions import db
    from marketplace.warehouses import ledger

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": count + 2, "max_overflow": 0},
        }
    )
    counts = {"ok": 0, "refused": 0, "errors": 0}
    lock = threading.Lock()
    local = threading.Barrier(count + 1)

    def buyer(n: int) -> None:
        with app.app_context(), app.test_request_context("/en/"):
            db.session.connection()  # connect before the start, not on the clock
            local.wait()
            i = 0
            while True:
                i += 1
                try:
                    ledger.reserve_for_order(listing_id, warehouse_id, Decimal(1), f"R{round_no}-B{n}-{i}")
                    db.session.commit()
                    key = "ok"
                except ledger.InsufficientStock:
                    db.session.rollback()
                    key = "refused"
                except Exception:  # a serialisation failure or deadlock would show here
                    db.session.rollback()
                    key = "errors"
                with lock:
                    counts[key] += 1
                if key != "ok":
                    break
            db.session.remove()

    threads = [threading.Thread(target=buyer, args=(first + n,)) for n in range(count)]
    for t in threads:
        t.start()
    local.wait()
    barrier.wait()  # every process ready: go
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    out.put((counts["ok"], counts["refused"], counts["errors"], t0, time.perf_counter()))
    with app.app_context():
        db.engine.dispose()


def run_round(url: str, listing_id: int, warehouse_id: int, buyers: int, processes: int, round_no: int):
    """Returns (ok, refused, errors, seconds from the common start to the last buyer's end)."""
    ctx = multiprocessing.get_context("spawn" if processes > 1 else "fork")
    barrier = ctx.Barrier(processes)
    out = ctx.Queue()
    shares = [buyers // processes + (1 if i < buyers % processes else 0) for i in range(processes)]
    if processes == 1:
        _buyers(url, listing_id, warehouse_id, 0, buyers, round_no, barrier, out)
        results = [out.get()]
    else:
        procs = [
            ctx.Process(
                target=_buyers,
                args=(url, listing_id, warehouse_id, sum(shares[:i]), shares[i], round_no, barrier, out),
            )
            for i in range(processes)
        ]
        for proc in procs:
            proc.start()
        results = [out.get() for _ in procs]
        for proc in procs:
            proc.join()
    start = min(r[3] for r in results)  # perf_counter is the same monotonic clock in every process
    end = max(r[4] for r in results)
    return sum(r[0] for r in results), sum(r[1] for r in results), sum(r[2] for r in results), end - start


def check(app, listing_id: int, warehouse_id: int, units: int) -> tuple[Decimal, Decimal, bool]:
    from marketplace.extensions import db
    from marketplace.warehouses import ledger
    from marketplace.warehouses.models import StockBalance

    with app.app_context():
        balance = db.session.scalar(
            sa.select(StockBalance).where(
                StockBalance.listing_id == listing_id, StockBalance.warehouse_id == warehouse_id
            )
        )
        sums = ledger.ledger_sums(balance.id)
        consistent = sums == (balance.on_hand, balance.reserved, balance.in_transit)
        result = (balance.on_hand, balance.reserved, consistent)
        db.session.remove()
        return result


def release_all(app, listing_id: int, warehouse_id: int, reserved: Decimal) -> None:
    from marketplace.extensions import db
    from marketplace.warehouses import ledger

    with app.app_context(), app.test_request_context("/en/"):
        ledger.release(listing_id, warehouse_id, reserved, "BENCH-RELEASE")
        db.session.commit()
        db.session.remove()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg-server", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--buyers", type=int, default=50)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    from flask_migrate import upgrade

    from marketplace import create_app

    recreate(args.pg_server)
    try:
        url = f"{args.pg_server}/{PG_DATABASE}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade()
        listing_id, warehouse_id = setup(app, args.units)
        total_ok = total_refused = total_errors = oversell = 0
        total_seconds = 0.0
        for round_no in range(1, args.rounds + 1):
            ok, refused, errors, seconds = run_round(
                url, listing_id, warehouse_id, args.buyers, args.processes, round_no
            )
            on_hand, reserved, consistent = check(app, listing_id, warehouse_id, args.units)
            over = max(0, ok - args.units) + (1 if reserved > on_hand or not consistent else 0)
            print(
                f"round {round_no}: {ok} reserved, {refused} refused, {errors} errors in {seconds:.3f} s "
                f"({ok / seconds:.0f} reservations/s); on hand {on_hand}, reserved {reserved}, "
                f"ledger {'consistent' if consistent else 'INCONSISTENT'}, oversell {over}"
            )
            total_ok += ok
            total_refused += refused
            total_errors += errors
            total_seconds += seconds
            oversell += over
            release_all(app, listing_id, warehouse_id, reserved)
        print(
            f"\n{args.buyers} buyers in {args.processes} process(es), {args.units} units, "
            f"{args.rounds} rounds: {total_ok} reservations in {total_seconds:.2f} s = "
            f"{total_ok / total_seconds:.0f} reservations/s; {total_refused} refused, {total_errors} errors; "
            f"oversell {oversell}"
        )
        with app.app_context():
            from marketplace.extensions import db

            db.engine.dispose()
    finally:
        if not args.keep:
            drop(args.pg_server)


if __name__ == "__main__":
    main()
