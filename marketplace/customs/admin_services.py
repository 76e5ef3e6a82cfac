"""What a platform admin may do to a declaration from the console. Each operation checks that the actor
is an admin, changes nothing when it refuses, writes an audit entry, and flushes (never commits)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from marketplace.core import audit
from marketplace.core.db import utcnow
from marketplace.core.errors import Conflict, PermissionDenied
from marketplace.core.outbox import JobStatus, OutboxJob
from marketplace.customs import services, transport
from marketplace.customs.inputs import from_json
from marketplace.customs.models import Declaration, DeclarationMessage, Delivery, SourceKind
from marketplace.extensions import db


def _require_admin(actor) -> None:
    if not getattr(actor, "is_admin", False):
        raise PermissionDenied()


def _seller_id(decl: Declaration) -> int | None:
    from marketplace.shipments.models import Shipment
    from marketplace.warehouses.models import ReplenishmentBooking

    model = Shipment if decl.source_kind == SourceKind.SHIPMENT else ReplenishmentBooking
    return db.session.scalar(sa.select(model.seller_id).where(model.id == decl.source_id))


def _audit(action: str, actor, decl: Declaration, **details) -> None:
    audit.record(
        action, actor=actor, subject=decl, company_id=_seller_id(decl), order_no=decl.order_no, **details
    )


def retryable_jobs(decl: Declaration) -> list[tuple[DeclarationMessage, OutboxJob]]:
    """Send jobs worth running again: dead-lettered, or failed and waiting for their next attempt, of
    messages the platform has not acknowledged. A delivered message is never queued again, so an
    acknowledged new (appType 1) message cannot be sent twice as new."""
    pending = {f"{services.SEND_JOB}:{x.guid}": x for x in decl.messages if x.delivery == Delivery.PENDING}
    if not pending:
        return []
    jobs = db.session.scalars(
        sa.select(OutboxJob)
        .where(OutboxJob.idempotency_key.in_(list(pending)))
        .where(
            sa.or_(
                OutboxJob.status == JobStatus.DEAD,
                sa.and_(OutboxJob.status == JobStatus.PENDING, OutboxJob.attempts > 0),
            )
        )
        .order_by(OutboxJob.id)
    )
    return [(pending[j.idempotency_key], j) for j in jobs]


def retry_delivery(actor, decl: Declaration) -> int:
    """Re-queue the failed or dead-lettered send jobs of the declaration's undelivered messages, due
    now with a fresh attempt budget. Returns how many jobs were re-queued."""
    _require_admin(actor)
    found = retryable_jobs(decl)
    if not found:
        raise Conflict(
            _l("Nothing to retry: every message is delivered or already waiting for its first attempt."),
            code="customs_nothing_to_retry",
        )
    now = utcnow()
    for _message, job in found:
        job.status = JobStatus.PENDING
        job.attempts = 0
        job.run_after = now
        job.locked_by = None
        job.locked_until = None
        job.finished_at = None
    db.session.flush()
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(sa.text("NOTIFY outbox"))  # wake an idle worker at commit
    _audit(
        "customs.delivery_retried",
        actor,
        decl,
        messages=[f"{message.kind} {message.guid}" for message, _job in found],
    )
    return len(found)


def resubmit(actor, decl: Declaration) -> Declaration:
    """Resubmit a rejected (or technically failed) declaration as a change (appType 2) from its stored
    input, which holds the seller's correction when there is one."""
    _require_admin(actor)
    previous = decl.rejection_reason
    services.resubmit(decl, from_json(decl.input_data), actor=actor)
    _audit("customs.resubmitted", actor, decl, revision=decl.revision, rejection=previous)
    return decl


def cancel(actor, decl: Declaration, reason: str) -> DeclarationMessage:
    """Ask customs to cancel a numbered list (CEB605 with the reason)."""
    _require_admin(actor)
    message = services.cancel(decl, reason, actor=actor)
    _audit("customs.cancel_requested", actor, decl, reason=decl.cancel_reason, guid=message.guid)
    return message


def record_entry(actor, decl: Declaration, entry_no: str) -> None:
    """Record the entry number of the broker's full declaration."""
    _require_admin(actor)
    services.record_entry(decl, entry_no, actor=actor)
    _audit("customs.entry_recorded", actor, decl, entry_no=decl.entry_no)


def poll_receipts(actor) -> int:
    """Ask the platform now for the receipts of every open declaration (the worker's periodic task)."""
    _require_admin(actor)
    if not current_app.config.get("SERVICE_PLATFORM_URL"):
        raise Conflict(
            _l("The service platform's address is not configured, so there is nothing to poll."),
            code="customs_no_platform",
        )
    applied = transport.poll_receipts()
    audit.record("customs.receipts_polled", actor=actor, applied=applied)
    return applied
