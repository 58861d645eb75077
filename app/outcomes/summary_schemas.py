"""The visit summary as the API gives it: aggregated so that six weeks fit one A4 page."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.logs.schemas import EpisodeOut, RedFlag
from app.outcomes.measure_schemas import TestOut
from app.outcomes.schemas import GlobalChange, GoalStatus


class SummaryPatient(BaseModel):
    patient_id: uuid.UUID
    display_name: str
    phase: int
    phase_name: str
    phase_started_on: date | None


class SummaryPeriod(BaseModel):
    from_: date = Field(alias="from")
    to: date
    days: int
    basis: Literal["requested", "since_last_visit", "last_six_weeks"] = Field(
        description="since_last_visit: from the latest earlier day on which you viewed this "
        "summary or wrote a note; without one, the last six weeks."
    )
    last_visit_on: date | None


class ActivityScore(BaseModel):
    label: str
    score: int


class CheckInBrief(BaseModel):
    week_start: date
    confidence: int
    fear: int
    global_change: GlobalChange
    activities: list[ActivityScore]


class WeekRow(BaseModel):
    week_start: date
    days: int = Field(description="Days of this week inside the period.")
    days_logged: int
    morning_pain_mean: float | None
    morning_pain_max: int | None
    sitting_pain_mean: float | None
    sitting_tolerance_mean: float | None
    loading_sessions: int
    top_stage: int | None
    runs: int
    top_speed_pct: int | None
    glide_days: int
    progress: int
    hold: int
    back_off: int
    referral_days: int
    red_flag_days: int
    check_in: CheckInBrief | None


class LogsPart(BaseModel):
    days: int
    days_logged: int
    adherence_pct: int
    first_log_on: date | None
    last_log_on: date | None


class RuleCount(BaseModel):
    rule: str
    days: int


class ReferralSpan(BaseModel):
    level: Literal["routine", "soon", "urgent", "emergency"]
    days: int
    first_on: date
    last_on: date


class DecisionsPart(BaseModel):
    days: int
    decided: int
    progress: int
    hold: int
    back_off: int
    steps_up: int
    phase_ready_days: int
    top_rules: list[RuleCount]
    referrals: list[ReferralSpan]


class StartedEpisode(BaseModel):
    started_on: date
    level: Literal["soon", "urgent", "emergency"]
    flags: list[RedFlag]
    open_now: bool


class CheckOut(BaseModel):
    checked_on: date
    checked_by: str | None


class EpisodesPart(BaseModel):
    started: list[StartedEpisode] = Field(description="Red-flag episodes begun in the period.")
    open_now: list[EpisodeOut]
    checks: list[CheckOut] = Field(description="Clinicians' red-flag checks in the period.")


class CheckInChange(BaseModel):
    confidence: int
    fear: int
    global_change: int


class CheckInsPart(BaseModel):
    count: int
    first: CheckInBrief | None
    latest: CheckInBrief | None
    change: CheckInChange | None = Field(description="Latest minus first of the period.")


class PlanChangeOut(BaseModel):
    on: date
    component: str
    kind: str
    made_by: str
    reason: str
    change: str | None


class PlanChangesPart(BaseModel):
    """The programme's versions made in the period (who, why, what changed)."""

    total: int
    by_kind: dict[str, int]
    by_component: dict[str, int]
    changes: list[PlanChangeOut] = Field(description="The latest (at most 8), newest first.")


class GoalBrief(BaseModel):
    text: str
    target_on: date | None
    status: GoalStatus
    on: date | None


class GoalsPart(BaseModel):
    current: GoalBrief | None
    active: list[GoalBrief]
    met_in_period: list[GoalBrief]
    dropped_in_period: list[GoalBrief]
    set_in_period: int


class NoteBrief(BaseModel):
    written_on: date
    shared: bool
    text: str
    truncated: bool


class VisitSummary(BaseModel):
    patient: SummaryPatient
    period: SummaryPeriod
    generated_at: datetime
    prepared_for: str
    logs: LogsPart
    weeks: list[WeekRow] = Field(description="One row per ISO week, oldest first.")
    decisions: DecisionsPart
    episodes: EpisodesPart
    check_ins: CheckInsPart
    tests: list[TestOut] = Field(description="Tests of the period, oldest first (at most 12).")
    plan_changes: PlanChangesPart
    goals: GoalsPart
    notes: list[NoteBrief] = Field(description="Your notes of the period (at most 5).")
