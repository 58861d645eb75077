"""Step ladders as tables: one step up, a back-off, the phase clamp, and the words for each."""

from __future__ import annotations

import pytest

from app.programme.compare import change_text, changed_variables, raises
from app.programme.defaults import DEFAULTS
from app.programme.library import EXERCISES, Dose
from app.programme.prescriptions import (
    LIBRARY,
    Item,
    Neural,
    Prescription,
    Running,
    Sitting,
    Tendon,
    limit_problems,
)
from app.programme.steps import back_off, clamp, more_load, reduce, step_up


def one(
    key: str,
    sets: int,
    *,
    reps: int | None = None,
    hold: int | None = None,
    kg: float | None = None,
) -> Tendon:
    return Tendon((Item(key, Dose(sets, reps, hold, kg)),))


HEEL, PRONE, LONG = "isometric_heel_dig", "prone_knee_bent_hold", "long_lever_bridge_hold"


@pytest.mark.parametrize(
    ("phase", "before", "after"),
    [
        # isometrics: hold +5 s up to 45 s, then +1 set up to 4
        (1, one(LONG, 3, hold=25), one(LONG, 3, hold=30)),
        (1, one(LONG, 3, hold=43), one(LONG, 3, hold=45)),
        (1, one(LONG, 3, hold=45), one(LONG, 4, hold=45)),
        # repetitions: +1 set up to 4, then ~+10% load to the top, rounded to 0.5 kg
        (3, one("single_leg_rdl", 3, reps=8), one("single_leg_rdl", 4, reps=8)),
        (2, one("hamstring_curl", 4, reps=12, kg=10), one("hamstring_curl", 4, reps=12, kg=11)),
        (2, one("hamstring_curl", 4, reps=12, kg=13), one("hamstring_curl", 4, reps=12, kg=14.5)),
        (2, one("hamstring_curl", 4, reps=12, kg=24), one("hamstring_curl", 4, reps=12, kg=25)),
        # a set more than 4 is never added; a clinician's 5 sets move on to the load
        (2, one("hamstring_curl", 5, reps=12, kg=10), one("hamstring_curl", 5, reps=12, kg=11)),
        # at the top: the next exercise of the ladder, at its start dose
        (1, one(HEEL, 4, hold=45), Tendon((Item(PRONE, EXERCISES[PRONE].start),))),
        (2, one(LONG, 4, hold=45), Tendon((Item("bridge", EXERCISES["bridge"].start),))),
        (
            3,
            one("prone_hip_extension", 4, reps=12),
            Tendon((Item("hip_hinge", EXERCISES["hip_hinge"].start),)),
        ),
    ],
)
def test_a_tendon_step_up_moves_one_rung(phase: int, before: Tendon, after: Tendon) -> None:
    assert step_up(before, phase, LIBRARY) == after


def test_the_first_exercise_that_can_step_steps_and_the_oldest_gives_way_at_the_top() -> None:
    both = Tendon((Item(HEEL, Dose(4, hold_s=45)), Item(PRONE, Dose(3, hold_s=40))))
    assert step_up(both, 1, LIBRARY) == Tendon(
        (Item(HEEL, Dose(4, hold_s=45)), Item(PRONE, Dose(3, hold_s=45)))
    )
    topped = Tendon((Item(HEEL, Dose(4, hold_s=45)), Item(PRONE, Dose(4, hold_s=45))))
    assert step_up(topped, 1, LIBRARY) == Tendon(
        (Item(PRONE, Dose(4, hold_s=45)), Item(LONG, Dose(3, hold_s=30)))
    )


def test_the_phase_1_tendon_ladder_ends_at_stage_1_and_phase_2_goes_on() -> None:
    rx: Prescription | None = DEFAULTS[1]["tendon"]
    steps = 0
    while (following := step_up(rx, 1, LIBRARY)) is not None:  # type: ignore[arg-type]
        rx, steps = following, steps + 1
    assert steps == 13
    assert rx == Tendon((Item(PRONE, Dose(4, hold_s=45)), Item(LONG, Dose(4, hold_s=45))))
    assert step_up(rx, 2, LIBRARY) == Tendon(  # type: ignore[arg-type]
        (Item(LONG, Dose(4, hold_s=45)), Item("bridge", Dose(3, reps=12)))
    )


def test_the_last_exercise_of_the_library_has_no_step() -> None:
    assert step_up(one("bounding", 4, reps=4), 6, LIBRARY) is None


@pytest.mark.parametrize(
    ("phase", "before", "after"),
    [
        (1, Running(None, None), None),  # phase 1: no running
        (2, Running(None, None), Running("jog", 20)),
        (2, Running("jog", 30), None),  # phase 2's cap is jog
        (3, Running("jog", 30), Running("tempo", 30)),  # minutes stay
        (3, Running("tempo", 30), None),
        (4, Running("tempo", 20), Running("high_speed", 20)),
        (4, Running("high_speed", 20), Running("sprint", 20)),
        (6, Running("sprint", 10), None),
        (1, Neural("seated_slider", 10), Neural("seated_slider", 12)),  # "a few more sliders"
        (1, Neural("seated_slider", 19), Neural("seated_slider", 20)),
        (1, Neural("seated_slider", 20), None),
        (2, Neural("seated_slider", 10), Neural("seated_tensioner", 6)),  # slider -> tensioner
        (2, Neural("seated_tensioner", 6), Neural("seated_tensioner", 8)),
        (2, Neural("supine_tensioner", 15), None),
        (1, Sitting(30), Sitting(40)),
        (1, Sitting(115), Sitting(120)),
        (1, Sitting(120), None),
    ],
)
def test_running_neural_and_sitting_steps(
    phase: int, before: Prescription, after: Prescription | None
) -> None:
    assert step_up(before, phase, LIBRARY) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (one(LONG, 3, hold=30), one(LONG, 3, hold=25)),  # ~20%: 24 s, to 5 s
        (one(LONG, 4, hold=45), one(LONG, 4, hold=35)),
        (one(LONG, 3, hold=15), one(LONG, 3, hold=10)),
        (one(LONG, 3, hold=10), one(LONG, 2, hold=10)),  # the hold's floor: a set less
        (one(LONG, 1, hold=10), one(LONG, 1, hold=10)),  # nothing left to take off
        (one("romanian_deadlift", 4, reps=10, kg=20), one("romanian_deadlift", 4, reps=10, kg=16)),
        (one("romanian_deadlift", 4, reps=10, kg=2), one("romanian_deadlift", 4, reps=10, kg=1.5)),
        (one("romanian_deadlift", 3, reps=10, kg=0.5), one("romanian_deadlift", 3, reps=8, kg=0.5)),
        (one("single_leg_rdl", 4, reps=8), one("single_leg_rdl", 4, reps=6)),
        (one("bridge", 3, reps=2), one("bridge", 3, reps=1)),
        (Running("tempo", 30), Running("tempo", 25)),
        (Running("jog", 20), Running("jog", 15)),
        (Running("jog", 5), Running("jog", 5)),
        (Running(None, None), Running(None, None)),
        (Neural("seated_tensioner", 12), Neural("seated_slider", 12)),
        (Neural("seated_slider", 10), Neural("seated_slider", 8)),
        (Neural("seated_slider", 2), Neural("seated_slider", 2)),
        (Sitting(30), Sitting(25)),
        (Sitting(120), Sitting(95)),
        (Sitting(10), Sitting(10)),
    ],
)
def test_about_twenty_percent_off(before: Prescription, after: Prescription) -> None:
    assert reduce(before) == after


def test_running_that_backs_off_for_pain_over_the_ceiling_drops_one_band() -> None:
    assert reduce(Running("tempo", 30), drop_band=True) == Running("jog", 30)
    assert reduce(Running("jog", 30), drop_band=True) == Running("jog", 25)  # none below jog


def test_a_back_off_returns_to_the_tolerated_prescription_when_it_raises_nothing() -> None:
    current, tolerated = one(LONG, 3, hold=35), one(LONG, 3, hold=30)
    assert back_off(current, 1, LIBRARY, tolerated=tolerated) == tolerated
    higher = one(LONG, 3, hold=40)
    assert back_off(current, 1, LIBRARY, tolerated=higher) == one(LONG, 3, hold=30)  # ~20% off
    assert back_off(Running("tempo", 20), 3, LIBRARY, tolerated=Running("jog", 20)) == Running(
        "jog", 20
    )
    # The tolerated prescription is fitted to today's phase first.
    phase_3 = one("romanian_deadlift", 3, reps=10, kg=10)
    assert back_off(one(LONG, 3, hold=35), 1, LIBRARY, tolerated=phase_3) == one(LONG, 3, hold=30)


@pytest.mark.parametrize(
    ("phase", "before", "after"),
    [
        (1, one("romanian_deadlift", 4, reps=10, kg=20), one(LONG, 3, hold=30)),
        (
            2,
            Tendon((Item("romanian_deadlift", Dose(3, 10)), Item("skips", Dose(3, 4)))),
            Tendon((Item("romanian_deadlift", Dose(3, 10)), Item("single_leg_rdl", Dose(3, 8)))),
        ),
        (1, Running("tempo", 30), Running(None, None)),
        (2, Running("tempo", 30), Running("jog", 30)),
        (1, Neural("seated_tensioner", 15), Neural("seated_slider", 15)),
        (3, Neural("seated_tensioner", 15), Neural("seated_tensioner", 15)),
    ],
)
def test_a_phase_change_clamps_what_exceeds_the_new_limits(
    phase: int, before: Prescription, after: Prescription
) -> None:
    assert clamp(before, phase, LIBRARY) == after
    assert limit_problems(after, phase, LIBRARY) == []


def test_every_default_fits_its_phase() -> None:
    for phase, programme in DEFAULTS.items():
        for rx in programme.values():
            assert limit_problems(rx, phase, LIBRARY) == [], (phase, rx)


@pytest.mark.parametrize(
    ("before", "after", "text"),
    [
        (
            one("single_leg_rdl", 3, reps=8),
            one("single_leg_rdl", 4, reps=8),
            "Single-leg RDL: 3x8 -> 4x8",
        ),
        (
            one(LONG, 3, hold=25),
            one(LONG, 3, hold=30),
            "Long-lever bridge hold: 3 x 25 s -> 3 x 30 s",
        ),
        (Running("jog", 20), Running("tempo", 20), "Running: jog 20 min -> tempo 20 min"),
        (Running(None, None), Running("jog", 20), "Running: no running -> jog 20 min"),
        (
            one("romanian_deadlift", 4, reps=10, kg=12),
            one("romanian_deadlift", 4, reps=10, kg=13),
            "Romanian deadlift: 4x10 @ 12 kg -> 4x10 @ 13 kg",
        ),
        (
            one(HEEL, 4, hold=45),
            one(PRONE, 3, hold=30),
            "Isometric heel dig 4 x 45 s -> Prone knee-bent hamstring hold 3 x 30 s",
        ),
        (
            Neural("seated_slider", 10),
            Neural("seated_tensioner", 6),
            "Nerve glides: Seated nerve slider 10 reps -> Seated nerve tensioner 6 reps",
        ),
        (
            Neural("seated_slider", 10),
            Neural("seated_slider", 12),
            "Seated nerve slider: 10 -> 12 reps",
        ),
        (Sitting(30), Sitting(40), "Sitting: 30 min -> 40 min"),
    ],
)
def test_changes_in_plain_language(before: Prescription, after: Prescription, text: str) -> None:
    assert change_text(before, after, LIBRARY) == text


def test_variables_and_raises_name_what_changed() -> None:
    assert changed_variables(Running(None, None), Running("jog", 20)) == {"band"}
    assert changed_variables(Running("jog", 20), Running("tempo", 30)) == {"band", "minutes"}
    assert changed_variables(one(LONG, 3, hold=30), one(LONG, 4, hold=35)) == {
        f"{LONG}.sets",
        f"{LONG}.hold_s",
    }
    assert raises(Neural("seated_slider", 20), Neural("seated_tensioner", 6), LIBRARY)
    assert not raises(Neural("seated_tensioner", 6), Neural("seated_slider", 6), LIBRARY)
    assert raises(one(PRONE, 4, hold=45), one(LONG, 3, hold=30), LIBRARY)  # further on the ladder


def test_load_rounding() -> None:
    assert [more_load(x) for x in (0.5, 4, 10, 12, 13, 20)] == [1.0, 4.5, 11.0, 13.0, 14.5, 22.0]
