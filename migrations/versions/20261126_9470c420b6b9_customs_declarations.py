"""Customs declarations, messages and receipts

Revision ID: 9470c420b6b9
Revises: b28999514287
Create Date: 2026-11-26 07:25:38.866944

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9470c420b6b9'
down_revision = 'b28999514287'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('customs_declarations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_kind', sa.Enum('shipment', 'booking', name='source_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('source_id', sa.BigInteger(), nullable=False),
    sa.Column('mode', sa.String(length=4), nullable=False),
    sa.Column('route', sa.Enum('list', 'full', name='route', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('state', sa.Enum('submitted', 'accepted', 'entered', 'review', 'inspection', 'released', 'closed', 'rejected', 'failed', 'broker', 'cancel_requested', 'cancelled', name='state', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('order_no', sa.String(length=60), nullable=False),
    sa.Column('waybill_no', sa.String(length=32), nullable=False),
    sa.Column('cop_no', sa.String(length=30), nullable=False),
    sa.Column('seller_code', sa.String(length=18), nullable=False),
    sa.Column('input_data', sa.JSON(), nullable=False),
    sa.Column('route_data', sa.JSON(), nullable=False),
    sa.Column('handoff', sa.JSON(), nullable=True),
    sa.Column('entry_no', sa.String(length=18), nullable=True),
    sa.Column('pre_no', sa.String(length=18), nullable=True),
    sa.Column('invt_no', sa.String(length=20), nullable=True),
    sa.Column('rejection_reason', sa.Text(), nullable=True),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customs_declarations')),
    sa.UniqueConstraint('source_kind', 'source_id', name=op.f('uq_customs_declarations_source_kind_source_id'))
    )
    with op.batch_alter_table('customs_declarations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customs_declarations_order_no'), ['order_no'], unique=False)
        batch_op.create_index('ix_customs_declarations_state_created', ['state', 'created_at'], unique=False)

    op.create_table('customs_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('declaration_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=6), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('head_guid', sa.String(length=36), nullable=False),
    sa.Column('app_type', sa.String(length=1), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('xml', sa.Text(), nullable=False),
    sa.Column('valid', sa.Boolean(), nullable=False),
    sa.Column('validation_errors', sa.JSON(), nullable=False),
    sa.Column('signature', sa.Enum('unsigned', 'signed', name='signature', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('delivery', sa.Enum('pending', 'delivered', 'refused', name='delivery', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['declaration_id'], ['customs_declarations.id'], name=op.f('fk_customs_messages_declaration_id_customs_declarations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customs_messages')),
    sa.UniqueConstraint('guid', name=op.f('uq_customs_messages_guid')),
    sa.UniqueConstraint('head_guid', name=op.f('uq_customs_messages_head_guid'))
    )
    with op.batch_alter_table('customs_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customs_messages_declaration_id'), ['declaration_id'], unique=False)

    op.create_table('customs_receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('declaration_id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=6), nullable=False),
    sa.Column('head_guid', sa.String(length=36), nullable=False),
    sa.Column('return_status', sa.String(length=10), nullable=False),
    sa.Column('return_time', sa.String(length=17), nullable=False),
    sa.Column('return_info', sa.Text(), nullable=False),
    sa.Column('pre_no', sa.String(length=18), nullable=True),
    sa.Column('invt_no', sa.String(length=20), nullable=True),
    sa.Column('moved_to', sa.String(length=40), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['declaration_id'], ['customs_declarations.id'], name=op.f('fk_customs_receipts_declaration_id_customs_declarations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['message_id'], ['customs_messages.id'], name=op.f('fk_customs_receipts_message_id_customs_messages'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customs_receipts')),
    sa.UniqueConstraint('head_guid', 'return_status', 'return_time', name=op.f('uq_customs_receipts_head_guid_return_status_return_time'))
    )
    with op.batch_alter_table('customs_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customs_receipts_declaration_id'), ['declaration_id'], unique=False)



def downgrade():
    with op.batch_alter_table('customs_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customs_receipts_declaration_id'))

    op.drop_table('customs_receipts')
    with op.batch_alter_table('customs_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customs_messages_declaration_id'))

    op.drop_table('customs_messages')
    with op.batch_alter_table('customs_declarations', schema=None) as batch_op:
        batch_op.drop_index('ix_customs_declarations_state_created')
        batch_op.drop_index(batch_op.f('ix_customs_declarations_order_no'))

    op.drop_table('customs_declarations')
