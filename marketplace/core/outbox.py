"""Transactional outbox: jobs are rows written in the business transaction and run after commit
by `flask worker`, with retries, exponential backoff, a lease, and a dead-letter state.

Several workers (on several machines) share the table: on PostgreSQL they claim rows with
`FOR UPDATE SKIP LOCKED`; on SQLite (one writer at a time) a compare-and-set UPDATE does the same.
Delivery is at-least-once: a handler must be idempotent (the job id is a natural key).

An idle worker sleeps in `Wakeup.wait`: on PostgreSQL it LISTENs on the `outbox` channel, which
`enqueue` NOTIFYs in the business transaction (delivered at commit), so a job starts within
milliseconds of the commit; on SQLite it polls.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.core.db import UTCDateTime, utcnow
from marketplace.core.states import LabelledEnum, enum_type
from marketplace.extensions import Base, db

log = logging.getLogger(__name__)
NOTIFY_CHANNEL = "outbox"


class JobStatus(LabelledEnum):
    PENDING = ("pending", _l("Pending"))
    RUNNING = ("running", _l("Running"))
    DONE = ("done", _l("Done"))
    DEAD = ("dead", _l("Failed permanently"))


class OutboxJob(Base):
    __tablename__ = "outbox_jobs"
    __table_args__ = (sa.Index("ix_outbox_jobs_due", "status", "run_after"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(200), unique=True)
    status: Mapped[JobStatus] = mapped_column(enum_type(JobStatus, "status"), default=JobStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    max_attempts: Mapped[int] = mapped_column(default=6)
    run_after: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_by: Mapped[str | None] = mapped_column(sa.String(120))
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WorkerHeartbeat(Base):
    __tablename__ = "worker_heartbeats"

    worker_id: Mapped[str] = mapped_column(sa.String(120), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


Handler = Callable[[OutboxJob], None]
_HANDLERS: dict[str, Handler] = {}


@dataclass
class Periodic:
    name: str
    every: timedelta
    func: Callable[[], None]


_PERIODIC: dict[str, Periodic] = {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    """Register the function that runs jobs of `kind`."""

    def register(func: Handler) -> Handler:
        _HANDLERS[kind] = func
        return func

    return register


def periodic(name: str, every: timedelta) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Register a task each worker runs every `every` (it must be idempotent)."""

    def register(func: Callable[[], None]) -> Callable[[], None]:
        _PERIODIC[name] = Periodic(name, every, func)
        return func

    return register


def enqueue(
    kind: str,
    payload: dict[str, Any],
    *,
    key: str | None = None,
    delay: timedelta | None = None,
    max_attempts: int | None = None,
) -> OutboxJob:
    """Queue a job in the current transaction: it runs only if that transaction commits.

    With `key`, queueing the same key again returns the existing job instead of a second one.
    """
    if kind not in _HANDLERS:
        raise KeyError(f"no outbox handler registered for {kind!r}")
    if key is not None:
        existing = db.session.scalar(sa.select(OutboxJob).where(OutboxJob.idempotency_key == key))
        if existing is not None:
            return existing
    job = OutboxJob(
        kind=kind,
        payload=payload,
        idempotency_key=key,
        status=JobStatus.PENDING,
        attempts=0,
        max_attempts=max_attempts or current_app.config["OUTBOX_MAX_ATTEMPTS"],
        run_after=utcnow() + (delay or timedelta(0)),
    )
    db.session.add(job)
    db.session.flush()
    if db.session.get_bind().dialect.name == "postgresql" and not delay:
        db.session.execute(sa.text(f"NOTIFY {NOTIFY_CHANNEL}"))  # sent at commit; folded per transaction
    return job


def backoff(attempts: int) -> timedelta:
    base = float(current_app.config["OUTBOX_BACKOFF_BASE"])
    return timedelta(seconds=base * (2 ** max(attempts - 1, 0)))


class Worker:
    """Drains the outbox. One instance per process; safe to run many processes at once."""

    def __init__(self, worker_id: str | None = None, batch_size: int = 20):
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}"
        self.batch_size = batch_size
        self._periodic_due: dict[str, datetime] = {}

    # -- claiming ---------------------------------------------------------------------------
    def _due_clause(self, now: datetime):
        return sa.or_(
            sa.and_(OutboxJob.status == JobStatus.PENDING, OutboxJob.run_after <= now),
            sa.and_(OutboxJob.status == JobStatus.RUNNING, OutboxJob.locked_until < now),
        )

    def claim(self) -> list[int]:
        """Take up to batch_size due jobs (including ones whose lease expired) and commit the lease."""
        now = utcnow()
        lease = now + timedelta(seconds=current_app.config["OUTBOX_LEASE_SECONDS"])
        query = (
            sa.select(OutboxJob.id)
            .where(self._due_clause(now))
            .order_by(OutboxJob.run_after, OutboxJob.id)
            .limit(self.batch_size)
        )
        claimed: list[int] = []
        try:
            if db.engine.dialect.name == "postgresql":
                ids = list(db.session.scalars(query.with_for_update(skip_locked=True)))
                if ids:
                    db.session.execute(
                        sa.update(OutboxJob)
                        .where(OutboxJob.id.in_(ids))
                        .values(
                            status=JobStatus.RUNNING,
                            locked_by=self.worker_id,
                            locked_until=lease,
                            attempts=OutboxJob.attempts + 1,
                        )
                    )
                claimed = ids
            else:
                for job_id in db.session.scalars(query).all():
                    result = db.session.execute(
                        sa.update(OutboxJob)
                        .where(OutboxJob.id == job_id, self._due_clause(now))
                        .values(
                            status=JobStatus.RUNNING,
                            locked_by=self.worker_id,
                            locked_until=lease,
                            attempts=OutboxJob.attempts + 1,
                        )
                    )
                    if result.rowcount == 1:
                        claimed.append(job_id)
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
        return claimed

    # -- running ----------------------------------------------------------------------------
    def run_job(self, job_id: int) -> bool:
        """Run one claimed job; its handler's writes commit together with the 'done' mark."""
        # Locked while it runs (PostgreSQL): if its lease expires meanwhile, other workers' SKIP LOCKED
        # claims pass it by instead of running it a second time at once.
        job = db.session.get(OutboxJob, job_id, with_for_update=True, populate_existing=True)
        if job is None or job.status != JobStatus.RUNNING or job.locked_by != self.worker_id:
            db.session.rollback()
            return False
        try:
            func = _HANDLERS.get(job.kind)
            if func is None:
                raise LookupError(f"no handler for job kind {job.kind!r}")
            if db.engine.dialect.name == "postgresql":
                # The job's commit does not wait for the WAL flush: if the database itself crashes
                # in the next fraction of a second, the job is not marked done and its handler's writes
                # are gone with it, so the job runs again - what at-least-once delivery already
                # promises. Atomicity is unchanged. (One WAL flush per job was most of its cost.)
                db.session.execute(sa.text("SET LOCAL synchronous_commit TO OFF"))
            func(job)
            job.status = JobStatus.DONE
            job.finished_at = utcnow()
            job.locked_until = None
            job.last_error = None
            db.session.commit()
            return True
        except Exception:
            error = traceback.format_exc(limit=8)
            db.session.rollback()
            self._record_failure(job_id, error)
            return False

    def _record_failure(self, job_id: int, error: str) -> None:
        job = db.session.get(OutboxJob, job_id)
        if job is None:
            return
        job.last_error = error[-4000:]
        job.locked_until = None
        if job.attempts >= job.max_attempts:
            job.status = JobStatus.DEAD
            job.finished_at = utcnow()
            log.error("outbox job %s (%s) dead after %s attempts", job.id, job.kind, job.attempts)
        else:
            job.status = JobStatus.PENDING
            job.run_after = utcnow() + backoff(job.attempts)
            log.warning("outbox job %s (%s) failed, attempt %s", job.id, job.kind, job.attempts)
        db.session.commit()

    def heartbeat(self) -> None:
        now = utcnow()
        beat = db.session.get(WorkerHeartbeat, self.worker_id)
        if beat is None:
            db.session.add(WorkerHeartbeat(worker_id=self.worker_id, started_at=now, seen_at=now))
        else:
            beat.seen_at = now
        db.session.commit()

    def run_periodic(self) -> None:
        now = utcnow()
        for task in _PERIODIC.values():
            if self._periodic_due.get(task.name, now) > now:
                continue
            self._periodic_due[task.name] = now + task.every
            try:
                task.func()
                db.session.commit()
            except Exception:
                db.session.rollback()
                log.exception("periodic task %s failed", task.name)

    def drain(self, max_batches: int | None = None) -> int:
        """Run due jobs until none are left (or max_batches); return how many ran."""
        ran = 0
        batches = 0
        while max_batches is None or batches < max_batches:
            ids = self.claim()
            if not ids:
                break
            batches += 1
            for job_id in ids:
                self.run_job(job_id)
                ran += 1
        return ran

    def stop(self) -> None:
        db.session.execute(sa.delete(WorkerHeartbeat).where(WorkerHeartbeat.worker_id == self.worker_id))
        db.session.commit()


class Wakeup:
    """How an idle worker waits for work: until a job is queued (PostgreSQL LISTEN/NOTIFY, on a
    dedicated autocommit connection) or `interval` seconds pass. If the listening connection fails,
    the worker falls back to polling and tries to listen again on the next wait."""

    def __init__(self, engine: sa.Engine):
        self._url = engine.url if engine.dialect.name == "postgresql" else None
        self._conn: Any = None

    def _listen(self) -> Any:
        if self._conn is None and self._url is not None:
            import psycopg

            url = self._url.set(drivername="postgresql").render_as_string(hide_password=False)
            try:
                self._conn = psycopg.connect(url, autocommit=True)
                self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
            except psycopg.Error:
                log.warning("cannot LISTEN for outbox jobs; polling instead", exc_info=True)
                self.close()
        return self._conn

    def wait(self, interval: float) -> bool:
        """Sleep up to `interval` seconds; True if woken by a queued job."""
        conn = self._listen()
        if conn is None:
            time.sleep(interval)
            return False
        import psycopg

        try:
            for _notify in conn.notifies(timeout=interval, stop_after=1):
                return True
        except psycopg.Error:
            log.warning("outbox LISTEN connection lost; polling until it comes back", exc_info=True)
            self.close()
        return False

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None


def worker_status() -> dict[str, Any]:
    stale = utcnow() - timedelta(seconds=current_app.config["WORKER_HEARTBEAT_STALE"])
    alive = db.session.scalar(
        sa.select(sa.func.count()).select_from(WorkerHeartbeat).where(WorkerHeartbeat.seen_at >= stale)
    )
    counts = dict(
        db.session.execute(
            sa.select(OutboxJob.status, sa.func.count())
            .where(OutboxJob.status.in_([JobStatus.PENDING, JobStatus.RUNNING, JobStatus.DEAD]))
            .group_by(OutboxJob.status)
        ).all()
    )
    return {
        "workers_alive": alive or 0,
        "jobs_pending": counts.get(JobStatus.PENDING, 0),
        "jobs_running": counts.get(JobStatus.RUNNING, 0),
        "jobs_dead": counts.get(JobStatus.DEAD, 0),
    }
