"""Comparing two prescriptions of one component: which variables differ, whether the second
asks more than the first, and the change in plain language (pure)."""

from __future__ import annotations

from app.programme.library import GLIDES, TENSIONER, Dose
from app.programme.prescriptions import (
    Catalogue,
    Neural,
    Prescription,
    Running,
    Sitting,
    Tendon,
    band_rank,
    dose_text,
    exercise_name,
    run_text,
    stage_of,
)

_DOSE_FIELDS = ("sets", "reps", "hold_s", "load_kg")


def _doses(rx: Tendon) -> dict[str, Dose]:
    return {item.exercise: item.dose for item in rx.items}


def changed_variables(before: Prescription, after: Prescription) -> frozenset[str]:
    """The variables that differ. A new exercise (or glide) counts as one variable with its
    start dose; doses are compared for exercises present on both sides; running minutes only
    when both sides run."""
    out: set[str] = set()
    if isinstance(before, Tendon) and isinstance(after, Tendon):
        old, new = _doses(before), _doses(after)
        if set(old) != set(new):
            out.add("exercises")
        for key in old.keys() & new.keys():
            out |= {
                f"{key}.{f}" for f in _DOSE_FIELDS if getattr(old[key], f) != getattr(new[key], f)
            }
    elif isinstance(before, Running) and isinstance(after, Running):
        if before.band != after.band:
            out.add("band")
        if before.band and after.band and before.minutes != after.minutes:
            out.add("minutes")
    elif isinstance(before, Neural) and isinstance(after, Neural):
        if before.exercise != after.exercise:
            out.add("exercise")
        elif before.reps != after.reps:
            out.add("reps")
    elif isinstance(before, Sitting) and isinstance(after, Sitting):
        if before.minutes != after.minutes:
            out.add("minutes")
    else:
        raise TypeError("two prescriptions of different components")
    return frozenset(out)


def _dose_up(old: Dose, new: Dose) -> bool:
    return any((getattr(new, f) or 0) > (getattr(old, f) or 0) for f in _DOSE_FIELDS)


def raises(before: Prescription, after: Prescription, catalogue: Catalogue) -> bool:
    """Whether `after` asks more than `before` in any way: a dose of an exercise on both sides,
    the highest stage, a more advanced exercise, a faster band, more running minutes, slider ->
    tensioner, more glide reps (whatever the glide), longer sitting."""
    if isinstance(before, Tendon) and isinstance(after, Tendon):
        old, new = _doses(before), _doses(after)
        if any(_dose_up(old[k], new[k]) for k in old.keys() & new.keys()):
            return True
        if stage_of(after, catalogue) > stage_of(before, catalogue):
            return True
        furthest = max((catalogue.position(k) for k in old), default=-1.0)
        return any(catalogue.position(k) > furthest for k in new.keys() - old.keys())
    if isinstance(before, Running) and isinstance(after, Running):
        if band_rank(after.band) > band_rank(before.band):
            return True
        return after.band is not None and (after.minutes or 0) > (before.minutes or 0)
    if isinstance(before, Neural) and isinstance(after, Neural):
        old_type, new_type = GLIDES[before.exercise].glide, GLIDES[after.exercise].glide
        if new_type == TENSIONER and old_type != TENSIONER:
            return True
        return after.reps > before.reps
    if isinstance(before, Sitting) and isinstance(after, Sitting):
        return after.minutes > before.minutes
    raise TypeError("two prescriptions of different components")


def change_text(before: Prescription, after: Prescription, catalogue: Catalogue) -> str:
    """Plain language: "Single-leg RDL: 3x8 -> 4x8", "Running: jog 20 min -> tempo 20 min"."""
    if isinstance(before, Tendon) and isinstance(after, Tendon):
        old, new = _doses(before), _doses(after)
        parts = [
            f"{exercise_name(k, catalogue)}: {dose_text(old[k])} -> {dose_text(new[k])}"
            for k in new
            if k in old and old[k] != new[k]
        ]
        gone = [f"{exercise_name(k, catalogue)} {dose_text(old[k])}" for k in old if k not in new]
        came = [f"{exercise_name(k, catalogue)} {dose_text(new[k])}" for k in new if k not in old]
        if gone or came:
            parts.append(f"{', '.join(gone) or 'nothing'} -> {', '.join(came) or 'nothing'}")
        return "; ".join(parts) or "No change"
    if isinstance(before, Running) and isinstance(after, Running):
        return f"Running: {run_text(before)} -> {run_text(after)}"
    if isinstance(before, Neural) and isinstance(after, Neural):
        if before.exercise == after.exercise:
            return f"{GLIDES[after.exercise].name}: {before.reps} -> {after.reps} reps"
        old_name, new_name = GLIDES[before.exercise].name, GLIDES[after.exercise].name
        return f"Nerve glides: {old_name} {before.reps} reps -> {new_name} {after.reps} reps"
    if isinstance(before, Sitting) and isinstance(after, Sitting):
        return f"Sitting: {before.minutes} min -> {after.minutes} min"
    raise TypeError("two prescriptions of different components")
