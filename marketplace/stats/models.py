"""The indexes the statistics need on other modules' tables (this module owns no table): each
figure selects a period by one timestamp, so each of those timestamps is indexed."""

from __future__ import annotations

import sqlalchemy as sa

from marketplace.core.states import StateChange
from marketplace.customs.models import Declaration
from marketplace.orders.models import Order
from marketplace.rfq.models import Rfq

# Completions and releases by day: state_changes filtered by workflow and target state, then time.
sa.Index(
    "ix_stats_state_changes_type_to_at",
    StateChange.subject_type,
    StateChange.to_state,
    StateChange.at,
    StateChange.subject_id,
)
sa.Index("ix_stats_orders_placed_at", Order.placed_at)
sa.Index("ix_stats_rfqs_created_at", Rfq.created_at)
sa.Index("ix_stats_customs_declarations_created_at", Declaration.created_at)
