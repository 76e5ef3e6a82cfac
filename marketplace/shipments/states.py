"""Direct export shipments (the 9710 flow): their transport modes and the tracking workflow, with who
may make each move (the seller, the operator of the home warehouse it leaves from, an admin)."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class ShipmentTransport(LabelledEnum):
    """How a direct export leaves China; the keys are those of `customs.inputs.DeclarationInput`."""

    ROAD = ("road", _l("Road"))
    RAIL = ("rail", _l("Rail"))
    AIR = ("air", _l("Air"))
    SEA = ("sea", _l("Sea"))
    POST = ("post", _l("Post or express"))


class ShipmentState(LabelledEnum):
    CREATED = ("created", _l("Created"))
    DECLARED = ("declared", _l("Declared to customs"))
    RELEASED = ("released", _l("Released by customs"))
    DEPARTED = ("departed", _l("Departed"))
    CROSSED_BORDER = ("crossed_border", _l("Crossed the border"))
    DELIVERED = ("delivered", _l("Delivered"))
    CANCELLED = ("cancelled", _l("Cancelled"))


class Actor(LabelledEnum):
    SELLER = ("seller", _l("Seller"))
    OPERATOR = ("operator", _l("Warehouse operator"))
    ADMIN = ("admin", _l("Administrator"))
    # The platform acting on the customs receipts: nobody moves a shipment to declared or released by hand.
    CUSTOMS = ("customs", _l("Customs"))


SS = ShipmentState
SL, OP, AD, CU = Actor.SELLER, Actor.OPERATOR, Actor.ADMIN, Actor.CUSTOMS

# (from, to) -> who may make the move. Declared and released follow the declaration (shipments.declare:
# submitting it, then its receipts or the broker's entry number), never a manual move; departure needs
# the declaration's release (checked in services.move). The physical steps also belong to the operator
# of the warehouse the goods leave from. A cancelled customs list cancels its shipment.
MOVES: dict[tuple[ShipmentState, ShipmentState], frozenset[Actor]] = {
    (SS.CREATED, SS.DECLARED): frozenset({CU}),
    (SS.DECLARED, SS.RELEASED): frozenset({CU}),
    (SS.RELEASED, SS.DEPARTED): frozenset({SL, OP, AD}),
    (SS.DEPARTED, SS.CROSSED_BORDER): frozenset({SL, OP, AD}),
    (SS.CROSSED_BORDER, SS.DELIVERED): frozenset({SL, OP, AD}),
    (SS.CREATED, SS.CANCELLED): frozenset({SL, AD}),
    (SS.DECLARED, SS.CANCELLED): frozenset({SL, AD, CU}),
    (SS.RELEASED, SS.CANCELLED): frozenset({SL, AD, CU}),
}

_table: dict[ShipmentState, set[ShipmentState]] = {}
for _src, _dst in MOVES:
    _table.setdefault(_src, set()).add(_dst)

shipment_workflow = Workflow("shipments.state", ShipmentState, _table)

# The goods have left: these shipments count as shipped for the order.
GONE = frozenset({SS.DEPARTED, SS.CROSSED_BORDER, SS.DELIVERED})
# The timeline the buyer sees, in order.
TIMELINE = (SS.CREATED, SS.DECLARED, SS.RELEASED, SS.DEPARTED, SS.CROSSED_BORDER, SS.DELIVERED)
