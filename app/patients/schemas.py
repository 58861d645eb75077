"""A patient's settings as the API shows them."""

from __future__ import annotations

from pydantic import BaseModel


class ThresholdsOut(BaseModel):
    pain_ceiling: int
    safe_pain: int
    morning_margin: int
    sessions_to_progress: int
    sitting_drop_pct: int
    severe_pain: int
