"""Warehouse kinds, ledger movement kinds, and the replenishment-booking workflow (the 9810 flow)."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class WarehouseKind(LabelledEnum):
    HOME = ("home", _l("Home warehouse in Ordos"))
    PUBLIC = ("public", _l("Public overseas warehouse"))
    OWN = ("own", _l("Own or rented overseas warehouse"))


class MovementKind(LabelledEnum):
    RECEIVED = ("received", _l("Received"))
    RESERVED = ("reserved", _l("Reserved"))
    RELEASED = ("released", _l("Released"))
    SHIPPED = ("shipped", _l("Shipped"))
    ADJUSTED = ("adjusted", _l("Adjusted"))
    IN_TRANSIT = ("in_transit", _l("In transit"))


class BookingTransport(LabelledEnum):
    """How a replenishment leaves China; `customs_code` is the JGS-20 transport-mode code."""

    ROAD = ("road", _l("Road via Erenhot"))
    RAIL = ("rail", _l("Rail, China–Europe Railway Express"))
    AIR = ("air", _l("Air"))


TRANSPORT_CUSTOMS_CODES = {"road": "4", "rail": "3", "air": "5"}


class PackageType(LabelledEnum):
    """Package types with their JGS-20 codes (what CEB505/603 `wrapType` carries)."""

    CARTON = ("carton", _l("Cartons"))
    BALE = ("bale", _l("Bales"))
    BAG = ("bag", _l("Bags"))
    PALLET = ("pallet", _l("Pallets"))
    DRUM = ("drum", _l("Drums"))
    OTHER = ("other", _l("Other packages"))


PACKAGE_CUSTOMS_CODES = {"carton": "2", "bale": "6", "bag": "5", "pallet": "7", "drum": "4", "other": "9"}


class BookingState(LabelledEnum):
    BOOKED = ("booked", _l("Booked"))
    DEPARTED = ("departed", _l("Departed"))
    IN_TRANSIT = ("in_transit", _l("In transit"))
    PARTIALLY_RECEIVED = ("partially_received", _l("Partially received"))
    RECEIVED = ("received", _l("Received"))
    CANCELLED = ("cancelled", _l("Cancelled"))


B = BookingState
booking_workflow = Workflow(
    "replenishment_bookings.state",
    BookingState,
    {
        B.BOOKED: {B.DEPARTED, B.CANCELLED},
        B.DEPARTED: {B.IN_TRANSIT, B.PARTIALLY_RECEIVED, B.RECEIVED},
        B.IN_TRANSIT: {B.PARTIALLY_RECEIVED, B.RECEIVED},
        # A receipt completing the quantities, or closing the booking with the shortfall recorded.
        B.PARTIALLY_RECEIVED: {B.PARTIALLY_RECEIVED, B.RECEIVED},
    },
)
