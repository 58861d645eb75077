"""Intake, clinician assessments and maintenance checks (issue 17). None of it is an input of
the rules: the starting profile is a hint, and a suggestion to step back waits for a clinician.
The clinical tests of an assessment are rows of `objective_tests` (one model, app/outcomes)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, false
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.tables import owned_by


class PatientIntake(SQLModel, table=True):
    """The patient's intake, one per patient: a PUT replaces the answers (version + 1)."""

    __tablename__ = "patient_intakes"

    patient_id: uuid.UUID = Field(primary_key=True, foreign_key="users.id", ondelete="CASCADE")
    answers: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    goal_id: uuid.UUID | None = Field(
        default=None, foreign_key="goals.id", ondelete="SET NULL", nullable=True
    )
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Assessment(SQLModel, table=True):
    """A clinician's assessment: the impression they confirmed, the starting phase and
    thresholds they chose (applied through the settings history), the suggestion as it stood,
    and the ids of the objective tests recorded with it."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_patient_date", "patient_id", "assessed_on"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    clinician_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    assessed_on: date
    impression: str = Field(max_length=16)  # tendon | neural | mixed
    emphasis: str = Field(max_length=16)  # the emphasis the clinician chose
    starting_phase: int | None = None
    thresholds: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    suggestion: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    follows_suggestion: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    test_ids: list[str] = Field(sa_column=Column(JSON, nullable=False))
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)


class MaintenanceCheck(SQLModel, table=True):
    """A phase-6 check: `weekly` (pain, sitting, home programme, flare) or `recheck` (every 4
    weeks, also the provocation map and self-tests), with the step-back suggestion made."""

    __tablename__ = "maintenance_checks"
    __table_args__ = (Index("ix_maintenance_checks_patient_date", "patient_id", "checked_on"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    kind: str = Field(max_length=8)  # weekly | recheck
    checked_on: date
    pain_week: int
    sitting_minutes: int
    home_programme: str = Field(max_length=8)  # yes | partly | no
    flare: bool
    provocation: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    test_ids: list[str] = Field(sa_column=Column(JSON, nullable=False))
    suggest_step_back: bool
    reasons: list[str] = Field(sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
