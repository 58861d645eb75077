"""The 28-day window a status row carries: fixed-size arrays anchored on the write's date.

Same size whatever the length of the history, so reading a row costs the same for a patient
of two weeks and of two years. Index 27 is the anchor day (`on`), index 0 the day 27 before.
Stored in `patient_status.recent` as the JSON object `PackedWindow` describes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, TypedDict

DAYS = 28
DECISION_CODES = {"progress": "P", "hold": "H", "back_off": "B"}
NO_DECISION = "."


class PackedWindow(TypedDict):
    """The stored form (one entry per day, oldest first)."""

    on: str  # the anchor day, ISO
    morning: list[int | None]  # morning pain (None: not logged that morning, or no log)
    logged: str  # "1" for a day with a log, "0" without
    decisions: str  # the day's decision as P / H / B, NO_DECISION without one


def pack(
    on: date, morning: Mapping[date, int | None], decisions: Mapping[date, str]
) -> PackedWindow:
    """`morning` has an entry for every logged day (None when the morning was not logged)."""
    days = [on - timedelta(days=DAYS - 1 - i) for i in range(DAYS)]
    return {
        "on": on.isoformat(),
        "morning": [morning.get(day) for day in days],
        "logged": "".join("1" if day in morning else "0" for day in days),
        "decisions": "".join(
            DECISION_CODES.get(decisions.get(day, ""), NO_DECISION) for day in days
        ),
    }


class Window:
    """Read a packed window as seen on `today` (k = 0 is today, k = 1 yesterday, ...).

    A status row not written yet holds `{}`: every day reads as not logged."""

    def __init__(self, packed: Mapping[str, Any], today: date) -> None:
        on = packed.get("on")
        self.shift = (today - date.fromisoformat(on)).days if on else DAYS
        self._morning: list[int | None] = packed.get("morning", [])
        self._logged: str = packed.get("logged", "")
        self._decisions: str = packed.get("decisions", "")

    def _index(self, k: int) -> int | None:
        i = DAYS - 1 - k + self.shift  # today is `shift` days after the anchor
        return i if 0 <= i < DAYS else None

    def morning(self, k: int) -> int | None:
        i = self._index(k)
        return None if i is None else self._morning[i]

    def logged(self, k: int) -> bool:
        i = self._index(k)
        return i is not None and self._logged[i] == "1"

    def decision_code(self, k: int) -> str:
        i = self._index(k)
        return NO_DECISION if i is None else self._decisions[i]
