"""Payment request, payment and refund states."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class RequestKind(LabelledEnum):
    DEPOSIT = ("deposit", _l("Deposit"))
    BALANCE = ("balance", _l("Balance"))
    FULL = ("full", _l("Payment in advance"))


class RequestState(LabelledEnum):
    OPEN = ("open", _l("Open"))
    PARTIALLY_PAID = ("partially_paid", _l("Partially paid"))
    SETTLED = ("settled", _l("Settled"))
    CANCELLED = ("cancelled", _l("Cancelled"))


class Method(LabelledEnum):
    BANK_TRANSFER = ("bank_transfer", _l("Bank transfer (T/T)"))
    CARD = ("card", _l("Card"))


class PaymentState(LabelledEnum):
    PENDING = ("pending", _l("Pending"))
    REQUIRES_ACTION = ("requires_action", _l("Requires action"))
    SUCCEEDED = ("succeeded", _l("Received"))
    FAILED = ("failed", _l("Failed"))
    PARTIALLY_REFUNDED = ("partially_refunded", _l("Partially refunded"))
    REFUNDED = ("refunded", _l("Refunded"))


class RefundState(LabelledEnum):
    PENDING = ("pending", _l("To be returned"))
    SUCCEEDED = ("succeeded", _l("Returned"))


RS, PS = RequestState, PaymentState

request_workflow = Workflow(
    "payments.request",
    RequestState,
    {
        RS.OPEN: {RS.PARTIALLY_PAID, RS.SETTLED, RS.CANCELLED},
        RS.PARTIALLY_PAID: {RS.OPEN, RS.SETTLED, RS.CANCELLED},
        RS.SETTLED: {RS.OPEN, RS.PARTIALLY_PAID, RS.CANCELLED},
    },
)

payment_workflow = Workflow(
    "payments.payment",
    PaymentState,
    {
        PS.PENDING: {PS.REQUIRES_ACTION, PS.SUCCEEDED, PS.FAILED},
        PS.REQUIRES_ACTION: {PS.PENDING, PS.SUCCEEDED, PS.FAILED},
        PS.FAILED: {PS.PENDING, PS.REQUIRES_ACTION, PS.SUCCEEDED},
        PS.SUCCEEDED: {PS.PARTIALLY_REFUNDED, PS.REFUNDED},
        PS.PARTIALLY_REFUNDED: {PS.REFUNDED},
    },
)

refund_workflow = Workflow("payments.refund", RefundState, {RefundState.PENDING: {RefundState.SUCCEEDED}})

# Money counted as received: the amount of these payments less what was refunded.
RECEIVED_STATES = frozenset({PS.SUCCEEDED, PS.PARTIALLY_REFUNDED, PS.REFUNDED})
