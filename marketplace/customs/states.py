"""The declaration workflow, driven by the platform's receipts (`returnStatus`)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from marketplace.core.states import LabelledEnum, Workflow


class DeclarationState(LabelledEnum):
    SUBMITTED = ("submitted", _l("Submitted to the platform"))
    ACCEPTED = ("accepted", _l("Accepted by the e-port"))  # 2
    ENTERED = ("entered", _l("Entered by customs"))  # 120
    REVIEW = ("review", _l("Manual review by customs"))  # 300
    INSPECTION = ("inspection", _l("Inspection ordered"))  # 500
    RELEASED = ("released", _l("Released by customs"))  # 800
    CLOSED = ("closed", _l("Cleared and closed"))  # 899
    REJECTED = ("rejected", _l("Rejected by customs"))  # 100
    FAILED = ("failed", _l("Technical error"))  # negative returnStatus
    BROKER = ("broker", _l("Awaiting the broker's full declaration"))
    CANCEL_REQUESTED = ("cancel_requested", _l("Cancellation requested"))
    CANCELLED = ("cancelled", _l("Cancelled"))


S = DeclarationState

# Receipts move a declaration forward only: a lower or equal rank never moves it back.
PROGRESS = (S.SUBMITTED, S.ACCEPTED, S.ENTERED, S.REVIEW, S.INSPECTION, S.RELEASED, S.CLOSED)
RANK = {state: n for n, state in enumerate(PROGRESS)}

STATUS_TARGET = {
    "2": S.ACCEPTED,
    "120": S.ENTERED,
    "300": S.REVIEW,
    "500": S.INSPECTION,
    "800": S.RELEASED,
    "899": S.CLOSED,
    "100": S.REJECTED,
}

FINAL = frozenset({S.CLOSED, S.CANCELLED})
CANCELLABLE = frozenset({S.ENTERED, S.REVIEW, S.INSPECTION, S.RELEASED})

_transitions: dict[DeclarationState, set[DeclarationState]] = {}
for _n, _state in enumerate(PROGRESS):
    _transitions[_state] = set(PROGRESS[_n + 1 :])
    if _state not in (S.RELEASED, S.CLOSED):
        _transitions[_state] |= {S.REJECTED, S.FAILED}
for _state in CANCELLABLE:
    _transitions[_state].add(S.CANCEL_REQUESTED)
_transitions[S.REJECTED] = {S.SUBMITTED}
_transitions[S.FAILED] = {S.SUBMITTED}
_transitions[S.BROKER] = {S.ENTERED}
_transitions[S.CANCEL_REQUESTED] = {S.CANCELLED, *CANCELLABLE}

DECLARATION_WORKFLOW = Workflow("customs_declaration", DeclarationState, _transitions)


def target_for(return_status: str) -> DeclarationState | None:
    """The state a receipt status leads to (None for informational ones such as 1, 3, 399)."""
    status = return_status.strip()
    if status.startswith("-"):
        return S.FAILED
    return STATUS_TARGET.get(status)
