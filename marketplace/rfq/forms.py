"""Forms of the RFQ pages. The RFQ and quote editors have rows and category-dependent fields, so they
are parsed by hand into RfqData / RevisionData (CSRF still applies); the small forms are WTForms
classes, which the JSON API reuses to validate its bodies."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict
from wtforms import DecimalField, IntegerField, SelectField, TextAreaField
from wtforms import validators as v

from marketplace.catalog.schema import Schema
from marketplace.catalog.states import AttributeKind
from marketplace.core.forms import BaseForm, choice_list
from marketplace.rfq.services import CounterData, RevisionData, RfqData
from marketplace.rfq.states import MessageKind

LINE_ROWS = 4


def rfq_data_from_form(form: MultiDict, schema: Schema | None) -> RfqData:
    requirements: dict[str, Any] = {}
    for attr in schema.key_attributes if schema else []:
        name = f"req-{attr.code}"
        if attr.kind == AttributeKind.DECIMAL:
            bounds = {end: form.get(f"{name}-{end}", "") for end in ("min", "max")}
            if any(x.strip() for x in bounds.values()):
                requirements[attr.code] = bounds
        elif attr.kind == AttributeKind.MULTI_ENUM:
            if form.getlist(name):
                requirements[attr.code] = form.getlist(name)
        elif form.get(name, "").strip():
            requirements[attr.code] = form.get(name)
    return RfqData(
        title=form.get("title", ""),
        description=form.get("description", ""),
        category=form.get("category", ""),
        listing_id=form.get("listing_id") or None,
        requirements=requirements,
        quantity=form.get("quantity", ""),
        unit=form.get("unit", ""),
        target_price=form.get("target_price", ""),
        target_currency=form.get("target_currency", ""),
        destination_country=form.get("destination_country", ""),
        destination_place=form.get("destination_place", ""),
        incoterm=form.get("incoterm", ""),
        needed_by=form.get("needed_by", ""),
        deadline=form.get("deadline", ""),
        max_quotes=form.get("max_quotes", "10"),
        audience=form.get("audience", "chosen"),
        seller_ids=form.getlist("seller_ids"),
    )


def revision_data_from_form(form: MultiDict) -> RevisionData:
    return RevisionData(
        currency=form.get("currency", ""),
        lines=[
            {
                "listing_id": form.get(f"line-{i}-listing_id", ""),
                "description": form.get(f"line-{i}-description", ""),
                "quantity": form.get(f"line-{i}-quantity", ""),
                "unit": form.get(f"line-{i}-unit", ""),
                "unit_price": form.get(f"line-{i}-unit_price", ""),
            }
            for i in range(LINE_ROWS)
        ],
        moq=form.get("moq", ""),
        incoterm=form.get("incoterm", ""),
        incoterm_place=form.get("incoterm_place", ""),
        lead_time_days=form.get("lead_time_days", ""),
        deposit_percent=form.get("deposit_percent", ""),
        balance_due=form.get("balance_due", ""),
        valid_until=form.get("valid_until", ""),
        notes=form.get("notes", ""),
        warehouse_id=form.get("warehouse_id", ""),
    )


def revision_values(revision) -> dict[str, Any]:
    """The quote editor's values from the current revision (a revision starts from it)."""
    if revision is None:
        return {}
    values: dict[str, Any] = {
        "currency": revision.currency,
        "moq": format(revision.moq.normalize(), "f") if revision.moq is not None else "",
        "incoterm": revision.incoterm.value,
        "incoterm_place": revision.incoterm_place,
        "lead_time_days": str(revision.lead_time_days),
        "deposit_percent": format(revision.deposit_percent.normalize(), "f"),
        "balance_due": revision.balance_due.value,
        "valid_until": revision.valid_until.isoformat(),
        "notes": revision.notes,
        "warehouse_id": str(revision.warehouse_id or ""),
    }
    for i, line in enumerate(revision.lines[:LINE_ROWS]):
        values[f"line-{i}-listing_id"] = str(line.listing_id or "")
        values[f"line-{i}-description"] = line.description
        values[f"line-{i}-quantity"] = format(line.quantity.normalize(), "f")
        values[f"line-{i}-unit"] = line.unit.value
        values[f"line-{i}-unit_price"] = format(line.unit_price.normalize(), "f")
    return values


class DeclineForm(BaseForm):
    reason = TextAreaField(_l("Reason"), validators=[v.InputRequired(), v.Length(max=2000)])


class MessageForm(BaseForm):
    body = TextAreaField(_l("Message"), validators=[v.InputRequired(), v.Length(max=5000)])


class CounterForm(BaseForm):
    kind = SelectField(
        _l("What do you want?"),
        choices=choice_list(
            [
                (MessageKind.COUNTER.value, _l("Propose other terms (counter-offer)")),
                (MessageKind.REVISION_REQUEST.value, _l("Ask for a revised quote")),
            ]
        ),
        default=MessageKind.COUNTER.value,
    )
    unit_price = DecimalField(_l("Proposed unit price"), validators=[v.Optional()])
    quantity = DecimalField(_l("Proposed quantity"), validators=[v.Optional()])
    lead_time_days = IntegerField(_l("Proposed lead time (days)"), validators=[v.Optional()])
    deposit_percent = DecimalField(_l("Proposed deposit (%)"), validators=[v.Optional()])
    message = TextAreaField(_l("Message to the seller"), validators=[v.Length(max=5000)])

    def data_for_service(self) -> CounterData:
        def raw(f):
            return "" if f.data is None else str(f.data)

        return CounterData(
            kind=self.kind.data,
            message=self.message.data or "",
            unit_price=raw(self.unit_price),
            quantity=raw(self.quantity),
            lead_time_days=raw(self.lead_time_days),
            deposit_percent=raw(self.deposit_percent),
        )


class AcceptForm(BaseForm):
    revision_id = IntegerField(_l("Revision"), validators=[v.InputRequired()])


class CloseForm(BaseForm):
    reason = TextAreaField(_l("Reason (optional)"), validators=[v.Length(max=500)])
