"""Check-ins, goals and notes as the API takes and gives them (the models are the filter: the
coach has no route to any of them)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.core.types import IsoDate, safe_text

Score = Annotated[int, Field(strict=True, ge=0, le=10)]
GlobalChange = Literal[
    "much_worse", "worse", "slightly_worse", "no_change", "slightly_better", "better", "much_better"
]
Direction = Literal["improving", "stable", "worsening"]


Label = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=80),
    AfterValidator(safe_text),
]
GoalText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=200),
    AfterValidator(safe_text),
]
NoteText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=4000),
    AfterValidator(safe_text),
]


def _distinct(labels: list[str]) -> list[str]:
    if len({label.casefold() for label in labels}) != len(labels):
        raise ValueError("each activity must be named once")
    return labels


# ---------------------------------------------------------------- check-ins
class ActivitiesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    activities: Annotated[list[Label], Field(max_length=3), AfterValidator(_distinct)] = Field(
        description="Up to 3 activities, in the form's order. A label already in use keeps its "
        "id (and its trend); a new label starts a new one; a dropped one is retired."
    )


class ActivityOut(BaseModel):
    id: uuid.UUID
    label: str
    position: int
    created_at: datetime


class ActivityList(BaseModel):
    activities: list[ActivityOut]


class RatingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    activity_id: uuid.UUID
    score: Score


class CheckInIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answered_on: IsoDate | None = Field(
        default=None,
        description="The local date answered (default today; at most 28 days ago, not after "
        "tomorrow). The check-in counts for that date's ISO week.",
    )
    activities: Annotated[list[RatingIn], Field(max_length=3)] = Field(
        default=[], description="A score for some or all of your current activities."
    )
    confidence: Score = Field(description="Confidence to return to your sport or activity.")
    fear: Score = Field(description="Worry about hurting the hamstring again.")
    global_change: GlobalChange = Field(description="Overall change since starting rehab.")


class RatingOut(BaseModel):
    activity_id: uuid.UUID
    label: str
    score: int


class CheckInOut(BaseModel):
    id: uuid.UUID
    week_start: date = Field(description="The Monday of the ISO week it counts for.")
    answered_on: date
    activities: list[RatingOut]
    confidence: int
    fear: int
    global_change: GlobalChange
    global_change_score: int = Field(description="-3 (much worse) to +3 (much better).")
    version: int
    updated_at: datetime


class TrendPoint(BaseModel):
    week_start: date
    value: int


class MeasureTrend(BaseModel):
    latest: int | None
    change: int | None = Field(description="Latest minus the value about 4 weeks before it.")
    direction: Direction | None = Field(
        description="A change of 2 points or more (convention; no MCID is known for these)."
    )
    points: list[TrendPoint] = Field(description="Oldest first.")


class ActivityTrend(MeasureTrend):
    activity_id: uuid.UUID
    label: str
    current: bool = Field(description="False: the patient has since changed this activity.")


class CheckInTrends(BaseModel):
    confidence: MeasureTrend
    fear: MeasureTrend = Field(description="Lower is better: a fall is `improving`.")
    global_change: MeasureTrend
    activities: list[ActivityTrend]


class QuestionOption(BaseModel):
    code: GlobalChange
    text: str


class QuestionItem(BaseModel):
    id: Literal["activities", "confidence", "fear", "global_change"]
    text: str
    help: str
    kind: Literal["score", "choice"]
    low: int | None = None
    high: int | None = None
    options: list[QuestionOption] = []


class QuestionnaireOut(BaseModel):
    version: str
    items: list[QuestionItem]
    note: str


class CheckInsOut(BaseModel):
    questionnaire: QuestionnaireOut
    activities: list[ActivityOut] = Field(description="The current activities, in order.")
    week_start: date = Field(description="The Monday of the patient's current ISO week.")
    due: bool = Field(description="This week has no check-in yet.")
    overdue: bool = Field(description="A whole ISO week went by without one.")
    this_week: CheckInOut | None
    check_ins: list[CheckInOut] = Field(description="Newest first.")
    trends: CheckInTrends


# ---------------------------------------------------------------- goals
GoalStatus = Literal["active", "met", "dropped"]


class GoalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: GoalText
    target_on: IsoDate | None = None


class GoalPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: GoalText | None = None
    target_on: IsoDate | None = Field(default=None, description="`null` clears the date.")
    status: GoalStatus | None = None


class GoalOut(BaseModel):
    id: uuid.UUID
    text: str
    target_on: date | None
    status: GoalStatus
    status_on: date | None = Field(description="When it was met or dropped.")
    current: bool = Field(description="The goal the Today page shows.")
    set_by: str | None
    set_by_role: Literal["patient", "clinician"] | None
    changed_by: str | None
    created_at: datetime
    updated_at: datetime


class GoalList(BaseModel):
    current: GoalOut | None = Field(
        description="The active goal with the nearest target date (undated goals after dated "
        "ones; then the most recently set)."
    )
    goals: list[GoalOut] = Field(description="Active goals first, then the rest, newest first.")


# ---------------------------------------------------------------- notes
class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: NoteText
    shared: Annotated[bool, Field(strict=True)] = False


class NotePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    shared: Annotated[bool, Field(strict=True)]


class NoteOut(BaseModel):
    id: uuid.UUID
    text: str
    shared: bool
    shared_at: datetime | None
    created_at: datetime


class NoteList(BaseModel):
    notes: list[NoteOut] = Field(description="Your own notes on this patient, newest first.")


class SharedNoteOut(BaseModel):
    id: uuid.UUID
    text: str
    written_by: str | None
    shared_at: datetime | None
    created_at: datetime


class SharedNoteList(BaseModel):
    notes: list[SharedNoteOut] = Field(description="Notes your clinicians shared, newest first.")
