"""The SQL aggregates behind the credit figures, on constructed histories (run on SQLite and on
PostgreSQL): which orders, disputes, declarations, invitations and ratings count, and the window."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from credit_world import (
    NOW,
    booking_declaration,
    day,
    invitation,
    order,
    parties,
    shipment_declaration,
)

from marketplace.credit import formula, queries
from marketplace.credit.models import Rating
from marketplace.credit.states import Grade
from marketplace.extensions import db


def _rating(o, stars: int, *, state="visible", at=None) -> Rating:
    row = Rating(
        order_id=o.id,
        seller_id=o.seller_id,
        buyer_id=o.buyer_id,
        overall=stars,
        as_described=stars,
        communication=stars,
        on_time=stars,
        comment="",
        comment_language="",
        state=state,
        created_at=at or day(10),
    )
    db.session.add(row)
    db.session.flush()
    return row


def _world():
    _owner, seller, _bu, buyer = parties(0)
    _o2, other, _bu2, _b2 = parties(1)
    start = day(100)
    o1 = order(seller, buyer, [("in_production", start), ("shipped", day(95))])  # on time
    o2 = order(seller, buyer, [("in_production", start), ("shipped", day(89))])  # 11 days: late
    o3 = order(seller, buyer, [("in_production", start), ("shipped", start + timedelta(days=10))])  # exactly
    order(seller, buyer, [("in_production", day(5))])  # not due yet: started, not measured
    order(seller, buyer, [("in_production", day(30)), ("ready_to_ship", day(25))])  # overdue: late
    order(seller, buyer, [("in_production", day(30)), ("cancelled", day(20))])  # cancelled: not measured
    order(seller, buyer, [("in_production", day(400)), ("shipped", day(395))])  # outside the window
    order(seller, buyer, [("awaiting_deposit", day(50))])  # never started
    order(  # dispute lost (cancelled by an admin)
        seller,
        buyer,
        [
            ("awaiting_deposit", day(60)),
            ("in_production", day(58)),
            ("disputed", day(50)),
            ("cancelled", day(40)),
        ],
    )
    o10 = order(  # shipped on time, then a dispute settled by completing the order
        seller,
        buyer,
        [("in_production", day(70)), ("shipped", day(65)), ("disputed", day(60)), ("completed", day(55))],
    )
    order(seller, buyer, [("in_production", day(80)), ("disputed", day(75))])  # open dispute, overdue
    order(other, buyer, [("in_production", day(50)), ("shipped", day(49))])  # another seller

    shipment_declaration(
        seller,
        buyer,
        [
            ("submitted", day(50)),
            ("rejected", day(49)),
            ("submitted", day(48)),
            ("accepted", day(47)),
            ("released", day(46)),
        ],
    )
    booking_declaration(seller, [("submitted", day(30)), ("accepted", day(29))])
    shipment_declaration(seller, buyer, [("broker", day(20)), ("entered", day(19))])
    shipment_declaration(seller, buyer, [("submitted", day(400)), ("rejected", day(399))])  # outside
    shipment_declaration(other, buyer, [("submitted", day(10)), ("rejected", day(9))])  # another seller

    invitation(seller, buyer, day(10), day(10) + timedelta(hours=12))  # 12 h
    invitation(seller, buyer, day(20), day(20) + timedelta(hours=200))  # capped at 168 h
    invitation(seller, buyer, day(30), None, state="requested")  # never answered: 168 h
    invitation(seller, buyer, day(3), None, state="requested")  # too young to count
    invitation(seller, buyer, day(40), None, state="declined")  # declined: not counted
    invitation(seller, buyer, day(400), day(399))  # outside the window
    invitation(seller, buyer, day(50), day(50) + timedelta(hours=36))  # 36 h
    invitation(other, buyer, day(10), None, state="requested")  # another seller

    _rating(o1, 5)
    _rating(o2, 4)
    _rating(o3, 1, state="hidden")  # hidden: not counted
    _rating(o10, 2, at=day(400))  # outside the window
    return seller, other


def test_figures_count_the_constructed_history(ctx):
    seller, other = _world()
    f = queries.figures(seller.id, NOW)
    assert f == formula.Figures(
        orders_measured=6,
        orders_on_time=3,
        orders_started=9,
        disputes_lost=1,
        disputes_settled=1,
        disputes_open=1,
        declarations_submitted=4,
        declarations_rejected=1,
        invitations_measured=4,
        response_hours=Decimal("384.00"),
        ratings_count=2,
        ratings_sum=9,
    )
    p = formula.evaluate(f)
    # on time 3/6 -> 50; disputes (1 + 0.5 + 0.25) / 9 -> 2.8; the rest below their minimum
    assert p.component("on_time").score == Decimal("50.0")
    assert p.component("disputes").score == Decimal("2.8")
    assert p.score == Decimal("31.1") and p.grade == Grade.D

    g = queries.figures(other.id, NOW)
    assert (g.orders_started, g.orders_on_time, g.declarations_submitted, g.declarations_rejected) == (
        1,
        1,
        1,
        1,
    )
    assert (g.invitations_measured, g.response_hours) == (1, Decimal("168.00"))  # unanswered for 10 days


def test_the_window_moves_with_now(ctx):
    seller, _other = _world()
    # 300 days on, the window starts at day(65): the orders started at day(58), day(30) (twice) and day(5)
    # remain; the cancelled ones are not measured, the other two are overdue
    later = queries.figures(seller.id, NOW + timedelta(days=300))
    assert (later.orders_started, later.orders_measured, later.orders_on_time) == (4, 2, 0)
    assert (later.disputes_lost, later.disputes_settled, later.disputes_open) == (1, 1, 1)
    # the young invitation of day(3) now counts as unanswered: 12 + 168 + 168 + 168 + 36
    assert (later.invitations_measured, later.response_hours) == (5, Decimal("552.00"))
    # 200 days earlier, the window is [day(565), day(200)]: the order of day(400), the three orders
    # behind the declarations (day(500), shipped in 5 days), the rejection of day(399), the answer of
    # day(400) (24 h) and the rating of day(400)
    earlier = queries.figures(seller.id, NOW - timedelta(days=200))
    assert (earlier.orders_started, earlier.orders_measured, earlier.orders_on_time) == (4, 4, 4)
    assert (earlier.declarations_submitted, earlier.declarations_rejected) == (1, 1)
    assert (earlier.invitations_measured, earlier.response_hours) == (1, Decimal("24.00"))
    assert (earlier.ratings_count, earlier.ratings_sum) == (1, 2)


def test_changed_sellers_lists_those_whose_record_moved(ctx):
    seller, other = _world()
    assert queries.changed_sellers(day(12)) == sorted([seller.id, other.id])
    assert queries.changed_sellers(day(4)) == [seller.id]  # the young invitation at day(3)
    assert queries.changed_sellers(NOW + timedelta(days=1)) == []
