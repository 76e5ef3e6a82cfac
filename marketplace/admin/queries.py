"""Read-side queries for the admin area."""

from __future__ import annotations

import sqlalchemy as sa

from marketplace.accounts.models import Company, User
from marketplace.accounts.states import VerificationState
from marketplace.core.audit import AuditEntry
from marketplace.extensions import db


def overview() -> dict[str, int]:
    return {
        "users": db.session.scalar(sa.select(sa.func.count()).select_from(User)) or 0,
        "companies": db.session.scalar(sa.select(sa.func.count()).select_from(Company)) or 0,
        "pending": db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Company)
            .where(Company.verification == VerificationState.PENDING)
        )
        or 0,
        "ordos_sellers": db.session.scalar(
            sa.select(sa.func.count()).select_from(Company).where(Company.is_ordos.is_(True))
        )
        or 0,
    }


def audit_page(*, action: str | None = None, company_id: int | None = None, limit: int = 200):
    query = sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action.startswith(action))
    if company_id:
        query = query.where(AuditEntry.company_id == company_id)
    entries = list(db.session.scalars(query))
    actor_ids = {e.actor_id for e in entries if e.actor_id}
    actors = (
        {u.id: u for u in db.session.scalars(sa.select(User).where(User.id.in_(actor_ids)))}
        if actor_ids
        else {}
    )
    return entries, actors
