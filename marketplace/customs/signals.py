"""In-process signals of the customs module, so the modules a declaration belongs to (shipments,
bookings) react to its progress without customs importing them."""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

# Sent (sender = the Declaration) inside the transaction that moved it, after the move is flushed:
# a receipt applied, or the broker's entry number recorded. Receivers flush, never commit.
declaration_moved = _signals.signal("customs.declaration-moved")
