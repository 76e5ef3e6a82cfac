"""The state-machine helper, exercised through a real workflow (seller verification)."""

import itertools

import pytest
import sqlalchemy as sa
from factories import make_company, make_user

from marketplace.accounts.states import VerificationState as V
from marketplace.accounts.states import verification
from marketplace.core.states import IllegalTransition, StateChange
from marketplace.extensions import db

ALLOWED = {
    (V.UNVERIFIED, V.PENDING),
    (V.PENDING, V.VERIFIED),
    (V.PENDING, V.REJECTED),
    (V.REJECTED, V.PENDING),
    (V.VERIFIED, V.SUSPENDED),
    (V.SUSPENDED, V.VERIFIED),
}


@pytest.mark.parametrize(("source", "target"), list(itertools.product(V, V)))
def test_transition_table(ctx, source, target):
    owner = make_user()
    company = make_company(owner)
    company.verification = source
    db.session.flush()
    before = db.session.scalar(sa.select(sa.func.count()).select_from(StateChange))
    if (source, target) in ALLOWED:
        change = verification.transition(company, target, actor=owner, reason="r")
        assert company.verification == target
        assert (change.from_state, change.to_state, change.actor_id, change.reason) == (
            source.value,
            target.value,
            owner.id,
            "r",
        )
    else:
        with pytest.raises(IllegalTransition) as err:
            verification.transition(company, target, actor=owner)
        assert company.verification == source
        assert err.value.status == 409
        after = db.session.scalar(sa.select(sa.func.count()).select_from(StateChange))
        assert after == before  # a refused move writes no history


def test_history_records_every_change_in_order(ctx):
    owner = make_user()
    seller = make_company(owner, "seller")
    admin = make_user(admin=True)
    verification.transition(seller, V.REJECTED, actor=admin, reason="blurry licence")
    verification.transition(seller, V.PENDING, actor=owner)
    verification.transition(seller, V.VERIFIED, actor=admin)
    steps = [(h.from_state, h.to_state) for h in verification.history(seller)]
    assert steps == [
        (None, "unverified"),
        ("unverified", "pending"),
        ("pending", "rejected"),
        ("rejected", "pending"),
        ("pending", "verified"),
    ]
    assert verification.history(seller)[2].reason == "blurry licence"


def test_database_check_constraint_refuses_unknown_state(ctx):
    owner = make_user()
    company = make_company(owner)
    db.session.commit()
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(
            sa.text("UPDATE companies SET verification = 'bogus' WHERE id = :id"),
            {"id": company.id},
        )
        db.session.flush()
    db.session.rollback()


def test_allowed_lists_the_next_states(ctx):
    company = make_company(make_user(), "seller")
    assert verification.allowed(company) == [V.VERIFIED, V.REJECTED]
