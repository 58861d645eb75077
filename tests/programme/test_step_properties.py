"""Properties of the steps on random prescriptions of every phase (hypothesis): a step never
changes two variables and never passes a phase limit; a back-off never raises a dose."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.programme.compare import changed_variables, raises
from app.programme.library import (
    BANDS,
    EXERCISES,
    GLIDES,
    HOLD,
    RUN_SESSIONS,
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
    limit_problems,
    max_band_rank,
    max_stage,
    tensioners_allowed,
    with_custom,
)
from app.programme.steps import back_off, clamp, step_up

CUSTOM = {
    "custom:a": Exercise(
        "custom:a", "Wall hold", "", 1, HOLD, Dose(2, hold_s=20), Dose(4, hold_s=40)
    ),
    "custom:b": Exercise(
        "custom:b", "Cable kickback", "", 2, "reps", Dose(3, 12, None, 5.0), Dose(4, 12, None, 9.0)
    ),
    "custom:c": Exercise("custom:c", "Hill walk", "", 3, "reps", Dose(3, 10), Dose(3, 10)),
}
CATALOGUE: Catalogue = with_custom(CUSTOM)
PHASES = st.integers(min_value=1, max_value=6)
SETTINGS = settings(max_examples=400, deadline=None, derandomize=True)


def doses(exercise: Exercise) -> st.SearchStrategy[Dose]:
    sets = st.integers(min_value=1, max_value=6)
    if exercise.dosing == HOLD:
        return st.builds(Dose, sets, hold_s=st.integers(min_value=5, max_value=90))
    loads = st.none() | st.integers(min_value=1, max_value=80).map(lambda n: n / 2)
    return st.builds(Dose, sets, reps=st.integers(min_value=1, max_value=20), load_kg=loads)


@st.composite
def tendons(draw: st.DrawFn, phase: int) -> Tendon:
    allowed = sorted(k for k, e in CATALOGUE.exercises.items() if e.stage <= max_stage(phase))
    keys = draw(st.lists(st.sampled_from(allowed), min_size=1, max_size=3, unique=True))
    return Tendon(tuple(Item(k, draw(doses(CATALOGUE[k]))) for k in keys))


@st.composite
def prescriptions(draw: st.DrawFn, phase: int) -> Prescription:
    """Any prescription within the phase's limits (doses anywhere, even past the library's top)."""
    kind = draw(st.sampled_from(["tendon", "running", "neural", "sitting"]))
    if kind == "tendon":
        return draw(tendons(phase))
    if kind == "running":
        rank = draw(st.integers(min_value=-1, max_value=max_band_rank(phase)))
        if rank < 0:
            return Running(None, None)
        return Running(BANDS[rank], draw(st.integers(min_value=5, max_value=90)))
    if kind == "neural":
        glides = [k for k, g in GLIDES.items() if g.glide != TENSIONER or tensioners_allowed(phase)]
        return Neural(draw(st.sampled_from(glides)), draw(st.integers(min_value=1, max_value=30)))
    return Sitting(draw(st.integers(min_value=5, max_value=200)))


@st.composite
def cases(draw: st.DrawFn) -> tuple[int, Prescription]:
    phase = draw(PHASES)
    return phase, draw(prescriptions(phase))


@st.composite
def with_tolerated(draw: st.DrawFn) -> tuple[int, Prescription, Prescription | None]:
    """A prescription and an arbitrary "tolerated" one of the same component, from any phase."""
    phase, rx = draw(cases())
    for _ in range(20):
        other = draw(prescriptions(draw(PHASES)))
        if type(other) is type(rx):
            return phase, rx, other
    return phase, rx, None


@SETTINGS
@given(cases())
def test_a_step_changes_exactly_one_variable_and_stays_within_the_phase(
    case: tuple[int, Prescription],
) -> None:
    phase, rx = case
    following = step_up(rx, phase, CATALOGUE)
    if following is None:
        return
    assert len(changed_variables(rx, following)) == 1, (rx, following)
    assert limit_problems(following, phase, CATALOGUE) == []
    assert raises(rx, following, CATALOGUE)  # a step up asks more


@SETTINGS
@given(with_tolerated(), st.booleans())
def test_a_back_off_never_raises_a_dose_and_stays_within_the_phase(
    case: tuple[int, Prescription, Prescription | None], drop_band: bool
) -> None:
    phase, rx, tolerated = case
    backed = back_off(rx, phase, CATALOGUE, tolerated=tolerated, drop_band=drop_band)
    assert not raises(rx, backed, CATALOGUE), (rx, tolerated, backed)
    assert limit_problems(backed, phase, CATALOGUE) == []


@SETTINGS
@given(PHASES, cases())
def test_the_clamp_fits_any_prescription_to_any_phase(
    phase: int, case: tuple[int, Prescription]
) -> None:
    _, rx = case
    fitted = clamp(rx, phase, CATALOGUE)
    assert limit_problems(fitted, phase, CATALOGUE) == []
    if not limit_problems(rx, phase, CATALOGUE):
        assert fitted == rx


@settings(max_examples=100, deadline=None, derandomize=True)
@given(cases())
def test_stepping_up_again_and_again_reaches_the_top_of_the_phase(
    case: tuple[int, Prescription],
) -> None:
    phase, rx = case
    current: Prescription | None = rx
    for _ in range(300):
        if current is None:
            return
        current = step_up(current, phase, CATALOGUE)
    raise AssertionError("no end to the ladder")


def test_the_library_is_consistent() -> None:
    for exercise in EXERCISES.values():
        assert exercise.start.sets <= exercise.top.sets <= 4
        assert (exercise.dosing == HOLD) == (exercise.start.hold_s is not None)
    for glide in GLIDES.values():
        assert GLIDES[glide.pair].pair == glide.key and glide.start_reps < glide.top_reps
    assert list(RUN_SESSIONS) == list(BANDS)
