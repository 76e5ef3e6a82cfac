"""Verticals, attribute kinds, listing units/terms, and the listing moderation workflow."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class Vertical(LabelledEnum):
    CHEMICALS = ("chemicals", _l("Chemicals"))
    VEHICLES = ("vehicles", _l("Vehicles"))
    CASHMERE = ("cashmere", _l("Cashmere"))


class AttributeKind(LabelledEnum):
    TEXT = ("text", _l("Text"))
    DECIMAL = ("decimal", _l("Number with unit"))
    ENUM = ("enum", _l("One of a list"))
    MULTI_ENUM = ("multi_enum", _l("Several of a list"))
    BOOLEAN = ("boolean", _l("Yes / no"))
    DOCUMENT = ("document", _l("Document"))


class Unit(LabelledEnum):
    KG = ("kg", _l("kg"))
    T = ("t", _l("tonne"))
    L = ("L", _l("litre"))
    PCS = ("pcs", _l("piece"))
    SET = ("set", _l("set"))
    VEHICLE = ("vehicle", _l("vehicle"))


class TransportMode(LabelledEnum):
    SEA = ("sea", _l("Sea"))
    RAIL = ("rail", _l("Rail"))
    ROAD = ("road", _l("Road"))
    AIR = ("air", _l("Air"))
    MULTIMODAL = ("multimodal", _l("Multimodal"))


class Incoterm(LabelledEnum):
    EXW = ("EXW", _l("EXW – Ex Works"))
    FCA = ("FCA", _l("FCA – Free Carrier"))
    CPT = ("CPT", _l("CPT – Carriage Paid To"))
    CIP = ("CIP", _l("CIP – Carriage and Insurance Paid To"))
    DAP = ("DAP", _l("DAP – Delivered at Place"))
    DPU = ("DPU", _l("DPU – Delivered at Place Unloaded"))
    DDP = ("DDP", _l("DDP – Delivered Duty Paid"))
    FAS = ("FAS", _l("FAS – Free Alongside Ship"))
    FOB = ("FOB", _l("FOB – Free on Board"))
    CFR = ("CFR", _l("CFR – Cost and Freight"))
    CIF = ("CIF", _l("CIF – Cost, Insurance and Freight"))


SEA_ONLY_INCOTERMS = frozenset({Incoterm.FAS, Incoterm.FOB, Incoterm.CFR, Incoterm.CIF})


class FileKind(LabelledEnum):
    IMAGE = ("image", _l("Image"))
    SDS = ("sds", _l("Safety data sheet (SDS)"))
    COA = ("coa", _l("Certificate of analysis (COA)"))
    CERTIFICATE = ("certificate", _l("Certificate"))
    TEST_REPORT = ("test_report", _l("Test report"))
    LICENCE = ("licence", _l("Licence"))


class ListingState(LabelledEnum):
    DRAFT = ("draft", _l("Draft"))
    PENDING = ("pending", _l("Waiting for review"))
    PUBLISHED = ("published", _l("Published"))
    REJECTED = ("rejected", _l("Changes requested"))
    EDITED = ("edited", _l("Edited, not submitted"))
    UNPUBLISHED = ("unpublished", _l("Unpublished"))


S = ListingState
moderation = Workflow(
    "listings.moderation",
    ListingState,
    {
        S.DRAFT: {S.PENDING},
        S.PENDING: {S.PUBLISHED, S.REJECTED, S.EDITED, S.UNPUBLISHED},
        S.REJECTED: {S.EDITED, S.PENDING},
        S.PUBLISHED: {S.EDITED, S.UNPUBLISHED},
        S.EDITED: {S.PENDING, S.UNPUBLISHED},
        S.UNPUBLISHED: {S.EDITED, S.PENDING},
    },
)
