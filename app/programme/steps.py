"""Steps of a prescription: one step up, a back-off, the phase clamp (pure: no database, no
clock; tests/programme/test_steps.py and test_step_properties.py).

A step up changes ONE variable, tried in this order (guardrails.md: "progress always means one
step in one variable"):
- tendon, on the first exercise of the list that can still step: hold time +5 s (up to the
  exercise's top); else +1 set (up to 4, or the exercise's top if lower); else about +10% load
  (rounded to 0.5 kg, at least +0.5 kg, up to the top load; bodyweight exercises have none);
  when no exercise can step, the first (oldest) exercise leaves the list and the next exercise
  of the library's ladder joins at the end, at its start dose (the next one after the most
  advanced exercise in the list, within the phase's highest stage); at the end of the ladder
  there is no step;
- running: the next speed band, within the phase's cap (the first run: jog at its start
  minutes); minutes stay;
- neural: in phase 2 and later, slider -> its tensioner (at the tensioner's start reps);
  otherwise "a few more": +2 reps up to the glide's top;
- sitting: +10 minutes, up to 120.

A back-off returns to the last prescription that was tolerated, when the history has one (the
caller passes it: see app/programme/service.py), clamped to the phase and only if that raises
nothing; otherwise it takes about 20% off: a hold's seconds (to a multiple of 5 s, at least
-5 s, not under 10 s), else a load (to 0.5 kg, at least -0.5 kg, not under 0.5 kg), else
reps (at least -1), else one set; running drops one speed band when it backs off for pain
over the ceiling (PM-2; from jog it takes minutes off instead), otherwise takes ~20% of the
minutes (to 5 min, not under 5); neural goes tensioner -> slider, else ~20% fewer reps (not
under 2); sitting ~20% fewer minutes (to 5 min, not under 10). A back-off never raises a dose.
"""

from __future__ import annotations

import math
from dataclasses import replace

from app.programme.compare import raises
from app.programme.defaults import default_for
from app.programme.library import (
    BANDS,
    GLIDE_STEP_REPS,
    GLIDES,
    HOLD,
    LADDER_INDEX,
    MAX_SETS,
    RUN_SESSIONS,
    SITTING_STEP_MIN,
    SITTING_TOP_MIN,
    SLIDER,
    TENDON_LADDER,
    TENSIONER,
    Dose,
    Exercise,
)
from app.programme.prescriptions import (
    Catalogue,
    Item,
    Neural,
    Prescription,
    Running,
    Sitting,
    Tendon,
    band_rank,
    max_band_rank,
    max_stage,
    tensioners_allowed,
)
from app.rules.model import TENDON

HOLD_STEP_S, MIN_HOLD_S, MIN_LOAD_KG = 5, 10, 0.5
MIN_RUN_MIN, MIN_GLIDE_REPS, MIN_SITTING_MIN = 5, 2, 10


def round_half(value: float) -> float:
    """To the nearest 0.5 (halves up)."""
    return math.floor(value * 2 + 0.5) / 2


def round5(value: float) -> int:
    """To the nearest multiple of 5 (halves up)."""
    return 5 * math.floor(value / 5 + 0.5)


def more_load(load: float) -> float:
    """About +10%, rounded to 0.5 kg, at least +0.5 kg."""
    return max(load + 0.5, round_half(load * 1.1))


# ---------------------------------------------------------------- one step up
def _dose_step(dose: Dose, exercise: Exercise) -> Dose | None:
    top = exercise.top
    hold, top_hold = dose.hold_s, top.hold_s
    if exercise.dosing == HOLD and hold is not None and top_hold is not None and hold < top_hold:
        return replace(dose, hold_s=min(hold + HOLD_STEP_S, top_hold))
    if dose.sets < min(MAX_SETS, top.sets):
        return replace(dose, sets=dose.sets + 1)
    if dose.load_kg is not None and top.load_kg is not None and dose.load_kg < top.load_kg:
        return replace(dose, load_kg=min(more_load(dose.load_kg), top.load_kg))
    return None


def next_exercise(rx: Tendon, phase: int, catalogue: Catalogue) -> Exercise | None:
    """The next exercise of the ladder after the most advanced one in the list, in the phase."""
    present = {item.exercise for item in rx.items}
    furthest = max((catalogue.position(key) for key in present), default=-1.0)
    for exercise in TENDON_LADDER:
        if exercise.stage > max_stage(phase):
            return None
        if LADDER_INDEX[exercise.key] > furthest and exercise.key not in present:
            return exercise
    return None


def _tendon_up(rx: Tendon, phase: int, catalogue: Catalogue) -> Tendon | None:
    for n, item in enumerate(rx.items):
        exercise = catalogue.get(item.exercise)
        dose = _dose_step(item.dose, exercise) if exercise else None
        if dose is not None:
            return Tendon((*rx.items[:n], Item(item.exercise, dose), *rx.items[n + 1 :]))
    following = next_exercise(rx, phase, catalogue)
    if following is None:
        return None
    return Tendon((*rx.items[1:], Item(following.key, following.start)))


def step_up(rx: Prescription, phase: int, catalogue: Catalogue) -> Prescription | None:
    """The prescription one step up, or None when there is no step within the phase."""
    if isinstance(rx, Tendon):
        return _tendon_up(rx, phase, catalogue)
    if isinstance(rx, Running):
        rank = band_rank(rx.band)
        if rank >= max_band_rank(phase):
            return None
        minutes = rx.minutes if rx.minutes is not None else RUN_SESSIONS["jog"].start_minutes
        return Running(BANDS[rank + 1], minutes)
    if isinstance(rx, Neural):
        glide = GLIDES[rx.exercise]
        if glide.glide == SLIDER and tensioners_allowed(phase):
            return Neural(glide.pair, GLIDES[glide.pair].start_reps)
        if rx.reps < glide.top_reps:
            return Neural(rx.exercise, min(rx.reps + GLIDE_STEP_REPS, glide.top_reps))
        return None
    if rx.minutes < SITTING_TOP_MIN:
        return Sitting(min(rx.minutes + SITTING_STEP_MIN, SITTING_TOP_MIN))
    return None


# ---------------------------------------------------------------- back-off
def _less(dose: Dose) -> Dose:
    if dose.hold_s is not None and dose.hold_s > MIN_HOLD_S:
        hold = min(dose.hold_s - HOLD_STEP_S, round5(dose.hold_s * 0.8))
        return replace(dose, hold_s=max(MIN_HOLD_S, hold))
    if dose.load_kg is not None and dose.load_kg > MIN_LOAD_KG:
        load = min(dose.load_kg - 0.5, round_half(dose.load_kg * 0.8))
        return replace(dose, load_kg=max(MIN_LOAD_KG, load))
    if dose.reps is not None and dose.reps > 1:
        return replace(dose, reps=max(1, min(dose.reps - 1, round(dose.reps * 0.8))))
    if dose.sets > 1:
        return replace(dose, sets=dose.sets - 1)
    return dose


def _minus_20(value: int, floor: int, to_five: bool) -> int:
    if value <= floor:
        return value
    less = round5(value * 0.8) if to_five else round(value * 0.8)
    return max(floor, min(value - (5 if to_five else 1), less))


def reduce(rx: Prescription, *, drop_band: bool = False) -> Prescription:
    """About 20% off the dose (see the module docstring); unchanged when at the floor."""
    if isinstance(rx, Tendon):
        return Tendon(tuple(Item(item.exercise, _less(item.dose)) for item in rx.items))
    if isinstance(rx, Running):
        if rx.band is None or rx.minutes is None:
            return rx
        rank = band_rank(rx.band)
        if drop_band and rank > 0:
            return Running(BANDS[rank - 1], rx.minutes)
        return Running(rx.band, _minus_20(rx.minutes, MIN_RUN_MIN, True))
    if isinstance(rx, Neural):
        glide = GLIDES[rx.exercise]
        if glide.glide == TENSIONER:
            return Neural(glide.pair, min(rx.reps, GLIDES[glide.pair].top_reps))
        return Neural(rx.exercise, _minus_20(rx.reps, MIN_GLIDE_REPS, False))
    return Sitting(_minus_20(rx.minutes, MIN_SITTING_MIN, True))


def back_off(
    rx: Prescription,
    phase: int,
    catalogue: Catalogue,
    *,
    tolerated: Prescription | None = None,
    drop_band: bool = False,
) -> Prescription:
    """The tolerated prescription when there is one that raises nothing, else ~20% off."""
    if tolerated is not None:
        candidate = clamp(tolerated, phase, catalogue)
        if candidate != rx and not raises(rx, candidate, catalogue):
            return candidate
    return clamp(reduce(rx, drop_band=drop_band), phase, catalogue)


# ---------------------------------------------------------------- phase limits
def _highest_allowed(phase: int, taken: set[str]) -> Exercise | None:
    for exercise in reversed(TENDON_LADDER):
        if exercise.stage <= max_stage(phase) and exercise.key not in taken:
            return exercise
    return None


def clamp(rx: Prescription, phase: int, catalogue: Catalogue) -> Prescription:
    """The prescription within the phase's limits: a tendon exercise above the highest stage
    gives way to the most advanced allowed one not in the list (at its start dose); running
    above the cap comes down to it (none in phase 1); a tensioner in phase 1 becomes its
    slider. What already fits is returned unchanged."""
    if isinstance(rx, Tendon):
        top = max_stage(phase)
        if all(catalogue[item.exercise].stage <= top for item in rx.items):
            return rx
        taken = {item.exercise for item in rx.items}
        items = []
        for item in rx.items:
            if catalogue[item.exercise].stage <= top:
                items.append(item)
                continue
            lower = _highest_allowed(phase, taken)
            if lower is not None:
                items.append(Item(lower.key, lower.start))
                taken.add(lower.key)
        return Tendon(tuple(items)) if items else default_for(phase, TENDON)
    if isinstance(rx, Running):
        cap = max_band_rank(phase)
        if band_rank(rx.band) <= cap:
            return rx
        if cap < 0:
            return Running(None, None)
        return Running(BANDS[cap], rx.minutes or RUN_SESSIONS["jog"].start_minutes)
    if isinstance(rx, Neural):
        glide = GLIDES[rx.exercise]
        if glide.glide == TENSIONER and not tensioners_allowed(phase):
            return Neural(glide.pair, min(rx.reps, GLIDES[glide.pair].top_reps))
    return rx
