"""Order states, who may move an order where, and payment terms.

Payment-driven moves (deposit or full payment settled → in production; balance settled → ready to
ship) belong to the system: nobody clicks them, the payments service makes them when money is in."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class OrderState(LabelledEnum):
    AWAITING_DEPOSIT = ("awaiting_deposit", _l("Awaiting deposit"))
    AWAITING_PAYMENT = ("awaiting_payment", _l("Awaiting payment"))
    IN_PRODUCTION = ("in_production", _l("In production"))
    AWAITING_BALANCE = ("awaiting_balance", _l("Awaiting balance"))
    READY_TO_SHIP = ("ready_to_ship", _l("Ready to ship"))
    PARTIALLY_SHIPPED = ("partially_shipped", _l("Partially shipped"))
    SHIPPED = ("shipped", _l("Shipped"))
    DELIVERED = ("delivered", _l("Delivered"))
    COMPLETED = ("completed", _l("Completed"))
    CANCELLED = ("cancelled", _l("Cancelled"))
    DISPUTED = ("disputed", _l("Disputed"))


class BalanceDue(LabelledEnum):
    """When the part of the price not paid as a deposit falls due."""

    BEFORE_SHIPMENT = ("before_shipment", _l("before shipment"))
    AGAINST_DOCUMENTS = ("against_documents", _l("against a copy of the shipping documents"))
    ON_ARRIVAL = ("on_arrival", _l("on arrival of the goods"))
    NET_30 = ("net_30", _l("30 days after shipment"))


class FulfilmentMode(LabelledEnum):
    DIRECT = ("direct", _l("Direct export (9710)"))
    OVERSEAS_WAREHOUSE = ("overseas_warehouse", _l("From an overseas warehouse (9810)"))


class Role(LabelledEnum):
    BUYER = ("buyer", _l("Buyer"))
    SELLER = ("seller", _l("Seller"))
    ADMIN = ("admin", _l("Administrator"))
    SYSTEM = ("system", _l("Payments"))


OS = OrderState
B, SL, A, SYS = Role.BUYER, Role.SELLER, Role.ADMIN, Role.SYSTEM

# (from, to) -> who may make the move. The workflow's transition table is derived from it.
MOVES: dict[tuple[OrderState, OrderState], frozenset[Role]] = {
    (OS.AWAITING_DEPOSIT, OS.IN_PRODUCTION): frozenset({SYS}),
    (OS.AWAITING_PAYMENT, OS.IN_PRODUCTION): frozenset({SYS}),
    (OS.AWAITING_DEPOSIT, OS.CANCELLED): frozenset({B, SL, A}),
    (OS.AWAITING_PAYMENT, OS.CANCELLED): frozenset({B, SL, A}),
    (OS.IN_PRODUCTION, OS.AWAITING_BALANCE): frozenset({SL, A}),
    (OS.IN_PRODUCTION, OS.READY_TO_SHIP): frozenset({SL, A}),
    (OS.AWAITING_BALANCE, OS.READY_TO_SHIP): frozenset({SYS}),
    (OS.READY_TO_SHIP, OS.PARTIALLY_SHIPPED): frozenset({SL, A}),
    (OS.READY_TO_SHIP, OS.SHIPPED): frozenset({SL, A}),
    (OS.PARTIALLY_SHIPPED, OS.SHIPPED): frozenset({SL, A}),
    (OS.SHIPPED, OS.DELIVERED): frozenset({B, A}),
    (OS.DELIVERED, OS.COMPLETED): frozenset({B, A}),
    # After production has started, only the seller (who keeps or returns the money) or an admin cancels.
    (OS.IN_PRODUCTION, OS.CANCELLED): frozenset({SL, A}),
    (OS.AWAITING_BALANCE, OS.CANCELLED): frozenset({SL, A}),
    (OS.READY_TO_SHIP, OS.CANCELLED): frozenset({SL, A}),
    # Either party may open a dispute once money or goods have moved; an admin settles it.
    **{
        (src, OS.DISPUTED): frozenset({B, SL})
        for src in (
            OS.IN_PRODUCTION,
            OS.AWAITING_BALANCE,
            OS.READY_TO_SHIP,
            OS.PARTIALLY_SHIPPED,
            OS.SHIPPED,
            OS.DELIVERED,
        )
    },
    **{
        (OS.DISPUTED, dst): frozenset({A})
        for dst in (
            OS.IN_PRODUCTION,
            OS.READY_TO_SHIP,
            OS.SHIPPED,
            OS.DELIVERED,
            OS.COMPLETED,
            OS.CANCELLED,
        )
    },
}

_table: dict[OrderState, set[OrderState]] = {}
for _src, _dst in MOVES:
    _table.setdefault(_src, set()).add(_dst)

order_workflow = Workflow("orders.state", OrderState, _table)

# States in which the order waits for a payment (and which payment kind it waits for).
ACTIVE_STATES = frozenset(s for s in OrderState if s not in (OS.COMPLETED, OS.CANCELLED))


def initial_state(deposit_percent) -> OrderState:
    """A deposit below 100 % is a deposit; 100 % is one payment in advance; nothing up front means
    production starts at once."""
    if deposit_percent <= 0:
        return OS.IN_PRODUCTION
    return OS.AWAITING_DEPOSIT if deposit_percent < 100 else OS.AWAITING_PAYMENT
