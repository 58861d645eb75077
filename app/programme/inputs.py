"""What the API takes: a clinician's prescription of one component, a custom exercise, and a
log's `performed` (what was done against the plan). Bounds are checked here; what needs the
database (versions, the patient's phase and exercises) in the use cases."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from app.core.types import safe_text
from app.programme.library import GLIDES

Band = Literal["jog", "tempo", "high_speed", "sprint"]
if TYPE_CHECKING:
    GlideKey = str
else:  # an enum of the library's glides, in the OpenAPI document too
    GlideKey = Literal[tuple(GLIDES)]
Note = Annotated[str, StringConstraints(max_length=500), AfterValidator(safe_text)]


def _uuid_text(value: str) -> str:
    return str(uuid.UUID(value))


VersionId = Annotated[
    str,
    StringConstraints(min_length=32, max_length=45),
    AfterValidator(_uuid_text),
    Field(description="A version of this component of your plan (its `version_id`)."),
]
Sets = Annotated[int, Field(strict=True, ge=1, le=10)]
Reps = Annotated[int, Field(strict=True, ge=1, le=100)]
HoldS = Annotated[int, Field(strict=True, ge=5, le=300, description="Seconds per hold.")]
LoadKg = Annotated[
    float, Field(strict=True, ge=0, le=500, multiple_of=0.5, description="Kilograms.")
]


class DoseIn(BaseModel):
    """One exercise and its dose: `hold_s` for a held exercise, `reps` otherwise."""

    model_config = ConfigDict(extra="forbid")

    exercise: Annotated[str, StringConstraints(min_length=1, max_length=60)] = Field(
        description="A library key (e.g. `single_leg_rdl`) or a custom exercise's `key`."
    )
    sets: Sets
    reps: Reps | None = None
    hold_s: HoldS | None = None
    load_kg: LoadKg | None = None


def _unique(items: list[DoseIn]) -> list[DoseIn]:
    if len({item.exercise for item in items}) != len(items):
        raise ValueError("each exercise may appear once")
    return items


Exercises = Annotated[list[DoseIn], Field(min_length=1, max_length=6), AfterValidator(_unique)]


class TendonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    exercises: Exercises
    note: Note | None = None


class RunningIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    band: Band | None = Field(description="null: no running.")
    minutes: Annotated[int, Field(strict=True, ge=5, le=180)] | None = None
    note: Note | None = None

    @model_validator(mode="after")
    def _minutes_with_a_band(self) -> Self:
        if (self.band is None) != (self.minutes is None):
            raise ValueError("give minutes with a band, and neither for no running")
        return self


class NeuralIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    exercise: GlideKey
    reps: Annotated[int, Field(strict=True, ge=1, le=50)]
    note: Note | None = None


class SittingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    minutes: Annotated[int, Field(strict=True, ge=5, le=480)]
    note: Note | None = None


class LockIn(BaseModel):
    """Why the clinician locks the component: optional, kept in the plan's history (which the
    patient sees too)."""

    model_config = ConfigDict(extra="forbid")
    reason: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, max_length=200),
            AfterValidator(safe_text),
        ]
        | None
    ) = None


class CustomDoseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sets: Sets
    reps: Reps | None = None
    hold_s: HoldS | None = None
    load_kg: LoadKg | None = None


class CustomExerciseIn(BaseModel):
    """A tendon exercise for this patient only. Start dose by default 3 x 30 s (held) or 3x10;
    top dose by default 4 sets (and 45 s when held); give a top `load_kg` to step the load."""

    model_config = ConfigDict(extra="forbid")
    name: Annotated[str, StringConstraints(min_length=1, max_length=80), AfterValidator(safe_text)]
    description: Annotated[str, StringConstraints(max_length=300), AfterValidator(safe_text)] = ""
    stage: Annotated[int, Field(strict=True, ge=1, le=4)]
    dosing: Literal["hold", "reps"]
    start: CustomDoseIn | None = None
    top: CustomDoseIn | None = None


class _Done(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version_id: VersionId
    as_prescribed: bool = Field(
        strict=True, description="true: done exactly as that version says (no doses given)."
    )

    def _check(self, *given: object) -> None:
        if self.as_prescribed and any(value is not None for value in given):
            raise ValueError("leave the doses out when done as prescribed")
        if not self.as_prescribed and all(value is None for value in given):
            raise ValueError("give what was done when it was not as prescribed")


class TendonDone(_Done):
    exercises: Exercises | None = None

    @model_validator(mode="after")
    def _doses(self) -> Self:
        self._check(self.exercises)
        return self


class RunningDone(_Done):
    band: Band | None = None
    minutes: Annotated[int, Field(strict=True, ge=1, le=600)] | None = None

    @model_validator(mode="after")
    def _doses(self) -> Self:
        self._check(self.band, self.minutes)
        return self


class NeuralDone(_Done):
    exercise: GlideKey | None = None
    reps: Annotated[int, Field(strict=True, ge=1, le=100)] | None = None

    @model_validator(mode="after")
    def _doses(self) -> Self:
        self._check(self.exercise, self.reps)
        return self


class SittingDone(_Done):
    minutes: Annotated[int, Field(strict=True, ge=0, le=720)] | None = Field(
        default=None, description="The longest sitting spell, when not as prescribed."
    )

    @model_validator(mode="after")
    def _doses(self) -> Self:
        self._check(self.minutes)
        return self


class PerformedIn(BaseModel):
    """What was done against the plan, per component: the version followed and whether as
    prescribed ("done as prescribed" is one tap), or the doses actually done ("changed").
    Checked against the patient's plan; the server never fills a log field from it."""

    model_config = ConfigDict(extra="forbid")
    tendon: TendonDone | None = None
    running: RunningDone | None = None
    neural: NeuralDone | None = None
    sitting: SittingDone | None = None
