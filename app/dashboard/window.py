"""The 28-day window a status row carries: fixed-size arrays anchored on the write's date.

Same size whatever the length of the history, so reading a row costs the same for a patient
of two weeks and of two years. Index 27 is the anchor day (`on`), index 0 the day 27 before.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

DAYS = 28
DECISION_CODES = {"progress": "P", "hold": "H", "back_off": "B"}
NO_DECISION = "."


def pack(
    on: date, morning: Mapping[date, int | None], decisions: Mapping[date, str]
) -> dict[str, Any]:
    """`morning` has an entry for every logged day (None when the morning was not logged)."""
    days = [on - timedelta(days=DAYS - 1 - i) for i in range(DAYS)]
    return {
        "on": on.isoformat(),
        "m": [morning.get(day) for day in days],
        "l": "".join("1" if day in morning else "0" for day in days),
        "d": "".join(DECISION_CODES.get(decisions.get(day, ""), NO_DECISION) for day in days),
    }


class Window:
    """Read a packed window as seen on `today` (k = 0 is today, k = 1 yesterday, ...)."""

    def __init__(self, packed: Mapping[str, Any], today: date) -> None:
        self.packed = packed
        on = packed.get("on")
        self.shift = (today - date.fromisoformat(on)).days if on else DAYS

    def _index(self, k: int) -> int | None:
        i = DAYS - 1 - k + self.shift  # today is `shift` days after the anchor
        return i if 0 <= i < DAYS else None

    def morning(self, k: int) -> int | None:
        i = self._index(k)
        return None if i is None else self.packed["m"][i]

    def logged(self, k: int) -> bool:
        i = self._index(k)
        return i is not None and self.packed["l"][i] == "1"

    def decision_code(self, k: int) -> str:
        i = self._index(k)
        return NO_DECISION if i is None else self.packed["d"][i]
