"""Operations commands: `python -m app.ops backup | restore FILE | verify-access-log |
verify-decisions`.

SQLite backups use SQLite's online backup API (safe while the app runs); PostgreSQL backups
use `pg_dump --format=custom`, restored with `pg_restore`.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from app.audit.service import verify_chain
from app.core.config import VAR_DIR, get_settings
from app.core.db import build_engine
from app.logs.replay import check_records
from app.models import DecisionRecord
from app.rules import RULESET_VERSION

BACKUP_DIR = VAR_DIR / "backups"


def _libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise SystemExit("backup needs a SQLite file database")
    return Path(database)


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise SystemExit(f"{tool} not found: install the PostgreSQL client (postgresql-client)")
    return path


def backup(url: str, destination: Path | None = None) -> Path:
    """Write a consistent copy of the database and return its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        target = destination or BACKUP_DIR / f"loadline-{stamp}.sqlite3"
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(_sqlite_path(url))
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # online backup: readers and writers may keep going
        finally:
            copy.close()
            source.close()
        return target
    target = destination or BACKUP_DIR / f"loadline-{stamp}.pgdump"
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 (fixed tool, URL from our own settings)
        [_require("pg_dump"), "--format=custom", "--no-owner", f"--file={target}", _libpq_url(url)],
        check=True,
    )
    return target


def restore(url: str, source: Path) -> None:
    """Load a backup into the database at `url` (which should be empty, or a stopped app's)."""
    if not source.is_file():
        raise SystemExit(f"no backup at {source}")
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        target = _sqlite_path(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        backup_db = sqlite3.connect(source)
        live = sqlite3.connect(target)
        try:
            backup_db.backup(live)
        finally:
            live.close()
            backup_db.close()
        return
    subprocess.run(  # noqa: S603 (fixed tool, URL from our own settings)
        [
            _require("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--exit-on-error",
            f"--dbname={_libpq_url(url)}",
            str(source),
        ],
        check=True,
    )


def verify_access_log(url: str) -> int:
    engine = build_engine(url)
    with Session(engine) as session:
        report = verify_chain(session)
    engine.dispose()
    if report.first_broken_id is None:
        print(f"access log intact: {report.entries} entries, chain verified")
        return 0
    print(f"access log BROKEN at entry {report.first_broken_id}: {report.problem}")
    return 1


def verify_decisions(url: str) -> int:
    """Replay every stored decision: those of this ruleset must give what they stored; those of
    an older ruleset are counted and named (this build cannot re-run them)."""
    engine = build_engine(url)
    matching, differing, others = 0, 0, Counter[str]()
    with Session(engine) as session:
        for patient_id in session.exec(select(DecisionRecord.patient_id).distinct()).all():
            report = check_records(session, patient_id)
            matching += report.matching
            differing += len(report.differing)
            others.update(report.not_replayable)
    engine.dispose()
    print(f"decisions replayed: {matching} give what they stored, {differing} differ")
    for ruleset, count in sorted(others.items()):
        print(
            f"not replayable: {count} made by ruleset {ruleset} (this build carries only "
            f"{RULESET_VERSION}); they keep their stored guidance and ruleset name"
        )
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ops", description=__doc__)
    parser.add_argument("--database-url", default=None, help="default: DATABASE_URL / Settings")
    commands = parser.add_subparsers(dest="command", required=True)
    make_backup = commands.add_parser("backup", help="write a backup (default under var/backups)")
    make_backup.add_argument("--out", type=Path, default=None)
    load = commands.add_parser("restore", help="restore a backup file into the database")
    load.add_argument("file", type=Path)
    commands.add_parser("verify-access-log", help="check the access log's hash chain")
    commands.add_parser("verify-decisions", help="replay every stored decision")
    args = parser.parse_args(argv)
    url = args.database_url or get_settings().database_url
    if args.command == "backup":
        print(backup(url, args.out))
        return 0
    if args.command == "restore":
        restore(url, args.file)
        print(f"restored {args.file}")
        return 0
    if args.command == "verify-decisions":
        return verify_decisions(url)
    return verify_access_log(url)


if __name__ == "__main__":
    sys.exit(main())
