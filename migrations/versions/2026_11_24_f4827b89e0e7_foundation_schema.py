"""Foundation schema: areas, villages, pseudonymous citizens, strategies, submissions and photos.

Revision ID: f4827b89e0e7
Revises: 
Create Date: 2026-11-24 06:30:41.608788

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f4827b89e0e7'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('citizens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_phone', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citizens'))
    )
    op.create_table('provinces',
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.Column('name_th', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_provinces'))
    )
    op.create_table('reference_counters',
    sa.Column('fiscal_year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('fiscal_year', name=op.f('pk_reference_counters'))
    )
    op.create_table('channel_identities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.Enum('web', 'line', 'telegram', 'import', name='channel', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('subject_hash', sa.String(length=64), nullable=False),
    sa.Column('reply_address', sa.String(length=100), nullable=True),
    sa.Column('display_name', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_channel_identities_citizen_id_citizens')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_identities')),
    sa.UniqueConstraint('channel', 'subject_hash', name=op.f('uq_channel_identities_channel_subject_hash'))
    )
    with op.batch_alter_table('channel_identities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channel_identities_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('districts',
    sa.Column('code', sa.String(length=4), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=False),
    sa.Column('name_th', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['province_code'], ['provinces.code'], name=op.f('fk_districts_province_code_provinces')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_districts'))
    )
    with op.batch_alter_table('districts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_districts_province_code'), ['province_code'], unique=False)

    op.create_table('strategies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['province_code'], ['provinces.code'], name=op.f('fk_strategies_province_code_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_strategies')),
    sa.UniqueConstraint('province_code', 'code', name=op.f('uq_strategies_province_code_code'))
    )
    with op.batch_alter_table('strategies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strategies_province_code'), ['province_code'], unique=False)

    op.create_table('subdistricts',
    sa.Column('code', sa.String(length=6), nullable=False),
    sa.Column('district_code', sa.String(length=4), nullable=False),
    sa.Column('name_th', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=100), nullable=False),
    sa.Column('postal_codes', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['district_code'], ['districts.code'], name=op.f('fk_subdistricts_district_code_districts')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_subdistricts'))
    )
    with op.batch_alter_table('subdistricts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subdistricts_district_code'), ['district_code'], unique=False)

    op.create_table('villages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subdistrict_code', sa.String(length=6), nullable=False),
    sa.Column('moo', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['subdistrict_code'], ['subdistricts.code'], name=op.f('fk_villages_subdistrict_code_subdistricts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_villages')),
    sa.UniqueConstraint('subdistrict_code', 'moo', name=op.f('uq_villages_subdistrict_code_moo'))
    )
    with op.batch_alter_table('villages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_villages_subdistrict_code'), ['subdistrict_code'], unique=False)

    op.create_table('submissions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=20), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.Enum('web', 'line', 'telegram', 'import', name='channel', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('problem_statement', sa.Text(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('status', sa.Enum('received', 'in_review', 'accepted', 'rejected', 'merged', 'withdrawn', name='submissionstatus', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=True),
    sa.Column('kind_confidence', sa.Float(), nullable=True),
    sa.Column('has_problem', sa.Boolean(), nullable=True),
    sa.Column('has_wish', sa.Boolean(), nullable=True),
    sa.Column('sector', sa.String(length=20), nullable=True),
    sa.Column('sector_confidence', sa.Float(), nullable=True),
    sa.Column('model_version', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_submissions_citizen_id_citizens')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_submissions_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submissions')),
    sa.UniqueConstraint('fiscal_year', 'sequence', name=op.f('uq_submissions_fiscal_year_sequence')),
    sa.UniqueConstraint('reference', name=op.f('uq_submissions_reference'))
    )
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submissions_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submissions_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_submissions_sector'), ['sector'], unique=False)
        batch_op.create_index(batch_op.f('ix_submissions_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_submissions_village_id'), ['village_id'], unique=False)

    op.create_table('submission_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=64), nullable=False),
    sa.Column('content_type', sa.String(length=20), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_submission_photos_submission_id_submissions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_photos')),
    sa.UniqueConstraint('filename', name=op.f('uq_submission_photos_filename'))
    )
    with op.batch_alter_table('submission_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_photos_submission_id'), ['submission_id'], unique=False)

    op.create_table('submission_strategy_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('strategy_id', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('matched_terms', sa.Text(), nullable=True),
    sa.Column('model_version', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['strategy_id'], ['strategies.id'], name=op.f('fk_submission_strategy_links_strategy_id_strategies')),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_submission_strategy_links_submission_id_submissions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_strategy_links')),
    sa.UniqueConstraint('submission_id', 'strategy_id', name=op.f('uq_submission_strategy_links_submission_id_strategy_id'))
    )
    with op.batch_alter_table('submission_strategy_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_strategy_links_strategy_id'), ['strategy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_strategy_links_submission_id'), ['submission_id'], unique=False)



def downgrade():
    with op.batch_alter_table('submission_strategy_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_strategy_links_submission_id'))
        batch_op.drop_index(batch_op.f('ix_submission_strategy_links_strategy_id'))

    op.drop_table('submission_strategy_links')
    with op.batch_alter_table('submission_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_photos_submission_id'))

    op.drop_table('submission_photos')
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submissions_village_id'))
        batch_op.drop_index(batch_op.f('ix_submissions_status'))
        batch_op.drop_index(batch_op.f('ix_submissions_sector'))
        batch_op.drop_index(batch_op.f('ix_submissions_created_at'))
        batch_op.drop_index(batch_op.f('ix_submissions_citizen_id'))

    op.drop_table('submissions')
    with op.batch_alter_table('villages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_villages_subdistrict_code'))

    op.drop_table('villages')
    with op.batch_alter_table('subdistricts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subdistricts_district_code'))

    op.drop_table('subdistricts')
    with op.batch_alter_table('strategies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strategies_province_code'))

    op.drop_table('strategies')
    with op.batch_alter_table('districts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_districts_province_code'))

    op.drop_table('districts')
    with op.batch_alter_table('channel_identities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_channel_identities_citizen_id'))

    op.drop_table('channel_identities')
    op.drop_table('reference_counters')
    op.drop_table('provinces')
    op.drop_table('citizens')
