"""The daily log as the API takes and gives it, and the guidance object of api.md."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.core.types import safe_text
from app.programme.inputs import PerformedIn
from app.programme.schemas import PlanFieldsOut

RedFlag = Literal[
    "saddle_numbness",
    "bladder_bowel_change",
    "both_legs",
    "sexual_dysfunction",
    "new_weakness",
    "pop_with_bruising",
    "fever_unwell",
    "night_rest_pain",
]
Pain = Annotated[int, Field(strict=True, ge=0, le=10)]
Wellness = Annotated[int, Field(strict=True, ge=1, le=7)]


def _unique_sorted(flags: list[str]) -> list[str]:
    return sorted(set(flags))


class LogFields(BaseModel):
    """Every field is optional; `null` (or absent) means not logged, never 0."""

    model_config = ConfigDict(extra="forbid")

    morning_pain: Pain | None = None
    sitting_pain: Pain | None = None
    sitting_tolerance_min: Annotated[int, Field(strict=True, ge=0, le=720)] | None = None
    loading_pain: Pain | None = None
    loading_stage: Annotated[int, Field(strict=True, ge=1, le=4)] | None = None
    sprint_pain: Pain | None = None
    sprint_speed_pct: Annotated[int, Field(strict=True, ge=0, le=100)] | None = None
    glide_pain: Pain | None = None
    glide_type: Literal["slider", "tensioner"] | None = None
    paresthesia: Literal["none", "settled", "lasting"] | None = None
    symptom_extent: Literal["none", "buttock", "thigh", "below_knee", "foot"] | None = None
    red_flags: Annotated[list[RedFlag], Field(max_length=8), AfterValidator(_unique_sorted)] = []
    red_flags_reviewed: Annotated[
        bool,
        Field(
            strict=True,
            description='"A clinician has checked the warning signs I reported earlier, and I '
            'may continue": closes red-flag episodes that started before this day.',
        ),
    ] = False
    sleep: Wellness | None = None
    fatigue: Wellness | None = None
    stress: Wellness | None = None
    soreness: Wellness | None = None
    session_rpe: Annotated[int, Field(strict=True, ge=0, le=10)] | None = None
    session_min: Annotated[int, Field(strict=True, ge=0, le=600)] | None = None
    notes: Annotated[str, StringConstraints(max_length=2000), AfterValidator(safe_text)] | None = (
        None
    )
    performed: PerformedIn | None = Field(
        default=None,
        description="What was done against the plan (see PerformedIn); checked against the "
        "patient's plan, never filled by the server.",
    )


class LogIn(LogFields):
    """The body of `PUT /me/logs/{log_date}`: a full replacement of that day's log."""


class LogOut(LogFields):
    model_config = ConfigDict(extra="ignore")

    log_date: date
    version: int
    updated_at: datetime


class LogListItem(LogOut):
    decision: Literal["progress", "hold", "back_off"] | None = None
    referral: Literal["routine", "soon", "urgent", "emergency"] | None = None


class ComponentOut(BaseModel):
    decision: Literal["progress", "hold", "back_off"]
    rules: list[str]


class ReasonOut(BaseModel):
    rule: str
    component: str
    severity: Literal["info", "caution", "warning", "critical"]
    message: str


class ComponentsOut(BaseModel):
    tendon: ComponentOut
    running: ComponentOut
    neural: ComponentOut
    sitting: ComponentOut


class EpisodeOut(BaseModel):
    """A red-flag episode still open on the guidance's date (closed by a later "checked" tick
    or a clinician's clearance; an RF-4 episode also by two quiet logged days in a row)."""

    started_on: date
    level: Literal["soon", "urgent", "emergency"]
    flags: list[RedFlag]


class GuidanceOut(BaseModel):
    date: date
    decision: Literal["progress", "hold", "back_off"]
    referral: Literal["routine", "soon", "urgent", "emergency"] | None
    components: ComponentsOut
    reasons: list[ReasonOut]
    open_episodes: list[EpisodeOut] = []
    phase: int
    phase_ready: bool
    ruleset: str


class PlannedComponentOut(ComponentOut, PlanFieldsOut):
    """A component's decision with what it does to the plan."""


class PlannedComponentsOut(ComponentsOut):
    tendon: PlannedComponentOut
    running: PlannedComponentOut
    neural: PlannedComponentOut
    sitting: PlannedComponentOut


class PlannedGuidanceOut(GuidanceOut):
    """The guidance as the patient's responses give it: each component also carries the
    plan (`current`, `next`, `change`, `step`, `proposal_id`, `locked`)."""

    components: PlannedComponentsOut


class LogWithGuidance(BaseModel):
    log: LogOut
    guidance: PlannedGuidanceOut


class LogList(BaseModel):
    logs: list[LogListItem]
