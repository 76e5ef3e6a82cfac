"""Orders from listings, the order and payment state machines, bank transfers (partial and
over-payment), cancellation with refunds, and who may move an order."""

from __future__ import annotations

from decimal import Decimal
from itertools import product

import factories
import pytest

from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.states import IllegalTransition
from marketplace.extensions import db
from marketplace.orders import services
from marketplace.orders.models import Order
from marketplace.orders.states import MOVES, OrderState, initial_state, order_workflow
from marketplace.payments import services as payments
from marketplace.payments.states import (
    PaymentState,
    RefundState,
    RequestKind,
    RequestState,
    payment_workflow,
    request_workflow,
)

OS = OrderState


class _Row:
    def __init__(self, state):
        self.state = state
        self.id = 1


@pytest.mark.parametrize(
    "workflow",
    [order_workflow, payment_workflow, request_workflow],
    ids=["order", "payment", "request"],
)
def test_transition_tables(monkeypatch, workflow):
    monkeypatch.setattr(workflow, "_record", lambda *a: None)
    for src, dst in product(workflow.states, workflow.states):
        row = _Row(src)
        if dst in workflow.transitions[src]:
            workflow.transition(row, dst)
            assert row.state == dst
        else:
            with pytest.raises(IllegalTransition):
                workflow.transition(row, dst)


def test_order_table_is_the_moves_table():
    pairs = {(s, d) for s, targets in order_workflow.transitions.items() for d in targets}
    assert pairs == set(MOVES)
    assert not order_workflow.transitions[OS.COMPLETED] and not order_workflow.transitions[OS.CANCELLED]
    assert initial_state(Decimal(30)) == OS.AWAITING_DEPOSIT
    assert initial_state(Decimal(100)) == OS.AWAITING_PAYMENT
    assert initial_state(Decimal(0)) == OS.IN_PRODUCTION


def _parties():
    buyer, buyer_company, [(seller, seller_company, listing)] = factories.rfq_parties(1)
    return buyer, buyer_company, seller, seller_company, listing


def _order(buyer, company, listing, quantity="100", **kw):
    data = services.ListingOrderData(
        listing_id=listing.id,
        quantity=quantity,
        destination_country="MN",
        destination_place="Ulaanbaatar",
        **kw,
    )
    return services.order_from_listing(buyer, company, data)


def test_order_from_listing_takes_tier_price_terms_and_schedule(ctx):
    buyer, company, _seller, _sc, listing = _parties()
    order = _order(buyer, company, listing, "100")
    assert order.lines[0].unit_price == Decimal("1010.00")  # the 100 t tier
    assert order.total == Decimal("101000.00") and order.currency == "USD"
    assert order.incoterm.value == "FCA" and order.incoterm_place == "Erenhot" and order.lead_time_days == 14
    assert order.state == OS.AWAITING_DEPOSIT and order.fulfilment_mode.value == "direct"
    reqs = payments.requests_of(order)
    assert [(r.kind, r.amount) for r in reqs] == [
        (RequestKind.DEPOSIT, Decimal("30300.00")),
        (RequestKind.BALANCE, Decimal("70700.00")),
    ]
    assert reqs[0].due_date is not None and reqs[1].due_date is None
    assert reqs[0].reference == f"{order.number}-1" and reqs[1].reference == f"{order.number}-2"
    small = _order(buyer, company, listing, "50")
    assert small.lines[0].unit_price == Decimal("1050.00")


@pytest.mark.parametrize(
    ("quantity", "field", "message"),
    [
        ("10", "quantity", "The minimum order is 25 tonne."),
        ("30", "quantity", "Order in multiples of 25 tonne."),
        ("abc", "quantity", "Enter the quantity to order."),
        ("-25", "quantity", "Enter the quantity to order."),
        ("25.0001", "quantity", "Enter the quantity with at most 3 decimals."),
    ],
)
def test_order_from_listing_refuses_bad_quantities(ctx, quantity, field, message):
    buyer, company, *_rest, listing = _parties()
    with pytest.raises(ValidationFailed) as exc:
        _order(buyer, company, listing, quantity)
    assert exc.value.errors[field] == [message]
    assert db.session.query(Order).count() == 0


def test_order_from_listing_other_refusals(ctx):
    buyer, company, seller, seller_company, listing = _parties()
    with pytest.raises(ValidationFailed) as exc:
        _order(buyer, company, listing, "25", currency="EUR")
    assert "currency" in exc.value.errors
    with pytest.raises(PermissionDenied):
        _order(seller, seller_company, listing, "25")  # sellers do not buy
    with pytest.raises(NotFound):
        services.order_from_listing(
            buyer, company, services.ListingOrderData(listing_id=999999, quantity="25")
        )


def _pay(seller, order, amount, day="2026-01-05"):
    return payments.record_bank_transfer(
        seller, order, amount=amount, received_on=day, payer_reference="MT103"
    )


def test_bank_transfers_partial_over_and_the_order_moves_only_when_settled(ctx):
    buyer, company, seller, _sc, listing = _parties()
    order = _order(buyer, company, listing, "100")  # deposit 30300, balance 70700
    _pay(seller, order, "10000")
    acc = payments.account(order)
    assert order.state == OS.AWAITING_DEPOSIT
    assert acc.lines[0].request.state == RequestState.PARTIALLY_PAID
    assert acc.lines[0].outstanding.amount == Decimal("20300.00")
    with pytest.raises(PermissionDenied):
        _pay(buyer, order, "20300")  # the buyer cannot record money as received
    _pay(seller, order, "20300")
    assert order.state == OS.IN_PRODUCTION
    # The balance is due before shipment: the seller cannot skip it.
    with pytest.raises(Conflict):
        services.move(seller, order, OS.READY_TO_SHIP)
    with pytest.raises(PermissionDenied):
        services.move(buyer, order, OS.AWAITING_BALANCE)
    services.move(seller, order, OS.AWAITING_BALANCE)
    assert payments.requests_of(order)[1].due_date is not None
    _pay(seller, order, "71700")  # 1000 too much
    acc = payments.account(order)
    assert order.state == OS.READY_TO_SHIP
    assert acc.overpaid.amount == Decimal("1000.00") and acc.received.amount == Decimal("102000.00")
    refund = payments.refund_overpayment(seller, order)
    assert refund.amount == Decimal("1000.00") and refund.state == RefundState.PENDING
    assert payments.account(order).overpaid.amount == 0
    payments.confirm_refund(seller, order, refund.id)
    assert refund.state == RefundState.SUCCEEDED
    with pytest.raises(Conflict):
        payments.refund_overpayment(seller, order)
    # Shipment, delivery, completion: each by the party allowed to make it.
    with pytest.raises(PermissionDenied):
        services.move(buyer, order, OS.SHIPPED)
    services.move(seller, order, OS.PARTIALLY_SHIPPED)
    services.move(seller, order, OS.SHIPPED)
    with pytest.raises(PermissionDenied):
        services.move(seller, order, OS.DELIVERED)
    services.move(buyer, order, OS.DELIVERED)
    services.move(buyer, order, OS.COMPLETED)
    states = [h.to_state for h in order_workflow.history(order)]
    assert states == [
        "awaiting_deposit",
        "in_production",
        "awaiting_balance",
        "ready_to_ship",
        "partially_shipped",
        "shipped",
        "delivered",
        "completed",
    ]
    with pytest.raises(Conflict):
        _pay(seller, order, "5")


def test_bank_transfer_bad_input_changes_nothing(ctx):
    buyer, company, seller, _sc, listing = _parties()
    order = _order(buyer, company, listing, "25")
    for amount, day, field in [
        ("", "2026-01-05", "amount"),
        ("0", "2026-01-05", "amount"),
        ("12.345", "2026-01-05", "amount"),
        ("NaN", "2026-01-05", "amount"),
        ("100", "5 Jan", "received_on"),
        ("100", "2999-01-01", "received_on"),
    ]:
        with pytest.raises(ValidationFailed) as exc:
            _pay(seller, order, amount, day)
        assert field in exc.value.errors
    assert payments.payments_of(order) == []


def test_cancellation_refunds_what_was_paid(ctx):
    buyer, company, seller, _sc, listing = _parties()
    order = _order(buyer, company, listing, "100")
    _pay(seller, order, "30300")
    assert order.state == OS.IN_PRODUCTION
    with pytest.raises(PermissionDenied):
        services.move(buyer, order, OS.CANCELLED, reason="changed my mind")  # production has started
    with pytest.raises(ValidationFailed):
        services.move(seller, order, OS.CANCELLED)  # a reason is required
    services.move(seller, order, OS.CANCELLED, reason="raw material shortage")
    assert order.state == OS.CANCELLED
    [refund] = payments.refunds_of(order)
    assert refund.amount == Decimal("30300.00") and refund.state == RefundState.PENDING
    assert payments.payments_of(order)[0].state == PaymentState.REFUNDED
    assert {r.state for r in payments.requests_of(order)} == {RequestState.CANCELLED}
    assert payments.account(order).received.amount == 0


def test_unpaid_order_cancelled_by_buyer_has_no_refund(ctx):
    buyer, company, _seller, _sc, listing = _parties()
    order = _order(buyer, company, listing, "25")
    services.move(buyer, order, OS.CANCELLED, reason="ordered twice")
    assert payments.refunds_of(order) == []


def test_disputes_are_settled_by_admins_and_strangers_cannot_touch(ctx):
    buyer, company, seller, _sc, listing = _parties()
    order = _order(buyer, company, listing, "100")
    _pay(seller, order, "30300")
    stranger = factories.make_user()
    with pytest.raises(NotFound):
        services.move(stranger, order, OS.DISPUTED, reason="x")
    with pytest.raises(NotFound):
        services.move(stranger, order, OS.CANCELLED, reason="x")
    with pytest.raises(PermissionDenied):
        _pay(stranger, order, "1")
    services.move(buyer, order, OS.DISPUTED, reason="quality")
    with pytest.raises(PermissionDenied):
        services.move(seller, order, OS.IN_PRODUCTION)
    admin = factories.make_user(admin=True)
    services.move(admin, order, OS.IN_PRODUCTION, reason="agreed")
    assert order.state == OS.IN_PRODUCTION
    with pytest.raises(IllegalTransition):
        services.move(admin, order, OS.COMPLETED)
    with pytest.raises(ValidationFailed):
        services.move(admin, order, "nonsense")


def test_full_advance_and_no_deposit_terms(ctx):
    from marketplace.catalog.states import Unit

    buyer, company, seller, seller_company, listing = _parties()

    def terms(percent):
        return services.OrderTerms(
            buyer_id=company.id,
            seller_id=seller_company.id,
            currency="USD",
            lines=[services.OrderLineTerms("PP", Decimal(25), Unit("t"), Decimal("1000"))],
            incoterm=listing.live_version.incoterm,
            incoterm_place="Erenhot",
            lead_time_days=10,
            deposit_percent=Decimal(percent),
            balance_due=services.BalanceDue.NET_30,
            destination_country="MN",
            destination_place="UB",
        )

    advance = services.place_order(buyer, terms(100))
    assert [r.kind for r in payments.requests_of(advance)] == [RequestKind.FULL]
    _pay(seller, advance, "25000")
    assert advance.state == OS.IN_PRODUCTION
    services.move(seller, advance, OS.READY_TO_SHIP)
    credit = services.place_order(buyer, terms(0))
    assert credit.state == OS.IN_PRODUCTION
    [balance] = payments.requests_of(credit)
    services.move(seller, credit, OS.READY_TO_SHIP)  # balance due 30 days after shipment
    with pytest.raises(Conflict):
        services.move(seller, credit, OS.AWAITING_BALANCE)
    services.move(seller, credit, OS.SHIPPED)
    assert balance.due_date is not None
    services.move(buyer, credit, OS.DELIVERED)
    with pytest.raises(Conflict):
        services.move(buyer, credit, OS.COMPLETED)  # the balance is still open
    _pay(seller, credit, "25000")
    services.move(buyer, credit, OS.COMPLETED)
