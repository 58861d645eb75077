"""Lock and unlock events of the programme's components, for the plan's history (who locked a
component, when and why). The locks in force are copied in as events, dated when they were
set, so a plan locked before this revision shows its lock in the history too.

Reviewed by hand: a new table; the downgrade drops it (the locks themselves stay in
`programmes.locks`; only their history is lost).

Revision ID: 70c9fbf55f2a
Revises: 6a338edeee28
Create Date: 2026-11-30 17:53:46+00:00
"""

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "70c9fbf55f2a"
down_revision: str | None = "6a338edeee28"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    events = op.create_table(
        "programme_lock_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("component", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("made_by_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["made_by_id"],
            ["users.id"],
            name=op.f("fk_programme_lock_events_made_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_programme_lock_events_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_lock_events")),
    )
    with op.batch_alter_table("programme_lock_events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_programme_lock_events_patient", ["patient_id", "created_at"], unique=False
        )
    assert events is not None
    programmes = sa.table(
        "programmes", sa.column("patient_id", sa.Uuid()), sa.column("locks", sa.JSON())
    )
    users = sa.table("users", sa.column("id", sa.Uuid()))
    connection = op.get_bind()
    known = {row.id for row in connection.execute(sa.select(users.c.id))}
    rows = []
    for patient_id, locks in connection.execute(sa.select(programmes)):
        stored = json.loads(locks) if isinstance(locks, str) else (locks or {})
        for component, lock in sorted(stored.items()):
            by = uuid.UUID(lock["by_id"]) if lock.get("by_id") else None
            at = datetime.fromisoformat(lock["at"]) if lock.get("at") else datetime.now(UTC)
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "patient_id": patient_id,
                    "component": component,
                    "locked": True,
                    "made_by_id": by if by in known else None,
                    "reason": "clinician",
                    "created_at": at,
                }
            )
    if rows:
        op.bulk_insert(events, rows)


def downgrade() -> None:
    with op.batch_alter_table("programme_lock_events", schema=None) as batch_op:
        batch_op.drop_index("ix_programme_lock_events_patient")
    op.drop_table("programme_lock_events")
