"""Outcomes: the weekly check-in, objective tests, goals, clinicians' notes and the
return-to-sport review. None of it is an input of the rules (trends, never gates)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.tables import owned_by


def _by_user() -> Any:
    """Who wrote a row: kept while the account exists (an erased account leaves null)."""
    return Field(default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True)


class CheckInActivity(SQLModel, table=True):
    """An activity the patient rates each week (up to 3 current ones). Changing one retires it
    and adds a new row, so older check-ins keep the activity they rated."""

    __tablename__ = "check_in_activities"
    __table_args__ = (Index("ix_check_in_activities_patient", "patient_id", "retired_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    position: int  # 1..3, the order on the form
    label: str = Field(max_length=80)
    created_at: datetime = Field(default_factory=utcnow)
    retired_at: datetime | None = None


class CheckIn(SQLModel, table=True):
    """One weekly check-in per ISO week (Monday to Sunday in the patient's time zone)."""

    __tablename__ = "check_ins"
    __table_args__ = (UniqueConstraint("patient_id", "week_start"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    week_start: date  # the Monday of the week answered for
    answered_on: date  # the patient's local date of the answer
    # [{"activity_id": "<uuid>", "score": 0..10}] in the form's order
    ratings: list[dict[str, Any]] = Field(sa_column=Column(JSON, nullable=False))
    confidence: int  # 0..10
    fear: int  # 0..10
    global_change: int  # -3 (much worse) .. +3 (much better)
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ObjectiveTest(SQLModel, table=True):
    """One measurement of one test, by a clinician or the patient (a self-test). The kinds and
    what each needs are in app/outcomes/test_kinds.py; assessment tests use the same table."""

    __tablename__ = "objective_tests"
    __table_args__ = (Index("ix_objective_tests_patient_date", "patient_id", "tested_on"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    kind: str = Field(max_length=32)
    name: str | None = Field(default=None, max_length=80)  # the name of an "other" test
    tested_on: date
    side: str | None = Field(default=None, max_length=8)  # left | right | both
    left_value: float | None = None
    right_value: float | None = None
    value: float | None = None
    unit: str | None = Field(default=None, max_length=16)
    result: str | None = Field(default=None, max_length=16)  # positive | negative
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    recorded_by_id: uuid.UUID | None = _by_user()
    self_test: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    created_at: datetime = Field(default_factory=utcnow)


class Goal(SQLModel, table=True):
    """A goal the patient and clinician agree on: active, then met or dropped."""

    __tablename__ = "goals"
    __table_args__ = (Index("ix_goals_patient_status", "patient_id", "status"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    text: str = Field(max_length=200)
    target_on: date | None = None
    status: str = Field(default="active", max_length=8)  # active | met | dropped
    status_on: date | None = None  # the patient's local date it was met or dropped
    set_by_id: uuid.UUID | None = _by_user()
    changed_by_id: uuid.UUID | None = _by_user()
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ClinicianNote(SQLModel, table=True):
    """A clinician's note on a patient: only its author reads it, and the patient once the
    author shares it."""

    __tablename__ = "clinician_notes"
    __table_args__ = (Index("ix_clinician_notes_patient_author", "patient_id", "author_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    author_id: uuid.UUID | None = _by_user()
    text: str = Field(sa_column=Column(Text, nullable=False))
    shared: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    shared_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class ReturnToSportReview(SQLModel, table=True):
    """A clinician confirmed the return-to-sport review: who, when, and the criteria as they
    stood. It changes nothing else (the phase is changed separately, by a clinician)."""

    __tablename__ = "return_to_sport_reviews"
    __table_args__ = (Index("ix_return_to_sport_reviews_patient", "patient_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    clinician_id: uuid.UUID | None = _by_user()
    criteria: list[dict[str, Any]] = Field(sa_column=Column(JSON, nullable=False))
    all_met: bool
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    confirmed_on: date
    confirmed_at: datetime = Field(default_factory=utcnow)
