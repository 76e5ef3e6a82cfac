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


SS = ShipmentState
SL, OP, AD = Actor.SELLER, Actor.OPERATOR, Actor.ADMIN

# (from, to) -> who may make the move. Customs steps belong to the seller (its broker) and admins;
# the physical steps also to the operator of the warehouse the goods leave from.
MOVES: dict[tuple[ShipmentState, ShipmentState], frozenset[Actor]] = {
    (SS.CREATED, SS.DECLARED): frozenset({SL, AD}),
    (SS.DECLARED, SS.RELEASED): frozenset({SL, AD}),
    (SS.RELEASED, SS.DEPARTED): frozenset({SL, OP, AD}),
    (SS.DEPARTED, SS.CROSSED_BORDER): frozenset({SL, OP, AD}),
    (SS.CROSSED_BORDER, SS.DELIVERED): frozenset({SL, OP, AD}),
    (SS.CREATED, SS.CANCELLED): frozenset({SL, AD}),
    (SS.DECLARED, SS.CANCELLED): frozenset({SL, AD}),
    (SS.RELEASED, SS.CANCELLED): frozenset({SL, AD}),
}

_table: dict[ShipmentState, set[ShipmentState]] = {}
for _src, _dst in MOVES:
    _table.setdefault(_src, set()).add(_dst)

shipment_workflow = Workflow("shipments.state", ShipmentState, _table)

# The goods have left: these shipments count as shipped for the order.
GONE = frozenset({SS.DEPARTED, SS.CROSSED_BORDER, SS.DELIVERED})
# The timeline the buyer sees, in order.
TIMELINE = (SS.CREATED, SS.DECLARED, SS.RELEASED, SS.DEPARTED, SS.CROSSED_BORDER, SS.DELIVERED)
