"""The one way to write: app code writes only inside `app.core.db.writing`.

The whole suite runs under tests/write_guard.py, so every write use case the API tests reach is
checked; these tests show the guard catches what it should, and that no module commits or
begins a write by itself.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.auth.schemas import RegisterIn
from app.auth.service import add_user
from app.core.counters import CHANGE_SEQ, next_value
from app.core.db import writing
from tests.write_guard import GUARD, WriteOutsideTransaction

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
ONLY_IN_CORE_DB = re.compile(r"\.commit\(|\.rollback\(|\bbegin_write\(")


def _account(email: str) -> RegisterIn:
    return RegisterIn(email=email, password="long enough", display_name="G", role="coach")


def test_a_core_statement_written_outside_writing_fails(db_session: Any) -> None:
    with pytest.raises(WriteOutsideTransaction):
        next_value(db_session, CHANGE_SEQ)
    assert GUARD.take_violations()  # recorded too (a test that swallowed it still fails)
    with writing(db_session):
        assert next_value(db_session, CHANGE_SEQ) > 0


def test_an_orm_flush_written_outside_writing_fails(db_session: Any) -> None:
    with pytest.raises(WriteOutsideTransaction):
        add_user(db_session, _account("guard-1@example.org"), "not-a-real-hash", NOW)
    assert GUARD.take_violations()
    db_session.rollback()
    with writing(db_session):
        add_user(db_session, _account("guard-2@example.org"), "not-a-real-hash", NOW)


def test_only_the_write_wrapper_begins_commits_or_rolls_back(root: Path) -> None:
    offenders = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sorted((root / "app").rglob("*.py"))
        if path != root / "app" / "core" / "db.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ONLY_IN_CORE_DB.search(line)
    ]
    assert offenders == [], "use `with writing(session):` (app/core/db.py)"
