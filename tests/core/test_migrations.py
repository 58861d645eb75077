"""The schema comes from the migrations, and the migrations match the models."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, inspect, text

from tests.database import alembic_config, fresh_database, migrate


def test_models_and_migrations_do_not_drift(database_url: str) -> None:
    # `alembic check` raises if autogenerate would produce any operation.
    command.check(alembic_config(database_url))


def test_every_migration_downgrades_to_an_empty_database_and_back(tmp_path: Path) -> None:
    with fresh_database(tmp_path, "roundtrip") as url:
        migrate(url)
        config = alembic_config(url)
        command.downgrade(config, "base")
        engine = create_engine(url)
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        engine.dispose()
        migrate(url)
        engine = create_engine(url)
        assert {"users", "daily_logs", "decision_records"} <= set(inspect(engine).get_table_names())
        engine.dispose()


def test_migration_files_are_date_prefixed_and_form_one_line(root: Path) -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    for path in (root / "migrations" / "versions").glob("*.py"):
        assert path.name[:8].isdigit(), path.name


def test_locks_set_before_the_lock_history_existed_appear_in_it(tmp_path: Path) -> None:
    """Migration 70c9fbf55f2a copies the locks in force into the new lock history."""
    with fresh_database(tmp_path, "locks") as url:
        migrate(url, "6a338edeee28")
        engine = create_engine(url)
        patient, clinician = uuid.uuid4(), uuid.uuid4()
        locked_at = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
        with engine.begin() as connection:
            for user_id, role in ((patient, "patient"), (clinician, "clinician")):
                connection.execute(
                    text(
                        "INSERT INTO users (id, email, password_hash, display_name, role,"
                        " timezone, created_at) VALUES (:id, :email, 'x', 'N', :role, 'UTC',"
                        " :at)"
                    ),
                    {
                        "id": _uuid(engine, user_id),
                        "email": f"{role}@e.org",
                        "role": role,
                        "at": locked_at,
                    },
                )
            locks = {"neural": {"by_id": str(clinician), "at": locked_at.isoformat()}}
            connection.execute(
                text(
                    "INSERT INTO programmes (patient_id, phase, current, locks, proposals,"
                    " back_offs, updated_at) VALUES (:pid, 2, '{}', :locks, '{}', '{}', :at)"
                ),
                {"pid": _uuid(engine, patient), "locks": json.dumps(locks), "at": locked_at},
            )
        engine.dispose()
        migrate(url)
        engine = create_engine(url)
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT component, locked, made_by_id, reason FROM programme_lock_events")
            ).all()
        engine.dispose()
        assert len(rows) == 1
        component, locked, made_by, reason = rows[0]
        assert (component, bool(locked), reason) == ("neural", True, "clinician")
        assert str(made_by).replace("-", "") == clinician.hex


def _uuid(engine: Engine, value: uuid.UUID) -> object:
    """A UUID as the dialect stores it (SQLite: 32 hex digits; PostgreSQL: a uuid)."""
    return value.hex if engine.dialect.name == "sqlite" else value
