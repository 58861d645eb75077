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
from dataclasses import fields
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any

from sqlmodel import col

from app.models import DailyLog
from app.rules import DayLog, PriorDecision


def _flag_set(value: Any) -> frozenset[str]:
    return frozenset(value or ())


def _rule_ids(value: Any) -> frozenset[str]:
    """Decision records keep the fired rule IDs space-separated in one column."""
    return _split_rules(value) if isinstance(value, str) else frozenset(value or ())


@lru_cache(maxsize=4096)
def _split_rules(text: str) -> frozenset[str]:
    """(A write reads some 30 records; few combinations of rule IDs recur among them.)"""
    return frozenset(text.split())


# (dataclass, field name) -> how the stored value becomes the field's value.
_CONVERTERS: dict[tuple[type, str], Callable[[Any], Any]] = {
    (DayLog, "red_flags"): _flag_set,
    (PriorDecision, "rules"): _rule_ids,
}

DAY_LOG_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(DayLog))
# The daily_logs columns the rules read, one per DayLog field (named as the field).
DAY_LOG_COLUMNS: tuple[Any, ...] = tuple(col(getattr(DailyLog, name)) for name in DAY_LOG_FIELDS)


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


def _builder(
    cls: type[Any], pick: Callable[[Any], Any], count: int, plan: Sequence[tuple[str, Any]]
) -> Callable[[Any], Any]:
    """Build `cls` from what `pick` takes out of a source (its fields, in order), converting
    the few fields that have a converter. The hot path: no per-field work beyond that."""
    conversions = [(i, convert) for i, (_, convert) in enumerate(plan) if convert is not _identity]

    def build(source: Any) -> Any:
        picked = pick(source)
        values: list[Any] = [picked] if count == 1 else list(picked)
        for at, convert in conversions:
            values[at] = convert(values[at])
        return cls(*values)

    return build


def day_log_reader(keys: Sequence[str]) -> Callable[[Sequence[Any]], DayLog]:
    """Turn result rows with these column names into DayLogs (each field is looked up by name
    once per result, not once per row)."""
    names = list(keys)
    if all(name in names for name, _ in _DAY_LOG_PLAN):
        pick = itemgetter(*[names.index(name) for name, _ in _DAY_LOG_PLAN])
        read: Callable[[Sequence[Any]], DayLog] = _builder(
            DayLog, pick, len(_DAY_LOG_PLAN), _DAY_LOG_PLAN
        )
        return read
    present = [(name, names.index(name)) for name, _ in _DAY_LOG_PLAN if name in names]
    return lambda row: day_log({name: row[at] for name, at in present})


_PRIOR_FROM_ATTRIBUTES = _builder(
    PriorDecision,
    attrgetter(*[name for name, _ in _PRIOR_PLAN]),
    len(_PRIOR_PLAN),
    _PRIOR_PLAN,
)


def prior_decision(record: Any) -> PriorDecision:
    """A PriorDecision from anything with its fields as attributes: a decision record, a
    `RecordRow`, a result row. An attribute it lacks takes the field's default."""
    try:
        prior: PriorDecision = _PRIOR_FROM_ATTRIBUTES(record)
    except AttributeError:
        return PriorDecision(
            **{
                name: convert(getattr(record, name))
                for name, convert in _PRIOR_PLAN
                if hasattr(record, name)
            }
        )
    return prior
