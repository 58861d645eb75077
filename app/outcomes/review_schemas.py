"""The phase page, the education cards and the return-to-sport review as the API gives them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.core.types import safe_text


class CriterionOut(BaseModel):
    id: str
    label: str
    met: bool
    value: float | None = Field(description="The patient's number (null: not known yet).")
    target: str
    text: str = Field(description="The criterion in plain words, with the numbers behind it.")


class SourceOut(BaseModel):
    id: str = Field(description="The id in the evidence notes (evidence.md), e.g. S17.")
    title: str


class CriteriaOut(BaseModel):
    kind: Literal["automatic", "review", "none"] = Field(
        description="automatic: from the logs (phases 1-4; a clinician confirms); review: the "
        "return-to-sport review (phase 5); none: phase 6."
    )
    items: list[CriterionOut]
    met: int
    all_met: bool
    note: str
    review_confirmed_on: date | None = Field(
        description="Phase 5: when a clinician last confirmed the review."
    )


class TimelineRow(BaseModel):
    number: int
    name: str
    weeks_low: int | None
    weeks_high: int | None
    typical: str = Field(description='"2-6 weeks", or "ongoing".')
    status: Literal["done", "current", "ahead"]


class PlanOut(BaseModel):
    loading: str
    running_cap: str
    neural: str


class NextPhase(BaseModel):
    number: int
    name: str


class PhasePage(BaseModel):
    phase: int
    name: str
    started_on: date | None
    days_in_phase: int | None
    purpose: str
    do: list[str]
    avoid: list[str]
    plan: PlanOut
    next_phase: NextPhase | None
    criteria: CriteriaOut
    timeline: list[TimelineRow]
    timeline_note: str
    total_typical: str
    cards: list[str] = Field(description="Ids of the education cards for this phase.")
    sources: list[SourceOut]
    disclaimer: str
    content_version: str


class CardOut(BaseModel):
    id: str
    title: str
    summary: str
    minutes: int
    paragraphs: list[str]
    sources: list[SourceOut]
    disclaimer: str


class Education(BaseModel):
    version: str
    disclaimer: str
    cards: list[CardOut]


class ConfirmationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: (
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
            AfterValidator(safe_text),
        ]
        | None
    ) = Field(default=None, description="Required when a criterion is not met: say why.")


class ConfirmationOut(BaseModel):
    id: uuid.UUID
    confirmed_on: date
    confirmed_at: datetime
    confirmed_by: str | None
    all_met: bool
    criteria: list[CriterionOut] = Field(description="The criteria as they stood then.")
    note: str | None


class ReturnToSportReview(BaseModel):
    phase: int
    in_review_phase: bool = Field(description="Confirmations are made in phase 5.")
    as_of: date
    criteria: list[CriterionOut]
    all_met: bool
    met: int
    confirmations: list[ConfirmationOut] = Field(description="Newest first.")
