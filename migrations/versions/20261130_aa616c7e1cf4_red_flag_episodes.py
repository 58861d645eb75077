"""Red-flag episodes (ruleset 2026.12): the "checked" tick, clearances, open episodes per status.

Reviewed by hand:
- `daily_logs.red_flags_reviewed` (the patient's "a clinician has checked me" tick) and
  `daily_logs.has_red_flags` (red_flags is not empty, filled from the stored flags here and kept
  by app/logs/store.py), with a partial index on the days an episode is made of, so a decision
  finds flagged or ticked days of any age without scanning the history;
- `red_flag_clearances`: a linked clinician's check (the date the patient was checked);
- `patient_status.open_episodes`: the episodes open at the patient's latest decision.
The downgrade drops them; decisions made meanwhile keep their stored guidance.

Revision ID: aa616c7e1cf4
Revises: c498f7aa05eb
Create Date: 2026-11-30 11:27:07+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "aa616c7e1cf4"
down_revision: str | None = "c498f7aa05eb"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EPISODE_DAYS = sa.text("has_red_flags OR red_flags_reviewed")
LOGS = sa.table("daily_logs", sa.column("red_flags", sa.JSON), sa.column("has_red_flags"))


def upgrade() -> None:
    op.create_table(
        "red_flag_clearances",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("clinician_id", sa.Uuid(), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clinician_id"],
            ["users.id"],
            name=op.f("fk_red_flag_clearances_clinician_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_red_flag_clearances_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_red_flag_clearances")),
    )
    with op.batch_alter_table("red_flag_clearances", schema=None) as batch_op:
        batch_op.create_index(
            "ix_red_flag_clearances_patient", ["patient_id", "checked_on"], unique=False
        )
    with op.batch_alter_table("daily_logs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("red_flags_reviewed", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("has_red_flags", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.execute(
        LOGS.update()
        .where(sa.cast(LOGS.c.red_flags, sa.Text) != "[]")
        .values(has_red_flags=sa.true())
    )
    with op.batch_alter_table("daily_logs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_daily_logs_episode_days",
            ["patient_id", "log_date"],
            unique=False,
            sqlite_where=EPISODE_DAYS,
            postgresql_where=EPISODE_DAYS,
        )
    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("open_episodes", sa.JSON(), server_default="[]", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.drop_column("open_episodes")
    with op.batch_alter_table("daily_logs", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_daily_logs_episode_days", sqlite_where=EPISODE_DAYS, postgresql_where=EPISODE_DAYS
        )
        batch_op.drop_column("has_red_flags")
        batch_op.drop_column("red_flags_reviewed")
    with op.batch_alter_table("red_flag_clearances", schema=None) as batch_op:
        batch_op.drop_index("ix_red_flag_clearances_patient")
    op.drop_table("red_flag_clearances")
