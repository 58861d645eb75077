"""Outcomes (issue 15): weekly check-ins and their activities, objective tests, goals,
clinicians' notes, return-to-sport reviews; the status row keeps the latest check-in.

New tables and two nullable columns: no stored data changes, so nothing is converted.

Revision ID: edf974ce4060
Revises: d8e17f4f49a7
Create Date: 2026-11-30 12:11:24.003661+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "edf974ce4060"
down_revision: str | None = "d8e17f4f49a7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "check_in_activities",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("retired_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_check_in_activities_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_in_activities")),
    )
    with op.batch_alter_table("check_in_activities", schema=None) as batch_op:
        batch_op.create_index(
            "ix_check_in_activities_patient", ["patient_id", "retired_at"], unique=False
        )

    op.create_table(
        "check_ins",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("ratings", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.Integer(), nullable=False),
        sa.Column("fear", sa.Integer(), nullable=False),
        sa.Column("global_change", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_check_ins_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_ins")),
        sa.UniqueConstraint("patient_id", "week_start", name=op.f("uq_check_ins_patient_id")),
    )
    op.create_table(
        "clinician_notes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("shared", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("shared_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_clinician_notes_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_clinician_notes_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinician_notes")),
    )
    with op.batch_alter_table("clinician_notes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_clinician_notes_patient_author", ["patient_id", "author_id"], unique=False
        )

    op.create_table(
        "goals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("status_on", sa.Date(), nullable=True),
        sa.Column("set_by_id", sa.Uuid(), nullable=True),
        sa.Column("changed_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["users.id"],
            name=op.f("fk_goals_changed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["users.id"], name=op.f("fk_goals_patient_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["set_by_id"], ["users.id"], name=op.f("fk_goals_set_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index("ix_goals_patient_status", ["patient_id", "status"], unique=False)

    op.create_table(
        "objective_tests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
        sa.Column("tested_on", sa.Date(), nullable=False),
        sa.Column("side", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("left_value", sa.Float(), nullable=True),
        sa.Column("right_value", sa.Float(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("result", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=True),
        sa.Column("self_test", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_objective_tests_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_objective_tests_recorded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objective_tests")),
    )
    with op.batch_alter_table("objective_tests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_objective_tests_patient_date", ["patient_id", "tested_on"], unique=False
        )

    op.create_table(
        "return_to_sport_reviews",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("clinician_id", sa.Uuid(), nullable=True),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("all_met", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("confirmed_on", sa.Date(), nullable=False),
        sa.Column("confirmed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clinician_id"],
            ["users.id"],
            name=op.f("fk_return_to_sport_reviews_clinician_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["users.id"],
            name=op.f("fk_return_to_sport_reviews_patient_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_to_sport_reviews")),
    )
    with op.batch_alter_table("return_to_sport_reviews", schema=None) as batch_op:
        batch_op.create_index("ix_return_to_sport_reviews_patient", ["patient_id"], unique=False)

    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_check_in_week", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("latest_confidence", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.drop_column("latest_confidence")
        batch_op.drop_column("last_check_in_week")

    with op.batch_alter_table("return_to_sport_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_return_to_sport_reviews_patient")

    op.drop_table("return_to_sport_reviews")
    with op.batch_alter_table("objective_tests", schema=None) as batch_op:
        batch_op.drop_index("ix_objective_tests_patient_date")

    op.drop_table("objective_tests")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index("ix_goals_patient_status")

    op.drop_table("goals")
    with op.batch_alter_table("clinician_notes", schema=None) as batch_op:
        batch_op.drop_index("ix_clinician_notes_patient_author")

    op.drop_table("clinician_notes")
    op.drop_table("check_ins")
    with op.batch_alter_table("check_in_activities", schema=None) as batch_op:
        batch_op.drop_index("ix_check_in_activities_patient")

    op.drop_table("check_in_activities")
