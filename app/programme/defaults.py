"""The default programme of each phase: what a patient follows when no clinician has set a
component (a new patient gets phase 1's). Every default fits its phase's limits."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.programme.library import EXERCISES, GLIDES, RUN_SESSIONS, SITTING_START_MIN, TENSIONER
from app.programme.prescriptions import (
    Item,
    Neural,
    Prescription,
    Running,
    Sitting,
    Tendon,
)
from app.rules.model import NEURAL, RUNNING, SITTING, TENDON


def _tendon(*keys: str) -> Tendon:
    return Tendon(tuple(Item(key, EXERCISES[key].start) for key in keys))


def _run(band: str | None) -> Running:
    return Running(band, RUN_SESSIONS[band].start_minutes if band else None)


def _glide(key: str) -> Neural:
    return Neural(key, GLIDES[key].start_reps)


def _phase(
    tendon: Tendon, running: Running, neural: Neural, sitting_min: int
) -> Mapping[str, Prescription]:
    return MappingProxyType(
        {TENDON: tendon, RUNNING: running, NEURAL: neural, SITTING: Sitting(sitting_min)}
    )


# Phase 1 settles (isometrics, no running, sliders, short sitting spells); later phases start
# at the first rung of what the phase adds (guardrails.md "Phases").
DEFAULTS: Mapping[int, Mapping[str, Prescription]] = MappingProxyType(
    {
        1: _phase(
            _tendon("isometric_heel_dig", "prone_knee_bent_hold"),
            _run(None),
            _glide("seated_slider"),
            SITTING_START_MIN,
        ),
        2: _phase(_tendon("bridge", "hamstring_curl"), _run("jog"), _glide("seated_slider"), 45),
        3: _phase(
            _tendon("hip_hinge", "romanian_deadlift"),
            _run("tempo"),
            _glide("seated_tensioner"),
            60,
        ),
        4: _phase(
            _tendon("single_leg_rdl", "skips"),
            _run("high_speed"),
            _glide("seated_tensioner"),
            90,
        ),
        5: _phase(
            _tendon("single_leg_rdl", "bounding"), _run("sprint"), _glide("seated_tensioner"), 120
        ),
        6: _phase(
            _tendon("single_leg_rdl", "bounding"), _run("sprint"), _glide("seated_tensioner"), 120
        ),
    }
)


def default_for(phase: int, component: str) -> Prescription:
    return DEFAULTS[min(max(phase, 1), 6)][component]


def default_slider(phase: int) -> Neural:
    """The phase's default glide as a slider: the default itself, or its slider pair at the
    slider's start reps (a neural emphasis: sliders only)."""
    rx = default_for(phase, NEURAL)
    assert isinstance(rx, Neural)
    glide = GLIDES[rx.exercise]
    return _glide(glide.pair) if glide.glide == TENSIONER else rx
