"""Order operations: placing an order (from an accepted quote or directly from a listing) and moving
it through its workflow by the rules of who may move it when. They flush, never commit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from marketplace.accounts.models import Company, User
from marketplace.catalog.states import Incoterm, Unit
from marketplace.core import audit
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.i18n import country_choices
from marketplace.core.money import Money, quantize
from marketplace.extensions import db
from marketplace.orders.models import Order, OrderLine
from marketplace.orders.states import (
    MOVES,
    BalanceDue,
    FulfilmentMode,
    OrderState,
    Role,
    initial_state,
    order_workflow,
)
from marketplace.risk import services as risk

CHINA = ZoneInfo("Asia/Shanghai")

# An order placed straight from a listing (no negotiation) uses the marketplace's standard terms.
DIRECT_DEPOSIT_PERCENT = Decimal(30)
DIRECT_BALANCE_DUE = BalanceDue.BEFORE_SHIPMENT


@dataclass
class OrderLineTerms:
    description: str
    quantity: Decimal
    unit: Unit
    unit_price: Decimal
    listing_id: int | None = None


@dataclass
class OrderTerms:
    """Everything an order locks: parties, currency, lines, delivery and payment terms."""

    buyer_id: int
    seller_id: int
    currency: str
    lines: list[OrderLineTerms]
    incoterm: Incoterm
    incoterm_place: str
    lead_time_days: int
    deposit_percent: Decimal
    balance_due: BalanceDue
    destination_country: str
    destination_place: str
    rfq_id: int | None = None
    quote_id: int | None = None
    quote_revision_id: int | None = None
    # Ship from this overseas warehouse (its stock is reserved for the order) instead of exporting.
    warehouse_id: int | None = None


def order_number(order: Order) -> str:
    """ORD-<year>-<id, six digits>: unique, readable on the phone, never reused."""
    return f"ORD-{order.placed_at:%Y}-{order.id:06d}"


def place_order(actor, terms: OrderTerms) -> Order:
    """Create the order with `terms` copied (later changes of the source do not touch it), in its
    first state (awaiting deposit; awaiting payment for 100 % in advance; in production when nothing
    is paid up front), with the payment requests its terms produce. An order from an overseas
    warehouse reserves its quantities there (refused with InsufficientStock when short)."""
    from marketplace.documents import services as documents
    from marketplace.payments import services as payments

    now = utcnow()
    order = Order(
        number=f"tmp-{uuid.uuid4().hex[:20]}",
        buyer_id=terms.buyer_id,
        seller_id=terms.seller_id,
        created_by_id=getattr(actor, "id", None),
        rfq_id=terms.rfq_id,
        quote_id=terms.quote_id,
        quote_revision_id=terms.quote_revision_id,
        currency=terms.currency,
        total=Decimal(0),
        incoterm=terms.incoterm,
        incoterm_place=terms.incoterm_place,
        lead_time_days=terms.lead_time_days,
        deposit_percent=terms.deposit_percent,
        balance_due=terms.balance_due,
        destination_country=terms.destination_country,
        destination_place=terms.destination_place,
        placed_at=now,
        fulfilment_mode=FulfilmentMode.OVERSEAS_WAREHOUSE if terms.warehouse_id else FulfilmentMode.DIRECT,
        warehouse_id=terms.warehouse_id,
    )
    total = Decimal(0)
    for position, line in enumerate(terms.lines, start=1):
        line_total = quantize(line.quantity * line.unit_price, terms.currency)
        total += line_total
        order.lines.append(
            OrderLine(
                position=position,
                listing_id=line.listing_id,
                description=line.description,
                quantity=line.quantity,
                unit=line.unit,
                unit_price=line.unit_price,
                total=line_total,
            )
        )
    order.total = total
    order_workflow.start(order, initial_state(terms.deposit_percent), actor=actor)
    order.number = order_number(order)
    db.session.flush()
    if order.warehouse_id is not None:
        _reserve(order, actor)
    payments.create_schedule(order, actor)
    documents.issue_proforma(order, actor)
    if terms.rfq_id is None:  # an accepted quote already told the seller ("quote_accepted")
        _notify_seller_of_new_order(order)
    risk.screen_order(order, actor)
    return order


def _reserve(order: Order, actor) -> None:
    from marketplace.warehouses import services as warehouses

    for line in order.lines:
        if line.listing_id is not None:
            warehouses.reserve_for_order(
                line.listing_id, order.warehouse_id, line.quantity, order.number, actor=actor
            )


def _settle_reservation(order: Order, *, shipped: bool, actor=None) -> None:
    from marketplace.warehouses import services as warehouses

    if order.warehouse_id is None:
        return
    for listing_id in sorted({line.listing_id for line in order.lines if line.listing_id is not None}):
        warehouses.settle_order(listing_id, order.warehouse_id, order.number, shipped=shipped, actor=actor)


def release_reservation(order: Order, actor=None) -> None:
    """Give back what is still reserved for `order` in its overseas warehouse (what the ledger holds
    under its number, lot by lot, so a second call, or a call after a delivery, releases nothing)."""
    _settle_reservation(order, shipped=False, actor=actor)


def deliver_locally(order: Order, actor=None) -> None:
    """An order from an overseas warehouse ships as a local delivery from there (no new export
    declaration): what is reserved for it leaves the warehouse's stock, from the lots it was taken from."""
    _settle_reservation(order, shipped=True, actor=actor)


def _company_name(company_id: int) -> str:
    company = db.session.get(Company, company_id)
    return (company.legal_name_latin or company.legal_name) if company is not None else ""


def _notify_seller_of_new_order(order: Order) -> None:
    from marketplace.notifications import services as notifications

    notifications.notify_company(
        order.seller_id,
        "order_placed",
        endpoint="orders.detail",
        endpoint_args={"order_id": order.id},
        number=order.number,
        buyer=_company_name(order.buyer_id),
        title=order.lines[0].description if order.lines else order.number,
        total=notifications.money_param(Money(order.total, order.currency)),
        order_state=order.state.value,
    )


def notify_moved(actor: User, order: Order, reason: str = "") -> None:
    """Tell the other party (both parties when an admin moved it) that the order changed state."""
    from marketplace.notifications import services as notifications
    from marketplace.payments import services as payments

    roles = payments.roles_of(actor, order)
    told = []
    if Role.BUYER not in roles:
        told.append(order.buyer_id)
    if Role.SELLER not in roles:
        told.append(order.seller_id)
    company = _company_name(order.seller_id if Role.SELLER in roles else order.buyer_id)
    if Role.ADMIN in roles and not ({Role.BUYER, Role.SELLER} & roles):
        company = str(_l("The marketplace"))
    for company_id in told:
        params = {"number": order.number, "company": company, "order_state": order.state.value}
        if reason:
            params["message"] = reason
        notifications.notify_company(
            company_id,
            "order_moved_reason" if reason else "order_moved",
            endpoint="orders.detail",
            endpoint_args={"order_id": order.id},
            **params,
        )


# -- orders straight from a listing ----------------------------------------------------------------


@dataclass
class ListingOrderData:
    listing_id: Any = None
    quantity: Any = ""
    currency: str = ""
    destination_country: str = ""
    destination_place: str = ""
    warehouse_id: Any = ""  # empty: direct export from Ordos; else an overseas warehouse with stock


def order_from_listing(actor: User, buyer: Company | None, data: ListingOrderData) -> Order:
    """Place an order for a published listing: quantity at least the MOQ and a multiple of the order
    multiple, the unit price of the tier that quantity reaches in the chosen currency, the listing's
    Incoterm, place and lead time, and the standard terms (30 % deposit, balance before shipment).
    From an overseas warehouse holding available stock: delivered (DAP) to the destination within the
    warehouse's delivery time, the quantity reserved there. Refused with field errors, and nothing
    created, if any of it does not hold."""
    from marketplace.accounts.services import membership
    from marketplace.catalog import queries as catalog
    from marketplace.warehouses import queries as stock
    from marketplace.warehouses.ledger import InsufficientStock

    if buyer is None or buyer.is_seller or membership(actor, buyer.id) is None:
        raise PermissionDenied(_l("Only members of a buyer company can place orders."))
    try:
        listing_id = int(data.listing_id)
    except (TypeError, ValueError):
        raise NotFound()
    listing = catalog.visible_listing(listing_id)
    if listing is None:
        raise NotFound()
    if listing.seller_id == buyer.id:
        raise PermissionDenied()
    version = catalog.load_version(listing.live_version_id)
    errors: dict[str, list[str]] = {}
    try:
        raw = str(data.quantity if data.quantity is not None else "").strip().replace(",", "")
        quantity = Decimal(raw) if raw else None
    except InvalidOperation:
        quantity = None
    unit = version.unit.label
    if quantity is None or not quantity.is_finite() or quantity <= 0:
        errors["quantity"] = [str(_l("Enter the quantity to order."))]
    elif quantity != quantity.quantize(Decimal("0.001")) or quantity >= Decimal("1e12"):
        errors["quantity"] = [str(_l("Enter the quantity with at most 3 decimals."))]
    elif quantity < version.moq:
        errors["quantity"] = [
            str(_l("The minimum order is %(moq)s %(unit)s.", moq=_plain(version.moq), unit=unit))
        ]
    elif version.order_multiple > 0 and quantity % version.order_multiple != 0:
        errors["quantity"] = [
            str(
                _l(
                    "Order in multiples of %(step)s %(unit)s.",
                    step=_plain(version.order_multiple),
                    unit=unit,
                )
            )
        ]
    currencies = sorted({p.currency for p in version.prices})
    currency = str(data.currency or "").strip().upper() or (currencies[0] if currencies else "")
    if currency not in currencies:
        errors["currency"] = [str(_l("This listing has no price in %(currency)s.", currency=currency or "-"))]
    country = str(data.destination_country or "").strip().upper()
    if country not in {code for code, _name in country_choices()}:
        errors["destination_country"] = [str(_l("Choose a country."))]
    place = " ".join(str(data.destination_place or "").split())
    if not place:
        errors["destination_place"] = [str(_l("Enter the destination city or place."))]
    elif len(place) > 120:
        errors["destination_place"] = [str(_l("At most %(n)d characters.", n=120))]
    source = None
    raw_warehouse = str(data.warehouse_id if data.warehouse_id is not None else "").strip()
    if raw_warehouse:
        offers = {str(a.warehouse_id): a for a in stock.overseas_availability(listing.id)}
        source = offers.get(raw_warehouse)
        if source is None:
            errors["warehouse_id"] = [str(_l("This warehouse has no stock of this listing."))]
        elif "quantity" not in errors:
            # Lock the balance now (PostgreSQL: concurrent buyers queue here) and check it: the
            # reservation made with the order then cannot be refused.
            available = _available_locked(listing.id, source.warehouse_id)
            if quantity > available:
                errors["quantity"] = [_short(available, unit, source.city)]
    if errors:
        raise ValidationFailed(errors)
    tiers = sorted((p for p in version.prices if p.currency == currency), key=lambda p: p.min_quantity)
    tier = tiers[0]
    for candidate in tiers:
        if candidate.min_quantity <= quantity:
            tier = candidate
    title = catalog.pick_translation(version, "en")
    terms = OrderTerms(
        buyer_id=buyer.id,
        seller_id=listing.seller_id,
        currency=currency,
        lines=[
            OrderLineTerms(
                description=(title.title if title else f"HS {version.hs_code}")[:300],
                quantity=quantity,
                unit=version.unit,
                unit_price=tier.unit_price,
                listing_id=listing.id,
            )
        ],
        incoterm=version.incoterm,
        incoterm_place=version.incoterm_place,
        lead_time_days=version.lead_time_days,
        deposit_percent=DIRECT_DEPOSIT_PERCENT,
        balance_due=DIRECT_BALANCE_DUE,
        destination_country=country,
        destination_place=place,
    )
    if source is not None:
        terms.warehouse_id = source.warehouse_id
        terms.incoterm, terms.incoterm_place = Incoterm.DAP, place
        terms.lead_time_days = source.ships_in_days
    try:
        order = place_order(actor, terms)
    except InsufficientStock:  # SQLite: taken by a writer that committed since the check above
        assert source is not None  # (the request rolls back on this error: nothing is kept)
        left = _available_locked(listing.id, source.warehouse_id)
        raise ValidationFailed({"quantity": [_short(left, unit, source.city)]})
    audit.record(
        "order.placed",
        actor=actor,
        subject=order,
        company_id=buyer.id,
        listing=listing.id,
        warehouse=terms.warehouse_id,
    )
    return order


def _available_locked(listing_id: int, warehouse_id: int) -> Decimal:
    from marketplace.warehouses import ledger

    return ledger.available_in_lots(listing_id, warehouse_id)


def _short(available: Decimal, unit: str, city: str) -> str:
    return str(
        _l(
            "Not enough stock in %(city)s: %(available)s %(unit)s available.",
            available=_plain(available),
            unit=unit,
            city=city,
        )
    )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


# -- moving an order ---------------------------------------------------------------------------------


# A held order may still be cancelled or disputed; every other move waits for compliance review.
RISK_FREE_MOVES = frozenset({OrderState.CANCELLED, OrderState.DISPUTED})


def moves_for(user: User, order: Order) -> list[OrderState]:
    """The states `user` may move `order` to now (payment-driven moves are never offered)."""
    from marketplace.payments.services import roles_of

    roles = roles_of(user, order)
    out = []
    for (src, dst), allowed in MOVES.items():
        if src == order.state and roles & allowed and _gate(order, dst) is None:
            out.append(dst)
    return out


def _gate(order: Order, target: OrderState):
    """Why `order` may not go to `target` yet (a translated reason), or None."""
    from marketplace.payments import services as payments

    if target not in RISK_FREE_MOVES and risk.is_held(order):
        return _l("The order is held for compliance review.")
    if order.warehouse_id is not None and target == OrderState.PARTIALLY_SHIPPED:
        return _l("An order from an overseas warehouse is delivered locally in one go.")
    before_shipment = order.balance_due == BalanceDue.BEFORE_SHIPMENT
    producing = order.state == OrderState.IN_PRODUCTION
    if (
        producing
        and target == OrderState.READY_TO_SHIP
        and before_shipment
        and not payments.balance_settled(order)
    ):
        return _l("The balance is due before shipment: it must be paid first.")
    if (
        producing
        and target == OrderState.AWAITING_BALANCE
        and (not before_shipment or payments.balance_settled(order))
    ):
        return _l("No balance is due before shipment.")
    if target == OrderState.COMPLETED and not payments.all_settled(order):
        return _l("The order cannot be completed while a payment is outstanding.")
    return None


def move(actor: User, order: Order, target: Any, *, reason: str = "") -> Order:
    """Move `order` to `target` if the workflow allows it, `actor` has a role that may make this move,
    and the payments it depends on are settled. Cancelling refunds whatever was paid."""
    from marketplace.payments import services as payments

    try:
        target = OrderState(target)
    except ValueError:
        raise ValidationFailed({"state": [str(_l("Not a valid choice."))]})
    roles = payments.roles_of(actor, order)
    if not roles:
        raise NotFound()
    allowed = MOVES.get((order.state, target))
    if allowed is None:
        order_workflow.transition(order, target, actor=actor)  # raises IllegalTransition
    if not roles & allowed:
        raise PermissionDenied(_l("You may not move this order to “%(state)s”.", state=target.label))
    if target not in RISK_FREE_MOVES:
        risk.require_clear(order)
    why = _gate(order, target)
    if why is not None:
        code = "delivered_in_one_go" if target == OrderState.PARTIALLY_SHIPPED else "payment_outstanding"
        raise Conflict(why, code=code)
    reason = " ".join((reason or "").split())[:500]
    if target in (OrderState.CANCELLED, OrderState.DISPUTED) and not reason:
        raise ValidationFailed({"reason": [str(_l("Say why."))]})
    try:
        with db.session.begin_nested():
            order_workflow.transition(order, target, actor=actor, reason=reason or None)
            db.session.flush()
    except StaleDataError:
        raise Conflict(_l("Someone changed this order at the same moment. Reload and try again."))
    if target == OrderState.CANCELLED:
        payments.refund_everything(actor, order, reason)
        release_reservation(order, actor)
    if target == OrderState.SHIPPED and order.warehouse_id is not None:
        deliver_locally(order, actor)
    payments.on_order_moved(order, target)
    notify_moved(actor, order, reason)
    audit.record(
        "order.moved", actor=actor, subject=order, company_id=order.seller_id, to=target.value, reason=reason
    )
    return order


# -- overseas orders not paid in time ------------------------------------------------------------------

UNPAID_STATES = (OrderState.AWAITING_DEPOSIT, OrderState.AWAITING_PAYMENT)


def cancel_unpaid_overseas(now: datetime | None = None) -> int:
    """Cancel every order from an overseas warehouse whose first payment is still not settled after
    its due day has ended, releasing its reservation (with history, an audit entry and a notification
    to both parties). Idempotent: the periodic worker runs it; returns how many it cancelled."""
    from marketplace.notifications import services as notifications
    from marketplace.payments import services as payments
    from marketplace.payments.models import PaymentRequest
    from marketplace.payments.states import RequestState

    today = (now or utcnow()).astimezone(CHINA).date()  # due days end at midnight China time
    due = db.session.scalars(
        sa.select(Order)
        .join(PaymentRequest, sa.and_(PaymentRequest.order_id == Order.id, PaymentRequest.position == 1))
        .where(
            Order.fulfilment_mode == FulfilmentMode.OVERSEAS_WAREHOUSE,
            Order.state.in_(UNPAID_STATES),
            PaymentRequest.state.in_((RequestState.OPEN, RequestState.PARTIALLY_PAID)),
            PaymentRequest.due_date < today,
        )
        .order_by(Order.id)
    ).all()
    reason = "The first payment was not received by its due date; the reserved stock is released."
    done = 0
    for order in due:
        try:
            with db.session.begin_nested():
                # no English reason in the history people read: the notification explains, in each
                # reader's language (the refund records keep `reason`)
                order_workflow.transition(order, OrderState.CANCELLED, actor=None)
                db.session.flush()
        except StaleDataError:
            continue  # paid or moved meanwhile: the next run sees its new state
        payments.refund_everything(None, order, reason)
        release_reservation(order)
        payments.on_order_moved(order, OrderState.CANCELLED)
        for company_id in (order.buyer_id, order.seller_id):
            notifications.notify_company(
                company_id,
                "order_payment_overdue",
                endpoint="orders.detail",
                endpoint_args={"order_id": order.id},
                number=order.number,
                title=order.lines[0].description if order.lines else order.number,
            )
        audit.record(
            "order.payment_overdue", subject=order, company_id=order.seller_id, to=OrderState.CANCELLED.value
        )
        done += 1
    return done
