"""The programme: each patient's prescribed plan, its full history, the steps proposed to the
patient, and the exercises a clinician added for them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.tables import owned_by


class Programme(SQLModel, table=True):
    """One row per patient: the plan as it stands, kept in step with the history in the same
    transaction as every change. A log write reads only this row (app/programme/state.py)."""

    __tablename__ = "programmes"

    patient_id: uuid.UUID = Field(primary_key=True, foreign_key="users.id", ondelete="CASCADE")
    phase: int  # the phase the current prescriptions were fitted to
    # component -> the current version (id, number, kind, prescription, tolerated_id, ...)
    current: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    # component -> {by_id, at}: only a clinician changes a locked component
    locks: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # component -> the latest proposal (id, decision_date, status, rule, prescription, ...)
    proposals: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # component -> the latest back-off applied (decision_date, version_id, change, ...)
    back_offs: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)


class ProgrammeVersion(SQLModel, table=True):
    """One version of one component's prescription: who made it, when and why. Never edited;
    the newest of a component is the current one."""

    __tablename__ = "programme_versions"
    __table_args__ = (
        UniqueConstraint("patient_id", "component", "number"),
        # A back-off is applied once per component and decision date.
        Index(
            "uq_programme_versions_back_off",
            "patient_id",
            "component",
            "decision_date",
            unique=True,
            sqlite_where=text("kind = 'back_off'"),
            postgresql_where=text("kind = 'back_off'"),
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    component: str = Field(max_length=16)
    number: int  # 1, 2, ... per patient and component
    kind: str = Field(max_length=16)  # default | step_up | back_off | clinician | phase_change
    prescription: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    made_by: str = Field(max_length=16)  # patient | clinician | guardrails
    made_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    reason: str = Field(max_length=255)  # rule IDs ("PR-1", "PM-1 PM-3"), "clinician", ...
    decision_date: date | None = None  # the decision a step or back-off answers
    # The last tolerated prescription: the version this one was stepped up from (a back-off
    # to it inherits its own). None: no such history (a back-off then takes ~20% off).
    tolerated_id: uuid.UUID | None = None
    change: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)


class ProgrammeProposal(SQLModel, table=True):
    """A step up the rules allowed, offered to the patient: accepted, declined, or withdrawn
    when its decision is recomputed to something else or the plan changed under it."""

    __tablename__ = "programme_proposals"
    __table_args__ = (
        Index(
            "uq_programme_proposals_pending",
            "patient_id",
            "component",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
        Index("ix_programme_proposals_patient_date", "patient_id", "decision_date"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    component: str = Field(max_length=16)
    decision_date: date
    rule: str = Field(max_length=8)  # PR-1 .. PR-4
    from_version_id: uuid.UUID
    prescription: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    change: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(max_length=16)  # pending | accepted | declined | withdrawn
    version_id: uuid.UUID | None = None  # the version an acceptance made
    created_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None


class ProgrammeLockEvent(SQLModel, table=True):
    """A clinician locked or unlocked one component (only they change a locked one): part of
    the plan's history next to its versions."""

    __tablename__ = "programme_lock_events"
    __table_args__ = (Index("ix_programme_lock_events_patient", "patient_id", "created_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    component: str = Field(max_length=16)
    locked: bool
    made_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    reason: str = Field(max_length=255)  # "clinician" or "assessment: neural emphasis"
    created_at: datetime = Field(default_factory=utcnow)


class CustomExercise(SQLModel, table=True):
    """A tendon exercise a clinician added to one patient's library."""

    __tablename__ = "custom_exercises"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id")
    name: str = Field(max_length=80)
    description: str = Field(max_length=300)
    stage: int
    dosing: str = Field(max_length=8)  # hold | reps
    start: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    top: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    created_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    created_at: datetime = Field(default_factory=utcnow)
