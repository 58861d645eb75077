"""What the programme's endpoints answer, and the plan fields every guidance response carries."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.programme.inputs import Band, CustomDoseIn

Component = Literal["tendon", "running", "neural", "sitting"]
Step = Literal[
    "none", "proposed", "accepted", "declined", "withdrawn", "applied", "locked", "at_limit"
]


class ExerciseDoseOut(BaseModel):
    exercise: str = Field(description="Library key, or `custom:<id>` for a clinician's own.")
    name: str
    stage: int | None
    dosing: Literal["hold", "reps"] | None
    sets: int
    reps: int | None
    hold_s: int | None = Field(description="Seconds per hold (held exercises).")
    load_kg: float | None
    text: str = Field(description='The dose in words: "3 x 30 s", "3x8", "3x10 @ 12.5 kg".')


class PrescriptionOut(BaseModel):
    """One component's prescription. Tendon: `exercises`; running: `band` (null: no running)
    and `minutes`; neural: `glide`, `exercise` and `reps`; sitting: `minutes` (the longest
    spell to aim for). Fields of other components are null."""

    component: Component
    version_id: uuid.UUID | None = Field(
        description="The version this prescription is; null for a step not accepted yet."
    )
    number: int | None = Field(description="The version's number within its component.")
    text: str = Field(description="The prescription in one line of plain language.")
    exercises: list[ExerciseDoseOut] | None
    band: Band | None
    minutes: int | None
    glide: Literal["slider", "tensioner"] | None
    exercise: str | None
    exercise_name: str | None
    reps: int | None


class PlanFieldsOut(BaseModel):
    """What a decision does to the plan (added to each component of a guidance response)."""

    current: PrescriptionOut = Field(description="The prescription in force now.")
    next: PrescriptionOut | None = Field(
        description="Where this decision moves the plan: the proposed step (`proposed`, "
        "`accepted`, `declined`, `withdrawn`) or the back-off applied (`applied`); else null."
    )
    change: str | None = Field(
        description='The move in plain language, e.g. "Single-leg RDL: 3x8 -> 4x8".'
    )
    step: Step = Field(
        description="`proposed` (accept or decline `proposal_id`), `accepted`, `declined`, "
        "`withdrawn`, `applied` (a back-off, in force at once), `locked` (the clinician "
        "decides), `at_limit` (top of the phase's plan) or `none`."
    )
    proposal_id: uuid.UUID | None = Field(description="The pending proposal, when one waits.")
    locked: bool = Field(description="A clinician manages this component.")


class ProposalOut(BaseModel):
    id: uuid.UUID
    component: Component
    decision_date: date
    rule: str = Field(description="The rule that allowed the step (PR-1 .. PR-4).")
    status: Literal["pending", "accepted", "declined", "withdrawn"]
    change: str
    from_version_id: uuid.UUID
    next: PrescriptionOut


class ComponentPlanOut(BaseModel):
    current: PrescriptionOut
    pending: ProposalOut | None
    decided_by: Literal["guardrails", "clinician"] = Field(
        description="`clinician` when locked: only the clinician changes it."
    )
    locked: bool
    locked_by: str | None
    locked_at: datetime | None


class PlanComponentsOut(BaseModel):
    tendon: ComponentPlanOut
    running: ComponentPlanOut
    neural: ComponentPlanOut
    sitting: ComponentPlanOut


class TodayItemOut(BaseModel):
    component: Component
    version_id: uuid.UUID
    text: str


class TodayOut(BaseModel):
    date: date
    items: list[TodayItemOut] = Field(description="What to do today, one line per component.")


class PlanOut(BaseModel):
    library_version: str
    phase: int
    components: PlanComponentsOut
    proposals: list[ProposalOut] = Field(description="Steps waiting for the patient's tap.")
    today: TodayOut


class VersionOut(BaseModel):
    id: uuid.UUID
    component: Component
    number: int
    kind: Literal["default", "step_up", "back_off", "clinician", "phase_change"]
    made_by: Literal["patient", "clinician", "guardrails"]
    made_by_name: str | None = Field(description="The clinician or patient, while known.")
    reason: str = Field(
        description='Rule IDs ("PR-1", "PM-1 PM-3"), "clinician", "default", "phase change" '
        'or "assessment: neural emphasis" (a clinician\'s assessment set sliders only).'
    )
    decision_date: date | None
    change: str | None
    note: str | None
    created_at: datetime
    prescription: PrescriptionOut


class LockEventOut(BaseModel):
    component: Component
    locked: bool = Field(description="True: locked (only a clinician changes it); false: unlocked.")
    made_by_name: str | None = Field(description="The clinician, while known.")
    reason: str = Field(description='"clinician" or "assessment: neural emphasis".')
    created_at: datetime


class HistoryOut(BaseModel):
    versions: list[VersionOut] = Field(description="Newest first.")
    locks: list[LockEventOut] = Field(
        default_factory=list, description="Each lock and unlock by a clinician, newest first."
    )


class AnsweredOut(BaseModel):
    proposal: ProposalOut
    version: VersionOut | None = Field(description="The new version, when accepted.")


class LockOut(BaseModel):
    component: Component
    locked: bool
    locked_by: str | None
    locked_at: datetime | None


class CustomExerciseOut(BaseModel):
    key: str = Field(description="Name it in a tendon prescription with this key.")
    name: str
    description: str
    stage: int
    dosing: Literal["hold", "reps"]
    start: CustomDoseIn
    top: CustomDoseIn
    created_at: datetime


class CustomExercisesOut(BaseModel):
    exercises: list[CustomExerciseOut]


class LibraryExerciseOut(BaseModel):
    key: str
    name: str
    description: str
    stage: int
    dosing: Literal["hold", "reps"]
    start: CustomDoseIn
    top: CustomDoseIn


class LibraryGlideOut(BaseModel):
    key: str
    name: str
    description: str
    glide: Literal["slider", "tensioner"]
    start_reps: int
    top_reps: int


class LibraryRunOut(BaseModel):
    band: Band
    description: str
    start_minutes: int


class LibraryOut(BaseModel):
    version: str
    exercises: list[LibraryExerciseOut] = Field(description="The tendon ladder, in order.")
    glides: list[LibraryGlideOut]
    running: list[LibraryRunOut] = Field(description="Speed bands, slowest first.")
    sitting: dict[str, int | str]
