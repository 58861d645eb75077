"""The treatment phases, as a table for the UI (guardrails.md "Phases", from Goom 2016)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, slots=True)
class PhaseInfo:
    number: int
    name: str
    loading: str
    running_cap: str
    neural: str
    move_on: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "name": self.name,
            "loading": self.loading,
            "running_cap": self.running_cap,
            "neural": self.neural,
            "move_on": self.move_on,
        }


# The last phase: maintenance. Its daily log is optional (no evening reminder, no "no log for N
# days" on the desk); weekly checks take its place (app/intake/maintenance.py).
MAINTENANCE_PHASE = 6

PHASES: Mapping[int, PhaseInfo] = MappingProxyType(
    {
        1: PhaseInfo(
            1,
            "Settle",
            "Isometrics (stage 1), sitting modification",
            "none",
            "Sliders",
            "7 days without back_off, morning pain mean <= 3, sitting tolerance rising",
        ),
        2: PhaseInfo(
            2,
            "Load",
            "Isotonic (stages 2-3), eccentrics, hip hinge",
            "jog",
            "Sliders then tensioners",
            "14 days in phase, PR-1 in 2 separate weeks, no back_off in the last 7 days",
        ),
        3: PhaseInfo(
            3,
            "Integrate",
            "Stages 3-4, agility, resisted locomotion, plyometrics",
            "tempo",
            "Tensioners with movement",
            "14 days in phase, PR-2 at tempo twice, morning pain at baseline",
        ),
        4: PhaseInfo(
            4,
            "Perform",
            "Sport-specific drills",
            "high speed, then sprint",
            "As needed",
            "14 days at > 95% speed without back_off",
        ),
        5: PhaseInfo(
            5,
            "Return",
            "Full training, milestone review",
            "sprint",
            "As needed",
            "Clinician return-to-sport review (never automatic)",
        ),
        6: PhaseInfo(
            6, "Maintain", "Home programme, periodic re-check", "sprint", "As needed", "-"
        ),
    }
)
