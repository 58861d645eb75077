"""Inputs, outputs and constants of the rule set: frozen dataclasses and plain values only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

RULESET_VERSION: Final = "2026.12"

TENDON: Final = "tendon"
RUNNING: Final = "running"
NEURAL: Final = "neural"
SITTING: Final = "sitting"
COMPONENTS: Final = (TENDON, RUNNING, NEURAL, SITTING)
ALL: Final = "all"  # the reason's component for whole-body rules (RF-*, FL-*, GA-1 when shared)

PROGRESS: Final = "progress"
HOLD: Final = "hold"
BACK_OFF: Final = "back_off"
CAP: Final = "at_most_hold"  # an effect, never a decision: turns progress into hold
CONSERVATISM: Final[Mapping[str, int]] = {PROGRESS: 0, HOLD: 1, BACK_OFF: 2}

ROUTINE: Final = "routine"
SOON: Final = "soon"
URGENT: Final = "urgent"
EMERGENCY: Final = "emergency"
REFERRAL_RANK: Final[Mapping[str | None, int]] = {
    None: 0,
    ROUTINE: 1,
    SOON: 2,
    URGENT: 3,
    EMERGENCY: 4,
}

INFO: Final = "info"  # a progress rule
CAUTION: Final = "caution"  # a hold rule
WARNING: Final = "warning"  # back_off, or a routine/soon referral
CRITICAL: Final = "critical"  # an urgent/emergency referral

EXTENT_RANK: Final[Mapping[str, int]] = {
    "none": 0,
    "buttock": 1,
    "thigh": 2,
    "below_knee": 3,
    "foot": 4,
}
BELOW_KNEE: Final = 3

# The progress rule of each component: the only rule that can make it progress.
PROGRESS_RULE: Final[Mapping[str, str]] = {
    TENDON: "PR-1",
    RUNNING: "PR-2",
    NEURAL: "PR-3",
    SITTING: "PR-4",
}
# The referral level each red flag opens (RF-1 emergency, RF-2/RF-3 urgent, RF-4 soon).
FLAG_LEVEL: Final[Mapping[str, str]] = {
    "saddle_numbness": EMERGENCY,
    "bladder_bowel_change": EMERGENCY,
    "both_legs": EMERGENCY,
    "sexual_dysfunction": EMERGENCY,
    "new_weakness": URGENT,
    "pop_with_bruising": URGENT,
    "fever_unwell": SOON,
    "night_rest_pain": SOON,
}
RED_FLAGS: Final = frozenset(FLAG_LEVEL)
PAIN_FIELDS: Final = ("morning_pain", "sitting_pain", "loading_pain", "sprint_pain", "glide_pain")

# Running speed bands (% of maximal speed) and the fastest band each phase allows.
JOG, TEMPO, HIGH_SPEED, SPRINT = 0, 1, 2, 3
PHASE_MAX_BAND: Final[Mapping[int, int | None]] = {
    1: None,
    2: JOG,
    3: TEMPO,
    4: SPRINT,
    5: SPRINT,
    6: SPRINT,
}

BAND_NAMES: Final[Mapping[int, str]] = {
    JOG: "jog (under 70%)",
    TEMPO: "tempo (70-85%)",
    HIGH_SPEED: "high speed (86-95%)",
    SPRINT: "sprint (over 95%)",
}
# The highest loading stage each phase allows (PH-2).
PHASE_MAX_STAGE: Final[Mapping[int, int]] = {1: 1, 2: 3, 3: 4, 4: 4, 5: 4, 6: 4}

THRESHOLD_LIMITS: Final[dict[str, tuple[int, int]]] = {
    "pain_ceiling": (1, 9),
    "safe_pain": (0, 8),
    "morning_margin": (1, 5),
    "sessions_to_progress": (1, 5),
    "sitting_drop_pct": (5, 90),
    "severe_pain": (2, 10),
}


def speed_band(pct: int | None) -> int | None:
    """Jog < 70, tempo 70-85, high speed > 85-95, sprint > 95 (guardrails.md "Speed bands")."""
    if pct is None:
        return None
    if pct < 70:
        return JOG
    if pct <= 85:
        return TEMPO
    if pct <= 95:
        return HIGH_SPEED
    return SPRINT


@dataclass(frozen=True, slots=True)
class DayLog:
    """One day's log; None means not logged or not done, never 0."""

    log_date: dt.date
    morning_pain: int | None = None
    sitting_pain: int | None = None
    sitting_tolerance_min: int | None = None
    loading_pain: int | None = None
    loading_stage: int | None = None
    sprint_pain: int | None = None
    sprint_speed_pct: int | None = None
    glide_pain: int | None = None
    glide_type: str | None = None
    paresthesia: str | None = None
    symptom_extent: str | None = None
    red_flags: frozenset[str] = frozenset()
    sleep: int | None = None
    fatigue: int | None = None
    stress: int | None = None
    soreness: int | None = None
    session_rpe: int | None = None
    session_min: int | None = None
    red_flags_reviewed: bool = False


@dataclass(frozen=True, slots=True)
class Clearance:
    """A linked clinician checked the patient on `checked_on` (closes earlier episodes)."""

    checked_on: dt.date


@dataclass(frozen=True, slots=True)
class Episode:
    """A red-flag episode: opened by the flags logged on `started_on`, at their highest level."""

    started_on: dt.date
    level: str  # soon | urgent | emergency
    flags: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "started_on": self.started_on.isoformat(),
            "level": self.level,
            "flags": list(self.flags),
        }


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Per-patient numbers a clinician may override (guardrails.md "Thresholds")."""

    pain_ceiling: int = 5
    safe_pain: int = 3
    morning_margin: int = 2
    sessions_to_progress: int = 2
    sitting_drop_pct: int = 30
    severe_pain: int = 7


@dataclass(frozen=True, slots=True)
class PatientState:
    phase: int = 1
    phase_started_on: dt.date | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)


@dataclass(frozen=True, slots=True)
class PriorDecision:
    """A stored earlier decision: its date, overall decision and the rule IDs that fired.

    A component progressed that day exactly when its PR rule is among the rules (PR-1 tendon,
    PR-2 running, PR-3 neural, PR-4 sitting): a held or gated component never lists its PR rule.
    """

    decision_date: dt.date
    decision: str
    rules: frozenset[str]

    def progressed(self, component: str) -> bool:
        return PROGRESS_RULE[component] in self.rules


@dataclass(frozen=True, slots=True)
class ComponentDecision:
    decision: str
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str
    component: str
    severity: str
    message: str


@dataclass(frozen=True, slots=True)
class Guidance:
    date: dt.date
    decision: str
    referral: str | None
    components: Mapping[str, ComponentDecision]
    reasons: tuple[Reason, ...]
    phase: int
    phase_ready: bool
    open_episodes: tuple[Episode, ...] = ()
    ruleset: str = RULESET_VERSION

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Guidance:
        """The inverse of as_dict (a stored guidance back into the rules' type)."""
        return cls(
            date=dt.date.fromisoformat(data["date"]),
            decision=data["decision"],
            referral=data["referral"],
            components={
                name: ComponentDecision(c["decision"], tuple(c["rules"]))
                for name, c in data["components"].items()
            },
            reasons=tuple(Reason(**r) for r in data["reasons"]),
            phase=data["phase"],
            phase_ready=data["phase_ready"],
            open_episodes=tuple(
                Episode(dt.date.fromisoformat(e["started_on"]), e["level"], tuple(e["flags"]))
                for e in data.get("open_episodes", ())
            ),
            ruleset=data["ruleset"],
        )

    def as_dict(self) -> dict[str, Any]:
        """The JSON-ready guidance object of api.md, keys in the documented order."""
        return {
            "date": self.date.isoformat(),
            "decision": self.decision,
            "referral": self.referral,
            "components": {
                name: {"decision": c.decision, "rules": list(c.rules)}
                for name, c in self.components.items()
            },
            "reasons": [
                {
                    "rule": r.rule,
                    "component": r.component,
                    "severity": r.severity,
                    "message": r.message,
                }
                for r in self.reasons
            ],
            "open_episodes": [e.as_dict() for e in self.open_episodes],
            "phase": self.phase,
            "phase_ready": self.phase_ready,
            "ruleset": self.ruleset,
        }


@dataclass(frozen=True, slots=True)
class Readiness:
    """The coach's view: a status and plain-word restrictions; it has no field for a score."""

    status: str
    restrictions: tuple[str, ...]
