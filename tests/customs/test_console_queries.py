"""The console's list: filters, counts per state, order (open ones oldest first), pagination, and the
"needs attention" view."""

from __future__ import annotations

from datetime import timedelta

from werkzeug.datastructures import MultiDict

from customs.console_world import dead_letter, declare, full_route, receipt, rejected, released
from marketplace.customs import admin_queries as q
from marketplace.customs import services
from marketplace.customs.models import SourceKind
from marketplace.extensions import db


def page(**args):
    return q.declarations_page(q.Filters.from_args(MultiDict(args)))


def ids(result):
    return [r.declaration.id for r in result.rows]


def test_filters_counts_and_order(ctx):
    old = declare(1, age=timedelta(days=10))
    mid = declare(2, age=timedelta(hours=30))
    new = declare(3, age=timedelta(minutes=5))
    booking = declare(4, kind=SourceKind.BOOKING, age=timedelta(hours=3))
    broker = full_route(5, age=timedelta(hours=2))
    services.record_entry(broker, "070220261000012345")
    done = released(6, age=timedelta(days=20))
    receipt(done, "899")  # closed: final, so listed after the open ones
    bad = rejected(7, age=timedelta(days=2))
    db.session.flush()

    everything = page()
    assert everything.total == 7
    # Open ones first, oldest first; then the final ones.
    assert ids(everything) == [old.id, bad.id, mid.id, booking.id, broker.id, new.id, done.id]
    assert everything.counts == {"submitted": 4, "entered": 1, "closed": 1, "rejected": 1}

    assert ids(page(state="rejected")) == [bad.id]
    assert page(state="submitted").counts == everything.counts  # the tabs ignore the state filter
    assert ids(page(mode="9810")) == [booking.id]
    assert page(mode="9710").total == 6
    assert ids(page(route="full")) == [broker.id]
    assert ids(page(q="ord-2026-000002")) == [mid.id]  # order number, case-insensitive
    assert ids(page(q="EL2026112000003")) == [new.id]  # waybill
    assert ids(page(q="07022026E000000006")) == [done.id]  # invtNo
    assert ids(page(q="B20261126000000006")) == [done.id]  # preNo
    assert ids(page(q="0702202610000123")) == [broker.id]  # entry number
    assert page(q="nothing-like-it").total == 0
    assert ids(page(age="1h")) == [new.id]
    assert ids(page(age="1d")) == [booking.id, broker.id]
    assert ids(page(age="7d")) == [bad.id, mid.id]
    assert ids(page(age="old")) == [old.id, done.id]
    today = db.session.get(type(new), new.id).created_at.date()
    assert new.id in ids(page(**{"from": today.isoformat()}))
    assert old.id not in ids(page(**{"from": today.isoformat()}))
    assert ids(page(to=(today - timedelta(days=15)).isoformat())) == [done.id]
    # Values that are not choices are ignored rather than failing.
    assert page(state="bogus", mode="1234", age="x", page="-3", **{"from": "yesterday"}).total == 7


def test_pagination(ctx):
    made = [declare(n, age=timedelta(hours=10 - n)) for n in range(1, 6)]
    first = q.declarations_page(q.Filters(page=1), per_page=2)
    last = q.declarations_page(q.Filters(page=9), per_page=2)  # past the end: the last page
    assert (first.total, first.pages) == (5, 3)
    assert ids(first) == [made[0].id, made[1].id]
    assert last.page == 3 and ids(last) == [made[4].id]


def test_seller_filter_and_names_follow_the_shipment_or_booking(ctx):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "shipments"))
    from shipment_world import ready_order, shipment_data

    from marketplace.shipments import services as shipments

    _b, _bc, seller, seller_company, order = ready_order("100")
    shipment = shipments.create_shipment(seller, order, shipment_data(order, "60"))
    mine = declare(1, source_id=shipment.id)
    orphan = declare(2)  # a source this test did not create: shown by its seller code only
    assert ids(page(seller=str(seller_company.id))) == [mine.id]
    assert page(seller=str(seller_company.id + 999)).total == 0
    rows = {r.declaration.id: r for r in page().rows}
    assert rows[mine.id].seller.id == seller_company.id and rows[mine.id].source_number == shipment.number
    assert rows[orphan.id].seller is None
    assert [c.id for c in q.sellers_with_declarations()] == [seller_company.id]


def test_attention_view(ctx):
    bad = rejected(1)
    failed = declare(2)
    receipt(failed, "-301010", "已存在相同编号的订单")
    dead = declare(3)
    dead_letter(dead)
    stuck = declare(4, age=timedelta(hours=30))
    heard = declare(5, age=timedelta(hours=30))
    receipt(heard, "2")  # a receipt just now: not stuck
    fresh = declare(6)  # waiting, but only just submitted
    broker = full_route(7, age=timedelta(days=3))  # waits for the broker, not for the platform
    db.session.flush()

    assert set(ids(page(attention="all"))) == {bad.id, failed.id, dead.id, stuck.id}
    assert ids(page(attention="rejected")) == [bad.id]
    assert ids(page(attention="failed")) == [failed.id]
    assert ids(page(attention="dead")) == [dead.id]
    assert ids(page(attention="stuck")) == [stuck.id]
    assert set(ids(page(attention="stuck", hours="48"))) == set()
    assert page().attention_counts == {"all": 4, "rejected": 1, "failed": 1, "dead": 1, "stuck": 1}
    assert fresh.id not in ids(page(attention="all")) and broker.id not in ids(page(attention="all"))
