"""Risk flags: the rules that raise them, what they hold, and the admin's decision as a workflow."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class Rule(LabelledEnum):
    CONTROLLED_GOODS = ("controlled_goods", _l("Controlled goods without a licence"))
    DESTINATION = ("destination", _l("Embargoed or sensitive destination"))
    DENIED_PARTY = ("denied_party", _l("Denied-party match"))
    PRICE_OUTLIER = ("price_outlier", _l("Unit price far from the category median"))
    ROUTE_CHANGE = ("route_change", _l("Destination or consignee changed"))


class Subject(LabelledEnum):
    """What a flag holds: an RFQ is not sent to sellers, an order does not move on, a shipment or a
    replenishment booking is not declared and does not depart."""

    RFQ = ("rfq", _l("Request for quotation"))
    ORDER = ("order", _l("Order"))
    SHIPMENT = ("shipment", _l("Shipment"))
    BOOKING = ("booking", _l("Replenishment booking"))


class FlagState(LabelledEnum):
    OPEN = ("open", _l("Open"))
    CLEARED = ("cleared", _l("Cleared"))
    UPHELD = ("upheld", _l("Upheld (blocking)"))


class CountryLevel(LabelledEnum):
    BLOCKED = ("blocked", _l("Embargo: blocked"))
    EXTRA_CHECK = ("extra_check", _l("Extra check"))


# An admin clears a flag (the flow continues) or upholds it (it stays blocked); an upheld flag can
# still be cleared later (an override, e.g. after a licence arrives), a cleared one is final.
flag_workflow = Workflow(
    "risk_flags.state",
    FlagState,
    {FlagState.OPEN: {FlagState.CLEARED, FlagState.UPHELD}, FlagState.UPHELD: {FlagState.CLEARED}},
)

BLOCKING = frozenset({FlagState.OPEN, FlagState.UPHELD})
