"""Read side of RFQs and quotes: the lists (a fixed number of statements whatever the number of
threads), the side-by-side comparison, and what each side should do next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from marketplace.accounts.models import Company
from marketplace.catalog import services as catalog_services
from marketplace.catalog.states import Unit
from marketplace.core.money import Money
from marketplace.extensions import db
from marketplace.rfq.models import Quote, QuoteMessage, QuoteRevision, Rfq, RfqFile
from marketplace.rfq.states import MessageKind, QuoteState, RfqState, Side, quote_workflow, rfq_workflow

Q = QuoteState

# What the state means for each side: the next thing to do, in a few words.
NEXT_STEP = {
    Side.SELLER: {
        Q.REQUESTED: _l("Quote requested: send your quote"),
        Q.SUBMITTED: _l("Quote sent: waiting for the buyer"),
        Q.COUNTERED: _l("Counter-offer received: send a revision"),
        Q.EXPIRED: _l("Expired: revive it with a new date"),
        Q.DECLINED: _l("You declined"),
        Q.ACCEPTED: _l("Accepted: an order was created"),
        Q.NOT_SELECTED: _l("Not selected"),
    },
    Side.BUYER: {
        Q.REQUESTED: _l("Waiting for the seller's quote"),
        Q.SUBMITTED: _l("New quote to review"),
        Q.COUNTERED: _l("Waiting for the seller's revision"),
        Q.EXPIRED: _l("Expired: the seller can revive it"),
        Q.DECLINED: _l("The seller declined"),
        Q.ACCEPTED: _l("Accepted: an order was created"),
        Q.NOT_SELECTED: _l("Not selected"),
    },
}


def next_step(quote: Quote, side: Side):
    return NEXT_STEP[side][quote.state]


@dataclass
class RfqRow:
    rfq: Rfq
    counts: Counter  # quote state -> number of threads

    @property
    def sent(self) -> int:
        return sum(self.counts.values())

    @property
    def received(self) -> int:
        return self.sent - self.counts[Q.REQUESTED] - self.counts[Q.DECLINED]

    @property
    def to_review(self) -> int:
        return self.counts[Q.SUBMITTED]


def buyer_rfqs(company_id: int, *, limit: int = 200) -> list[RfqRow]:
    """A buyer company's RFQs with their threads counted by state: two statements."""
    rfqs = list(
        db.session.scalars(
            sa.select(Rfq).where(Rfq.buyer_id == company_id).order_by(Rfq.id.desc()).limit(limit)
        )
    )
    counts: dict[int, Counter] = {r.id: Counter() for r in rfqs}
    if rfqs:
        rows = db.session.execute(
            sa.select(Quote.rfq_id, Quote.state, sa.func.count())
            .where(Quote.rfq_id.in_(list(counts)))
            .group_by(Quote.rfq_id, Quote.state)
        )
        for rfq_id, state, n in rows:
            counts[rfq_id][QuoteState(state)] = n
    return [RfqRow(r, counts[r.id]) for r in rfqs]


def seller_threads(company_id: int, *, limit: int = 200) -> list[Quote]:
    """A seller company's quote threads with their RFQ, buyer and current revision: four statements."""
    return list(
        db.session.scalars(
            sa.select(Quote)
            .where(Quote.seller_id == company_id)
            .options(
                selectinload(Quote.rfq).selectinload(Rfq.buyer),
                selectinload(Quote.current_revision),
            )
            .order_by(Quote.updated_at.desc(), Quote.id.desc())
            .limit(limit)
        )
    )


@dataclass
class Comparison:
    quote: Quote
    revision: QuoteRevision | None
    quantity: Decimal | None  # quoted quantity in the RFQ's unit
    unit_price: Money | None  # total / quantity, in the quote's currency
    converted: Money | None  # the same per unit in the comparison currency
    rate: Decimal | None
    rate_date: date | None


# Units that convert into each other (mass); others compare only in the same unit.
_TO_KG = {Unit.KG: Decimal(1), Unit.T: Decimal(1000)}


def in_unit(quantity: Decimal, unit: Unit, target: Unit) -> Decimal | None:
    if unit == target:
        return quantity
    if unit in _TO_KG and target in _TO_KG:
        return quantity * _TO_KG[unit] / _TO_KG[target]
    return None


def rfq_threads(rfq: Rfq) -> list[Quote]:
    """The RFQ's threads with sellers, current revisions and their lines: four statements."""
    return list(
        db.session.scalars(
            sa.select(Quote)
            .where(Quote.rfq_id == rfq.id)
            .options(
                selectinload(Quote.seller),
                selectinload(Quote.current_revision).selectinload(QuoteRevision.lines),
            )
            .order_by(Quote.id)
        )
    )


def compare(rfq: Rfq, threads: list[Quote], currency: str) -> list[Comparison]:
    """Each quote per unit of the RFQ and in `currency` (indicative rates, shown with their date),
    cheapest first; threads without a quote last."""
    rates = catalog_services.cached_rates()
    out = []
    for quote in threads:
        revision = quote.current_revision
        if revision is None:
            out.append(Comparison(quote, None, None, None, None, None, None))
            continue
        quantity = Decimal(0)
        for line in revision.lines:
            q = in_unit(line.quantity, line.unit, rfq.unit)
            if q is None:
                quantity = None
                break
            quantity += q
        unit_price = converted = rate = rate_date = None
        if quantity:
            unit_price = Money(revision.total / quantity, revision.currency)
            precise = Money(revision.total, revision.currency)
            conversion = catalog_services.convert(precise, currency, rates)
            if conversion is not None:
                converted = Money(conversion.amount.amount / quantity, currency)
                rate, rate_date = conversion.rate, conversion.as_of
        out.append(Comparison(quote, revision, quantity, unit_price, converted, rate, rate_date))

    def key(c: Comparison):
        if c.converted is not None:
            return (0, c.converted.amount)
        return (1 if c.revision else 2, Decimal(0))

    return sorted(out, key=key)


def thread(quote: Quote) -> dict:
    """Everything a thread page shows: revisions (newest first) with lines, messages, files."""
    revisions = list(
        db.session.scalars(
            sa.select(QuoteRevision)
            .where(QuoteRevision.quote_id == quote.id)
            .options(selectinload(QuoteRevision.lines))
            .order_by(QuoteRevision.number.desc())
        )
    )
    messages = list(
        db.session.scalars(
            sa.select(QuoteMessage)
            .where(QuoteMessage.quote_id == quote.id)
            .options(selectinload(QuoteMessage.author))
            .order_by(QuoteMessage.id)
        )
    )
    files = list(
        db.session.scalars(
            sa.select(RfqFile)
            .where(RfqFile.rfq_id == quote.rfq_id)
            .where(sa.or_(RfqFile.quote_id.is_(None), RfqFile.quote_id == quote.id))
            .order_by(RfqFile.id)
        )
    )
    # One timeline: revisions and messages in the order they were written.
    events = [("revision", r.created_at, r) for r in revisions] + [
        ("message", m.created_at, m) for m in messages
    ]
    events.sort(key=lambda e: (e[1], 0 if e[0] == "revision" else 1))
    return {
        "revisions": revisions,
        "messages": messages,
        "events": events,
        "rfq_files": [f for f in files if f.quote_id is None],
        "quote_files": [f for f in files if f.quote_id is not None],
        "history": quote_workflow.history(quote),
    }


def rfq_files(rfq: Rfq) -> list[RfqFile]:
    return list(
        db.session.scalars(
            sa.select(RfqFile)
            .where(RfqFile.rfq_id == rfq.id, RfqFile.quote_id.is_(None))
            .order_by(RfqFile.id)
        )
    )


def rfq_history(rfq: Rfq):
    return rfq_workflow.history(rfq)


def is_open_for_quotes(rfq: Rfq) -> bool:
    return rfq.state == RfqState.OPEN and not rfq.deadline_passed()


def last_counter(messages: list[QuoteMessage]) -> QuoteMessage | None:
    for m in reversed(messages):
        if m.kind in (MessageKind.COUNTER, MessageKind.REVISION_REQUEST):
            return m
    return None


def company_names(ids: set[int]) -> dict[int, Company]:
    if not ids:
        return {}
    return {c.id: c for c in db.session.scalars(sa.select(Company).where(Company.id.in_(ids)))}
