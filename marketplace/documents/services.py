"""Issuing and rendering trade documents. They flush, never commit.

Numbers are allocated in the business transaction from a counter row updated in place (the UPDATE
takes the row lock on PostgreSQL; SQLite has one writer): a rolled-back order rolls its number back
too, so numbers have no gaps and no duplicates."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from marketplace.accounts.models import Company, User
from marketplace.core.db import utcnow
from marketplace.core.errors import NotFound
from marketplace.core.i18n import LANGUAGES
from marketplace.documents.models import DocumentSequence, TradeDocument
from marketplace.documents.states import PREFIX, DocumentKind
from marketplace.extensions import db
from marketplace.orders.models import Order

CHINA = ZoneInfo("Asia/Shanghai")


def next_number(seller_id: int, kind: DocumentKind, year: int) -> int:
    table = DocumentSequence.__table__
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    db.session.execute(
        insert(table)
        .values(seller_id=seller_id, year=year, kind=kind.value, last_number=0)
        .on_conflict_do_nothing()
    )
    return db.session.execute(
        sa.update(table)
        .where(table.c.seller_id == seller_id, table.c.year == year, table.c.kind == kind.value)
        .values(last_number=table.c.last_number + 1)
        .returning(table.c.last_number)
    ).scalar_one()


def issue(
    order: Order,
    kind: DocumentKind,
    *,
    language: str,
    now: datetime | None = None,
    shipment_id: int | None = None,
) -> TradeDocument:
    """Issue a document of `kind` for `order` with the seller's next number for the year (China time)."""
    now = now or utcnow()
    year = now.astimezone(CHINA).year
    seq = next_number(order.seller_id, kind, year)
    doc = TradeDocument(
        order_id=order.id,
        shipment_id=shipment_id,
        seller_id=order.seller_id,
        kind=kind,
        year=year,
        sequence=seq,
        number=f"{PREFIX[kind]}-{order.seller_id}-{year}-{seq:05d}",
        language=language if language in LANGUAGES else "en",
        issued_at=now,
    )
    db.session.add(doc)
    db.session.flush()
    return doc


def issue_proforma(order: Order, actor: User | None) -> TradeDocument:
    """The pro-forma invoice of a newly placed order, in the language of the buyer who placed it."""
    return issue(order, DocumentKind.PROFORMA, language=getattr(actor, "language", None) or "en")


def buyer_language(order: Order) -> str:
    """The language the buyer's documents are in: that of the order's pro-forma invoice."""
    language = db.session.scalar(
        sa.select(TradeDocument.language)
        .where(TradeDocument.order_id == order.id, TradeDocument.kind == DocumentKind.PROFORMA)
        .order_by(TradeDocument.id)
        .limit(1)
    )
    return language or "en"


def issue_shipping_documents(shipment) -> list[TradeDocument]:
    """The commercial invoice and packing list of a new shipment, each numbered in its own series,
    in the buyer's language (alongside Chinese)."""
    order = shipment.order
    language = buyer_language(order)
    return [
        issue(order, kind, language=language, shipment_id=shipment.id)
        for kind in (DocumentKind.COMMERCIAL_INVOICE, DocumentKind.PACKING_LIST)
    ]


def documents_of_shipment(shipment) -> list[TradeDocument]:
    return list(
        db.session.scalars(
            sa.select(TradeDocument)
            .where(TradeDocument.shipment_id == shipment.id)
            .order_by(TradeDocument.id)
        )
    )


def documents_of(order: Order) -> list[TradeDocument]:
    return list(
        db.session.scalars(
            sa.select(TradeDocument).where(TradeDocument.order_id == order.id).order_by(TradeDocument.id)
        )
    )


def document_for(order: Order, document_id: int) -> TradeDocument:
    """A document of `order` (the caller has already checked that the user may see the order)."""
    doc = db.session.get(TradeDocument, document_id)
    if doc is None or doc.order_id != order.id:
        raise NotFound()
    return doc


def _bilingual(lang: str):
    """`t(label)`: the label in the buyer's language, with the Chinese under it (once if the same)."""

    def t(label) -> tuple[str, str]:
        with force_locale(lang):
            theirs = str(label)
        with force_locale("zh"):
            chinese = str(label)
        return theirs, ("" if chinese == theirs else chinese)

    return t


def render_html(doc: TradeDocument) -> str:
    from marketplace.payments import services as payments

    order = db.session.get(Order, doc.order_id)
    shipment = None
    if doc.shipment_id is not None:
        from marketplace.shipments.models import Shipment

        shipment = db.session.get(Shipment, doc.shipment_id)
    with force_locale(doc.language):
        return render_template(
            f"documents/{doc.kind.value}.html",
            doc=doc,
            order=order,
            shipment=shipment,
            buyer=db.session.get(Company, order.buyer_id),
            seller=db.session.get(Company, order.seller_id),
            account=payments.account(order),
            bank=payments.bank_account_of(order.seller_id),
            t=_bilingual(doc.language),
            _l=_l,
            lang=doc.language,
            issued=doc.issued_at.astimezone(CHINA).date(),
        )


def render_pdf(doc: TradeDocument) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(doc)).write_pdf()
