"""Read side of credit: the SQL aggregates that count a seller's figures over the window (one
statement per component, the same on SQLite and PostgreSQL), the latest snapshot and the history,
and ratings as buyers, sellers and admins see them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import aliased, selectinload

from marketplace.core.db import UTCDateTime, utcnow
from marketplace.core.states import StateChange
from marketplace.credit import formula
from marketplace.credit.models import STARS, CreditSnapshot, Rating
from marketplace.credit.states import RatingState
from marketplace.customs.models import Declaration
from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.rfq.models import Quote
from marketplace.shipments.models import Shipment
from marketplace.warehouses.models import ReplenishmentBooking

ORDER_SUBJECT = "orders.state"
DECLARATION_SUBJECT = "customs_declaration"
SHIPPED_STATES = ("partially_shipped", "shipped")


def _hours(start, end):
    """Hours from `start` to `end` (UTC timestamp columns) as a SQL expression of the bind's dialect."""
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.extract("epoch", end - start) / 3600.0
    # whole seconds (exact, unlike julianday's floating point): a boundary case stays on its side
    seconds = sa.cast(sa.func.strftime("%s", end), sa.Integer) - sa.cast(
        sa.func.strftime("%s", start), sa.Integer
    )
    return seconds / 3600.0


def _int(value) -> int:
    return int(value or 0)


def shipment_figures(seller_id: int, now: datetime) -> dict[str, int]:
    """Orders whose production started in the window (first move to in_production: the deposit or the
    full payment is in, or nothing was due up front). An order is measured once it has shipped (its
    first move to partially_shipped or shipped: the first departure) or its ship-by time (production
    start + lead_time_days × 24 h) has passed without a cancellation; it is on time when it shipped
    by then."""
    since = now - timedelta(days=formula.WINDOW_DAYS)
    sc = StateChange
    per_order = (
        sa.select(
            Order.id.label("order_id"),
            Order.state.label("state"),
            Order.lead_time_days.label("lead"),
            sa.func.min(sa.case((sc.to_state == "in_production", sc.at))).label("started"),
            sa.func.min(sa.case((sc.to_state.in_(SHIPPED_STATES), sc.at))).label("shipped"),
        )
        .join(sc, sa.and_(sc.subject_type == ORDER_SUBJECT, sc.subject_id == Order.id))
        .where(Order.seller_id == seller_id)
        .group_by(Order.id, Order.state, Order.lead_time_days)
        .subquery()
    )
    started, shipped, lead = per_order.c.started, per_order.c.shipped, per_order.c.lead
    overdue = sa.and_(
        shipped.is_(None),
        per_order.c.state != "cancelled",
        _hours(started, sa.literal(now, UTCDateTime())) > lead * 24,
    )
    on_time = sa.and_(shipped.is_not(None), _hours(started, shipped) <= lead * 24)
    row = db.session.execute(
        sa.select(
            sa.func.count().label("started"),
            sa.func.sum(sa.case((sa.or_(shipped.is_not(None), overdue), 1), else_=0)).label("measured"),
            sa.func.sum(sa.case((on_time, 1), else_=0)).label("on_time"),
        ).where(started.is_not(None), started >= since, started <= now)
    ).one()
    return {
        "orders_started": _int(row.started),
        "orders_measured": _int(row.measured),
        "orders_on_time": _int(row.on_time),
    }


def dispute_figures(seller_id: int, now: datetime) -> dict[str, int]:
    """Disputes settled in the window by an admin's move out of `disputed`: to cancelled (lost by
    the seller) or to any other state (settled, the order goes on); and the seller's orders in
    dispute now."""
    since = now - timedelta(days=formula.WINDOW_DAYS)
    sc = StateChange
    row = db.session.execute(
        sa.select(
            sa.func.sum(sa.case((sc.to_state == "cancelled", 1), else_=0)).label("lost"),
            sa.func.sum(sa.case((sc.to_state != "cancelled", 1), else_=0)).label("settled"),
        )
        .select_from(sc)
        .join(Order, sa.and_(sc.subject_type == ORDER_SUBJECT, sc.subject_id == Order.id))
        .where(Order.seller_id == seller_id, sc.from_state == "disputed", sc.at >= since, sc.at <= now)
    ).one()
    open_now = db.session.scalar(
        sa.select(sa.func.count()).where(Order.seller_id == seller_id, Order.state == "disputed")
    )
    return {"disputes_lost": _int(row.lost), "disputes_settled": _int(row.settled), "disputes_open": open_now}


def _declaration_changes():
    """State changes of declarations joined to the seller of their shipment (9710) or booking (9810)."""
    sc = StateChange
    shipment = aliased(Shipment)
    booking = aliased(ReplenishmentBooking)
    seller = sa.func.coalesce(shipment.seller_id, booking.seller_id)
    query = (
        sa.select(seller)
        .select_from(sc)
        .join(Declaration, sa.and_(sc.subject_type == DECLARATION_SUBJECT, sc.subject_id == Declaration.id))
        .outerjoin(
            shipment, sa.and_(Declaration.source_kind == "shipment", Declaration.source_id == shipment.id)
        )
        .outerjoin(
            booking, sa.and_(Declaration.source_kind == "booking", Declaration.source_id == booking.id)
        )
    )
    return query, seller


def declaration_figures(seller_id: int, now: datetime) -> dict[str, int]:
    """Declarations of the seller's shipments (9710) and warehouse bookings (9810) sent in the window
    (every move to submitted — first submission or resubmission after a rejection — and every start
    with a broker) and rejected in the window (every move to rejected)."""
    since = now - timedelta(days=formula.WINDOW_DAYS)
    sc = StateChange
    changes, seller = _declaration_changes()
    row = db.session.execute(
        changes.with_only_columns(
            sa.func.sum(sa.case((sc.to_state.in_(("submitted", "broker")), 1), else_=0)).label("sent"),
            sa.func.sum(sa.case((sc.to_state == "rejected", 1), else_=0)).label("rejected"),
        ).where(seller == seller_id, sc.at >= since, sc.at <= now)
    ).one()
    return {"declarations_submitted": _int(row.sent), "declarations_rejected": _int(row.rejected)}


def response_figures(seller_id: int, now: datetime) -> dict:
    """Quote invitations received in the window: answered ones count the hours from the invitation to
    the first quote (capped); ones still unanswered once the cap has passed count the cap; declined,
    not selected or still young ones are left out."""
    since = now - timedelta(days=formula.WINDOW_DAYS)
    cap = formula.RESPONSE_CAP_HOURS
    answered = Quote.first_quoted_at.is_not(None)
    elapsed = _hours(Quote.created_at, Quote.first_quoted_at)
    late = sa.and_(
        Quote.first_quoted_at.is_(None),
        Quote.state.in_(("requested", "expired")),
        Quote.created_at <= now - timedelta(hours=cap),
    )
    capped = sa.case((elapsed > cap, cap), else_=elapsed)
    row = db.session.execute(
        sa.select(
            sa.func.sum(sa.case((answered, 1), (late, 1), else_=0)).label("n"),
            sa.func.sum(sa.case((answered, capped), (late, cap), else_=0)).label("hours"),
        ).where(Quote.seller_id == seller_id, Quote.created_at >= since, Quote.created_at <= now)
    ).one()
    hours = Decimal(str(row.hours or 0)).quantize(Decimal("0.01"))
    return {"invitations_measured": _int(row.n), "response_hours": hours}


def rating_figures(seller_id: int, now: datetime) -> dict[str, int]:
    """Visible ratings given in the window: how many and the sum of their overall stars."""
    since = now - timedelta(days=formula.WINDOW_DAYS)
    row = db.session.execute(
        sa.select(sa.func.count().label("n"), sa.func.sum(Rating.overall).label("total")).where(
            Rating.seller_id == seller_id,
            Rating.state == RatingState.VISIBLE,
            Rating.created_at >= since,
            Rating.created_at <= now,
        )
    ).one()
    return {"ratings_count": _int(row.n), "ratings_sum": _int(row.total)}


def figures(seller_id: int, now: datetime | None = None) -> formula.Figures:
    now = now or utcnow()
    data: dict = {}
    for part in (shipment_figures, dispute_figures, declaration_figures, response_figures, rating_figures):
        data.update(part(seller_id, now))
    return formula.Figures(**data)


# -- profiles and history ------------------------------------------------------------------------------


def latest_snapshot(seller_id: int) -> CreditSnapshot | None:
    return db.session.scalar(
        sa.select(CreditSnapshot)
        .where(CreditSnapshot.seller_id == seller_id)
        .order_by(CreditSnapshot.computed_at.desc(), CreditSnapshot.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class SellerCredit:
    seller_id: int
    profile: formula.Profile
    computed_at: datetime | None  # None: computed now, no snapshot yet


def profile_of(seller_id: int) -> SellerCredit:
    """The seller's profile from its latest snapshot (computed now when there is none yet)."""
    snap = latest_snapshot(seller_id)
    if snap is None:
        return SellerCredit(seller_id, formula.evaluate(figures(seller_id)), None)
    return _from_snapshot(snap)


def _from_snapshot(snap: CreditSnapshot) -> SellerCredit:
    return SellerCredit(
        snap.seller_id, formula.evaluate(formula.Figures.from_json(snap.figures)), snap.computed_at
    )


EMPTY = formula.evaluate(formula.Figures())


def badge_of(seller_id: int) -> SellerCredit:
    """The seller's profile from its latest snapshot only (one statement; listing and quote pages):
    "not enough history" until the worker has computed one."""
    snap = latest_snapshot(seller_id)
    if snap is None:
        return SellerCredit(seller_id, EMPTY, None)
    return _from_snapshot(snap)


def latest_snapshots(seller_ids) -> dict[int, CreditSnapshot]:
    """The latest snapshot of each of `seller_ids`, in one statement (list pages)."""
    ids = sorted({int(i) for i in seller_ids})
    if not ids:
        return {}
    latest = (
        sa.select(sa.func.max(CreditSnapshot.id).label("id"))
        .where(CreditSnapshot.seller_id.in_(ids))
        .group_by(CreditSnapshot.seller_id)
        .subquery()
    )
    rows = db.session.scalars(sa.select(CreditSnapshot).join(latest, latest.c.id == CreditSnapshot.id))
    return {s.seller_id: s for s in rows}


def history(seller_id: int, *, limit: int = 100) -> list[CreditSnapshot]:
    return list(
        db.session.scalars(
            sa.select(CreditSnapshot)
            .where(CreditSnapshot.seller_id == seller_id)
            .order_by(CreditSnapshot.computed_at.desc(), CreditSnapshot.id.desc())
            .limit(limit)
        )
    )


def latest_per_seller() -> list[CreditSnapshot]:
    """The latest snapshot of every seller that has one (admins' overview), lowest score first."""
    latest = (
        sa.select(CreditSnapshot.seller_id, sa.func.max(CreditSnapshot.id).label("id"))
        .group_by(CreditSnapshot.seller_id)
        .subquery()
    )
    return list(
        db.session.scalars(
            sa.select(CreditSnapshot)
            .join(latest, latest.c.id == CreditSnapshot.id)
            .order_by(CreditSnapshot.score.is_(None), CreditSnapshot.score, CreditSnapshot.seller_id)
        )
    )


def changed_sellers(since: datetime) -> list[int]:
    """Sellers whose orders or declarations changed state, or who received a quote invitation or a
    rating, since `since`: the ones whose profile the periodic refresh recomputes."""
    sc = StateChange
    orders = (
        sa.select(Order.seller_id)
        .join(sc, sa.and_(sc.subject_type == ORDER_SUBJECT, sc.subject_id == Order.id))
        .where(sc.at >= since)
    )
    changes, _seller = _declaration_changes()
    declarations = changes.where(sc.at >= since)
    quotes = sa.select(Quote.seller_id).where(Quote.updated_at >= since)
    ratings = sa.select(Rating.seller_id).where(Rating.created_at >= since)
    union = sa.union(orders, declarations, quotes, ratings).subquery()
    return sorted({sid for sid in db.session.scalars(sa.select(union.c[0])) if sid is not None})


# -- ratings -------------------------------------------------------------------------------------------


def rating_of_order(order_id: int) -> Rating | None:
    return db.session.scalar(sa.select(Rating).where(Rating.order_id == order_id))


def ratings_of_seller(seller_id: int, *, include_hidden: bool = False, limit: int = 50) -> list[Rating]:
    query = (
        sa.select(Rating)
        .where(Rating.seller_id == seller_id)
        .options(selectinload(Rating.buyer), selectinload(Rating.order))
        .order_by(Rating.created_at.desc(), Rating.id.desc())
        .limit(limit)
    )
    if not include_hidden:
        query = query.where(Rating.state == RatingState.VISIBLE)
    return list(db.session.scalars(query))


def rating_summary(seller_id: int) -> dict:
    """Visible ratings of all time: how many and the plain average of each star field."""
    row = db.session.execute(
        sa.select(
            sa.func.count().label("n"),
            *(sa.func.avg(getattr(Rating, name)).label(name) for name in STARS),
        ).where(Rating.seller_id == seller_id, Rating.state == RatingState.VISIBLE)
    ).one()
    out = {"count": _int(row.n)}
    for name in STARS:
        value = getattr(row, name)
        out[name] = None if value is None else Decimal(str(value)).quantize(Decimal("0.1"))
    return out
