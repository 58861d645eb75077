"""Text that is safe to store on every database: no NUL, no lone surrogates, no other controls."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def safe_text(value: str) -> str:
    if _FORBIDDEN.search(value):
        raise ValueError("contains control characters or invalid Unicode")
    return value


SafeText = Annotated[str, AfterValidator(safe_text)]
