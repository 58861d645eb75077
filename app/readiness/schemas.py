"""The coach's view. By construction it cannot carry a pain score, a note, a red flag or a
reason's text: readiness is an enum and restrictions come from a fixed vocabulary."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from app.programme.restrictions import PLAN_RESTRICTIONS
from app.rules import RESTRICTIONS

# The rules' phrases and the few the plan adds (app/programme/restrictions.py).
VOCABULARY = RESTRICTIONS | PLAN_RESTRICTIONS
if TYPE_CHECKING:
    Restriction = str
else:  # an enum of the fixed phrases, in the OpenAPI document too
    Restriction = Literal[tuple(sorted(VOCABULARY))]


class AthleteReadiness(BaseModel):
    model_config = ConfigDict(extra="forbid")

    athlete_id: uuid.UUID
    display_name: str
    readiness: Literal["ready", "modified", "not_ready", "unknown"]
    restrictions: list[Restriction]
    as_of: date | None


class Athletes(BaseModel):
    athletes: list[AthleteReadiness]
