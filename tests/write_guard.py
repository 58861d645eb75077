"""Every write of the app's code happens inside `app.core.db.writing` (the one way to write).

Installed for the whole suite (tests/conftest.py): an INSERT, UPDATE or DELETE executed while a
frame of the app's own code (app/) is on the stack, outside a `writing` block, fails the test
that caused it. Tests that tamper with the database themselves (no app frame) are not checked.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from app.core.db import is_writing

APP_DIR = str(Path(__file__).resolve().parents[1] / "app") + "/"
_DML = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


class WriteOutsideTransaction(AssertionError):
    """App code wrote outside `with writing(session):`."""


class WriteGuard:
    def __init__(self) -> None:
        self.violations: list[str] = []

    def _app_frame(self) -> str | None:
        frame = sys._getframe(2)
        while frame is not None:
            if frame.f_code.co_filename.startswith(APP_DIR):
                return f"{frame.f_code.co_filename}:{frame.f_lineno} ({frame.f_code.co_name})"
            frame = frame.f_back  # type: ignore[assignment]
        return None

    def check(self, statement: Any) -> None:
        is_dml = getattr(statement, "is_dml", None)
        if is_dml is None:
            is_dml = bool(_DML.match(str(statement)))
        if not is_dml or is_writing():
            return
        where = self._app_frame()
        if where is None:
            return  # the test's own direct write
        message = f"app code wrote outside writing(): {str(statement).split()[0]} from {where}"
        self.violations.append(message)
        raise WriteOutsideTransaction(message)

    def install(self) -> None:
        event.listen(Engine, "before_execute", self._before_execute)

    def uninstall(self) -> None:
        event.remove(Engine, "before_execute", self._before_execute)

    def _before_execute(self, _conn: Any, statement: Any, *_args: Any) -> None:
        self.check(statement)

    def take_violations(self) -> list[str]:
        found, self.violations = self.violations, []
        return found


GUARD = WriteGuard()
