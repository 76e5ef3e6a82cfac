"""Order states and payment terms. The payments issue extends the workflow (production, balance,
shipment…); an order created from an accepted quote starts waiting for its deposit or payment."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class OrderState(LabelledEnum):
    AWAITING_DEPOSIT = ("awaiting_deposit", _l("Awaiting deposit"))
    AWAITING_PAYMENT = ("awaiting_payment", _l("Awaiting payment"))
    CANCELLED = ("cancelled", _l("Cancelled"))


class BalanceDue(LabelledEnum):
    """When the part of the price not paid as a deposit falls due."""

    BEFORE_SHIPMENT = ("before_shipment", _l("before shipment"))
    AGAINST_DOCUMENTS = ("against_documents", _l("against a copy of the shipping documents"))
    ON_ARRIVAL = ("on_arrival", _l("on arrival of the goods"))
    NET_30 = ("net_30", _l("30 days after shipment"))


OS = OrderState
order_workflow = Workflow(
    "orders.state",
    OrderState,
    {
        OS.AWAITING_DEPOSIT: {OS.CANCELLED},
        OS.AWAITING_PAYMENT: {OS.CANCELLED},
    },
)


def initial_state(deposit_percent) -> OrderState:
    """A deposit below 100 % is a deposit; 100 % (or nothing up front) is one payment."""
    return OS.AWAITING_DEPOSIT if 0 < deposit_percent < 100 else OS.AWAITING_PAYMENT
