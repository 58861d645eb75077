"""The one adapter from stored data to the rules' inputs, field by field, by name.

The rules (app.rules) read frozen dataclasses. A day's log is stored as a `daily_logs` row and
as the values of each `log_revisions` entry; an earlier decision as a `decision_records` row.
Every DayLog and PriorDecision the app builds is built here, from the dataclass's own fields:
a field added to one of them needs a column (or attribute) of the same name and, when the
stored form differs, one converter in `_CONVERTERS`. A field missing from old stored data (a
revision written before the field existed) takes the dataclass's default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import MISSING, Field, fields
from typing import Any

from sqlmodel import col

from app.models import DailyLog
from app.rules import DayLog, PriorDecision


def _flag_set(value: Any) -> frozenset[str]:
    return frozenset(value or ())


def _rule_ids(value: Any) -> frozenset[str]:
    """Decision records keep the fired rule IDs space-separated in one column."""
    return frozenset(value.split()) if isinstance(value, str) else frozenset(value or ())


# (dataclass, field name) -> how the stored value becomes the field's value.
_CONVERTERS: dict[tuple[type, str], Callable[[Any], Any]] = {
    (DayLog, "red_flags"): _flag_set,
    (PriorDecision, "rules"): _rule_ids,
}

DAY_LOG_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(DayLog))
# The daily_logs columns the rules read, one per DayLog field (named as the field).
DAY_LOG_COLUMNS: tuple[Any, ...] = tuple(col(getattr(DailyLog, name)) for name in DAY_LOG_FIELDS)


def _default(field: Field[Any]) -> Any:
    if field.default is not MISSING:
        return field.default
    if field.default_factory is not MISSING:
        return field.default_factory()
    raise KeyError(f"no stored value for the required field {field.name!r}")


def _identity(value: Any) -> Any:
    return value


def _converter(cls: type, name: str) -> Callable[[Any], Any]:
    return _CONVERTERS.get((cls, name), _identity)


_DAY_LOG_PLAN = tuple((f.name, _converter(DayLog, f.name)) for f in fields(DayLog))
_PRIOR_PLAN = tuple((f.name, _converter(PriorDecision, f.name)) for f in fields(PriorDecision))


def day_log(values: Mapping[str, Any]) -> DayLog:
    """A DayLog from a mapping by field name (a stored revision plus its `log_date`, a row's
    `_mapping`); names the DayLog does not have are ignored."""
    return DayLog(
        **{name: convert(values[name]) for name, convert in _DAY_LOG_PLAN if name in values}
    )


def day_log_reader(keys: Sequence[str]) -> Callable[[Sequence[Any]], DayLog]:
    """Turn result rows with these column names into DayLogs (the hot path: each field is
    looked up by name once per result, not once per row)."""
    names = list(keys)
    plan: list[tuple[int | None, Callable[[Any], Any], Any]] = []
    for field in fields(DayLog):
        if field.name in names:
            plan.append((names.index(field.name), _converter(DayLog, field.name), None))
        else:
            plan.append((None, _identity, _default(field)))

    def read(row: Sequence[Any]) -> DayLog:
        return DayLog(
            *[default if at is None else convert(row[at]) for at, convert, default in plan]
        )

    return read


def prior_decision(record: Any) -> PriorDecision:
    """A PriorDecision from anything with its fields as attributes: a decision record, a
    `RecordRow`, a result row."""
    return PriorDecision(
        **{
            name: convert(getattr(record, name))
            for name, convert in _PRIOR_PLAN
            if hasattr(record, name)
        }
    )
