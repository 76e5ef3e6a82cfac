"""Database plumbing shared by every module: UTC timestamps, mixins, the request commit boundary."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask, g
from sqlalchemy import DateTime, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.types import TypeDecorator

from marketplace.extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC timestamp on every backend (SQLite stores it naive, in UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    # Only for SQLite: enforce foreign keys and let concurrent writers wait instead of failing.
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL never corrupts the database; it fsyncs at checkpoints instead of at every
        # commit (a power cut may lose the last commits, a crashed process loses nothing). One fsync
        # per outbox job was most of the worker's time on SQLite.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


@event.listens_for(Engine, "savepoint")
def _sqlite_savepoint_inside_a_transaction(conn, name):
    """SQLite's Python driver begins a transaction only before the first INSERT/UPDATE/DELETE, so a
    SAVEPOINT issued before any write would itself become the outermost transaction and its RELEASE
    would commit everything done so far, even if the request later fails. Begin the real
    transaction first, so a savepoint is only ever a savepoint."""
    dbapi_connection = conn.connection.dbapi_connection
    if type(dbapi_connection).__module__.startswith("sqlite3") and not dbapi_connection.in_transaction:
        dbapi_connection.execute("BEGIN")


def after_commit(callback) -> None:
    """Run `callback()` once the current transaction commits (never if it rolls back)."""
    db.session.info.setdefault("after_commit", []).append(callback)


@event.listens_for(Session, "after_commit")
def _run_after_commit(session):
    for callback in session.info.pop("after_commit", []):
        callback()


@event.listens_for(Session, "after_soft_rollback")
def _drop_after_commit(session, previous_transaction):
    if previous_transaction.parent is None:  # the outermost transaction rolled back
        session.info.pop("after_commit", None)


@event.listens_for(Session, "after_flush")
def _note_write(session, flush_context):
    session.info["wrote"] = True


def mark_rollback() -> None:
    """Make the request end with a rollback: called by every error handler."""
    g._rollback_only = True


def init_app(app: Flask) -> None:
    @app.after_request
    def _commit_boundary(response):
        # The one commit of a request: services only flush. Error responses roll back. A request
        # that wrote nothing does not commit (its session is simply closed at teardown).
        session = db.session()
        if g.pop("_rollback_only", False) or response.status_code >= 500:
            session.rollback()
        elif session.info.get("wrote") or session.new or session.dirty or session.deleted:
            session.commit()
        session.info.pop("wrote", None)
        return response
