"""Read-side queries of the accounts module."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from marketplace.accounts.models import ApiToken, Company, Invitation, Membership, User
from marketplace.accounts.states import CompanyKind, VerificationState
from marketplace.core.db import utcnow
from marketplace.extensions import db


def memberships_of(user: User) -> list[Membership]:
    return list(
        db.session.scalars(
            sa.select(Membership)
            .where(Membership.user_id == user.id)
            .options(selectinload(Membership.company))
            .order_by(Membership.created_at)
        )
    )


def members_of(company: Company) -> list[Membership]:
    return list(
        db.session.scalars(
            sa.select(Membership)
            .where(Membership.company_id == company.id)
            .options(selectinload(Membership.user))
            .order_by(Membership.role.desc(), Membership.created_at)
        )
    )


def open_invitations(company: Company) -> list[Invitation]:
    return list(
        db.session.scalars(
            sa.select(Invitation)
            .where(
                Invitation.company_id == company.id,
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > utcnow(),
            )
            .order_by(Invitation.created_at.desc())
        )
    )


def tokens_of(user: User) -> list[ApiToken]:
    return list(
        db.session.scalars(
            sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc())
        )
    )


def companies_page(*, verification: str | None = None, kind: str | None = None, limit: int = 200):
    query = sa.select(Company).options(selectinload(Company.identifiers)).order_by(Company.id.desc())
    if verification in {v.value for v in VerificationState}:
        query = query.where(Company.verification == VerificationState(verification))
    if kind in {k.value for k in CompanyKind}:
        query = query.where(Company.kind == CompanyKind(kind))
    return list(db.session.scalars(query.limit(limit)))


def users_page(limit: int = 200) -> list[User]:
    return list(db.session.scalars(sa.select(User).order_by(User.id.desc()).limit(limit)))
