"""Payment operations: the schedule an order's terms produce, bank transfers recorded by the seller
or an admin, remittance slips, refunds. They flush, never commit.

Money received for an order is allocated to its payment requests in order (deposit, then balance):
a short payment leaves a request partly paid; an over-payment of the deposit counts towards the
balance, and whatever exceeds the order total is shown as an over-payment to return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import FileStorage

from marketplace.accounts.models import Company, User
from marketplace.core import audit, uploads
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, PermissionDenied, ValidationFailed
from marketplace.core.money import Money, minor_units, quantize
from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.orders.states import BalanceDue, OrderState, Role, order_workflow
from marketplace.payments.models import (
    Payment,
    PaymentRequest,
    Refund,
    RemittanceSlip,
    SellerBankAccount,
)
from marketplace.payments.states import (
    RECEIVED_STATES,
    Method,
    PaymentState,
    RefundState,
    RequestKind,
    RequestState,
    payment_workflow,
    refund_workflow,
    request_workflow,
)
from marketplace.risk import services as risk

PAYMENT_DAYS = 7  # a deposit, an advance payment or a balance called before shipment is due a week later

# What an order waits for in each waiting state, and where it goes once that is settled.
AWAITED = {
    OrderState.AWAITING_DEPOSIT: (RequestKind.DEPOSIT, OrderState.IN_PRODUCTION),
    OrderState.AWAITING_PAYMENT: (RequestKind.FULL, OrderState.IN_PRODUCTION),
    OrderState.AWAITING_BALANCE: (RequestKind.BALANCE, OrderState.READY_TO_SHIP),
}


def roles_of(user: User | None, order: Order) -> set[Role]:
    from marketplace.accounts.services import membership

    roles: set[Role] = set()
    if user is None or not getattr(user, "is_authenticated", False):
        return roles
    if user.is_admin:
        roles.add(Role.ADMIN)
    if membership(user, order.buyer_id) is not None:
        roles.add(Role.BUYER)
    if membership(user, order.seller_id) is not None:
        roles.add(Role.SELLER)
    return roles


def _require(user: User, order: Order, *allowed: Role) -> None:
    if not roles_of(user, order) & set(allowed):
        raise PermissionDenied()


# -- schedule ----------------------------------------------------------------------------------


def create_schedule(order: Order, actor=None) -> list[PaymentRequest]:
    """The payment requests of a newly placed order: a deposit and a balance, or one payment in
    advance (100 %), or only a balance (no deposit). Deposits and advances are due a week after the
    order; a balance gets its due date when it is called (see `on_order_moved`)."""
    today = utcnow().date()
    percent = order.deposit_percent
    if percent >= 100:
        parts = [(RequestKind.FULL, order.total_money, today + timedelta(days=PAYMENT_DAYS))]
    elif percent <= 0:
        parts = [(RequestKind.BALANCE, order.total_money, None)]
    else:
        deposit = order.deposit
        parts = [
            (RequestKind.DEPOSIT, deposit, today + timedelta(days=PAYMENT_DAYS)),
            (RequestKind.BALANCE, order.total_money - deposit, None),
        ]
    out = []
    for position, (kind, money, due) in enumerate(parts, start=1):
        req = PaymentRequest(
            order_id=order.id,
            position=position,
            kind=kind,
            amount=money.amount,
            currency=money.currency,
            due_date=due,
            reference=f"{order.number}-{position}",
        )
        request_workflow.start(req, RequestState.OPEN, actor=actor)
        out.append(req)
    return out


def requests_of(order: Order) -> list[PaymentRequest]:
    return list(
        db.session.scalars(
            sa.select(PaymentRequest)
            .where(PaymentRequest.order_id == order.id)
            .order_by(PaymentRequest.position)
        )
    )


def payments_of(order: Order) -> list[Payment]:
    return list(
        db.session.scalars(sa.select(Payment).where(Payment.order_id == order.id).order_by(Payment.id))
    )


def refunds_of(order: Order) -> list[Refund]:
    return list(db.session.scalars(sa.select(Refund).where(Refund.order_id == order.id).order_by(Refund.id)))


def received(order: Order) -> Money:
    """What the buyer has paid for the order, less what was refunded."""
    total = Money.zero(order.currency)
    for p in payments_of(order):
        if p.state in RECEIVED_STATES:
            total = total + p.net
    return total


@dataclass
class RequestStatus:
    request: PaymentRequest
    paid: Money
    outstanding: Money


@dataclass
class Account:
    """The order's money at a glance: each request's paid and outstanding part, and any excess."""

    lines: list[RequestStatus]
    received: Money
    overpaid: Money
    refunds_pending: Money


def account(order: Order) -> Account:
    left = received(order)
    zero = Money.zero(order.currency)
    lines = []
    for req in requests_of(order):
        if req.state == RequestState.CANCELLED:
            lines.append(RequestStatus(req, zero, zero))
            continue
        paid = req.money if req.money <= left else (left if zero < left else zero)
        left = left - paid
        lines.append(RequestStatus(req, paid, req.money - paid))
    pending = zero
    for r in refunds_of(order):
        if r.state == RefundState.PENDING:
            pending = pending + r.money
    still_due = any(line.request.state != RequestState.CANCELLED for line in lines)
    return Account(lines, received(order), left if (zero < left and still_due) else zero, pending)


def reconcile(order: Order, actor=None) -> None:
    """Bring each request's state in line with the money received, then move the order on if the
    payment it waits for is now settled."""
    settled: list[PaymentRequest] = []
    for line in account(order).lines:
        req = line.request
        if req.state == RequestState.CANCELLED:
            continue
        if line.outstanding.amount <= 0:
            target = RequestState.SETTLED
        elif line.paid.amount > 0:
            target = RequestState.PARTIALLY_PAID
        else:
            target = RequestState.OPEN
        if target != req.state:
            request_workflow.transition(req, target, actor=actor)
            req.settled_at = utcnow() if target == RequestState.SETTLED else None
            if target == RequestState.SETTLED:
                settled.append(req)
    awaited = AWAITED.get(order.state)
    # A held order keeps its money but does not move on: clearing its flags reconciles again.
    if awaited is not None and not risk.is_held(order):
        kind, next_state = awaited
        req = next((r for r in requests_of(order) if r.kind == kind), None)
        if req is not None and req.state == RequestState.SETTLED:
            order_workflow.transition(order, next_state, actor=actor, reason=f"{req.reference} settled")
    db.session.flush()
    for req in settled:
        _notify_settled(order, req)


def _notify_settled(order: Order, req: PaymentRequest) -> None:
    """Tell both parties a payment request is paid in full (and where the order is now)."""
    from marketplace.notifications import services as notifications

    for company_id in (order.buyer_id, order.seller_id):
        notifications.notify_company(
            company_id,
            "payment_settled",
            endpoint="orders.detail",
            endpoint_args={"order_id": order.id},
            number=order.number,
            amount=notifications.money_param(Money(req.amount, req.currency)),
            reference=req.reference,
            order_state=order.state.value,
        )


def balance_settled(order: Order) -> bool:
    return all(
        r.state in (RequestState.SETTLED, RequestState.CANCELLED)
        for r in requests_of(order)
        if r.kind == RequestKind.BALANCE
    )


def all_settled(order: Order) -> bool:
    return all(r.state in (RequestState.SETTLED, RequestState.CANCELLED) for r in requests_of(order))


def on_order_moved(order: Order, target: OrderState) -> None:
    """Give the balance its due date when the terms call it: before shipment when production is
    done, against documents at shipment, 30 days after shipment, or on arrival."""
    today = utcnow().date()
    due: date | None = None
    terms = order.balance_due
    if target == OrderState.AWAITING_BALANCE or (
        target == OrderState.READY_TO_SHIP and terms == BalanceDue.BEFORE_SHIPMENT
    ):
        due = today + timedelta(days=PAYMENT_DAYS)
    elif target in (OrderState.SHIPPED, OrderState.PARTIALLY_SHIPPED):
        if terms == BalanceDue.NET_30:
            due = today + timedelta(days=30)
        elif terms == BalanceDue.AGAINST_DOCUMENTS:
            due = today + timedelta(days=PAYMENT_DAYS)
    elif target == OrderState.DELIVERED and terms == BalanceDue.ON_ARRIVAL:
        due = today + timedelta(days=PAYMENT_DAYS)
    if due is None:
        return
    for req in requests_of(order):
        if req.kind == RequestKind.BALANCE and req.due_date is None:
            req.due_date = due
    db.session.flush()


# -- bank transfers ------------------------------------------------------------------------------


def _amount(raw: Any, currency: str, errors: dict, name: str = "amount") -> Decimal | None:
    try:
        value = Decimal(str(raw).strip().replace(",", "")) if raw not in (None, "") else None
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        errors[name] = [str(_l("Enter an amount, e.g. 1250.00."))]
        return None
    if value <= 0:
        errors[name] = [str(_l("The amount must be more than zero."))]
        return None
    if value != quantize(value, currency):
        errors[name] = [
            str(
                _l(
                    "%(currency)s amounts have at most %(n)d decimals.",
                    currency=currency,
                    n=minor_units(currency),
                )
            )
        ]
        return None
    if value >= Decimal("1e13"):
        errors[name] = [str(_l("This amount is too large."))]
        return None
    return value


def _day(raw: Any, errors: dict, name: str = "received_on") -> date | None:
    if isinstance(raw, date):
        value = raw
    else:
        try:
            value = date.fromisoformat(str(raw or "").strip())
        except ValueError:
            errors[name] = [str(_l("Enter a date as YYYY-MM-DD."))]
            return None
    if value > utcnow().date() + timedelta(days=1):
        errors[name] = [str(_l("The date cannot be in the future."))]
        return None
    return value


OPEN_FOR_PAYMENT = frozenset(s for s in OrderState if s not in (OrderState.CANCELLED, OrderState.COMPLETED))


def record_bank_transfer(
    actor: User, order: Order, *, amount: Any, received_on: Any, payer_reference: str = ""
) -> Payment:
    """Record a wire the seller (or an admin) has received for `order`, in the order's currency.
    Partial and excess amounts are accepted and shown; the order moves on if the payment it waits
    for is now settled."""
    _require(actor, order, Role.SELLER, Role.ADMIN)
    if order.state not in OPEN_FOR_PAYMENT:
        raise Conflict(_l("This order is %(state)s: no more payments are recorded.", state=order.state.label))
    errors: dict[str, list[str]] = {}
    value = _amount(amount, order.currency, errors)
    day = _day(received_on, errors)
    reference = (payer_reference or "").strip()
    if len(reference) > 120:
        errors["payer_reference"] = [str(_l("At most %(n)d characters.", n=120))]
    if errors:
        raise ValidationFailed(errors)
    account_now = account(order)
    target = next((line.request for line in account_now.lines if line.outstanding.amount > 0), None)
    payment = Payment(
        order_id=order.id,
        request_id=target.id if target is not None else None,
        method=Method.BANK_TRANSFER,
        amount=value,
        currency=order.currency,
        received_on=day,
        payer_reference=reference,
        recorded_by_id=actor.id,
    )
    payment_workflow.start(payment, PaymentState.SUCCEEDED, actor=actor, reason="bank transfer recorded")
    reconcile(order, actor=actor)
    audit.record(
        "payment.bank_transfer_recorded",
        actor=actor,
        subject=order,
        company_id=order.seller_id,
        amount=str(payment.money),
    )
    return payment


def upload_remittance(actor: User, order: Order, upload: FileStorage | None) -> RemittanceSlip:
    """The buyer's copy of a wire order (PDF or image), for the seller to match against the bank."""
    _require(actor, order, Role.BUYER, Role.ADMIN)
    if order.state not in OPEN_FOR_PAYMENT:
        raise Conflict(_l("This order is %(state)s: no more payments are recorded.", state=order.state.label))
    stored = uploads.store(
        upload,
        allowed=uploads.DOCUMENT_TYPES | uploads.IMAGE_TYPES,
        max_bytes=uploads.max_document_bytes(),
        field="file",
    )
    open_req = next((line.request for line in account(order).lines if line.outstanding.amount > 0), None)
    slip = RemittanceSlip(
        order_id=order.id,
        request_id=open_req.id if open_req is not None else None,
        uploaded_by_id=actor.id,
        uploaded_at=utcnow(),
        **stored.columns(),
    )
    db.session.add(slip)
    db.session.flush()
    return slip


def slips_of(order: Order) -> list[RemittanceSlip]:
    return list(
        db.session.scalars(
            sa.select(RemittanceSlip).where(RemittanceSlip.order_id == order.id).order_by(RemittanceSlip.id)
        )
    )


def slip_for(user: User, order: Order, slip_id: int) -> RemittanceSlip:
    from marketplace.core.errors import NotFound

    slip = db.session.get(RemittanceSlip, slip_id)
    if slip is None or slip.order_id != order.id or not roles_of(user, order):
        raise NotFound()
    return slip


# -- bank details --------------------------------------------------------------------------------


def bank_account_of(company_id: int) -> SellerBankAccount | None:
    return db.session.scalar(sa.select(SellerBankAccount).where(SellerBankAccount.company_id == company_id))


def set_bank_account(actor: User, company: Company, data: dict[str, Any]) -> SellerBankAccount:
    """Create or replace the seller's bank details (owner/staff of the seller, or an admin)."""
    from marketplace.accounts.services import membership

    if not (actor.is_admin or membership(actor, company.id) is not None) or not company.is_seller:
        raise PermissionDenied()
    errors: dict[str, list[str]] = {}
    limits = {"beneficiary": 200, "bank_name": 200, "bank_address": 300, "account_number": 40, "swift": 11}
    clean: dict[str, str] = {}
    for name, limit in limits.items():
        value = " ".join(str(data.get(name) or "").split())
        if name in ("account_number", "swift"):
            value = value.replace(" ", "").upper()
        if not value and name != "bank_address":
            errors[name] = [str(_l("This field is required."))]
        elif len(value) > limit:
            errors[name] = [str(_l("At most %(n)d characters.", n=limit))]
        clean[name] = value
    swift = clean.get("swift", "")
    if (
        swift
        and "swift" not in errors
        and not (len(swift) in (8, 11) and swift[:6].isalpha() and swift[6:].isalnum())
    ):
        errors["swift"] = [str(_l("A SWIFT/BIC code has 8 or 11 letters and digits, e.g. BKCHCNBJ."))]
    if errors:
        raise ValidationFailed(errors)
    bank = bank_account_of(company.id)
    if bank is None:
        bank = SellerBankAccount(company_id=company.id, **clean)
        db.session.add(bank)
    else:
        for name, value in clean.items():
            setattr(bank, name, value)
    db.session.flush()
    audit.record("company.bank_account_set", actor=actor, subject=company, company_id=company.id)
    return bank


# -- refunds -------------------------------------------------------------------------------------


def refund_everything(actor, order: Order, reason: str) -> list[Refund]:
    """On cancellation: every payment received (less what was already refunded) goes back; open
    requests are cancelled. Card payments are refunded through Stripe after commit; bank transfers by
    the seller's bank (recorded as "to be returned" until the seller confirms)."""
    refunds = []
    for p in payments_of(order):
        if p.state not in (PaymentState.SUCCEEDED, PaymentState.PARTIALLY_REFUNDED):
            continue
        remaining = p.net
        if remaining.amount <= 0:
            continue
        refund = Refund(
            payment_id=p.id,
            order_id=order.id,
            amount=remaining.amount,
            currency=remaining.currency,
            reason=reason,
            created_by_id=getattr(actor, "id", None),
        )
        refund_workflow.start(refund, RefundState.PENDING, actor=actor)
        p.refunded = p.amount
        payment_workflow.transition(p, PaymentState.REFUNDED, actor=actor, reason=reason)
        _send_if_card(p, refund)
        refunds.append(refund)
    for req in requests_of(order):
        if req.state != RequestState.CANCELLED:
            request_workflow.transition(req, RequestState.CANCELLED, actor=actor, reason=reason)
    db.session.flush()
    return refunds


def _send_if_card(payment: Payment, refund: Refund) -> None:
    """Card money goes back through Stripe, after commit (the outbox job carries an idempotency key)."""
    if payment.method == Method.CARD:
        from marketplace.payments import stripe_gateway

        stripe_gateway.queue_refund(refund)


def refund_overpayment(actor: User, order: Order) -> Refund:
    """Return what the buyer paid beyond the order total (seller or admin)."""
    _require(actor, order, Role.SELLER, Role.ADMIN)
    excess = account(order).overpaid
    if excess.amount <= 0:
        raise Conflict(_l("Nothing has been paid beyond the order total."))
    payment = next(
        (
            p
            for p in reversed(payments_of(order))
            if p.state in (PaymentState.SUCCEEDED, PaymentState.PARTIALLY_REFUNDED) and excess <= p.net
        ),
        None,
    )
    if payment is None:
        raise Conflict(_l("Nothing has been paid beyond the order total."))
    refund = Refund(
        payment_id=payment.id,
        order_id=order.id,
        amount=excess.amount,
        currency=excess.currency,
        reason=Refund.OVERPAYMENT,
        created_by_id=actor.id,
    )
    refund_workflow.start(refund, RefundState.PENDING, actor=actor)
    _send_if_card(payment, refund)
    payment.refunded = payment.refunded + excess.amount
    payment_workflow.transition(
        payment,
        PaymentState.REFUNDED if payment.refunded >= payment.amount else PaymentState.PARTIALLY_REFUNDED,
        actor=actor,
        reason="over-payment",
    )
    reconcile(order, actor=actor)
    return refund


def confirm_refund(actor: User, order: Order, refund_id: int) -> Refund:
    """The seller (or an admin) confirms a refund has been wired back."""
    from marketplace.core.errors import NotFound

    _require(actor, order, Role.SELLER, Role.ADMIN)
    refund = db.session.get(Refund, refund_id)
    if refund is None or refund.order_id != order.id:
        raise NotFound()
    if refund.state != RefundState.PENDING:
        raise Conflict(_l("This refund has already been confirmed."))
    if refund.payment.method == Method.CARD:
        raise Conflict(_l("Card refunds are confirmed by the card payment service."))
    refund_workflow.transition(refund, RefundState.SUCCEEDED, actor=actor)
    db.session.flush()
    return refund
