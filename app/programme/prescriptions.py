"""Prescriptions: one per component, as frozen values; their stored JSON form, their plain
text, and the phase limits of the guardrails (pure: no database, no clock).

Stored JSON (the `prescription` of a version, a proposal or a log's `performed`):
- tendon:  {"exercises": [{"exercise", "sets", "reps", "hold_s", "load_kg"}, ...]}
- running: {"band": null | "jog" | "tempo" | "high_speed" | "sprint", "minutes": int | null}
- neural:  {"glide": "slider" | "tensioner", "exercise", "reps"}
- sitting: {"minutes"}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from app.programme.library import (
    BANDS,
    EXERCISES,
    GLIDES,
    HOLD,
    LADDER_INDEX,
    RUN_SESSIONS,
    TENDON_LADDER,
    TENSIONER,
    Dose,
    Exercise,
)
from app.rules.model import NEURAL, PHASE_MAX_BAND, PHASE_MAX_STAGE, RUNNING, SITTING, TENDON

COMPONENTS: Final = (TENDON, RUNNING, NEURAL, SITTING)
CUSTOM_PREFIX: Final = "custom:"
MAX_EXERCISES: Final = 6


@dataclass(frozen=True, slots=True)
class Item:
    exercise: str
    dose: Dose


@dataclass(frozen=True, slots=True)
class Tendon:
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Running:
    band: str | None  # None: no running
    minutes: int | None


@dataclass(frozen=True, slots=True)
class Neural:
    exercise: str  # a glide of the library
    reps: int


@dataclass(frozen=True, slots=True)
class Sitting:
    minutes: int


Prescription = Tendon | Running | Neural | Sitting


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The tendon exercises a patient's plan may name: the library's and their clinician's."""

    exercises: Mapping[str, Exercise]

    def get(self, key: str) -> Exercise | None:
        return self.exercises.get(key)

    def __getitem__(self, key: str) -> Exercise:
        return self.exercises[key]

    def position(self, key: str) -> float:
        """Place on the ladder: a library exercise's index; a custom exercise sits just before
        the first library exercise of its stage (so "next" goes on within its stage)."""
        if key in LADDER_INDEX:
            return LADDER_INDEX[key]
        stage = self.exercises[key].stage
        first = next((n for n, e in enumerate(TENDON_LADDER) if e.stage >= stage), None)
        return (len(TENDON_LADDER) if first is None else first) - 0.5


LIBRARY: Final = Catalogue(EXERCISES)


def with_custom(custom: Mapping[str, Exercise]) -> Catalogue:
    return Catalogue({**EXERCISES, **custom}) if custom else LIBRARY


# ---------------------------------------------------------------- stored form
def to_json(rx: Prescription) -> dict[str, Any]:
    if isinstance(rx, Tendon):
        return {
            "exercises": [
                {
                    "exercise": item.exercise,
                    "sets": item.dose.sets,
                    "reps": item.dose.reps,
                    "hold_s": item.dose.hold_s,
                    "load_kg": item.dose.load_kg,
                }
                for item in rx.items
            ]
        }
    if isinstance(rx, Running):
        return {"band": rx.band, "minutes": rx.minutes}
    if isinstance(rx, Neural):
        return {"glide": GLIDES[rx.exercise].glide, "exercise": rx.exercise, "reps": rx.reps}
    return {"minutes": rx.minutes}


def from_json(component: str, data: Mapping[str, Any]) -> Prescription:
    if component == TENDON:
        return Tendon(
            tuple(
                Item(
                    e["exercise"],
                    Dose(
                        e["sets"],
                        e.get("reps"),
                        e.get("hold_s"),
                        None if e.get("load_kg") is None else float(e["load_kg"]),
                    ),
                )
                for e in data["exercises"]
            )
        )
    if component == RUNNING:
        return Running(data.get("band"), data.get("minutes"))
    if component == NEURAL:
        return Neural(data["exercise"], data["reps"])
    if component == SITTING:
        return Sitting(data["minutes"])
    raise ValueError(f"unknown component {component!r}")


# ---------------------------------------------------------------- plain text
def kg(value: float) -> str:
    return f"{value:g}"


def dose_text(dose: Dose) -> str:
    """'3 x 30 s' for a hold, '3x8' or '3x10 @ 12.5 kg' for repetitions."""
    if dose.hold_s is not None:
        return f"{dose.sets} x {dose.hold_s} s"
    text = f"{dose.sets}x{dose.reps}"
    return text if dose.load_kg is None else f"{text} @ {kg(dose.load_kg)} kg"


def exercise_name(key: str, catalogue: Catalogue) -> str:
    found = catalogue.get(key)
    return found.name if found else "Exercise no longer available"


def run_text(rx: Running) -> str:
    if rx.band is None:
        return "no running"
    return f"{RUN_SESSIONS[rx.band].name} {rx.minutes} min"


def describe(rx: Prescription, catalogue: Catalogue = LIBRARY) -> str:
    """One line of plain language for a prescription."""
    if isinstance(rx, Tendon):
        return "; ".join(
            f"{exercise_name(i.exercise, catalogue)} {dose_text(i.dose)}" for i in rx.items
        )
    if isinstance(rx, Running):
        return "No running for now" if rx.band is None else f"Running: {run_text(rx)}"
    if isinstance(rx, Neural):
        return f"{GLIDES[rx.exercise].name}: {rx.reps} reps"
    return f"Sitting spells up to {rx.minutes} min"


# ---------------------------------------------------------------- phase limits
def max_stage(phase: int) -> int:
    return PHASE_MAX_STAGE.get(phase, 4)


def band_rank(band: str | None) -> int:
    """-1 for no running, then jog 0 .. sprint 3 (the rules' band numbers)."""
    return -1 if band is None else BANDS.index(band)


def max_band_rank(phase: int) -> int:
    cap = PHASE_MAX_BAND.get(phase, PHASE_MAX_BAND[6])
    return -1 if cap is None else cap


def tensioners_allowed(phase: int) -> bool:
    return phase >= 2


def stage_of(rx: Tendon, catalogue: Catalogue) -> int:
    """The highest stage among the exercises (what a log's `loading_stage` records)."""
    return max((catalogue[i.exercise].stage for i in rx.items), default=1)


def limit_problems(rx: Prescription, phase: int, catalogue: Catalogue) -> list[str]:
    """Why a prescription exceeds the phase (guardrails.md "Phases"); empty when it fits."""
    problems = []
    if isinstance(rx, Tendon):
        top = max_stage(phase)
        for item in rx.items:
            exercise = catalogue[item.exercise]
            if exercise.stage > top:
                problems.append(
                    f"{exercise.name} is a stage-{exercise.stage} exercise; phase {phase} "
                    f"allows stage {top} at most."
                )
    elif isinstance(rx, Running):
        cap = max_band_rank(phase)
        if band_rank(rx.band) > cap:
            allowed = "no running" if cap < 0 else f"running up to {BANDS[cap].replace('_', ' ')}"
            problems.append(f"Phase {phase} allows {allowed}.")
    elif isinstance(rx, Neural):
        tensioner = GLIDES[rx.exercise].glide == TENSIONER
        if tensioner and not tensioners_allowed(phase):
            problems.append("Tensioners start in phase 2: phase 1 uses sliders only.")
    return problems


def dose_problems(item: Item, exercise: Exercise) -> list[str]:
    """How a dose must fit its exercise: a hold has seconds and no reps, and the reverse."""
    if exercise.dosing == HOLD and (item.dose.hold_s is None or item.dose.reps is not None):
        return [f"{exercise.name} is held: give hold_s (seconds) and no reps."]
    if exercise.dosing != HOLD and (item.dose.reps is None or item.dose.hold_s is not None):
        return [f"{exercise.name} is done in repetitions: give reps and no hold_s."]
    return []
