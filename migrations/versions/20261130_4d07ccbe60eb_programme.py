"""The programme (issue 13): each patient's plan, its history, proposed steps, custom exercises.

Reviewed by hand:
- `programmes`: one row per patient, the plan as it stands (JSON per component), read by every
  log write; `programme_versions`: the full history (a partial unique index keeps a back-off to
  once per component and decision date); `programme_proposals`: steps offered to the patient
  (at most one pending per component); `custom_exercises`: a clinician's own exercises;
- `daily_logs.performed`: what was done against the plan (null for every existing log).
Existing patients get no rows here: their plan (the default of their phase) is made at their
next log write or plan read (app/programme/service.py `ensure_programme`). The downgrade drops
it all; decisions are not affected.

Revision ID: 4d07ccbe60eb
Revises: edf974ce4060
Create Date: 2026-11-30 12:03:01.461845+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "4d07ccbe60eb"
down_revision: str | None = "edf974ce4060"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "custom_exercises",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("dosing", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("start", sa.JSON(), nullable=False),
        sa.Column("top", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_custom_exercises_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_custom_exercises_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_exercises")),
    )
    with op.batch_alter_table("custom_exercises", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_custom_exercises_patient_id"), ["patient_id"], unique=False
        )

    op.create_table(
        "programme_proposals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("component", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("from_version_id", sa.Uuid(), nullable=False),
        sa.Column("prescription", sa.JSON(), nullable=False),
        sa.Column("change", sa.Text(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("resolved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_programme_proposals_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_proposals")),
    )
    with op.batch_alter_table("programme_proposals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_programme_proposals_patient_date", ["patient_id", "decision_date"], unique=False
        )
        batch_op.create_index(
            "uq_programme_proposals_pending",
            ["patient_id", "component"],
            unique=True,
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        )

    op.create_table(
        "programme_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("component", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("prescription", sa.JSON(), nullable=False),
        sa.Column("made_by", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("made_by_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("tolerated_id", sa.Uuid(), nullable=True),
        sa.Column("change", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["made_by_id"],
            ["users.id"],
            name=op.f("fk_programme_versions_made_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_programme_versions_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_versions")),
        sa.UniqueConstraint(
            "patient_id", "component", "number", name=op.f("uq_programme_versions_patient_id")
        ),
    )
    with op.batch_alter_table("programme_versions", schema=None) as batch_op:
        batch_op.create_index(
            "uq_programme_versions_back_off",
            ["patient_id", "component", "decision_date"],
            unique=True,
            sqlite_where=sa.text("kind = 'back_off'"),
            postgresql_where=sa.text("kind = 'back_off'"),
        )

    op.create_table(
        "programmes",
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("phase", sa.Integer(), nullable=False),
        sa.Column("current", sa.JSON(), nullable=False),
        sa.Column("locks", sa.JSON(), nullable=False),
        sa.Column("proposals", sa.JSON(), nullable=False),
        sa.Column("back_offs", sa.JSON(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_programmes_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("patient_id", name=op.f("pk_programmes")),
    )
    with op.batch_alter_table("daily_logs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("performed", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("daily_logs", schema=None) as batch_op:
        batch_op.drop_column("performed")

    op.drop_table("programmes")
    with op.batch_alter_table("programme_versions", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_programme_versions_back_off",
            sqlite_where=sa.text("kind = 'back_off'"),
            postgresql_where=sa.text("kind = 'back_off'"),
        )

    op.drop_table("programme_versions")
    with op.batch_alter_table("programme_proposals", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_programme_proposals_pending",
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        )
        batch_op.drop_index("ix_programme_proposals_patient_date")

    op.drop_table("programme_proposals")
    with op.batch_alter_table("custom_exercises", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custom_exercises_patient_id"))

    op.drop_table("custom_exercises")
