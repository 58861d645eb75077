"""The demo clinic's outcomes: weekly check-ins, tests, goals and notes that fit each story,
written through the same use cases as the API, each at the time it happened.

Kari's six weeks show confidence rising and fear falling, strength symmetry from 70% to 82%,
one goal met; Ingrid is ready for her phase review; Anders, in phase 5, sprints without a
back-off but his strength symmetry is 85%: the return-to-sport review is not met yet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlmodel import Session

from app.models import User
from app.outcomes.checkins import save_check_in, set_activities
from app.outcomes.goals import add_goal, change_goal, goals_of
from app.outcomes.measure_schemas import TestIn
from app.outcomes.notes import write_note
from app.outcomes.objective import record_self_test, record_test
from app.outcomes.schemas import CheckInIn, GlobalChange, GoalIn, GoalPatch, RatingIn
from app.sharing.service import linked_patient

# name -> activities, then (weeks ago, confidence, fear, global change, activity scores)
Week = tuple[int, int, int, GlobalChange, tuple[int, ...]]
CHECK_INS: dict[str, tuple[tuple[str, ...], list[Week]]] = {
    "Kari": (
        ("Sit through a film", "Run 5 km", "Drive to my parents (2 hours)"),
        [
            (5, 3, 7, "no_change", (3, 1, 2)),
            (4, 3, 7, "slightly_better", (4, 1, 2)),
            (3, 4, 6, "slightly_better", (5, 2, 3)),
            (2, 5, 5, "better", (6, 2, 4)),
            (1, 5, 5, "better", (6, 3, 4)),
            (0, 6, 4, "better", (7, 4, 5)),
        ],
    ),
    "Ingrid": (
        ("Sit through a film", "Drive to work (40 minutes)"),
        [(1, 5, 5, "slightly_better", (4, 5)), (0, 6, 4, "better", (6, 6))],
    ),
    "Anders": (
        ("Sprint at full speed", "Play a full match"),
        [
            (2, 7, 4, "better", (7, 5)),
            (1, 8, 3, "much_better", (8, 6)),
            (0, 9, 2, "much_better", (9, 7)),
        ],
    ),
    "Ola": (("Walk the dog for 30 minutes",), [(1, 5, 6, "no_change", (4,))]),
    "Per": (("Sit at my desk all morning",), [(2, 4, 5, "slightly_better", (5,))]),
    "Jonas": (
        ("Cycle to work", "Play five-a-side"),
        [(1, 6, 4, "better", (6, 4)), (0, 4, 7, "slightly_worse", (4, 2))],
    ),
    "Sara": (
        ("Sit through a lecture",),
        [(1, 5, 4, "slightly_better", (5,)), (0, 3, 6, "slightly_worse", (3,))],
    ),
}

# name -> (days ago, test body, self-test)
TESTS: dict[str, list[tuple[int, dict[str, Any], bool]]] = {
    "Kari": [
        (
            38,
            {
                "kind": "hamstring_isometric",
                "left": 210,
                "right": 300,
                "unit": "N",
                "side": "left",
                "note": "Painful on the left at 4/10.",
            },
            False,
        ),
        (38, {"kind": "slump", "side": "left", "result": "negative"}, False),
        (
            36,
            {"kind": "single_leg_bridge", "left": 9, "right": 22, "unit": "reps", "side": "left"},
            True,
        ),
        (
            8,
            {"kind": "hamstring_isometric", "left": 246, "right": 300, "unit": "N", "side": "left"},
            False,
        ),
        (
            7,
            {"kind": "single_leg_bridge", "left": 16, "right": 23, "unit": "reps", "side": "left"},
            True,
        ),
    ],
    "Ingrid": [
        (
            10,
            {"kind": "single_leg_bridge", "left": 12, "right": 18, "unit": "reps", "side": "left"},
            False,
        ),
        (
            10,
            {
                "kind": "straight_leg_raise",
                "side": "left",
                "value": 75,
                "unit": "deg",
                "result": "negative",
            },
            False,
        ),
    ],
    "Anders": [
        (
            4,
            {
                "kind": "hamstring_isometric",
                "left": 255,
                "right": 300,
                "unit": "N",
                "side": "left",
                "note": "Left 85% of right: keep heavy strength work.",
            },
            False,
        ),
        (
            4,
            {"kind": "single_leg_bridge", "left": 24, "right": 27, "unit": "reps", "side": "left"},
            False,
        ),
    ],
}

# name -> (days ago set, text, target in days from today or None, days ago met or None)
GOALS: dict[str, list[tuple[int, str, int | None, int | None]]] = {
    "Kari": [
        (40, "Sit through a whole film without shifting", None, 12),
        (40, "Run 5 km easy", 42, None),
    ],
    "Ingrid": [(12, "Sit through a 2-hour film", 30, None)],
    "Anders": [
        (20, "Run 5 km without pain", None, 9),
        (20, "Play a full 90-minute match", 21, None),
    ],
    "Ola": [(10, "Walk the dog for 30 minutes", 21, None)],
    "Jonas": [(12, "Cycle to work three days a week", 28, None)],
}

# name -> (days ago, text, shared)
NOTES: dict[str, list[tuple[int, str, bool]]] = {
    "Kari": [
        (
            38,
            "Assessment: classic PHT presentation, slump negative. Start isometrics; "
            "break up sitting.",
            False,
        ),
        (
            21,
            "Keep sitting spells to what your plan says, and use the cushion in the car. We "
            "look at running again in two weeks.",
            True,
        ),
    ],
    "Anders": [
        (
            4,
            "Strength 85% on the left. Retest in two weeks; matches after the "
            "return-to-sport review.",
            True,
        )
    ],
}


Step = tuple[datetime, int, Callable[[datetime], object]]


def _check_ins(session: Session, patient: User, name: str, now: datetime) -> list[Step]:
    labels, weeks = CHECK_INS[name]
    first = now - timedelta(weeks=max(w for w, *_ in weeks), days=1)
    found: list[Any] = []

    def name_them(at: datetime) -> None:
        found.extend(set_activities(session, patient, list(labels), at))

    def answer(confidence: int, fear: int, change: GlobalChange, scores: tuple[int, ...]) -> Any:
        def write(at: datetime) -> None:
            ratings = [
                RatingIn(activity_id=a.id, score=score)
                for a, score in zip(found, scores, strict=True)
            ]
            body = CheckInIn(
                confidence=confidence, fear=fear, global_change=change, activities=ratings
            )
            save_check_in(session, patient, body, at)

        return write

    steps: list[Step] = [(first, 0, name_them)]
    for weeks_ago, confidence, fear, change, scores in weeks:
        steps.append(
            (now - timedelta(weeks=weeks_ago), 1, answer(confidence, fear, change, scores))
        )
    return steps


def _steps(
    session: Session, patient: User, name: str, clinician: User, now: datetime
) -> list[Step]:
    """Every outcome event of one patient, as (when, order, write)."""
    linked = linked_patient(session, clinician, str(patient.id), "clinician")
    steps = _check_ins(session, patient, name, now) if name in CHECK_INS else []
    for days_ago, body, own in TESTS.get(name, []):
        test = TestIn.model_validate(body)
        write = (
            partial(record_self_test, session, patient, test)
            if own
            else partial(record_test, session, clinician, linked, test)
        )
        steps.append((now - timedelta(days=days_ago), 2, write))
    for days_ago, text, target, met in GOALS.get(name, []):
        due = (now + timedelta(days=target)).date() if target is not None else None
        goal = GoalIn(text=text, target_on=due)
        add = partial(add_goal, session, patient, clinician, goal)
        steps.append((now - timedelta(days=days_ago), 3, add))
        if met is not None:
            steps.append((now - timedelta(days=met), 4, partial(_goal_met, session, patient, text)))
    for days_ago, text, shared in NOTES.get(name, []):
        note = partial(write_note, session, clinician, linked, text, shared)
        steps.append((now - timedelta(days=days_ago), 5, note))
    return steps


def _goal_met(session: Session, patient: User, text: str, at: datetime) -> None:
    goal = next(g for g in goals_of(session, patient.id) if g.text == text)
    change_goal(session, patient, patient, goal.id, GoalPatch(status="met"), at)


def write_outcomes(
    session: Session, patients: dict[str, User], clinician: User, now: datetime
) -> None:
    """Everything above, for the patients (by first name) that have a story here, written in
    the order it happened (so each patient's access log reads in time order)."""
    for name, patient in patients.items():
        for at, _, write in sorted(_steps(session, patient, name, clinician, now), key=_when):
            write(at)


def _when(step: Step) -> tuple[datetime, int]:
    return step[0], step[1]
