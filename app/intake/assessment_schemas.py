"""The clinician's assessment as the API takes and gives it. Each clinical test becomes one
objective test (app/outcomes, the same model), so it shows in the outcomes views too."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from app.core.types import IsoDate, safe_text
from app.dashboard.schemas import ThresholdsPatch
from app.intake.schemas import Emphasis, IntakeOut
from app.outcomes.measure_schemas import TestOut

Note = Annotated[str, StringConstraints(max_length=2000), AfterValidator(safe_text)]
Result = Literal["positive", "negative"]
Side = Literal["left", "right"]
Impression = Literal["tendon", "neural", "mixed"]


class SideTest(BaseModel):
    """A test on one side with a result (positive: it reproduces the patient's symptoms)."""

    model_config = ConfigDict(extra="forbid")
    side: Side
    result: Result
    note: Note | None = None


class RaiseTest(SideTest):
    range_deg: Annotated[int, Field(strict=True, ge=0, le=180)] = Field(
        description="Hip flexion reached, in degrees."
    )


class BridgeTest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    left: Annotated[int, Field(strict=True, ge=0, le=200)]
    right: Annotated[int, Field(strict=True, ge=0, le=200)]
    affected: Side | None = None
    note: Note | None = None


class ClinicalTests(BaseModel):
    """The PHT tests; leave out any not done."""

    model_config = ConfigDict(extra="forbid")
    ischial_palpation: SideTest | None = Field(
        default=None, description="Tenderness on palpation at the sit bone."
    )
    bent_knee_stretch: SideTest | None = None
    modified_bent_knee_stretch: SideTest | None = None
    puranen_orava: SideTest | None = None
    slump: SideTest | None = None
    straight_leg_raise: RaiseTest | None = None
    single_leg_bridge: BridgeTest | None = Field(default=None, description="Repetitions per side.")


class AssessmentIn(BaseModel):
    """An assessment. `confirmed` must be true: the impression is the clinician's own. A
    `starting_phase` or `thresholds` is applied from today like a PATCH of the patient."""

    model_config = ConfigDict(extra="forbid")
    assessed_on: IsoDate | None = Field(default=None, description="Default today; not later.")
    tests: ClinicalTests = ClinicalTests()
    impression: Impression
    confirmed: Annotated[bool, Field(strict=True)]
    emphasis: Emphasis | None = Field(
        default=None, description="Default: the impression's (tendon, neural, mixed)."
    )
    starting_phase: Annotated[int, Field(strict=True, ge=1, le=6)] | None = None
    thresholds: ThresholdsPatch | None = None
    note: Note | None = None


class AssessmentOut(BaseModel):
    id: uuid.UUID
    assessed_on: date
    clinician: str | None
    impression: Impression
    emphasis: Emphasis
    starting_phase: int | None
    thresholds: dict[str, int] = Field(description="The thresholds changed with it.")
    follows_suggestion: StrictBool = Field(
        description="Whether phase and emphasis are those the starting profile suggested."
    )
    tests: list[TestOut]
    note: str | None
    created_at: datetime


class MaintenanceSummary(BaseModel):
    checked_on: date
    kind: Literal["weekly", "recheck"]
    suggest_step_back: StrictBool
    reasons: list[str]


class AssessmentPage(BaseModel):
    """The patient's intake with its starting profile, your assessments (newest first) and
    their latest maintenance checks with any suggestion to step back."""

    intake: IntakeOut
    assessments: list[AssessmentOut]
    last: AssessmentOut | None
    maintenance: list[MaintenanceSummary]
