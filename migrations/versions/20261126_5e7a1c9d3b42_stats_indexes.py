"""Statistics: indexes on the timestamps the pilot-zone figures select periods by

Revision ID: 5e7a1c9d3b42
Revises: f6a13ad228d5
Create Date: 2026-11-26 09:40:00

"""

from alembic import op

revision = "5e7a1c9d3b42"
down_revision = "f6a13ad228d5"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_stats_state_changes_type_to_at",
        "state_changes",
        ["subject_type", "to_state", "at", "subject_id"],
        unique=False,
    )
    op.create_index("ix_stats_orders_placed_at", "orders", ["placed_at"], unique=False)
    op.create_index("ix_stats_rfqs_created_at", "rfqs", ["created_at"], unique=False)
    op.create_index(
        "ix_stats_customs_declarations_created_at", "customs_declarations", ["created_at"], unique=False
    )


def downgrade():
    op.drop_index("ix_stats_customs_declarations_created_at", table_name="customs_declarations")
    op.drop_index("ix_stats_rfqs_created_at", table_name="rfqs")
    op.drop_index("ix_stats_orders_placed_at", table_name="orders")
    op.drop_index("ix_stats_state_changes_type_to_at", table_name="state_changes")
