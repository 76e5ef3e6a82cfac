"""Credit operations: a buyer rates a completed order, the seller answers once, an admin hides an
abusive rating; a seller's profile is recomputed (a snapshot written when its figures change) after
a rating, every few minutes for sellers whose record moved, and nightly for every seller.
They flush, never commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from marketplace.accounts.models import Company, User
from marketplace.accounts.services import membership
from marketplace.accounts.states import CompanyKind, VerificationState
from marketplace.core import audit, outbox
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.i18n import LANGUAGES
from marketplace.credit import formula, queries
from marketplace.credit.models import STARS, CreditSnapshot, Rating
from marketplace.credit.states import RatingState, rating_workflow
from marketplace.extensions import db
from marketplace.orders.models import Order
from marketplace.orders.states import OrderState

MAX_TEXT = 2000
RECOMPUTE_JOB = "credit.recompute"


@dataclass
class RatingData:
    overall: Any = None
    as_described: Any = None
    communication: Any = None
    on_time: Any = None
    comment: str = ""
    comment_language: str = ""


def _text(value: Any) -> str:
    return "\n".join(" ".join(line.split()) for line in str(value or "").strip().splitlines()).strip()


def _language(value: Any, fallback: str) -> str:
    lang = str(value or "").strip().lower()
    return lang if lang in LANGUAGES else (fallback if fallback in LANGUAGES else "en")


def can_rate(user: User, order: Order) -> bool:
    """Whether `user` may rate `order` now (a member of its buyer, the order completed, not yet rated)."""
    return (
        order.state == OrderState.COMPLETED
        and membership(user, order.buyer_id) is not None
        and queries.rating_of_order(order.id) is None
    )


def rate_order(actor: User, order_id: int, data: RatingData) -> Rating:
    """Record the buyer's rating of a completed order: 1–5 stars overall, for the goods as described,
    the communication and delivery on time, an optional comment with its language. Only members of
    the order's buyer company may rate it, once; parties' others get 403, outsiders 404."""
    order = db.session.get(Order, order_id)
    if order is None:
        raise NotFound()
    is_buyer = membership(actor, order.buyer_id) is not None
    if not is_buyer:
        if actor.is_admin or membership(actor, order.seller_id) is not None:
            raise PermissionDenied(_l("Only the buyer of this order can rate it."))
        raise NotFound()
    if order.state != OrderState.COMPLETED:
        raise Conflict(_l("An order can be rated once it is completed."), code="order_not_completed")
    errors: dict[str, list[str]] = {}
    stars: dict[str, int] = {}
    for name in STARS:
        try:
            value = int(str(getattr(data, name) if getattr(data, name) is not None else "").strip())
        except ValueError:
            value = 0
        if not 1 <= value <= 5:
            errors[name] = [str(_l("Choose from 1 to 5 stars."))]
        stars[name] = value
    comment = _text(data.comment)
    if len(comment) > MAX_TEXT:
        errors["comment"] = [str(_l("At most %(n)d characters.", n=MAX_TEXT))]
    if errors:
        raise ValidationFailed(errors)
    # Lock the order row (PostgreSQL) so two buyers' users rating at once queue; the unique order_id
    # is the last guard.
    db.session.execute(sa.select(Order.id).where(Order.id == order.id).with_for_update())
    if queries.rating_of_order(order.id) is not None:
        raise Conflict(_l("This order has already been rated."), code="already_rated")
    rating = Rating(
        order_id=order.id,
        seller_id=order.seller_id,
        buyer_id=order.buyer_id,
        author_id=actor.id,
        comment=comment,
        comment_language=_language(data.comment_language, actor.language) if comment else "",
        **stars,
    )
    try:
        with db.session.begin_nested():
            rating_workflow.start(rating, RatingState.VISIBLE, actor=actor)
    except IntegrityError:  # rated meanwhile (the unique order_id)
        raise Conflict(_l("This order has already been rated."), code="already_rated")
    _notify(
        order.seller_id,
        "rating_received",
        rating,
        number=order.number,
        stars=str(stars["overall"]),
        buyer=_company_name(order.buyer_id),
    )
    queue_recompute(order.seller_id, "rating")
    return rating


def rating_or_404(rating_id: int) -> Rating:
    rating = db.session.get(Rating, rating_id)
    if rating is None:
        raise NotFound()
    return rating


def can_reply(user: User, rating: Rating) -> bool:
    return rating.reply is None and membership(user, rating.seller_id) is not None


def reply(actor: User, rating_id: int, text: Any, language: Any = "") -> Rating:
    """The seller's one public answer to a rating (members of the rated seller only)."""
    rating = rating_or_404(rating_id)
    if membership(actor, rating.seller_id) is None:
        raise PermissionDenied(_l("Only the rated seller can answer this rating."))
    if rating.reply is not None:
        raise Conflict(_l("This rating has already been answered."), code="already_answered")
    body = _text(text)
    if not body:
        raise ValidationFailed({"reply": [str(_l("Write the answer."))]})
    if len(body) > MAX_TEXT:
        raise ValidationFailed({"reply": [str(_l("At most %(n)d characters.", n=MAX_TEXT))]})
    rating.reply = body
    rating.reply_language = _language(language, actor.language)
    rating.replied_at = utcnow()
    rating.replied_by_id = actor.id
    db.session.flush()
    order = db.session.get(Order, rating.order_id)
    _notify(
        rating.buyer_id,
        "rating_answered",
        rating,
        number=order.number if order else "",
        seller=_company_name(rating.seller_id),
    )
    return rating


def hide(actor: User, rating_id: int, reason: Any) -> Rating:
    """An admin hides an abusive rating with a reason (audited); it leaves the pages and the score."""
    if not actor.is_admin:
        raise PermissionDenied()
    rating = rating_or_404(rating_id)
    why = " ".join(str(reason or "").split())[:500]
    if not why:
        raise ValidationFailed({"reason": [str(_l("Say why."))]})
    rating_workflow.transition(rating, RatingState.HIDDEN, actor=actor, reason=why)
    rating.hidden_reason = why
    db.session.flush()
    audit.record(
        "credit.rating_hidden",
        actor=actor,
        subject=rating,
        company_id=rating.seller_id,
        order=rating.order_id,
        reason=why,
    )
    queue_recompute(rating.seller_id, "rating_hidden")
    return rating


def _company_name(company_id: int) -> str:
    company = db.session.get(Company, company_id)
    return (company.legal_name_latin or company.legal_name) if company is not None else ""


def _notify(company_id: int, kind: str, rating: Rating, **params) -> None:
    from marketplace.notifications import services as notifications

    notifications.notify_company(
        company_id, kind, endpoint="orders.detail", endpoint_args={"order_id": rating.order_id}, **params
    )


# -- recomputing profiles --------------------------------------------------------------------------------


def queue_recompute(seller_id: int, trigger: str) -> None:
    outbox.enqueue(RECOMPUTE_JOB, {"seller_id": seller_id, "trigger": trigger})


def recompute(seller_id: int, *, now: datetime | None = None, trigger: str = "") -> CreditSnapshot:
    """Count the seller's figures now and evaluate them; write a snapshot unless the latest one has the
    same figures (so the history lists changes). Idempotent; returns the current snapshot."""
    now = now or utcnow()
    figures = queries.figures(seller_id, now)
    latest = queries.latest_snapshot(seller_id)
    if latest is not None and formula.Figures.from_json(latest.figures) == figures:
        return latest
    profile = formula.evaluate(figures)
    snapshot = CreditSnapshot(
        seller_id=seller_id,
        computed_at=now,
        figures=figures.to_json(),
        components=profile.components_json(),
        score=profile.score,
        grade=profile.grade,
        trigger=trigger[:40],
    )
    db.session.add(snapshot)
    db.session.flush()
    return snapshot


def seller_ids() -> list[int]:
    return list(
        db.session.scalars(
            sa.select(Company.id)
            .where(Company.kind == CompanyKind.SELLER, Company.verification == VerificationState.VERIFIED)
            .order_by(Company.id)
        )
    )


def recompute_all(now: datetime | None = None, *, trigger: str = "nightly") -> int:
    """Recompute every verified seller (the nightly task and `flask credit recompute`)."""
    ids = seller_ids()
    for seller_id in ids:
        recompute(seller_id, now=now, trigger=trigger)
    return len(ids)


REFRESH_EVERY = timedelta(minutes=10)


def refresh_changed(now: datetime | None = None) -> int:
    """Recompute the sellers whose record moved during the last two refresh periods (the overlap
    covers a late run; a recompute without change writes nothing)."""
    now = now or utcnow()
    ids = queries.changed_sellers(now - 2 * REFRESH_EVERY)
    for seller_id in ids:
        recompute(seller_id, now=now, trigger="refresh")
    return len(ids)


def recompute_by_admin(actor: User, seller_id: int) -> CreditSnapshot:
    if not actor.is_admin:
        raise PermissionDenied()
    company = db.session.get(Company, seller_id)
    if company is None or not company.is_seller:
        raise NotFound()
    snapshot = recompute(seller_id, trigger="admin")
    audit.record("credit.recomputed", actor=actor, subject=snapshot, company_id=seller_id)
    return snapshot
