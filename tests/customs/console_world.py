"""Declarations in every situation the customs console shows, built through the real services."""

from __future__ import annotations

import itertools
from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa

from customs.customs_factories import booking_input, chemical_line, declaration_input
from marketplace.core.db import utcnow
from marketplace.core.outbox import JobStatus, OutboxJob
from marketplace.customs import services
from marketplace.customs.models import SourceKind
from marketplace.extensions import db

_source = itertools.count(1000)
_clock = itertools.count(1)


def declare(n: int, *, kind=SourceKind.SHIPMENT, source_id=None, age=timedelta(0), **overrides):
    """A declaration whose order, waybill and list numbers end in `n`, created `age` ago."""
    make = booking_input if kind == SourceKind.BOOKING else declaration_input
    prefix = "BK" if kind == SourceKind.BOOKING else "ORD"
    inp = make(reference=f"{prefix}-2026-{n:06d}", waybill_no=f"EL2026112{n:06d}", **overrides)
    decl = services.submit(inp, kind, source_id or next(_source))
    decl.created_at = utcnow() - age
    for message in decl.messages:
        message.created_at = decl.created_at
    db.session.flush()
    return decl


def full_route(n: int, **kw):
    return declare(n, lines=(chemical_line(price=Decimal("200")),), **kw)  # 8,000 CNY: broker


def list_message(decl):
    return next(x for x in decl.messages if x.kind == "CEB603" and x.revision == decl.revision)


def receipt(decl, status, info="ok", *, invt_no=None, pre_no=None, kind="CEB604"):
    return services.apply_receipt(
        kind=kind,
        head_guid=list_message(decl).head_guid,
        return_status=status,
        return_time=f"20261126{next(_clock):09d}",
        return_info=info,
        invt_no=invt_no,
        pre_no=pre_no,
    )


def released(n: int, **kw):
    decl = declare(n, **kw)
    receipt(decl, "2", "新增申报成功", pre_no=f"B2026112600000{n:04d}")
    receipt(decl, "120", invt_no=f"07022026E00000{n:04d}")
    receipt(decl, "800", "[Code:2600;Desc:放行]")
    return decl


def rejected(n: int, reason="[Code:1300;Desc:商品编码与申报品名不符]", **kw):
    decl = declare(n, **kw)
    receipt(decl, "100", reason)
    return decl


def dead_letter(decl, kind="CEB505"):
    message = next(x for x in decl.messages if x.kind == kind)
    job = db.session.scalar(
        sa.select(OutboxJob).where(OutboxJob.idempotency_key == f"customs.send:{message.guid}")
    )
    job.status, job.attempts, job.last_error = JobStatus.DEAD, job.max_attempts, "HTTP 503"
    db.session.flush()
    return job
