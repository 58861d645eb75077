"""Daily logs, their history, the decisions made from them, and each patient's status row."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint, false, text
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.tables import owned_by


class DailyLog(SQLModel, table=True):
    __tablename__ = "daily_logs"
    __table_args__ = (
        UniqueConstraint("patient_id", "log_date"),
        # The few days a red-flag episode is made of (flagged, or ticked "checked"): read on
        # every decision, however old, so they are found without scanning the history.
        Index(
            "ix_daily_logs_episode_days",
            "patient_id",
            "log_date",
            sqlite_where=text("has_red_flags OR red_flags_reviewed"),
            postgresql_where=text("has_red_flags OR red_flags_reviewed"),
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    log_date: date
    morning_pain: int | None = None
    sitting_pain: int | None = None
    sitting_tolerance_min: int | None = None
    loading_pain: int | None = None
    loading_stage: int | None = None
    sprint_pain: int | None = None
    sprint_speed_pct: int | None = None
    glide_pain: int | None = None
    glide_type: str | None = Field(default=None, max_length=16)
    paresthesia: str | None = Field(default=None, max_length=16)
    symptom_extent: str | None = Field(default=None, max_length=16)
    red_flags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    red_flags_reviewed: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    # red_flags is not empty (kept by app/logs/store.py): what the episode index filters on.
    has_red_flags: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    sleep: int | None = None
    fatigue: int | None = None
    stress: int | None = None
    soreness: int | None = None
    session_rpe: int | None = None
    session_min: int | None = None
    notes: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # What was done against the plan (app/programme/performed.py): per component, the version
    # followed and whether as prescribed, or the doses done. Never filled by the server.
    performed: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class LogRevision(SQLModel, table=True):
    """Append-only history of every write and delete of a log (values null = deleted)."""

    __tablename__ = "log_revisions"
    __table_args__ = (Index("ix_log_revisions_patient_date", "patient_id", "log_date"),)

    id: int | None = Field(default=None, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    log_date: date
    version: int
    values: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    recorded_at: datetime = Field(default_factory=utcnow)


class DecisionRecord(SQLModel, table=True):
    """What the rules said for a date, with what they read; replaced records stay, superseded."""

    __tablename__ = "decision_records"
    __table_args__ = (
        Index(
            "uq_decision_records_current",
            "patient_id",
            "decision_date",
            unique=True,
            sqlite_where=text("superseded_at IS NULL"),
            postgresql_where=text("superseded_at IS NULL"),
        ),
        Index("ix_decision_records_patient_date", "patient_id", "decision_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    decision_date: date
    decision: str = Field(max_length=16)
    referral: str | None = Field(default=None, max_length=16)
    phase_ready: bool = False
    progressed: bool = False  # some component progressed (a PR-* rule fired)
    rules: str = Field(default="", max_length=255)  # the fired rule IDs, space-separated
    guidance: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    thresholds: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    phase: int
    ruleset: str = Field(max_length=16)
    # Replay: the log revisions up to this id, the settings row, and the window read.
    inputs: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    inputs_digest: str = Field(max_length=64)
    cause: str = Field(max_length=32)
    created_at: datetime = Field(default_factory=utcnow)
    superseded_at: datetime | None = None


class PatientStatus(SQLModel, table=True):
    """One row per patient, kept current in each write's transaction: the dashboard reads only
    these rows, so its cost grows with the number of patients, not with their history."""

    __tablename__ = "patient_status"

    patient_id: uuid.UUID = Field(primary_key=True, foreign_key="users.id", ondelete="CASCADE")
    phase: int
    first_log_date: date | None = None
    last_log_date: date | None = None
    decision_date: date | None = None
    decision: str | None = Field(default=None, max_length=16)
    referral: str | None = Field(default=None, max_length=16)
    phase_ready: bool = False
    last_progress_date: date | None = None
    # The 28 days up to the last write, packed by app/logs/window.py.
    recent: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # The red-flag episodes open at the latest decision ({started_on, level, flags}): only a
    # write (a log, a clearance) can close one, and every write refreshes this row.
    open_episodes: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )
    # The latest weekly check-in (app/outcomes keeps these two: a check-in is no rule input).
    last_check_in_week: date | None = None
    latest_confidence: int | None = None
    # The latest assessment and maintenance check (app/intake keeps these: dashboard flags).
    last_assessed_on: date | None = None
    last_maintenance_on: date | None = None
    # What a recompute needs from the whole history, kept here (app/logs/status_inputs.py):
    # the earliest flagged or "checked" day, and each component's last step up.
    episode_days_from: date | None = None
    step_ups: dict[str, Any] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    change_seq: int = Field(index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    # Decisions dated on or after this day may be stale: a write decided its own 28 days and
    # left the later ones to short follow-up transactions (app/logs/backlog.py). NULL: none.
    decisions_pending_from: date | None = None


class RedFlagClearance(SQLModel, table=True):
    """A linked clinician checked the patient on `checked_on`: every red-flag episode that
    started on or before that date is closed (guardrails.md "Red-flag episodes")."""

    __tablename__ = "red_flag_clearances"
    __table_args__ = (Index("ix_red_flag_clearances_patient", "patient_id", "checked_on"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    clinician_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    checked_on: date
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
