"""Maintenance checks (phase 6) as the API takes and gives them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from app.intake.schemas import Marker, Minutes, ProvocationMap, Rating
from app.outcomes.measure_schemas import TestIn, TestOut

Kind = Literal["weekly", "recheck"]


class MaintenanceIn(BaseModel):
    """`weekly`: pain this week, sitting tolerance, the home programme, any flare. `recheck`
    (every 4 weeks) adds the intake's provocation map and, optionally, self-tests."""

    model_config = ConfigDict(extra="forbid")
    kind: Kind = "weekly"
    pain_week: Rating = Field(description="The worst pain this week, 0-10.")
    sitting_minutes: Minutes = Field(description="Minutes you can sit before it hurts.")
    home_programme: Literal["yes", "partly", "no"]
    flare: StrictBool = Field(description="A flare-up this week.")
    provocation: ProvocationMap | None = Field(default=None, description="Re-check only.")
    self_tests: list[TestIn] = Field(default=[], max_length=4, description="Re-check only.")


class Change(BaseModel):
    item: Marker
    before: int
    now: int
    change: int


class Comparison(BaseModel):
    against_intake: list[Change] | None
    against_previous: list[Change] | None = Field(description="Against the last re-check.")
    previous_on: date | None


class Card(BaseModel):
    title: str
    items: list[str]
    notice: str


class MaintenanceCheckOut(BaseModel):
    id: uuid.UUID
    kind: Kind
    checked_on: date
    pain_week: int
    sitting_minutes: int
    home_programme: Literal["yes", "partly", "no"]
    flare: StrictBool
    provocation: ProvocationMap | None
    tests: list[TestOut]
    suggest_step_back: StrictBool = Field(
        description="Symptoms came back (a flare, or a provocation up by 2 or more): talk to a "
        "clinician about an earlier phase. Nothing changes on its own."
    )
    reasons: list[str]
    created_at: datetime


class MaintenanceResult(BaseModel):
    check: MaintenanceCheckOut
    comparison: Comparison | None = Field(description="Re-checks only.")
    see_clinician: Card | None = Field(description="When no clinician is linked.")


class MaintenancePage(BaseModel):
    """Phase 6 replaces the daily log (optional now) with these checks."""

    phase: int
    in_maintenance: StrictBool
    weekly_due: bool
    recheck_due: StrictBool
    checks: list[MaintenanceCheckOut] = Field(description="Newest first (at most 60).")
    see_clinician: Card | None
