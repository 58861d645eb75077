"""Objective tests as the API takes and gives them (kinds: app/outcomes/kinds.py)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.core.types import IsoDate, safe_text

TestKindName = Literal[
    "hamstring_isometric",
    "single_leg_bridge",
    "slump",
    "straight_leg_raise",
    "ischial_palpation",
    "bent_knee_stretch",
    "modified_bent_knee_stretch",
    "puranen_orava",
    "other",
]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=-1_000_000, le=1_000_000)]
Side = Literal["left", "right", "both"]


class TestIn(BaseModel):
    """One test. Bilateral tests (strength, bridge) take `left` and `right` (and `side`, the
    affected side, for the symmetry index); slump and straight-leg raise take the `side`
    tested and a `result` (the raise also its range in degrees as `value`); `other` takes a
    `name`, a `value` and a free `unit`."""

    model_config = ConfigDict(extra="forbid")
    kind: TestKindName
    tested_on: IsoDate | None = Field(default=None, description="Default today; not later.")
    side: Side | None = None
    left: Number | None = None
    right: Number | None = None
    value: Number | None = None
    unit: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=1, max_length=16),
            AfterValidator(safe_text),
        ]
        | None
    ) = Field(default=None, description="strength: N or kg; bridge: reps; raise: deg.")
    result: Literal["positive", "negative"] | None = None
    name: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=2, max_length=80),
            AfterValidator(safe_text),
        ]
        | None
    ) = None
    note: Annotated[str, StringConstraints(max_length=2000), AfterValidator(safe_text)] | None = (
        None
    )


class TestOut(BaseModel):
    id: uuid.UUID
    kind: TestKindName
    title: str
    name: str | None
    tested_on: date
    side: Side | None
    left: float | None
    right: float | None
    value: float | None
    unit: str | None
    result: Literal["positive", "negative"] | None
    symmetry_pct: float | None = Field(
        description="Limb symmetry index: the affected side over the other (without an "
        "affected side, the weaker over the stronger), in %."
    )
    note: str | None
    self_test: bool
    recorded_by: str | None = Field(description="Who recorded it, while the account exists.")
    created_at: datetime


class TestList(BaseModel):
    tests: list[TestOut] = Field(description="Newest first (at most 200).")


class TestKindOut(BaseModel):
    kind: TestKindName
    title: str
    sides: Literal["both", "one", "none"]
    units: list[str]
    result: bool
    self_test: bool
    hint: str
    sources: list[str]


class TestKindList(BaseModel):
    kinds: list[TestKindOut]
