"""The intake and the starting profile as the API takes and gives them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from app.core.types import safe_text
from app.logs.schemas import RedFlag

Rating = Annotated[int, Field(strict=True, ge=0, le=10)]
Minutes = Annotated[int, Field(strict=True, ge=0, le=720)]
PainDuration = Literal["under_6_weeks", "6_to_12_weeks", "3_to_12_months", "over_12_months"]
Reach = Literal["none", "buttock", "thigh", "below_knee", "foot"]
Emphasis = Literal["tendon", "neural", "mixed", "general"]
Marker = Literal["sitting", "stairs_hills", "fast_running", "deep_hip_flexion", "hamstring_stretch"]
PROVOCATIONS: tuple[Marker, ...] = (
    "sitting",
    "stairs_hills",
    "fast_running",
    "deep_hip_flexion",
    "hamstring_stretch",
)


def _unique_sorted(flags: list[str]) -> list[str]:
    return sorted(set(flags))


class ProvocationMap(BaseModel):
    """How much each activity provokes the pain, 0 (not at all) to 10 (as bad as it gets)."""

    model_config = ConfigDict(extra="forbid")
    sitting: Rating
    sitting_minutes: Minutes | None = Field(
        default=None, description="Minutes of sitting until it starts to hurt (null: it does not)."
    )
    stairs_hills: Rating
    fast_running: Rating = Field(description="Fast running and accelerating.")
    deep_hip_flexion: Rating = Field(description="Deep hip bending: socks on, reaching the floor.")
    hamstring_stretch: Rating = Field(description="Stretching the back of the thigh.")


class NerveSigns(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tingling: StrictBool = Field(description="Tingling or numbness down the leg.")
    reaches: Reach = Field(
        default="none", description="How far down it reaches (the daily log's extents)."
    )
    slump_brings_on: StrictBool = Field(default=False, description="Slumped sitting brings it on.")
    long_leg_sitting_brings_on: StrictBool = Field(
        default=False, description="Sitting with the leg straight out brings it on."
    )


class IntakeIn(BaseModel):
    """The whole intake; a PUT replaces the earlier answers."""

    model_config = ConfigDict(extra="forbid")
    sport: Annotated[str, StringConstraints(max_length=80), AfterValidator(safe_text)] | None = None
    weekly_running_km: (
        Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=300)] | None
    ) = Field(default=None, description="Weekly running before the pain, in km.")
    want_back: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=2, max_length=200),
            AfterValidator(safe_text),
        ]
        | None
    ) = Field(
        default=None,
        description="What you want to get back to: becomes a goal (unless `make_goal` is false).",
    )
    make_goal: StrictBool = True
    pain_duration: PainDuration
    provocation: ProvocationMap
    nerve: NerveSigns
    red_flags: Annotated[list[RedFlag], Field(max_length=8), AfterValidator(_unique_sorted)] = (
        Field(default=[], description="The daily log's red-flag items, with the same names.")
    )


class StartingProfile(BaseModel):
    """A hint computed from the intake for the clinician to confirm or change: never a
    diagnosis, never an input of the guardrails, never applied on its own."""

    suggested_phase: int
    emphasis: Emphasis
    marker: Marker | None = Field(description="The provocation to follow as the marker.")
    glide_type: Literal["slider", "tensioner"] | None = Field(
        description="`slider` with a neural emphasis (sliders only); null: the plan's default."
    )
    neural_questions_first: StrictBool
    red_flags: list[RedFlag] = Field(description="Red flags reported at intake: see a clinician.")
    reasons: list[str]
    notice: str


class IntakeOut(BaseModel):
    """Before the first PUT `answers`, `profile` and `updated_at` are null (200, not 404)."""

    answers: IntakeIn | None
    profile: StartingProfile | None
    goal_id: str | None
    version: int
    updated_at: datetime | None
    clinician_linked: StrictBool
    emphasis: Emphasis | None = Field(
        description="The emphasis your clinician confirmed at the latest assessment (null "
        "before one). `neural`: your plan uses sliders only and the log asks the nerve "
        "questions first. The profile's own suggestion never sets it."
    )
