"""Audit log of security-relevant and admin actions. Rows are written in the business transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask import has_request_context, request
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.core.db import UTCDateTime, utcnow
from marketplace.extensions import Base, db


class AuditEntry(Base):
    __tablename__ = "audit_entries"
    __table_args__ = (sa.Index("ix_audit_entries_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(sa.String(64), index=True)
    subject_type: Mapped[str | None] = mapped_column(sa.String(64))
    subject_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    company_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    ip: Mapped[str | None] = mapped_column(sa.String(64))
    details: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)


def record(
    action: str,
    *,
    actor=None,
    subject=None,
    company_id: int | None = None,
    **details: Any,
) -> AuditEntry:
    """Append an audit entry for `action` (e.g. "user.login_failed", "company.verified")."""
    entry = AuditEntry(
        action=action,
        actor_id=getattr(actor, "id", None),
        subject_type=getattr(subject, "__tablename__", None),
        subject_id=getattr(subject, "id", None),
        company_id=company_id,
        ip=request.remote_addr if has_request_context() else None,
        details={k: v for k, v in details.items() if v is not None},
    )
    db.session.add(entry)
    db.session.flush()
    return entry
