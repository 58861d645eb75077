"""The schema comes from the migrations, and the migrations match the models."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

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
