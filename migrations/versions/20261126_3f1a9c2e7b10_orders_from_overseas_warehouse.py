"""Orders fulfilled from an overseas warehouse: the warehouse whose stock the order reserves

Revision ID: 3f1a9c2e7b10
Revises: cbbcac1609ae
Create Date: 2026-11-26 08:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3f1a9c2e7b10'
down_revision = 'cbbcac1609ae'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('warehouse_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_orders_warehouse_id'), ['warehouse_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_orders_warehouse_id_warehouses'), 'warehouses', ['warehouse_id'], ['id'],
            ondelete='RESTRICT'
        )


def downgrade():
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_orders_warehouse_id_warehouses'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_orders_warehouse_id'))
        batch_op.drop_column('warehouse_id')
