"""Kinds of trade document: the pro-forma invoice of an order; the commercial invoice and packing list
of a shipment."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum


class DocumentKind(LabelledEnum):
    PROFORMA = ("proforma", _l("Pro-forma invoice"))
    COMMERCIAL_INVOICE = ("commercial_invoice", _l("Commercial invoice"))
    PACKING_LIST = ("packing_list", _l("Packing list"))


PREFIX = {DocumentKind.PROFORMA: "PI", DocumentKind.COMMERCIAL_INVOICE: "CI", DocumentKind.PACKING_LIST: "PL"}
