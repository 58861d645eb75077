"""What a clinician sees: dashboard rows, a patient's record, settings changes."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, create_model

from app.core.types import IsoDate, safe_text
from app.logs.schemas import EpisodeOut, GuidanceOut, LogListItem
from app.patients.schemas import ThresholdsOut
from app.programme.schemas import CustomExerciseOut, PlanOut
from app.rules import THRESHOLD_LIMITS

Flag = Literal[
    "referral",
    "open_episode",
    "back_off_streak",
    "missing_logs",
    "phase_ready",
    "no_progress_6w",
    "check_in_overdue",
    "needs_assessment",
    "maintenance_overdue",
]


class DashboardRow(BaseModel):
    patient_id: uuid.UUID
    display_name: str
    phase: int
    last_log_date: date | None
    days_since_log: int | None
    decision: Literal["progress", "hold", "back_off"] | None
    decision_date: date | None
    referral: Literal["routine", "soon", "urgent", "emergency"] | None
    flags: list[Flag] = Field(
        description="`referral`, `open_episode`, `back_off_streak`, `missing_logs` (3+ days "
        "without a log; never in phase 6, where the daily log is optional), `phase_ready`, "
        "`no_progress_6w`, `check_in_overdue`, `needs_assessment` (no clinician's assessment "
        "recorded yet: POST .../assessments), `maintenance_overdue` (phase 6 and no maintenance "
        "check for 14 days; before the first check, counted from the last daily log)."
    )
    open_episodes: list[EpisodeOut] = Field(
        default=[], description="Red-flag episodes not yet reviewed or cleared, oldest first."
    )
    morning_pain_7d: list[int | None] = Field(description="Today-6 .. today; null = not logged.")
    trend: Literal["improving", "stable", "worsening"] | None
    adherence_14d: float = Field(description="Share of the last 14 days with a log (0-1).")
    latest_confidence: int | None = Field(
        default=None, description="Confidence to return (0-10) of the latest weekly check-in."
    )
    last_check_in_week: date | None = Field(
        default=None, description="The Monday of the latest weekly check-in's ISO week."
    )
    updated_at: datetime
    acknowledged_by: str | None = Field(
        default=None, description="Who last acknowledged one of the row's open referral items."
    )
    acknowledged_at: datetime | None = Field(default=None, description="When they did.")


class Dashboard(BaseModel):
    patients: list[DashboardRow]
    removed: list[uuid.UUID] = Field(
        default=[], description="With `since`: patients whose link ended after the cursor."
    )
    cursor: str


class SettingChange(BaseModel):
    effective_on: date
    phase: int
    thresholds: ThresholdsOut
    changed_by: str | None
    changed_at: datetime


class PatientProfile(BaseModel):
    patient_id: uuid.UUID
    display_name: str
    timezone: str
    phase: int
    phase_started_on: date
    linked_since: datetime


class PatientSettingsOut(BaseModel):
    profile: PatientProfile
    thresholds: ThresholdsOut
    threshold_history: list[SettingChange]


class ClearanceOut(BaseModel):
    """A clinician's check of the patient's red flags."""

    id: uuid.UUID
    checked_on: date
    note: str | None = None
    checked_by: str | None = Field(default=None, description="The clinician, while linked.")
    created_at: datetime


class ClearanceCreated(BaseModel):
    id: uuid.UUID
    checked_on: date
    closed: list[EpisodeOut] = Field(description="The episodes this check closed.")


class ClearanceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    checked_on: IsoDate = Field(
        description="The date the clinician checked the patient (not in the future, not before "
        "the oldest open episode)."
    )
    note: Annotated[str, StringConstraints(max_length=2000), AfterValidator(safe_text)] | None = (
        None
    )


class PatientRecord(PatientSettingsOut):
    logs: list[LogListItem]
    decisions: list[GuidanceOut]
    open_episodes: list[EpisodeOut] = Field(description="Red-flag episodes open today.")
    clearances: list[ClearanceOut] = Field(description="Red-flag checks recorded, newest first.")


_BOUNDED: dict[str, Any] = {
    name: (Annotated[int, Field(strict=True, ge=low, le=high)] | None, None)
    for name, (low, high) in THRESHOLD_LIMITS.items()
}
# Bounds come from the rules module, the one source of truth.
ThresholdsPatch: type[BaseModel] = create_model(
    "ThresholdsPatch", __config__=ConfigDict(extra="forbid"), **_BOUNDED
)


class PatientPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    phase: Annotated[int, Field(strict=True, ge=1, le=6)] | None = None
    thresholds: ThresholdsPatch | None = None
    effective_on: IsoDate | None = Field(
        default=None, description="When the change takes effect (default: the patient's today)."
    )


class DecisionRecordOut(BaseModel):
    """One decision as it was made: what it read, with which thresholds and ruleset."""

    decision_date: date
    created_at: datetime
    superseded_at: datetime | None
    cause: str
    phase: int
    thresholds: ThresholdsOut
    ruleset: str
    inputs: dict[str, Any]
    guidance: GuidanceOut


class DecisionHistory(BaseModel):
    records: list[DecisionRecordOut]


class ReferralItemOut(BaseModel):
    """An open red-flag episode, or a referral of the latest decision no episode explains."""

    id: uuid.UUID = Field(description="Stable while the item is open; acknowledge it by this id.")
    patient_id: uuid.UUID
    display_name: str
    kind: Literal["episode", "referral"]
    level: Literal["routine", "soon", "urgent", "emergency"]
    since: date = Field(description="The episode's start, or the referral's decision date.")
    flags: list[str] = Field(description="An episode's red flags (empty for a referral).")
    acknowledged_by: str | None = Field(description="The clinician who last acknowledged it.")
    acknowledged_at: datetime | None


class ReferralQueue(BaseModel):
    items: list[ReferralItemOut] = Field(description="Most urgent first.")


class SessionLoadDay(BaseModel):
    date: date
    session_rpe: int
    session_min: int
    load: int = Field(description="session_rpe x session_min (arbitrary units).")


class SessionLoadWeek(BaseModel):
    week_start: date = Field(description="The Monday of the ISO week.")
    load: int
    sessions: int


class SessionLoad(BaseModel):
    """Information only (Foster's session RPE): it never gates the plan or the guidance."""

    note: str
    days: list[SessionLoadDay]
    weeks: list[SessionLoadWeek]


class ClinicianPlanOut(PlanOut):
    custom_exercises: list[CustomExerciseOut] = Field(
        description="Exercises added for this patient (name them by `key`)."
    )
    session_load: SessionLoad
