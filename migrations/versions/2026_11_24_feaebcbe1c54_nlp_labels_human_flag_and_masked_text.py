"""Submissions keep whether a person set their labels, and their text with personal data masked.

Revision ID: feaebcbe1c54
Revises: f4827b89e0e7
Create Date: 2026-11-24 06:47:35.685662

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'feaebcbe1c54'
down_revision = 'f4827b89e0e7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('labelled_by_human', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('masked_text', sa.Text(), nullable=True))



def downgrade():
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_column('masked_text')
        batch_op.drop_column('labelled_by_human')

