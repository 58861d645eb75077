"""The exercise library (versioned data): what a prescription may name, how each item is dosed,
where it starts and the top dose before moving on.

Written for this app, modest and factual: common exercises of the four loading stages of
proximal hamstring tendinopathy rehab (Goom 2016, evidence.md 2.3), nerve glides (sliders and
tensioners, Coppieters & Butler 2008, evidence.md 4.3), running sessions by speed band
(evidence.md 7) and a sitting target. It does not replace a clinician, who may add their own
exercises to a patient's plan (custom exercises, stored per patient).

Doses: isometrics are held (seconds x sets; clinic pages dose ~5 x 30-45 s, this library tops
out at 4 x 45 s because a step adds at most up to 4 sets); isotonic work is sets x reps with an
optional load (heavy slow resistance starts near a 15-repetition maximum and moves towards an
8-repetition maximum: the clinician sets the reps to fit, the library keeps them fixed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

LIBRARY_VERSION: Final = "2026.12"
HOLD, REPS = "hold", "reps"
SLIDER, TENSIONER = "slider", "tensioner"
MAX_SETS: Final = 4  # a step adds one set, up to 4


@dataclass(frozen=True, slots=True)
class Dose:
    """Sets, and either a hold in seconds or repetitions, with an optional load in kg."""

    sets: int
    reps: int | None = None
    hold_s: int | None = None
    load_kg: float | None = None


@dataclass(frozen=True, slots=True)
class Exercise:
    """A tendon-loading exercise: its stage (1-4), how it is dosed, start and top dose."""

    key: str
    name: str
    description: str
    stage: int
    dosing: str  # hold | reps
    start: Dose
    top: Dose


@dataclass(frozen=True, slots=True)
class Glide:
    """A nerve glide, dosed in repetitions; `pair` is the same movement of the other type."""

    key: str
    name: str
    description: str
    glide: str  # slider | tensioner
    pair: str
    start_reps: int
    top_reps: int


@dataclass(frozen=True, slots=True)
class RunSession:
    band: str
    name: str
    description: str
    start_minutes: int


def _hold(key: str, name: str, description: str) -> Exercise:
    return Exercise(key, name, description, 1, HOLD, Dose(3, hold_s=30), Dose(MAX_SETS, hold_s=45))


def _reps(
    key: str,
    name: str,
    description: str,
    stage: int,
    reps: int,
    load: tuple[float, float] | None = None,
) -> Exercise:
    start_load, top_load = load if load else (None, None)
    return Exercise(
        key,
        name,
        description,
        stage,
        REPS,
        Dose(3, reps=reps, load_kg=start_load),
        Dose(MAX_SETS, reps=reps, load_kg=top_load),
    )


# The tendon ladder, in order: a step to "the next exercise" takes the next one of these.
TENDON_LADDER: Final = (
    _hold(
        "isometric_heel_dig",
        "Isometric heel dig",
        "On your back, knee bent: press the heel down into the floor without moving.",
    ),
    _hold(
        "prone_knee_bent_hold",
        "Prone knee-bent hamstring hold",
        "On your front, knee bent to about 90 degrees: hold the lower leg still against a band.",
    ),
    _hold(
        "long_lever_bridge_hold",
        "Long-lever bridge hold",
        "On your back, heels well away from the hips: lift the hips a little and hold.",
    ),
    _reps(
        "bridge",
        "Bridge",
        "On your back, knees bent: lift the hips into line with the body, lower slowly.",
        2,
        12,
    ),
    _reps(
        "hamstring_curl",
        "Hamstring curl",
        "Bend the knee against a machine, cable or band and lower slowly; the hip stays straight.",
        2,
        12,
        (10.0, 25.0),
    ),
    _reps(
        "single_leg_bridge",
        "Single-leg bridge",
        "A bridge on one leg, the other held up; keep the pelvis level.",
        2,
        10,
    ),
    _reps(
        "prone_hip_extension",
        "Prone hip extension",
        "Lying on your front over a bed edge: lift the straight leg level with the body, lower.",
        2,
        12,
    ),
    _reps(
        "hip_hinge",
        "Hip hinge",
        "Standing, a stick along the back: push the hips back until the hamstrings tighten.",
        3,
        10,
    ),
    _reps(
        "romanian_deadlift",
        "Romanian deadlift",
        "Holding a weight, hinge with a flat back and soft knees only as far as is comfortable.",
        3,
        10,
        (10.0, 25.0),
    ),
    _reps(
        "single_leg_rdl",
        "Single-leg RDL",
        "A hip hinge on one leg, the other leg reaching back; hold on to something if needed.",
        3,
        8,
    ),
    _reps(
        "skips",
        "Skips",
        "Light, quick skipping steps over about 20 m; one rep is one run.",
        4,
        4,
    ),
    _reps(
        "split_jumps",
        "Split jumps",
        "From a split stance, jump and swap legs in the air; land softly.",
        4,
        6,
    ),
    _reps(
        "bounding",
        "Bounding",
        "Long, springy strides over about 20 m; one rep is one run.",
        4,
        4,
    ),
)
EXERCISES: Mapping[str, Exercise] = MappingProxyType({e.key: e for e in TENDON_LADDER})
LADDER_INDEX: Mapping[str, int] = MappingProxyType({e.key: n for n, e in enumerate(TENDON_LADDER)})

GLIDES: Mapping[str, Glide] = MappingProxyType(
    {
        g.key: g
        for g in (
            Glide(
                "seated_slider",
                "Seated nerve slider",
                "Sitting tall: straighten the knee while looking up, bend it while looking down.",
                SLIDER,
                "seated_tensioner",
                10,
                20,
            ),
            Glide(
                "supine_slider",
                "Lying nerve slider",
                "On your back, holding behind the thigh: straighten the knee as the foot points "
                "away, bend it as the foot pulls up.",
                SLIDER,
                "supine_tensioner",
                10,
                20,
            ),
            Glide(
                "seated_tensioner",
                "Seated nerve tensioner",
                "Sitting, looking down: straighten the knee and pull the foot up, then release; "
                "a stretch, never sharp or lasting tingling.",
                TENSIONER,
                "seated_slider",
                6,
                15,
            ),
            Glide(
                "supine_tensioner",
                "Lying nerve tensioner",
                "On your back, holding behind the thigh: straighten the knee with the foot "
                "pulled up, then release.",
                TENSIONER,
                "supine_slider",
                6,
                15,
            ),
        )
    }
)
GLIDE_STEP_REPS: Final = 2  # "a few more": +2 repetitions, up to the glide's top

# Running sessions by speed band (% of the patient's top speed), slowest first.
BANDS: Final = ("jog", "tempo", "high_speed", "sprint")
RUN_SESSIONS: Mapping[str, RunSession] = MappingProxyType(
    {
        "jog": RunSession("jog", "jog", "Easy running under 70% of top speed, on the flat.", 20),
        "tempo": RunSession("tempo", "tempo", "Steady running at 70-85% of top speed.", 20),
        "high_speed": RunSession(
            "high_speed",
            "high speed",
            "Build-ups to 86-95% of top speed, walking back in between.",
            15,
        ),
        "sprint": RunSession(
            "sprint",
            "sprint",
            "Short sprints over 95% of top speed after a full warm-up, fully rested in between.",
            10,
        ),
    }
)

SITTING_START_MIN: Final = 30
SITTING_STEP_MIN: Final = 10
SITTING_TOP_MIN: Final = 120
SITTING_DESCRIPTION: Final = (
    "The longest sitting spell to aim for before standing up; a cushion helps."
)
