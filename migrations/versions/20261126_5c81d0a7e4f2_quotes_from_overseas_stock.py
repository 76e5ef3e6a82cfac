"""Quotes that ship from the seller's stock in an overseas warehouse

Revision ID: 5c81d0a7e4f2
Revises: 3f1a9c2e7b10
Create Date: 2026-11-26 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c81d0a7e4f2'
down_revision = '3f1a9c2e7b10'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quote_revisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('warehouse_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_quote_revisions_warehouse_id_warehouses'), 'warehouses', ['warehouse_id'], ['id'],
            ondelete='RESTRICT'
        )


def downgrade():
    with op.batch_alter_table('quote_revisions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_quote_revisions_warehouse_id_warehouses'), type_='foreignkey')
        batch_op.drop_column('warehouse_id')
