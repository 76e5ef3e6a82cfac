"""Read side of the customs admin console: declarations by state and age with filters, the
"needs attention" view, and everything one declaration's detail page shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from lxml import etree

from marketplace.accounts.models import Company, User
from marketplace.core.db import utcnow
from marketplace.core.outbox import JobStatus, OutboxJob
from marketplace.customs import messages as m
from marketplace.customs.admin_services import retryable_jobs
from marketplace.customs.models import Declaration, DeclarationMessage, Receipt, SourceKind
from marketplace.customs.routing import Route, RouteDecision
from marketplace.customs.services import SEND_JOB, SigningUnavailable, signer
from marketplace.customs.states import CANCELLABLE, DECLARATION_WORKFLOW, FINAL, DeclarationState
from marketplace.extensions import db
from marketplace.shipments.models import Shipment
from marketplace.warehouses.models import ReplenishmentBooking

S = DeclarationState
PER_PAGE = 50
OPEN_STATES = tuple(s for s in S if s not in FINAL)
# Waiting for the platform: a receipt is due. Rejected, failed and broker declarations wait for people.
AWAITING_RECEIPT = (S.SUBMITTED, S.ACCEPTED, S.ENTERED, S.REVIEW, S.INSPECTION, S.CANCEL_REQUESTED)

AGE_BUCKETS = {
    "1h": (_l("Less than an hour"), timedelta(0), timedelta(hours=1)),
    "1d": (_l("1 to 24 hours"), timedelta(hours=1), timedelta(days=1)),
    "7d": (_l("1 to 7 days"), timedelta(days=1), timedelta(days=7)),
    "old": (_l("Older than 7 days"), timedelta(days=7), None),
}

ATTENTION = {
    "rejected": _l("Rejected by customs"),
    "failed": _l("Technical error"),
    "dead": _l("Dead-lettered messages"),
    "stuck": _l("No receipt for too long"),
}

# returnStatus values and what they mean (202205 spec, §3.9 of docs/customs-declarations.md).
RETURN_STATUS = {
    "1": _l("Stored as a draft at the e-port"),
    "2": _l("Accepted by the e-port, declaration in progress"),
    "3": _l("Forwarded to customs"),
    "4": _l("Forwarding to customs failed"),
    "100": _l("Rejected by customs"),
    "120": _l("Entered into the customs database"),
    "300": _l("Manual review by customs"),
    "399": _l("Customs processing concluded"),
    "500": _l("Inspection ordered"),
    "800": _l("Released"),
    "899": _l("Cleared and closed"),
}


def status_meaning(return_status: str):
    status = (return_status or "").strip()
    if status.startswith("-"):
        return _l("Processing error at the platform")
    return RETURN_STATUS.get(status, _l("Unknown status"))


def send_key(message: DeclarationMessage) -> str:
    return f"{SEND_JOB}:{message.guid}"


@dataclass
class Filters:
    state: str | None = None
    mode: str | None = None
    route: str | None = None
    seller_id: int | None = None
    age: str | None = None
    created_from: date | None = None
    created_to: date | None = None
    q: str | None = None
    attention: str | None = None  # "all" or one of ATTENTION
    stuck_hours: int = 24
    page: int = 1

    @classmethod
    def from_args(cls, args) -> Filters:
        """Filters from query arguments; a value that is not one of the choices is ignored."""

        def pick(name, allowed):
            value = (args.get(name) or "").strip()
            return value if value in allowed else None

        def day(name):
            try:
                return date.fromisoformat((args.get(name) or "").strip())
            except ValueError:
                return None

        def number(name, default, low, high):
            try:
                return min(max(int(args.get(name, default)), low), high)
            except (TypeError, ValueError):
                return default

        return cls(
            state=pick("state", {s.value for s in S}),
            mode=pick("mode", {"9710", "9810"}),
            route=pick("route", {r.value for r in Route}),
            seller_id=number("seller", 0, 0, 2**62) or None,
            age=pick("age", set(AGE_BUCKETS)),
            created_from=day("from"),
            created_to=day("to"),
            q=(args.get("q") or "").strip()[:60] or None,
            attention=pick("attention", {"all", *ATTENTION}),
            stuck_hours=number("hours", current_app.config["CUSTOMS_STUCK_HOURS"], 1, 24 * 90),
            page=number("page", 1, 1, 10**6),
        )

    def as_args(self, **changes) -> dict:
        values = {
            "state": self.state,
            "mode": self.mode,
            "route": self.route,
            "seller": self.seller_id,
            "age": self.age,
            "from": self.created_from.isoformat() if self.created_from else None,
            "to": self.created_to.isoformat() if self.created_to else None,
            "q": self.q,
            "attention": self.attention,
            "hours": self.stuck_hours if self.attention in ("all", "stuck") else None,
        }
        values.update(changes)
        return {k: v for k, v in values.items() if v not in (None, "")}


def _seller_clause(seller_id: int):
    return sa.or_(
        sa.and_(
            Declaration.source_kind == SourceKind.SHIPMENT,
            Declaration.source_id.in_(sa.select(Shipment.id).where(Shipment.seller_id == seller_id)),
        ),
        sa.and_(
            Declaration.source_kind == SourceKind.BOOKING,
            Declaration.source_id.in_(
                sa.select(ReplenishmentBooking.id).where(ReplenishmentBooking.seller_id == seller_id)
            ),
        ),
    )


def _dead_clause():
    dead_keys = sa.select(OutboxJob.idempotency_key).where(
        OutboxJob.kind == SEND_JOB, OutboxJob.status == JobStatus.DEAD
    )
    return Declaration.id.in_(
        sa.select(DeclarationMessage.declaration_id).where(
            (sa.literal(f"{SEND_JOB}:") + DeclarationMessage.guid).in_(dead_keys)
        )
    )


def _stuck_clause(hours: int, now: datetime):
    """Waiting for the platform, and nothing heard since it was submitted or last answered."""
    cutoff = now - timedelta(hours=hours)
    last_receipt = (
        sa.select(sa.func.max(Receipt.received_at))
        .where(Receipt.declaration_id == Declaration.id)
        .scalar_subquery()
    )
    last_message = (
        sa.select(sa.func.max(DeclarationMessage.created_at))
        .where(DeclarationMessage.declaration_id == Declaration.id)
        .scalar_subquery()
    )
    return sa.and_(
        Declaration.state.in_(AWAITING_RECEIPT),
        Declaration.created_at < cutoff,
        sa.or_(last_receipt.is_(None), last_receipt < cutoff),
        sa.or_(last_message.is_(None), last_message < cutoff),
    )


def _attention_clause(kind: str, hours: int, now: datetime):
    clauses = {
        "rejected": lambda: Declaration.state == S.REJECTED,
        "failed": lambda: Declaration.state == S.FAILED,
        "dead": _dead_clause,
        "stuck": lambda: _stuck_clause(hours, now),
    }
    if kind == "all":
        return sa.or_(*(make() for make in clauses.values()))
    return clauses[kind]()


def _where(f: Filters, now: datetime, *, with_state: bool = True) -> list:
    where = []
    if with_state and f.state:
        where.append(Declaration.state == f.state)
    if f.mode:
        where.append(Declaration.mode == f.mode)
    if f.route:
        where.append(Declaration.route == f.route)
    if f.seller_id:
        where.append(_seller_clause(f.seller_id))
    if f.age:
        _label, low, high = AGE_BUCKETS[f.age]
        where.append(Declaration.created_at <= now - low)
        if high is not None:
            where.append(Declaration.created_at > now - high)
    if f.created_from:
        where.append(Declaration.created_at >= _china_midnight(f.created_from))
    if f.created_to:
        where.append(Declaration.created_at < _china_midnight(f.created_to + timedelta(days=1)))
    if f.q:
        like = f"%{f.q.upper()}%"
        where.append(
            sa.or_(
                *(
                    sa.func.upper(col).like(like)
                    for col in (
                        Declaration.order_no,
                        Declaration.waybill_no,
                        Declaration.pre_no,
                        Declaration.invt_no,
                        Declaration.entry_no,
                    )
                )
            )
        )
    if f.attention:
        where.append(_attention_clause(f.attention, f.stuck_hours, now))
    return where


def _china_midnight(day: date) -> datetime:
    # The console's dates are days in China time, like the declarations' appTime.
    return datetime.combine(day, time(0), tzinfo=m.CHINA)


@dataclass
class Row:
    declaration: Declaration
    seller: Company | None
    source_number: str | None
    age: timedelta


@dataclass
class Page:
    rows: list[Row]
    total: int
    page: int
    pages: int
    counts: dict[str, int] = field(default_factory=dict)
    attention_counts: dict[str, int] = field(default_factory=dict)


def declarations_page(f: Filters, *, per_page: int = PER_PAGE, now: datetime | None = None) -> Page:
    """One page of declarations: open ones first, oldest first; then final ones, newest first.
    The counts per state ignore the state filter (they are the tabs); statements do not grow with rows."""
    now = now or utcnow()
    where = _where(f, now)
    total = db.session.scalar(sa.select(sa.func.count(Declaration.id)).where(*where)) or 0
    pages = max((total + per_page - 1) // per_page, 1)
    page = min(f.page, pages)
    is_final = sa.case((Declaration.state.in_(FINAL), 1), else_=0)
    open_created = sa.case((Declaration.state.in_(FINAL), None), else_=Declaration.created_at)
    decls = list(
        db.session.scalars(
            sa.select(Declaration)
            .where(*where)
            .order_by(is_final, open_created.asc(), Declaration.created_at.desc(), Declaration.id)
            .offset((page - 1) * per_page)
            .limit(per_page)
        )
    )
    sources = _sources(decls)
    rows = [
        Row(d, *sources.get((d.source_kind, d.source_id), (None, None)), now - d.created_at) for d in decls
    ]
    counts = dict(
        db.session.execute(
            sa.select(Declaration.state, sa.func.count(Declaration.id))
            .where(*_where(f, now, with_state=False))
            .group_by(Declaration.state)
        ).all()
    )
    return Page(
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        counts={S(k).value: v for k, v in counts.items()},
        attention_counts=attention_counts(f.stuck_hours, now),
    )


def attention_counts(hours: int, now: datetime | None = None) -> dict[str, int]:
    now = now or utcnow()
    columns = [
        sa.func.count(Declaration.id).filter(_attention_clause(kind, hours, now)).label(kind)
        for kind in ("all", *ATTENTION)
    ]
    row = db.session.execute(sa.select(*columns)).one()
    return dict(row._mapping)


def _sources(decls: list[Declaration]) -> dict[tuple, tuple[Company | None, str]]:
    """(seller, shipment or booking number) for each declaration, in one statement per kind."""
    found: dict[tuple, tuple[Company | None, str]] = {}
    for kind, model in ((SourceKind.SHIPMENT, Shipment), (SourceKind.BOOKING, ReplenishmentBooking)):
        ids = {d.source_id for d in decls if d.source_kind == kind}
        if not ids:
            continue
        for source_id, number, company in db.session.execute(
            sa.select(model.id, model.number, Company)
            .join(Company, Company.id == model.seller_id)
            .where(model.id.in_(ids))
        ):
            found[(kind, source_id)] = (company, number)
    return found


def sellers_with_declarations() -> list[Company]:
    ids = sa.union(
        sa.select(Shipment.seller_id).where(
            Shipment.id.in_(
                sa.select(Declaration.source_id).where(Declaration.source_kind == SourceKind.SHIPMENT)
            )
        ),
        sa.select(ReplenishmentBooking.seller_id).where(
            ReplenishmentBooking.id.in_(
                sa.select(Declaration.source_id).where(Declaration.source_kind == SourceKind.BOOKING)
            )
        ),
    )
    return list(
        db.session.scalars(sa.select(Company).where(Company.id.in_(ids)).order_by(Company.legal_name))
    )


# -- one declaration -------------------------------------------------------------------------------------
@dataclass
class MessageView:
    message: DeclarationMessage
    pretty_xml: str
    schema_errors: list[dict]  # [] = valid against the XSD now; else field, message, detail, line
    signature: str  # "verified" / "unsigned" / "invalid" / "unknown" (no certificate configured)
    job: OutboxJob | None


SIGNATURE_LABELS = {
    "verified": _l("Signature verified"),
    "unsigned": _l("Not signed"),
    "invalid": _l("Signature invalid"),
    "unknown": _l("Cannot check: no signing certificate is configured"),
}


def _parse(xml: str, **options):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, **options)
    return etree.fromstring(xml.encode("utf-8"), parser)


def pretty(xml: str) -> str:
    return etree.tostring(_parse(xml, remove_blank_text=True), encoding="unicode", pretty_print=True)


def signature_status(root) -> str:
    if root.find(f"{{{m.DS_NS}}}Signature") is None:
        return "unsigned"
    try:
        return "verified" if signer().verify(root) else "invalid"
    except SigningUnavailable:
        return "unknown"


def message_view(message: DeclarationMessage, job: OutboxJob | None) -> MessageView:
    """Re-validate the stored XML against the XSD and re-verify its signature on every display."""
    try:
        root = _parse(message.xml)
    except etree.XMLSyntaxError as exc:
        error = {"field": "", "message": str(exc), "detail": str(exc), "line": exc.lineno}
        return MessageView(message, message.xml, [error], "invalid", job)
    errors = [
        {"field": e.field, "message": str(e.message), "detail": e.detail, "line": e.line}
        for e in m.validate(root)
    ]
    return MessageView(message, pretty(message.xml), errors, signature_status(root), job)


def jobs_of(messages: list[DeclarationMessage]) -> dict[str, OutboxJob]:
    keys = [send_key(x) for x in messages]
    if not keys:
        return {}
    jobs = db.session.scalars(sa.select(OutboxJob).where(OutboxJob.idempotency_key.in_(keys)))
    return {j.idempotency_key: j for j in jobs}


def route_decision(data: dict) -> RouteDecision | None:
    """The stored rule inputs as a decision again, to show its reasons in the reader's language."""
    try:
        return RouteDecision(
            route=Route(data["route"]),
            goods_value=Decimal(data["goods_value"]),
            currency=data["currency"],
            cny_rate=Decimal(data["cny_rate"]),
            cny_value=Decimal(data["cny_value"]),
            limit_cny=Decimal(data["limit_cny"]),
            over_limit=bool(data["over_limit"]),
            needs_licence=bool(data["needs_licence"]),
            needs_inspection=bool(data["needs_inspection"]),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return None


@dataclass
class Detail:
    declaration: Declaration
    seller: Company | None
    source_number: str | None
    messages: list[MessageView]
    receipts: list[Receipt]
    history: list
    actors: dict[int, User]
    can_retry: bool
    can_resubmit: bool
    can_cancel: bool
    can_record_entry: bool
    decision: RouteDecision | None


def detail(decl: Declaration) -> Detail:
    jobs = jobs_of(decl.messages)
    history = DECLARATION_WORKFLOW.history(decl)
    actor_ids = {c.actor_id for c in history if c.actor_id}
    actors = (
        {u.id: u for u in db.session.scalars(sa.select(User).where(User.id.in_(actor_ids)))}
        if actor_ids
        else {}
    )
    seller, number = _sources([decl]).get((decl.source_kind, decl.source_id), (None, None))
    return Detail(
        declaration=decl,
        seller=seller,
        source_number=number,
        messages=[message_view(x, jobs.get(send_key(x))) for x in decl.messages],
        receipts=list(decl.receipts),
        history=history,
        actors=actors,
        can_retry=bool(retryable_jobs(decl)),
        can_resubmit=decl.state in (S.REJECTED, S.FAILED) and decl.route == Route.LIST,
        can_cancel=decl.route == Route.LIST and decl.state in CANCELLABLE and bool(decl.invt_no),
        can_record_entry=decl.state == S.BROKER,
        decision=route_decision(decl.route_data or {}),
    )
