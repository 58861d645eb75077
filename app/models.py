"""Every table, with one naming convention for constraints (so migrations name them stably)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("patient", "clinician", "coach")


def _fk(target: str, *, index: bool = True, nullable: bool = False) -> Any:
    return Field(foreign_key=target, ondelete="CASCADE", index=index, nullable=nullable)


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('patient', 'clinician', 'coach')", name="role"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    email: str = Field(max_length=254, unique=True)
    password_hash: str = Field(max_length=255)
    display_name: str = Field(max_length=100)
    role: str = Field(max_length=16)
    timezone: str = Field(default="UTC", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class AuthSession(SQLModel, table=True):
    """One sign-in: its refresh tokens rotate; revoking it ends every token it issued."""

    __tablename__ = "auth_sessions"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = _fk("users.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    absolute_expires_at: datetime
    revoked_at: datetime | None = None


class RefreshToken(SQLModel, table=True):
    """Only the SHA-256 of each refresh token is kept; a used one presented again is reuse."""

    __tablename__ = "refresh_tokens"

    token_hash: str = Field(primary_key=True, max_length=64)
    session_id: uuid.UUID = _fk("auth_sessions.id")
    created_at: datetime = Field(default_factory=utcnow)
    used_at: datetime | None = None


class RateEvent(SQLModel, table=True):
    """Failed attempts counted in the database, so limits hold across worker processes."""

    __tablename__ = "rate_events"
    __table_args__ = (Index("ix_rate_events_bucket_key_at", "bucket", "key_hash", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    bucket: str = Field(max_length=32)
    key_hash: str = Field(max_length=64)
    at: datetime = Field(default_factory=utcnow)


class PatientSetting(SQLModel, table=True):
    """A phase and thresholds taking effect on a date; rows are never edited, only added."""

    __tablename__ = "patient_settings"
    __table_args__ = (Index("ix_patient_settings_patient_effective", "patient_id", "effective_on"),)

    id: int | None = Field(default=None, primary_key=True)
    patient_id: uuid.UUID = _fk("users.id", index=False)
    effective_on: date
    phase: int
    pain_ceiling: int
    safe_pain: int
    morning_margin: int
    sessions_to_progress: int
    sitting_drop_pct: int
    severe_pain: int
    changed_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    changed_at: datetime = Field(default_factory=utcnow)


class DailyLog(SQLModel, table=True):
    __tablename__ = "daily_logs"
    __table_args__ = (UniqueConstraint("patient_id", "log_date"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = _fk("users.id", index=False)
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
    sleep: int | None = None
    fatigue: int | None = None
    stress: int | None = None
    soreness: int | None = None
    session_rpe: int | None = None
    session_min: int | None = None
    notes: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class LogRevision(SQLModel, table=True):
    """Append-only history of every write and delete of a log (values null = deleted)."""

    __tablename__ = "log_revisions"
    __table_args__ = (Index("ix_log_revisions_patient_date", "patient_id", "log_date"),)

    id: int | None = Field(default=None, primary_key=True)
    patient_id: uuid.UUID = _fk("users.id", index=False)
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
    patient_id: uuid.UUID = _fk("users.id", index=False)
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


class Counter(SQLModel, table=True):
    """Monotonic counters; an increment locks the row until commit, so values commit in order."""

    __tablename__ = "counters"

    name: str = Field(primary_key=True, max_length=32)
    value: int = 0


class ShareCode(SQLModel, table=True):
    """A one-time consent code; only its SHA-256 is kept."""

    __tablename__ = "share_codes"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = _fk("users.id")
    scope: str = Field(max_length=16)
    code_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    redeemed_at: datetime | None = None
    revoked_at: datetime | None = None


class CareLink(SQLModel, table=True):
    """A patient's consent for one clinician or coach to see their record (or readiness)."""

    __tablename__ = "care_links"
    __table_args__ = (
        Index("ix_care_links_holder", "holder_id", "revoked_at"),
        Index("ix_care_links_patient", "patient_id", "revoked_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = _fk("users.id", index=False)
    holder_id: uuid.UUID = _fk("users.id", index=False)
    scope: str = Field(max_length=16)
    code_id: uuid.UUID | None = Field(
        default=None, foreign_key="share_codes.id", ondelete="SET NULL", nullable=True
    )
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    change_seq: int = Field(index=True)


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
    # The 28 days up to the last write, packed by app/dashboard/window.py.
    recent: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    change_seq: int = Field(index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class AccessLogEntry(SQLModel, table=True):
    """Who saw or changed what. Entries form a hash chain over their non-personal fields, so
    erasing a patient (nulling the personal columns) keeps the chain verifiable."""

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_patient_at", "patient_id", "at"),
        Index("ix_access_log_actor_action_day", "actor_id", "action", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    day: date
    patient_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    actor_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    actor_name: str | None = Field(default=None, max_length=100)
    actor_role: str = Field(max_length=16)
    action: str = Field(max_length=32)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    subject_digest: str = Field(max_length=64)
    actor_digest: str = Field(max_length=64)
    prev_hash: str = Field(max_length=64)
    entry_hash: str = Field(max_length=64, unique=True)
