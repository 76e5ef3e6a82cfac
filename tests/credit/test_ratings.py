"""Buyer ratings through the services: only members of the buyer company of a completed order rate
it, once; the seller answers once; an admin hides an abusive rating (audited), which leaves the
pages and the score; a rating queues the seller's recompute, which the worker runs."""

from __future__ import annotations

import factories
import pytest
import sqlalchemy as sa
from credit_world import day, order, parties

from marketplace.core.audit import AuditEntry
from marketplace.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from marketplace.core.outbox import OutboxJob, Worker
from marketplace.core.states import IllegalTransition
from marketplace.credit import queries, services
from marketplace.credit.models import CreditSnapshot, Rating
from marketplace.credit.states import RatingState
from marketplace.extensions import db
from marketplace.notifications.models import Notification

GOOD = dict(overall="5", as_described="4", communication="5", on_time="4", comment="Отличный поставщик")


def _completed(seller, buyer, state="completed"):
    history = [("in_production", day(40)), ("shipped", day(35)), ("delivered", day(20))]
    if state == "completed":
        history.append(("completed", day(15)))
    return order(seller, buyer, history)


@pytest.fixture
def people(ctx):
    seller_owner, seller, buyer_user, buyer = parties(0)
    outsider = factories.make_user()
    factories.make_company(outsider)
    admin = factories.make_user(admin=True)
    return {
        "seller_owner": seller_owner,
        "seller": seller,
        "buyer_user": buyer_user,
        "buyer": buyer,
        "outsider": outsider,
        "admin": admin,
    }


def test_buyer_rates_a_completed_order_once(people):
    p = people
    o = _completed(p["seller"], p["buyer"])
    rating = services.rate_order(p["buyer_user"], o.id, services.RatingData(**GOOD, comment_language="ru"))
    assert (rating.overall, rating.as_described, rating.communication, rating.on_time) == (5, 4, 5, 4)
    assert rating.comment == "Отличный поставщик" and rating.comment_language == "ru"
    assert rating.state == RatingState.VISIBLE and rating.seller_id == p["seller"].id
    told = db.session.scalars(sa.select(Notification).where(Notification.kind == "rating_received")).all()
    assert [n.user_id for n in told] == [p["seller_owner"].id]
    assert db.session.scalar(sa.select(sa.func.count()).where(OutboxJob.kind == services.RECOMPUTE_JOB)) == 1
    with pytest.raises(Conflict) as refused:
        services.rate_order(p["buyer_user"], o.id, services.RatingData(**GOOD))
    assert refused.value.code == "already_rated"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Rating)) == 1


def test_only_the_buyer_of_a_completed_order_rates(people):
    p = people
    o = _completed(p["seller"], p["buyer"])
    with pytest.raises(PermissionDenied):
        services.rate_order(p["seller_owner"], o.id, services.RatingData(**GOOD))
    with pytest.raises(PermissionDenied):
        services.rate_order(p["admin"], o.id, services.RatingData(**GOOD))
    with pytest.raises(NotFound):
        services.rate_order(p["outsider"], o.id, services.RatingData(**GOOD))
    with pytest.raises(NotFound):
        services.rate_order(p["buyer_user"], 999999, services.RatingData(**GOOD))
    delivered = _completed(p["seller"], p["buyer"], state="delivered")
    with pytest.raises(Conflict) as refused:
        services.rate_order(p["buyer_user"], delivered.id, services.RatingData(**GOOD))
    assert refused.value.code == "order_not_completed"
    assert not services.can_rate(p["buyer_user"], delivered) and services.can_rate(p["buyer_user"], o)
    assert not services.can_rate(p["seller_owner"], o)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Rating)) == 0


@pytest.mark.parametrize(
    ("field", "value"), [("overall", "0"), ("overall", "6"), ("communication", ""), ("on_time", "x")]
)
def test_stars_are_1_to_5(people, field, value):
    o = _completed(people["seller"], people["buyer"])
    with pytest.raises(ValidationFailed) as refused:
        services.rate_order(people["buyer_user"], o.id, services.RatingData(**{**GOOD, field: value}))
    assert set(refused.value.errors) == {field}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Rating)) == 0


def test_seller_answers_once(people):
    p = people
    o = _completed(p["seller"], p["buyer"])
    rating = services.rate_order(p["buyer_user"], o.id, services.RatingData(**GOOD))
    for who in ("buyer_user", "outsider", "admin"):
        with pytest.raises(PermissionDenied):
            services.reply(p[who], rating.id, "Thanks")
    with pytest.raises(ValidationFailed):
        services.reply(p["seller_owner"], rating.id, "   ")
    services.reply(p["seller_owner"], rating.id, "Спасибо за заказ", "ru")
    assert rating.reply == "Спасибо за заказ" and rating.reply_language == "ru" and rating.replied_at
    assert db.session.scalar(sa.select(sa.func.count()).where(Notification.kind == "rating_answered")) == 1
    with pytest.raises(Conflict) as refused:
        services.reply(p["seller_owner"], rating.id, "Again")
    assert refused.value.code == "already_answered" and rating.reply == "Спасибо за заказ"


def test_admin_hides_an_abusive_rating(people):
    p = people
    o = _completed(p["seller"], p["buyer"])
    rating = services.rate_order(p["buyer_user"], o.id, services.RatingData(**{**GOOD, "overall": "1"}))
    before = queries.figures(p["seller"].id)
    assert (before.ratings_count, before.ratings_sum) == (1, 1)
    with pytest.raises(PermissionDenied):
        services.hide(p["seller_owner"], rating.id, "unfair")
    with pytest.raises(ValidationFailed):
        services.hide(p["admin"], rating.id, " ")
    services.hide(p["admin"], rating.id, "Insults in the comment")
    assert rating.state == RatingState.HIDDEN and rating.hidden_reason == "Insults in the comment"
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "credit.rating_hidden"))
    assert entry.actor_id == p["admin"].id and entry.details["reason"] == "Insults in the comment"
    assert queries.ratings_of_seller(p["seller"].id) == []
    assert queries.ratings_of_seller(p["seller"].id, include_hidden=True) == [rating]
    assert queries.rating_summary(p["seller"].id)["count"] == 0
    after = queries.figures(p["seller"].id)
    assert (after.ratings_count, after.ratings_sum) == (0, 0)
    with pytest.raises(IllegalTransition):
        services.hide(p["admin"], rating.id, "again")


def test_the_worker_recomputes_after_a_rating(app, seed):
    def build():
        _so, seller, buyer_user, buyer = parties(0)
        o = _completed(seller, buyer)
        services.rate_order(buyer_user, o.id, services.RatingData(**GOOD))
        return seller.id

    seller_id = seed(build)
    with app.app_context():
        assert Worker(worker_id="test").drain() >= 1
        db.session.remove()
        snaps = db.session.scalars(
            sa.select(CreditSnapshot).where(CreditSnapshot.seller_id == seller_id)
        ).all()
        assert len(snaps) == 1 and snaps[0].trigger == "rating"
        assert snaps[0].figures["ratings_count"] == 1 and snaps[0].figures["orders_started"] == 1


def test_recompute_writes_a_snapshot_only_when_figures_change(people):
    p = people
    first = services.recompute(p["seller"].id, trigger="test")
    assert services.recompute(p["seller"].id) is first  # nothing changed
    o = _completed(p["seller"], p["buyer"])
    services.rate_order(p["buyer_user"], o.id, services.RatingData(**GOOD))
    second = services.recompute(p["seller"].id)
    assert second is not first and second.figures["ratings_count"] == 1
    assert [s.id for s in queries.history(p["seller"].id)] == [second.id, first.id]
    assert services.refresh_changed() == 1  # the order's state changes and the rating are recent
    assert len(queries.history(p["seller"].id)) == 2  # ...but nothing changed since
    assert services.recompute_all() == 1


def test_cli_recompute(app, seed, runner):
    def build():
        _so, seller, _bu, buyer = parties(0)
        _completed(seller, buyer)
        return seller.id

    seller_id = seed(build)
    out = runner.invoke(args=["credit", "recompute"])
    assert out.exit_code == 0 and "1 sellers recomputed" in out.output
    one = runner.invoke(args=["credit", "recompute", "--seller", str(seller_id)])
    assert one.exit_code == 0 and f"seller {seller_id}: new" in one.output
    with app.app_context():
        snaps = db.session.scalars(sa.select(CreditSnapshot)).all()
        assert [(s.seller_id, s.trigger, s.figures["orders_measured"]) for s in snaps] == [
            (seller_id, "cli", 1)
        ]
