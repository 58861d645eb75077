"""The objective tests Loadline records, what each one needs, and the limb symmetry index.

One table holds every test (app/models/outcomes.py ObjectiveTest): a kind, the side(s), values
with a unit, a positive/negative result, a note, who recorded it and whether it was a self-test.
A new kind (e.g. the assessment tests of issue 17) is one entry in KINDS.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, Literal

from app.core.errors import InvalidInput

Sides = Literal["both", "one", "none"]


@dataclass(frozen=True, slots=True)
class TestKind:
    key: str
    title: str
    sides: Sides  # both: a left and a right value; one: a side and one value; none: a value
    units: tuple[str, ...]  # allowed units; () = free text (the "other" test)
    low: float
    high: float
    value_required: bool  # for sides "one" and "none"
    result_required: bool  # positive / negative
    self_test: bool  # a patient may record it
    symmetry: bool  # a limb symmetry index is computed
    sources: tuple[str, ...]  # evidence.md ids
    hint: str


# The clinician's assessment tests of issue 17 (app/intake) that take a side and a result.
ASSESSMENT_TESTS = (
    (
        "ischial_palpation",
        "Palpation at the sit bone",
        "Positive when pressing at the hamstring's attachment reproduces the familiar pain.",
    ),
    (
        "bent_knee_stretch",
        "Bent-knee stretch test",
        "Positive when the stretch reproduces the pain at the sit bone.",
    ),
    (
        "modified_bent_knee_stretch",
        "Modified bent-knee stretch test",
        "The quicker, knee-straightening form; positive when it reproduces the pain.",
    ),
    (
        "puranen_orava",
        "Puranen-Orava test",
        "Standing hamstring stretch with the foot raised; positive when it reproduces the pain.",
    ),
)
KINDS: Final[Mapping[str, TestKind]] = MappingProxyType(
    {
        k.key: k
        for k in (
            TestKind(
                "hamstring_isometric",
                "Isometric hamstring strength",
                "both",
                ("N", "kg"),
                0,
                5000,
                True,
                False,
                True,
                True,
                ("S45", "S46", "S48"),
                "Best of 3 maximal pulls on each side (dynamometer); `side` = the affected side.",
            ),
            TestKind(
                "single_leg_bridge",
                "Single-leg hamstring bridge",
                "both",
                ("reps",),
                0,
                200,
                True,
                False,
                True,
                True,
                ("S42", "S43", "S44", "S45"),
                "Heel on a box about 60 cm high, arms crossed, repetitions to fatigue per side.",
            ),
            TestKind(
                "slump",
                "Slump test",
                "one",
                (),
                0,
                0,
                False,
                True,
                False,
                False,
                ("S55", "S56"),
                "Positive only when it reproduces the patient's own symptoms and they ease when "
                "the neck is released.",
            ),
            TestKind(
                "straight_leg_raise",
                "Straight-leg raise",
                "one",
                ("deg",),
                0,
                180,
                True,
                True,
                False,
                False,
                ("S64", "S65"),
                "The range in degrees of hip flexion reached; positive when it reproduces the "
                "leg symptoms.",
            ),
            *(
                TestKind(
                    key,
                    title,
                    "one",
                    (),
                    0,
                    0,
                    False,
                    True,
                    False,
                    False,
                    (),
                    hint,
                )
                for key, title, hint in ASSESSMENT_TESTS
            ),
            TestKind(
                "other",
                "Other test",
                "none",
                (),
                -1_000_000,
                1_000_000,
                True,
                False,
                True,
                False,
                (),
                "Any other measure: give it a name, a value and a unit.",
            ),
        )
    }
)


def limb_symmetry(left: float, right: float, affected: str | None) -> float | None:
    """Limb symmetry index in %: the affected side over the other one; without an affected
    side, the weaker over the stronger. None when the reference side is 0."""
    if affected == "left":
        part, whole = left, right
    elif affected == "right":
        part, whole = right, left
    else:
        part, whole = min(left, right), max(left, right)
    if whole <= 0:
        return None
    return round(100 * part / whole, 1)


def _require(condition: bool, field: str, message: str) -> None:
    if not condition:
        raise InvalidInput(field, message)


def check_test(values: Mapping[str, Any], self_test: bool) -> None:
    """422 unless the values fit the kind (the schema already bounds types and lengths)."""
    kind = KINDS[values["kind"]]
    _require(kind.self_test or not self_test, "kind", "a clinician records this test")
    left, right, value = values.get("left"), values.get("right"), values.get("value")
    unit, side = values.get("unit"), values.get("side")
    if kind.sides == "both":
        _require(left is not None and right is not None, "left", "give both sides")
        _require(value is None, "value", "use `left` and `right` for this test")
        _require(side in (None, "left", "right"), "side", "the affected side: left or right")
    else:
        _require(left is None and right is None, "left", "this test takes one `value`")
        if kind.value_required:
            _require(value is not None, "value", "give the value")
        else:
            _require(value is None, "value", "this test has no value")
    if kind.sides == "one":
        _require(side is not None, "side", "name the side tested")
    if kind.sides == "none":
        _require(side is None, "side", "this test has no side")
    for name in ("left", "right", "value"):
        number = values.get(name)
        if number is not None:
            _require(kind.low <= number <= kind.high, name, f"between {kind.low} and {kind.high}")
    if kind.units:
        _require(unit in kind.units, "unit", f"one of {', '.join(kind.units)}")
    elif kind.key == "other":
        _require(bool(unit), "unit", "give the unit")
    else:
        _require(unit is None, "unit", "this test has no unit")
    if kind.result_required:
        _require(values.get("result") is not None, "result", "positive or negative")
    else:
        _require(values.get("result") is None, "result", "this test has no result")
    if kind.key == "other":
        _require(bool(values.get("name")), "name", "give the test a name")
    else:
        _require(values.get("name") is None, "name", "only an `other` test has a name")
