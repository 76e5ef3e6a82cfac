"""RFQ and quote services: the whole negotiation, the state tables, limits, deadline, expiry at the
China-time day boundary, stale revisions, and that every refusal changes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import product
from zoneinfo import ZoneInfo

import factories
import pytest
import sqlalchemy as sa

from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.states import IllegalTransition
from marketplace.extensions import db
from marketplace.notifications.models import Notification
from marketplace.orders.models import Order
from marketplace.orders.states import OrderState
from marketplace.rfq import services
from marketplace.rfq.models import Quote, QuoteRevision, Rfq
from marketplace.rfq.services import CounterData
from marketplace.rfq.states import QuoteState, RfqState, Side, quote_workflow, rfq_workflow

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _send(sellers=2, **overrides):
    buyer, buyer_company, parties = factories.rfq_parties(sellers)
    rfq = services.create_rfq(
        buyer, buyer_company, factories.rfq_data(seller_ids=[c.id for _, c, _ in parties], **overrides)
    )
    quotes = {q.seller_id: q for q in rfq.quotes}
    return buyer, rfq, [(user, quotes[company.id]) for user, company, _ in parties]


# -- state tables: every pair, allowed or refused --------------------------------------------------

RFQ_ALLOWED = {
    (RfqState.OPEN, RfqState.CLOSED),
    (RfqState.OPEN, RfqState.AWARDED),
    (RfqState.CLOSED, RfqState.OPEN),
}
Q = QuoteState
QUOTE_ALLOWED = {
    (Q.REQUESTED, Q.SUBMITTED),
    (Q.REQUESTED, Q.DECLINED),
    (Q.REQUESTED, Q.NOT_SELECTED),
    *{
        (s, t)
        for s in (Q.SUBMITTED, Q.COUNTERED)
        for t in (Q.SUBMITTED, Q.COUNTERED, Q.EXPIRED, Q.ACCEPTED, Q.NOT_SELECTED, Q.DECLINED)
    },
    (Q.EXPIRED, Q.SUBMITTED),
    (Q.EXPIRED, Q.NOT_SELECTED),
    (Q.EXPIRED, Q.DECLINED),
}


class _Row:
    def __init__(self, state):
        self.id = 1
        self.state = state


@pytest.mark.parametrize(("src", "dst"), list(product(RfqState, RfqState)))
def test_rfq_transition_table(src, dst, monkeypatch):
    monkeypatch.setattr(rfq_workflow, "_record", lambda *a: None)
    row = _Row(src)
    if (src, dst) in RFQ_ALLOWED:
        rfq_workflow.transition(row, dst)
        assert row.state == dst
    else:
        with pytest.raises(IllegalTransition):
            rfq_workflow.transition(row, dst)
        assert row.state == src


@pytest.mark.parametrize(("src", "dst"), list(product(QuoteState, QuoteState)))
def test_quote_transition_table(src, dst, monkeypatch):
    monkeypatch.setattr(quote_workflow, "_record", lambda *a: None)
    row = _Row(src)
    if (src, dst) in QUOTE_ALLOWED:
        quote_workflow.transition(row, dst)
        assert row.state == dst
    else:
        with pytest.raises(IllegalTransition):
            quote_workflow.transition(row, dst)
        assert row.state == src


# -- the negotiation -------------------------------------------------------------------------------


def test_quote_counter_revise_accept_places_order_with_revised_terms(ctx):
    buyer, rfq, [(s1, q1), (s2, q2)] = _send()
    assert {q.state for q in rfq.quotes} == {QuoteState.REQUESTED}
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data("1040.00"))
    services.submit_revision(s2, q2, Side.SELLER, factories.revision_data("1060.00"))
    assert q1.state == QuoteState.SUBMITTED
    first = q1.current_revision
    services.counter(buyer, q1, Side.BUYER, CounterData(unit_price="990", message="Can you do 990?"))
    assert q1.state == QuoteState.COUNTERED
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data("1000.00", lead_time_days="18"))
    second = q1.current_revision
    assert second.number == 2 and first.total == Decimal("104000.00")  # the first revision is unchanged

    order = services.accept(buyer, q1, Side.BUYER, second.id)

    assert order.number.startswith("ORD-") and order.state == OrderState.AWAITING_DEPOSIT
    assert order.total == Decimal("100000.00") and order.currency == "USD"
    assert order.lead_time_days == 18 and order.deposit_percent == Decimal("30")
    assert [(x.quantity, x.unit_price) for x in order.lines] == [(Decimal("100"), Decimal("1000.00"))]
    assert order.quote_revision_id == second.id and order.destination_place == "Ulaanbaatar"
    assert rfq.state == RfqState.AWARDED
    assert q1.state == QuoteState.ACCEPTED and q2.state == QuoteState.NOT_SELECTED
    kinds = [n.kind for n in db.session.scalars(sa.select(Notification).order_by(Notification.id))]
    assert kinds.count("rfq_received") == 2 and "quote_accepted" in kinds and "quote_not_selected" in kinds
    assert "order_placed" not in kinds  # "quote_accepted" already told the seller
    assert [h.to_state for h in quote_workflow.history(q1)] == [
        "requested",
        "submitted",
        "countered",
        "submitted",
        "accepted",
    ]


def test_revision_request_needs_a_message_and_decline_needs_a_reason(ctx):
    buyer, _rfq, [(s1, q1), (_s2, q2)] = _send()
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    with pytest.raises(ValidationFailed) as exc:
        services.counter(buyer, q1, Side.BUYER, CounterData(kind="revision_request", message=""))
    assert "message" in exc.value.errors and q1.state == QuoteState.SUBMITTED
    with pytest.raises(ValidationFailed):
        services.decline(_s2, q2, Side.SELLER, "  ")
    services.decline(_s2, q2, Side.SELLER, "No capacity in December")
    assert q2.state == QuoteState.DECLINED and q2.decline_reason == "No capacity in December"


def test_sides_cannot_act_for_each_other(ctx):
    buyer, _rfq, [(s1, q1), _] = _send()
    with pytest.raises(PermissionDenied):
        services.submit_revision(buyer, q1, Side.BUYER, factories.revision_data())
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    with pytest.raises(PermissionDenied):
        services.accept(s1, q1, Side.SELLER, q1.current_revision_id)
    with pytest.raises(PermissionDenied):
        services.counter(s1, q1, Side.SELLER, CounterData(unit_price="1"))


def test_quote_visibility(ctx):
    _buyer, rfq, [(s1, q1), (_s2, q2)] = _send()
    colleague = factories.make_user()
    from marketplace.accounts.models import Membership
    from marketplace.accounts.states import MemberRole

    db.session.add(Membership(user_id=colleague.id, company_id=rfq.buyer_id, role=MemberRole.MEMBER))
    db.session.flush()
    assert services.quote_for(s1, q1.id) == (q1, Side.SELLER)
    assert services.quote_for(colleague, q2.id) == (q2, Side.BUYER)
    assert services.rfq_for_buyer(colleague, rfq.id) is rfq
    with pytest.raises(NotFound):
        services.quote_for(s1, q2.id)  # another seller's thread
    with pytest.raises(NotFound):
        services.rfq_for_buyer(s1, rfq.id)
    outsider = factories.make_user()
    with pytest.raises(NotFound):
        services.quote_for(outsider, q1.id)


# -- limits, deadline ------------------------------------------------------------------------------


def test_quote_limit(ctx):
    _buyer, rfq, [(s1, q1), (s2, q2)] = _send(max_quotes=1)
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    assert not services.can_still_quote(rfq, q2)
    with pytest.raises(Conflict) as exc:
        services.submit_revision(s2, q2, Side.SELLER, factories.revision_data())
    assert "maximum" in str(exc.value.message)
    assert q2.state == QuoteState.REQUESTED and q2.current_revision_id is None
    # the seller already quoting may still revise
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data("1000.00"))
    assert q1.current_revision.number == 2


def test_deadline_stops_new_quotes_not_negotiation(ctx):
    buyer, rfq, [(s1, q1), (s2, q2)] = _send()
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    rfq.deadline = datetime.now(UTC) - timedelta(seconds=1)
    db.session.flush()
    with pytest.raises(Conflict) as exc:
        services.submit_revision(s2, q2, Side.SELLER, factories.revision_data())
    assert "deadline" in str(exc.value.message)
    services.counter(buyer, q1, Side.BUYER, CounterData(unit_price="1000"))
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data("1010.00"))
    order = services.accept(buyer, q1, Side.BUYER, q1.current_revision_id)
    assert order.total == Decimal("101000.00")


def test_closed_rfq_takes_nothing_and_reopens_only_before_deadline(ctx):
    buyer, rfq, [(s1, q1), _] = _send()
    services.close_rfq(buyer, rfq)
    with pytest.raises(Conflict):
        services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    services.reopen_rfq(buyer, rfq)
    assert rfq.state == RfqState.OPEN
    services.close_rfq(buyer, rfq)
    rfq.deadline = datetime.now(UTC) - timedelta(minutes=1)
    with pytest.raises(Conflict):
        services.reopen_rfq(buyer, rfq)
    assert rfq.state == RfqState.CLOSED


def test_bad_rfq_input_is_refused_with_every_field_and_writes_nothing(ctx):
    buyer, buyer_company, parties = factories.rfq_parties(1)
    bad = factories.rfq_data(
        seller_ids=["x"],
        title="",
        quantity="-3",
        target_price="10.123",
        destination_country="XX",
        destination_place="",
        incoterm="FOO",
        deadline="2020-01-01",
        max_quotes="500",
        requirements={"mfr": {"min": "9", "max": "2"}, "nope": "1"},
    )
    with pytest.raises(ValidationFailed) as exc:
        services.create_rfq(buyer, buyer_company, bad)
    assert {
        "title",
        "quantity",
        "target_price",
        "destination_country",
        "destination_place",
        "incoterm",
        "deadline",
        "max_quotes",
        "seller_ids",
        "requirements.mfr.min",
        "requirements.nope",
    } <= set(exc.value.errors)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Rfq)) == 0
    with pytest.raises(PermissionDenied):
        services.create_rfq(parties[0][0], parties[0][1], factories.rfq_data(seller_ids=[parties[0][1].id]))


def test_requirements_are_key_attributes_of_the_category(ctx):
    buyer, buyer_company, parties = factories.rfq_parties(1, slug="yarn")
    rfq = services.create_rfq(
        buyer,
        buyer_company,
        factories.rfq_data(
            seller_ids=[parties[0][1].id],
            category="yarn",
            unit="kg",
            quantity="500",
            requirements={"nm_count": {"min": "26", "max": "32"}, "spinning_system": "woollen"},
        ),
    )
    assert rfq.requirements == {"nm_count": {"min": "26", "max": "32"}, "spinning_system": "woollen"}


def test_audience_category_reaches_every_active_verified_seller(ctx):
    buyer, buyer_company, parties = factories.rfq_parties(3)
    rfq = services.create_rfq(buyer, buyer_company, factories.rfq_data(audience="category"))
    assert {q.seller_id for q in rfq.quotes} == {c.id for _, c, _ in parties}


# -- expiry ----------------------------------------------------------------------------------------


def test_expiry_boundary_in_china_time(ctx):
    buyer, _rfq, [(s1, q1), _] = _send()
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    rev = q1.current_revision
    rev.valid_until = date(2026, 12, 1)
    rev.expires_at = services.end_of_china_day(rev.valid_until)
    q1.expires_at = rev.expires_at
    db.session.flush()
    last_second = datetime(2026, 12, 1, 23, 59, 59, tzinfo=SHANGHAI)
    midnight = datetime(2026, 12, 2, 0, 0, 0, tzinfo=SHANGHAI)
    assert rev.expires_at == datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
    assert not services.is_expired(rev, last_second)
    assert services.is_expired(rev, midnight)
    assert services.expire_quotes(last_second) == 0 and q1.state == QuoteState.SUBMITTED
    with pytest.raises(Conflict) as exc:
        services.accept(buyer, q1, Side.BUYER, rev.id, now=midnight)
    assert exc.value.code == "quote_expired"
    assert services.expire_quotes(midnight) == 1 and q1.state == QuoteState.EXPIRED
    kinds = [
        n.kind
        for n in db.session.scalars(sa.select(Notification).where(Notification.kind == "quote_expired"))
    ]
    assert len(kinds) == 2  # buyer's and seller's members
    # the seller revives it with a new date: a new revision that can be accepted
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    assert q1.state == QuoteState.SUBMITTED and q1.current_revision.number == 2
    assert services.accept(buyer, q1, Side.BUYER, q1.current_revision_id).total == Decimal("104000.00")


def test_warning_24_hours_before_expiry_once_per_revision(ctx):
    _buyer, _rfq, [(s1, q1), _] = _send()
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    before = q1.expires_at - timedelta(hours=25)
    within = q1.expires_at - timedelta(hours=23)
    assert services.warn_expiring(before) == 0
    assert services.warn_expiring(within) == 1
    assert services.warn_expiring(within) == 0


# -- acceptance refusals ---------------------------------------------------------------------------


def test_accepting_a_superseded_revision_is_refused(ctx):
    buyer, rfq, [(s1, q1), _] = _send()
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data("1040.00"))
    stale = q1.current_revision_id
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data("1100.00"))
    with pytest.raises(Conflict) as exc:
        services.accept(buyer, q1, Side.BUYER, stale)
    assert exc.value.code == "stale_revision"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 0
    assert rfq.state == RfqState.OPEN and q1.state == QuoteState.SUBMITTED


def test_a_concurrent_revision_makes_acceptance_fail_not_use_stale_terms(ctx):
    """The seller's revision lands between the buyer reading the quote and accepting: the quote's
    version counter refuses the acceptance."""
    buyer, _rfq, [(s1, q1), _] = _send()
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    db.session.flush()
    # another transaction bumps the row version (what a concurrent revision commits)
    db.session.execute(
        sa.update(Quote).where(Quote.id == q1.id).values(row_version=Quote.row_version + 1),
        execution_options={"synchronize_session": False},
    )
    with pytest.raises(Conflict):
        services.accept(buyer, q1, Side.BUYER, q1.current_revision_id)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 0


def test_second_acceptance_is_refused(ctx):
    buyer, _rfq, [(s1, q1), (s2, q2)] = _send()
    services.submit_revision(s1, q1, Side.SELLER, factories.revision_data())
    services.submit_revision(s2, q2, Side.SELLER, factories.revision_data())
    services.accept(buyer, q1, Side.BUYER, q1.current_revision_id)
    with pytest.raises(Conflict):
        services.accept(buyer, q2, Side.BUYER, q2.current_revision_id)
    with pytest.raises(Conflict):
        services.accept(buyer, q1, Side.BUYER, q1.current_revision_id)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Order)) == 1


def test_revision_validation(ctx):
    _buyer, _rfq, [(s1, q1), (_s2, _q2)] = _send()
    bad = factories.revision_data(
        "12.345",
        currency="USD",
        deposit_percent="120",
        valid_until="2020-01-01",
        incoterm_place="",
        lead_time_days="400",
    )
    bad.lines.append({"listing_id": "999999", "description": "", "quantity": "0", "unit_price": "1"})
    with pytest.raises(ValidationFailed) as exc:
        services.submit_revision(s1, q1, Side.SELLER, bad)
    assert {
        "lines.0.unit_price",
        "deposit_percent",
        "valid_until",
        "incoterm_place",
        "lead_time_days",
        "lines.1.listing_id",
        "lines.1.quantity",
    } <= set(exc.value.errors)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(QuoteRevision)) == 0
