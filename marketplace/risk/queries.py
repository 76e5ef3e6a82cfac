"""Reads for the admin pages and the API: the flag queue, a flag's evidence in the reader's language."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from marketplace.accounts.models import Company, User
from marketplace.core.db import utcnow
from marketplace.core.states import StateChange
from marketplace.extensions import db
from marketplace.risk.models import RiskCountry, RiskFlag
from marketplace.risk.states import FlagState, Rule, Subject

ROLES = {"buyer": _l("buyer"), "consignee": _l("consignee")}


def flags_page(*, state: str | None = "open", rule: str | None = None, limit: int = 200) -> list[RiskFlag]:
    """Flags, oldest first (the queue is worked by age), filtered by state and rule."""
    query = sa.select(RiskFlag)
    if state:
        query = query.where(RiskFlag.state == FlagState(state))
    if rule:
        query = query.where(RiskFlag.rule == Rule(rule))
    return list(db.session.scalars(query.order_by(RiskFlag.created_at, RiskFlag.id).limit(limit)))


def open_counts() -> dict[Rule, int]:
    rows = db.session.execute(
        sa.select(RiskFlag.rule, sa.func.count())
        .where(RiskFlag.state == FlagState.OPEN)
        .group_by(RiskFlag.rule)
    )
    return {Rule(r): n for r, n in rows}


def companies(flags: list[RiskFlag]) -> dict[int, Company]:
    ids = {f.company_id for f in flags if f.company_id is not None}
    if not ids:
        return {}
    return {c.id: c for c in db.session.scalars(sa.select(Company).where(Company.id.in_(ids)))}


def message(flag: RiskFlag) -> str:
    """The rule's finding in the current language (admins only: it may name a denied party)."""
    params: dict[str, Any] = dict(flag.evidence.get("params") or {})
    if "role" in params:
        params["role"] = str(ROLES.get(params["role"], params["role"]))
    return _(flag.evidence.get("message", ""), **params)


def age_days(flag: RiskFlag, now: datetime | None = None) -> int:
    return ((now or utcnow()) - flag.created_at).days


def history(flag: RiskFlag) -> list[tuple[StateChange, User | None]]:
    changes = list(
        db.session.scalars(
            sa.select(StateChange)
            .where(StateChange.subject_type == "risk_flags.state", StateChange.subject_id == flag.id)
            .order_by(StateChange.id)
        )
    )
    users = {
        u.id: u
        for u in db.session.scalars(
            sa.select(User).where(User.id.in_({c.actor_id for c in changes if c.actor_id}))
        )
    }
    return [(c, users.get(c.actor_id)) for c in changes]


def countries() -> list[RiskCountry]:
    return list(db.session.scalars(sa.select(RiskCountry).order_by(RiskCountry.country)))


def subject_link(flag: RiskFlag) -> tuple[str, dict[str, Any]] | None:
    """The endpoint of the held object's page, for admins."""
    endpoints = {
        Subject.ORDER: ("orders.detail", "order_id"),
        Subject.SHIPMENT: ("shipments.detail", "shipment_id"),
        Subject.BOOKING: ("warehouses.booking", "booking_id"),
    }
    if flag.subject_type not in endpoints:  # RFQ pages are the buyer's; the evidence says enough
        return None
    endpoint, arg = endpoints[flag.subject_type]
    return endpoint, {arg: flag.subject_id}
