"""Rate counters replace rate events: one row per (bucket, key), counted atomically.

Reviewed by hand: `rate_events` (one row per failure, counted with a read before the slow
password check) let a parallel burst past the limit (issue 12). `rate_counters` holds one
counter per (bucket, key) that an `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` increments
before the check (app/core/ratelimit.py). The counts in flight are not carried over either
way: they are short-lived (15 minutes), and a lost count only gives back a few attempts.

Revision ID: d8e17f4f49a7
Revises: e3b1d0c4a9f2
Create Date: 2026-11-30 11:43:45+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "d8e17f4f49a7"
down_revision: str | None = "e3b1d0c4a9f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_counters",
        sa.Column("bucket", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("key_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("resets_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("bucket", "key_hash", name=op.f("pk_rate_counters")),
    )
    with op.batch_alter_table("rate_counters", schema=None) as batch_op:
        batch_op.create_index("ix_rate_counters_resets_at", ["resets_at"], unique=False)
    with op.batch_alter_table("rate_events", schema=None) as batch_op:
        batch_op.drop_index("ix_rate_events_bucket_key_at")
    op.drop_table("rate_events")


def downgrade() -> None:
    op.create_table(
        "rate_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bucket", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("key_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate_events")),
    )
    with op.batch_alter_table("rate_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rate_events_bucket_key_at", ["bucket", "key_hash", "at"], unique=False
        )
    with op.batch_alter_table("rate_counters", schema=None) as batch_op:
        batch_op.drop_index("ix_rate_counters_resets_at")
    op.drop_table("rate_counters")
