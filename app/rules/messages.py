"""Plain-language reasons shown to the patient, with the patient's own threshold numbers.

Each text matches its rule's effect: a hold never says "ease off" or "reduce", a back-off never
says "keep" (tests/rules/test_messages.py checks every variant).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .model import Reason

_COUNT_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}
_CHECKED = 'When you have been checked, tick "A clinician has checked me" in your log.'
_GLIDES_OK = "Glides are comfortable: "

# rule -> variant -> template ("" is the only or default variant).
_TEMPLATES: dict[str, dict[str, str]] = {
    "RF-1": {
        "": "These can be signs of pressure on the nerves at the base of the spine: "
        "go to an emergency department now. Do not train."
    },
    "RF-2": {"": "New weakness needs a clinician's examination today."},
    "RF-3": {"": "A sudden pop with bruising can mean a tendon tear: get it assessed today."},
    "RF-4": {"": "These symptoms need a medical review within 2 days to rule out another cause."},
    "RF-5": {
        "stop": "You reported warning signs on {0}. Until a clinician has checked you, "
        "no training. " + _CHECKED,
        "hold": "You reported warning signs on {0}. Until a clinician has checked you, "
        "stay at your current level. " + _CHECKED,
    },
    "PM-1": {"": "Pain went over {ceiling}/10 during loading: reduce the next session."},
    "PM-2": {"": "Pain went over {ceiling}/10 while running: drop back one speed band."},
    "PM-3": {"": "Your recent training had not settled by this morning: reduce it."},
    "PM-4": {"": "Slightly more sore this morning: repeat the same load, do not add."},
    "PM-5": {
        "back_off": "Your morning pain is rising week to week: reduce your loads.",
        "hold": "Morning pain is creeping up week to week: keep your loads as they are.",
    },
    "PM-6": {"": "Acceptable pain: keep this load, don't progress yet."},
    "PM-7": {"": "Acceptable pain: keep this speed, don't go faster yet."},
    "PM-8": {
        "": "Your morning pain is up without a training cause: "
        "keep everything at the current level today."
    },
    "SI-1": {
        "": "The tendon is more irritable: break up sitting, use a cushion, "
        "pause deeper hip-flexion exercises."
    },
    "SI-2": {
        "": "Sitting is painful today: sit for shorter spells, use a cushion, and stand up often."
    },
    "SI-4": {"": "Sitting is uncomfortable today: keep your sitting spells as they are."},
    "SI-3": {"": "Sitting pain is creeping up week to week: cut sitting spells down again."},
    "NE-1": {"": "Signs of nerve irritation: make the glides gentler."},
    "NE-2": {
        "": "The nerve is more sensitive today: keep the glides as they are, don't add tension."
    },
    "NE-3": {
        "": "Leg symptoms have reached below the knee on several days this week: "
        "book an assessment with a clinician this week."
    },
    "FL-1": {"": "Severe pain today: rest the painful activity and ease off."},
    "FL-2": {
        "": "Severe pain on two days this week: stay at your current level "
        "and book a review within 2 days."
    },
    "PH-1": {
        "phase1": "Running starts in phase 2: rest from running for now.",
        "cap": "Faster than your phase allows (up to {0}): run within it.",
    },
    "PH-2": {"": "Stage {0} comes later in your plan: go back to stage {1}."},
    "PH-3": {"": "Tensioners start in phase 2: stay with sliders for now."},
    "SP-1": {"": "A big jump in speed: go up one band at a time."},
    "SP-2": {"": "A big jump in exercise stage: go up one stage at a time."},
    "MD-1": {"": "Log your morning score (and at least 4 days a week) before we step up."},
    "GA-1": {"": "Something else needs care today, so nothing steps up: keep your current levels."},
    "PR-0": {"": "Ready to step up, but one change at a time: today's step up is {0}."},
    "PR-1": {"": "{count} good {sessions} with a settled next morning: add one step."},
    "PR-2": {"": "{count} comfortable {runs}: go up one speed band."},
    "PR-3": {
        "phase1": _GLIDES_OK + "add a few more sliders.",
        "slider": _GLIDES_OK + "you may move on to tensioners.",
        "tensioner": _GLIDES_OK + "add a few more tensioners.",
    },
    "PR-4": {"": "Sitting is settling: build up sitting time by about 10 minutes."},
}

RULE_IDS = tuple(_TEMPLATES)  # every rule, in table order
VARIANTS = {rule: tuple(texts) for rule, texts in _TEMPLATES.items()}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def spoken_date(iso: str) -> str:
    """'2026-11-21' -> 'Sat 21 Nov 2026' (English, whatever the process locale)."""
    day = dt.date.fromisoformat(iso)
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


# How a component is named in a sentence (PR-0 names the one that steps up).
COMPONENT_WORDS = {
    "tendon": "in tendon loading",
    "running": "in running",
    "neural": "in nerve glides",
    "sitting": "in sitting time",
}


def _arg(rule: str, value: str) -> str:
    if rule == "RF-5":
        return spoken_date(value)
    return COMPONENT_WORDS.get(value, value) if rule == "PR-0" else value


@lru_cache(maxsize=2048)
def _message(rule: str, variant: str, args: tuple[str, ...], ceiling: int, sessions: int) -> str:
    """The reason text with this patient's pain_ceiling and sessions_to_progress."""
    return _TEMPLATES[rule][variant].format(
        *(_arg(rule, a) for a in args),
        ceiling=ceiling,
        count=_COUNT_WORDS.get(sessions, str(sessions)),
        sessions="session" if sessions == 1 else "sessions",
        runs="run" if sessions == 1 else "runs",
    )


@lru_cache(maxsize=2048)
def reason(
    rule: str,
    component: str,
    severity: str,
    variant: str,
    args: tuple[str, ...],
    ceiling: int,
    sessions: int,
) -> Reason:
    """A Reason (immutable, so one instance is shared by every decision that gives it)."""
    return Reason(rule, component, severity, _message(rule, variant, args, ceiling, sessions))
