"""RFQ and quote workflows, and the small enums of quotes (payment terms, who wrote what)."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class RfqState(LabelledEnum):
    OPEN = ("open", _l("Open"))
    CLOSED = ("closed", _l("Closed"))
    AWARDED = ("awarded", _l("Quote accepted"))


class Audience(LabelledEnum):
    CHOSEN = ("chosen", _l("Chosen sellers"))
    CATEGORY = ("category", _l("Every verified seller of the category"))


class QuoteState(LabelledEnum):
    """The state of one seller's thread on one RFQ."""

    REQUESTED = ("requested", _l("Quote requested"))
    SUBMITTED = ("submitted", _l("Quote submitted"))
    COUNTERED = ("countered", _l("Buyer countered"))
    EXPIRED = ("expired", _l("Expired"))
    DECLINED = ("declined", _l("Declined"))
    ACCEPTED = ("accepted", _l("Accepted"))
    NOT_SELECTED = ("not_selected", _l("Not selected"))


class MessageKind(LabelledEnum):
    MESSAGE = ("message", _l("Message"))
    COUNTER = ("counter", _l("Counter-offer"))
    REVISION_REQUEST = ("revision_request", _l("Revision requested"))
    DECLINE = ("decline", _l("Declined"))


class Side(LabelledEnum):
    BUYER = ("buyer", _l("Buyer"))
    SELLER = ("seller", _l("Seller"))


R = RfqState
rfq_workflow = Workflow(
    "rfqs.state",
    RfqState,
    {
        R.OPEN: {R.CLOSED, R.AWARDED},
        R.CLOSED: {R.OPEN},
    },
)

Q = QuoteState
quote_workflow = Workflow(
    "quotes.state",
    QuoteState,
    {
        # A seller answers (or declines); an award to another seller ends the thread.
        Q.REQUESTED: {Q.SUBMITTED, Q.DECLINED, Q.NOT_SELECTED},
        # A seller may send a further revision unprompted (SUBMITTED -> SUBMITTED).
        Q.SUBMITTED: {Q.SUBMITTED, Q.COUNTERED, Q.EXPIRED, Q.ACCEPTED, Q.NOT_SELECTED, Q.DECLINED},
        Q.COUNTERED: {Q.SUBMITTED, Q.COUNTERED, Q.EXPIRED, Q.ACCEPTED, Q.NOT_SELECTED, Q.DECLINED},
        # Reviving an expired quote is a new revision with a new valid-until date.
        Q.EXPIRED: {Q.SUBMITTED, Q.NOT_SELECTED, Q.DECLINED},
    },
)
