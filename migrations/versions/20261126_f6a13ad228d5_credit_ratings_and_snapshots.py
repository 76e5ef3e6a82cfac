"""Seller credit: buyer ratings of completed orders (one per order) and credit profile snapshots

Revision ID: f6a13ad228d5
Revises: 7d2e5b19c4a8
Create Date: 2026-11-26 09:31:26.071937

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f6a13ad228d5'
down_revision = '7d2e5b19c4a8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('credit_snapshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seller_id', sa.Integer(), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('components', sa.JSON(), nullable=False),
    sa.Column('score', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('grade', sa.Enum('A', 'B', 'C', 'D', 'new', name='grade', native_enum=False, create_constraint=True, length=11), nullable=False),
    sa.Column('trigger', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['seller_id'], ['companies.id'], name=op.f('fk_credit_snapshots_seller_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_snapshots'))
    )
    with op.batch_alter_table('credit_snapshots', schema=None) as batch_op:
        batch_op.create_index('ix_credit_snapshots_seller_computed', ['seller_id', 'computed_at'], unique=False)

    op.create_table('credit_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('seller_id', sa.Integer(), nullable=False),
    sa.Column('buyer_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('overall', sa.SmallInteger(), nullable=False),
    sa.Column('as_described', sa.SmallInteger(), nullable=False),
    sa.Column('communication', sa.SmallInteger(), nullable=False),
    sa.Column('on_time', sa.SmallInteger(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('comment_language', sa.String(length=5), nullable=False),
    sa.Column('state', sa.Enum('visible', 'hidden', name='state', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('hidden_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reply', sa.Text(), nullable=True),
    sa.Column('reply_language', sa.String(length=5), nullable=True),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('replied_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('as_described BETWEEN 1 AND 5', name=op.f('ck_credit_ratings_as_described_stars')),
    sa.CheckConstraint('communication BETWEEN 1 AND 5', name=op.f('ck_credit_ratings_communication_stars')),
    sa.CheckConstraint('on_time BETWEEN 1 AND 5', name=op.f('ck_credit_ratings_on_time_stars')),
    sa.CheckConstraint('overall BETWEEN 1 AND 5', name=op.f('ck_credit_ratings_overall_stars')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_credit_ratings_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['buyer_id'], ['companies.id'], name=op.f('fk_credit_ratings_buyer_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_credit_ratings_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['replied_by_id'], ['users.id'], name=op.f('fk_credit_ratings_replied_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['seller_id'], ['companies.id'], name=op.f('fk_credit_ratings_seller_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_ratings')),
    sa.UniqueConstraint('order_id', name=op.f('uq_credit_ratings_order_id'))
    )
    with op.batch_alter_table('credit_ratings', schema=None) as batch_op:
        batch_op.create_index('ix_credit_ratings_seller_created', ['seller_id', 'created_at'], unique=False)



def downgrade():
    with op.batch_alter_table('credit_ratings', schema=None) as batch_op:
        batch_op.drop_index('ix_credit_ratings_seller_created')

    op.drop_table('credit_ratings')
    with op.batch_alter_table('credit_snapshots', schema=None) as batch_op:
        batch_op.drop_index('ix_credit_snapshots_seller_computed')

    op.drop_table('credit_snapshots')
