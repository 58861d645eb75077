"""Sharing, dashboard status rows, the access log and counters.

Reviewed by hand: seeds the two counters (change sequence, access-log chain), and backfills
`decision_records.progressed` from the stored guidance (a PR-* rule among its reasons).

Revision ID: 4b7c998038fa
Revises: 3a73fc410360
Create Date: 2026-11-25 10:25:51.871878+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "4b7c998038fa"
down_revision: str | None = "3a73fc410360"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "counters",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counters")),
    )
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=True),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column("actor_role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("subject_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("actor_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("prev_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("entry_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_access_log_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_access_log_patient_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
        sa.UniqueConstraint("entry_hash", name=op.f("uq_access_log_entry_hash")),
    )
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.create_index(
            "ix_access_log_actor_action_day", ["actor_id", "action", "day"], unique=False
        )
        batch_op.create_index("ix_access_log_patient_at", ["patient_id", "at"], unique=False)

    op.create_table(
        "patient_status",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("phase", sa.Integer(), nullable=False),
        sa.Column("first_log_date", sa.Date(), nullable=True),
        sa.Column("last_log_date", sa.Date(), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("decision", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("referral", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("phase_ready", sa.Boolean(), nullable=False),
        sa.Column("last_progress_date", sa.Date(), nullable=True),
        sa.Column("recent", sa.JSON(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_patient_status_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("patient_id", name=op.f("pk_patient_status")),
    )
    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_patient_status_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "share_codes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("redeemed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("revoked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_share_codes_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_share_codes_code_hash")),
    )
    with op.batch_alter_table("share_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_share_codes_patient_id"), ["patient_id"], unique=False)

    op.create_table(
        "care_links",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("holder_id", sa.Uuid(), nullable=False),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("code_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("revoked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"],
            ["share_codes.id"],
            name=op.f("fk_care_links_code_id_share_codes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["holder_id"],
            ["users.id"],
            name=op.f("fk_care_links_holder_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_care_links_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_links")),
    )
    with op.batch_alter_table("care_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_care_links_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index("ix_care_links_holder", ["holder_id", "revoked_at"], unique=False)
        batch_op.create_index("ix_care_links_patient", ["patient_id", "revoked_at"], unique=False)

    with op.batch_alter_table("decision_records", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("progressed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    _backfill_progressed()
    counters = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.Integer))
    op.bulk_insert(
        counters, [{"name": "change_seq", "value": 0}, {"name": "access_log", "value": 0}]
    )


def downgrade() -> None:
    with op.batch_alter_table("decision_records", schema=None) as batch_op:
        batch_op.drop_column("progressed")

    with op.batch_alter_table("care_links", schema=None) as batch_op:
        batch_op.drop_index("ix_care_links_patient")
        batch_op.drop_index("ix_care_links_holder")
        batch_op.drop_index(batch_op.f("ix_care_links_change_seq"))

    op.drop_table("care_links")
    with op.batch_alter_table("share_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_share_codes_patient_id"))

    op.drop_table("share_codes")
    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_patient_status_change_seq"))

    op.drop_table("patient_status")
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.drop_index("ix_access_log_patient_at")
        batch_op.drop_index("ix_access_log_actor_action_day")

    op.drop_table("access_log")
    op.drop_table("counters")


def _backfill_progressed() -> None:
    records = sa.table(
        "decision_records",
        sa.column("id", sa.Integer),
        sa.column("guidance", sa.JSON),
        sa.column("progressed", sa.Boolean),
    )
    bind = op.get_bind()
    for row in bind.execute(sa.select(records.c.id, records.c.guidance)):
        reasons = (row.guidance or {}).get("reasons", [])
        if any(str(r.get("rule", "")).startswith("PR-") for r in reasons):
            bind.execute(records.update().where(records.c.id == row.id).values(progressed=True))
