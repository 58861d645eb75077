"""Backups: `app.ops backup` then `restore` into a new database finds the data."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from app import ops
from app.accounts.service import register_user
from app.auth.schemas import RegisterIn
from app.core.db import build_engine
from app.logs.schemas import LogIn
from app.logs.service import save_daily_log
from tests.conftest import skip_or_fail
from tests.database import fresh_database, migrate


def test_a_backup_restores_into_a_new_database_with_the_data(tmp_path: Path) -> None:
    if os.environ.get("TEST_DATABASE_URL") and not shutil.which("pg_dump"):
        skip_or_fail("pg_dump not found; install postgresql-client")
    now = datetime.now(UTC)
    with (
        fresh_database(tmp_path, "source") as source_url,
        fresh_database(tmp_path, "restored") as target_url,
    ):
        migrate(source_url)
        engine = build_engine(source_url)
        with Session(engine, expire_on_commit=False) as session:
            data = RegisterIn(
                email="b@example.org", password="backup-pass", display_name="B", role="patient"
            )
            patient = register_user(session, data, now)
            save_daily_log(
                session, patient, now.date(), LogIn(morning_pain=3, notes="backed up"), now
            )
        engine.dispose()
        dump = ops.backup(source_url, tmp_path / "backup.bin")
        ops.restore(target_url, dump)
        restored = build_engine(target_url)
        with restored.connect() as conn:
            notes = conn.execute(text("SELECT notes FROM daily_logs")).scalars().all()
            decisions = conn.execute(text("SELECT count(*) FROM decision_records")).scalar_one()
        restored.dispose()
        assert notes == ["backed up"] and decisions == 1
        assert ops.verify_access_log(target_url) == 0


def test_verify_decisions_replays_every_stored_decision(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    with fresh_database(tmp_path, "replayed") as url:
        migrate(url)
        engine = build_engine(url)
        with Session(engine, expire_on_commit=False) as session:
            data = RegisterIn(
                email="r@example.org", password="replay-pass", display_name="R", role="patient"
            )
            patient = register_user(session, data, now)
            for morning in (2, 3, 8):
                save_daily_log(session, patient, now.date(), LogIn(morning_pain=morning), now)
        with engine.begin() as conn:  # one record as ruleset 2026.11 had stored it
            conn.execute(text("UPDATE decision_records SET ruleset = '2026.11' WHERE id = 1"))
        engine.dispose()
        assert ops.verify_decisions(url) == 0
        tampered = build_engine(url)
        with tampered.begin() as conn:  # the log a stored decision read, changed behind its back
            conn.execute(text("""UPDATE log_revisions SET "values" = '{"morning_pain": 1}'"""))
        tampered.dispose()
        assert ops.verify_decisions(url) == 1
