"""Plain-language reasons shown to the patient, with the patient's own threshold numbers."""

from __future__ import annotations

from functools import lru_cache

from .model import Reason

_COUNT_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}

_TEMPLATES = {
    "RF-1": "Possible nerve-root compression: seek emergency care now. Do not train.",
    "RF-2": "New weakness needs a clinician's examination today.",
    "RF-3": "A sudden pop with bruising can mean a tendon tear: get it assessed early.",
    "RF-4": "These symptoms need a medical review to rule out another cause.",
    "PM-1": "Pain went over {ceiling}/10 during loading: reduce the next session.",
    "PM-2": "Pain went over {ceiling}/10 while running: drop back one speed band.",
    "PM-3": "Yesterday's load had not settled by this morning: reduce it.",
    "PM-4": "Slightly more sore this morning: repeat the same load, do not add.",
    "PM-5": "Your morning pain is rising week to week: ease off.",
    "PM-6": "Acceptable pain: keep this load, don't progress yet.",
    "PM-7": "Acceptable pain: keep this speed, don't go faster yet.",
    "SI-1": (
        "The tendon is more irritable: break up sitting, use a cushion, "
        "pause deeper hip-flexion exercises."
    ),
    "NE-1": "Signs of nerve irritation: make the glides gentler.",
    "NE-2": "The nerve is more sensitive today: repeat sliders, don't add tension.",
    "NE-3": "Persistent leg symptoms need a clinician's assessment.",
    "FL-1": "Severe pain today: rest the painful activity and ease off.",
    "FL-2": "Repeated severe pain needs a clinician's review.",
    "MD-1": "Log your morning score (and at least 4 days a week) before we progress.",
    "PR-1": "{count} good {sessions} with a settled next morning: add one step.",
    "PR-2": "{count} comfortable {runs}: go up one speed band.",
    "PR-3": "Glides are comfortable: you may progress them.",
    "PR-4": "Sitting is settling: build up sitting time.",
}

RULE_IDS = tuple(_TEMPLATES)  # every rule, in table order


@lru_cache(maxsize=1024)
def _message(rule: str, ceiling: int, sessions: int) -> str:
    """The reason text with this patient's pain_ceiling and sessions_to_progress."""
    return _TEMPLATES[rule].format(
        ceiling=ceiling,
        count=_COUNT_WORDS.get(sessions, str(sessions)),
        sessions="session" if sessions == 1 else "sessions",
        runs="run" if sessions == 1 else "runs",
    )


@lru_cache(maxsize=1024)
def reason(rule: str, component: str, severity: str, ceiling: int, sessions: int) -> Reason:
    """A Reason (immutable, so one instance is shared by every decision that gives it)."""
    return Reason(rule, component, severity, _message(rule, ceiling, sessions))
