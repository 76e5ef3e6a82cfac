"""Kinds of trade document. The fulfilment issue adds the commercial invoice and packing list (issued
at shipment) with their templates."""

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum


class DocumentKind(LabelledEnum):
    PROFORMA = ("proforma", _l("Pro-forma invoice"))


PREFIX = {DocumentKind.PROFORMA: "PI"}
