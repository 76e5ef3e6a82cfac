"""State machines as data: labelled enums stored as text with a CHECK, one transition table,
one `transition()` that refuses illegal moves, and a history row per change."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.core.db import UTCDateTime, utcnow
from marketplace.core.errors import Conflict
from marketplace.extensions import Base, db


class LabelledEnum(str, enum.Enum):
    """A str enum whose members carry a translatable label: `Kind.SELLER = ("seller", _l("Seller"))`."""

    def __new__(cls, value: str, label: Any = None):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label if label is not None else value
        return obj

    def __str__(self) -> str:
        return self.value

    @classmethod
    def choices(cls) -> list[tuple[str, Any]]:
        return [(m.value, m.label) for m in cls]


def enum_type(enum_cls: type[LabelledEnum], name: str) -> sa.Enum:
    """Stored as VARCHAR with a CHECK constraint named ck_<table>_<name> (portable, no native enum)."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls) + 8,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class StateChange(Base):
    """One row per state change of any workflow-driven object (who, when, from, to, why)."""

    __tablename__ = "state_changes"
    __table_args__ = (sa.Index("ix_state_changes_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_type: Mapped[str] = mapped_column(sa.String(64))
    subject_id: Mapped[int] = mapped_column(sa.BigInteger)
    from_state: Mapped[str | None] = mapped_column(sa.String(40))
    to_state: Mapped[str] = mapped_column(sa.String(40))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(sa.Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class IllegalTransition(Conflict):
    code = "illegal_transition"

    def __init__(self, workflow: Workflow, current, target):
        super().__init__(
            _l(
                "This cannot move from “%(current)s” to “%(target)s”.",
                current=getattr(current, "label", current),
                target=getattr(target, "label", target),
            )
        )
        self.workflow = workflow
        self.current = current
        self.target = target


S = TypeVar("S", bound="LabelledEnum")


class Workflow(Generic[S]):
    """The transition table of one workflow and the only way to change that state."""

    def __init__(
        self,
        subject_type: str,
        states: type[S],
        transitions: Mapping[S, Iterable[S]],
        *,
        attr: str = "state",
    ):
        self.subject_type = subject_type
        self.states = states
        self.attr = attr
        self.transitions: dict[S, frozenset[S]] = {s: frozenset() for s in states}
        for src, targets in transitions.items():
            self.transitions[src] = frozenset(targets)

    def current(self, obj) -> S:
        return self.states(getattr(obj, self.attr))

    def can(self, obj, target: S) -> bool:
        return target in self.transitions[self.current(obj)]

    def allowed(self, obj) -> list[S]:
        return [s for s in self.states if s in self.transitions[self.current(obj)]]

    def start(self, obj, initial: S, *, actor=None, reason: str | None = None) -> StateChange:
        """Record the initial state of a new object."""
        setattr(obj, self.attr, initial)
        return self._record(obj, None, initial, actor, reason)

    def transition(self, obj, target: S, *, actor=None, reason: str | None = None) -> StateChange:
        target = self.states(target)
        current = self.current(obj)
        if target not in self.transitions[current]:
            raise IllegalTransition(self, current, target)
        setattr(obj, self.attr, target)
        return self._record(obj, current, target, actor, reason)

    def _record(self, obj, current, target, actor, reason) -> StateChange:
        if obj.id is None:
            db.session.add(obj)
            db.session.flush()
        change = StateChange(
            subject_type=self.subject_type,
            subject_id=obj.id,
            from_state=current.value if current is not None else None,
            to_state=target.value,
            actor_id=getattr(actor, "id", None),
            reason=reason,
        )
        db.session.add(change)
        db.session.flush()
        return change

    def history(self, obj) -> list[StateChange]:
        return list(
            db.session.scalars(
                sa.select(StateChange)
                .where(
                    StateChange.subject_type == self.subject_type,
                    StateChange.subject_id == obj.id,
                )
                .order_by(StateChange.id)
            )
        )
