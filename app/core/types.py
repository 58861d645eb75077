"""Input types used at the edge: text safe for every database, and strict ISO dates."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def safe_text(value: str) -> str:
    """No NUL (PostgreSQL refuses it), no lone surrogates (not encodable), no other controls."""
    if _FORBIDDEN.search(value):
        raise ValueError("contains control characters or invalid Unicode")
    return value


def _iso_date(value: Any) -> Any:
    """Only `YYYY-MM-DD`: pydantic alone would read `0` as 1970-01-01."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError("must be a date written as YYYY-MM-DD")
    return value


SafeText = Annotated[str, AfterValidator(safe_text)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
