"""Port of discharge (POD) the seller gives when declaring a shipment or booking to customs

Revision ID: 7d2e5b19c4a8
Revises: 5c81d0a7e4f2
Create Date: 2026-11-26 09:45:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7d2e5b19c4a8'
down_revision = '5c81d0a7e4f2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('destination_port', sa.String(length=4), nullable=True))
    with op.batch_alter_table('replenishment_bookings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('destination_port', sa.String(length=4), nullable=True))


def downgrade():
    with op.batch_alter_table('replenishment_bookings', schema=None) as batch_op:
        batch_op.drop_column('destination_port')
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.drop_column('destination_port')
