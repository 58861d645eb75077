"""JSON for the hot paths: the answers (app/core/responses.py) and the JSON columns the engine
reads and writes (app/core/db.py), with orjson instead of the standard library.

orjson (a well-kept library, written in Rust) encodes and decodes several times faster than
`json`; a log write encodes its decision record, the status row and the answer, and decodes
the plan, so this is a measurable share of a PUT (bench/RESULTS.md). Its output is the same
JSON value: dates, datetimes (ISO 8601, as `isoformat`) and UUIDs are encoded natively, keys
that are not strings become strings as with `json`, and text is written without `\\u` escapes.
Stored JSON written by `json` before reads back the same.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS

loads = orjson.loads


def dumps_bytes(value: Any) -> bytes:
    """UTF-8 JSON of `value` (the body of an answer)."""
    return orjson.dumps(value, option=_OPTIONS)


def dumps_text(value: Any) -> str:
    """JSON text of `value` (what a JSON column stores)."""
    return orjson.dumps(value, option=_OPTIONS).decode()


def plain(value: Any) -> Any:
    """`value` made of JSON types only, for an export section: dates and datetimes as ISO 8601
    (`isoformat`), any other object as its text."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if value is not None and not isinstance(value, str | int | float | bool):
        return str(value)
    return value
