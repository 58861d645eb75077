"""Shared by the seeder, the load runner and the profiler: paths, environment, databases.

The environment is set *before* any `app` module is imported (Settings are read once), so
import this module first. Every process of the bench (seeder, server, profiler) uses the same
SECRET_KEY, so tokens minted by the seeder are accepted by the server.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The app under test: the working tree by default, or a snapshot of a git ref that
# `bench.run --app-ref` exports (its app/, migrations/, alembic.ini), put first on sys.path.
APP_ROOT = Path(os.environ.get("BENCH_APP_ROOT") or ROOT).resolve()
if APP_ROOT != ROOT:  # ahead of the working tree (the current directory, the editable install)
    sys.path[:] = [str(APP_ROOT), *(p for p in sys.path if p != str(APP_ROOT))]
BENCH = ROOT / "bench"
OUT = BENCH / "out"
DB_DIR = OUT / "db"
LUA = BENCH / "lua"
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = VENV_BIN / "python"

# Fixed, benchmark-only secret (>= 32 characters, not a placeholder): production mode accepts it.
SECRET_KEY = "loadline-bench-only-secret-3c1f0a9e7b2d4c6a8e0f1b3d5a7c9e1f"  # noqa: S105
PASSWORD = "loadline-bench-password"  # noqa: S105 (every bench account; printed in accounts.json)
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
DB_PREFIX = "loadline_bench"

SERVER_ENV = {
    "SECRET_KEY": SECRET_KEY,
    "ENVIRONMENT": "production",
    # The load runs use tokens minted at seeding time: give them a working day.
    "ACCESS_TOKEN_MINUTES": "600",
}


def app_env() -> dict[str, str]:
    """Environment for a bench subprocess: the app under test first on the import path."""
    paths = [str(APP_ROOT)] if APP_ROOT != ROOT else []
    paths += [str(ROOT)]
    return {
        "BENCH_APP_ROOT": str(APP_ROOT),
        "PYTHONPATH": os.pathsep.join([*paths, *filter(None, [os.environ.get("PYTHONPATH")])]),
        "FRONTEND_DIST": str(ROOT / "frontend" / "dist"),
    }


def apply_env(database_url: str | None = None) -> None:
    """Set the bench environment for this process (call before importing `app`)."""
    os.environ.update(SERVER_ENV)
    if database_url:
        os.environ["DATABASE_URL"] = database_url


def db_name(name: str) -> str:
    return f"{DB_PREFIX}_{name}"


def database_url(kind: str, name: str) -> str:
    """The URL of the bench database `name` on `kind` (sqlite file or PostgreSQL database)."""
    if kind == "sqlite":
        return f"sqlite:///{DB_DIR / (db_name(name) + '.db')}"
    if kind == "postgres":
        from sqlalchemy.engine import make_url

        return make_url(PG_SERVER).set(database=db_name(name)).render_as_string(False)
    raise ValueError(f"unknown database kind {kind!r}")


def sibling_url(url: str, suffix: str) -> str:
    """The URL of a scratch copy of a bench database (`<name><suffix>`)."""
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        return f"sqlite:///{path.with_name(path.stem + suffix + path.suffix)}"
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}{suffix}").render_as_string(False)


def kind_of(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgres"


def sqlite_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _pg_admin() -> Any:
    from sqlalchemy import create_engine

    return create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")


def _pg_database(url: str) -> str:
    from sqlalchemy.engine import make_url

    name = make_url(url).database or ""
    if not name.startswith(DB_PREFIX):
        raise ValueError(f"refusing to touch a database not named {DB_PREFIX}*: {name!r}")
    return name


def drop_database(url: str) -> None:
    if kind_of(url) == "sqlite":
        path = sqlite_path(url)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    from sqlalchemy import text

    name = _pg_database(url)
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def create_database(url: str) -> None:
    """A new, empty database (dropping any earlier one of that name)."""
    drop_database(url)
    if kind_of(url) == "sqlite":
        sqlite_path(url).parent.mkdir(parents=True, exist_ok=True)
        return
    from sqlalchemy import text

    name = _pg_database(url)
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def copy_database(source: str, target: str) -> None:
    """A byte-identical copy of a seeded database, so every load run starts from one state."""
    drop_database(target)
    if kind_of(source) == "sqlite":
        from sqlalchemy import create_engine, text

        engine = create_engine(source)
        with engine.connect() as conn:  # fold the WAL into the main file before copying
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        engine.dispose()
        shutil.copyfile(sqlite_path(source), sqlite_path(target))
        return
    from sqlalchemy import text

    src, dst = _pg_database(source), _pg_database(target)
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :d AND pid <> pg_backend_pid()"
            ),
            {"d": src},
        )
        conn.execute(text(f'CREATE DATABASE "{dst}" TEMPLATE "{src}"'))
    admin.dispose()


def database_exists(url: str) -> bool:
    if kind_of(url) == "sqlite":
        return sqlite_path(url).exists()
    from sqlalchemy import text

    name = _pg_database(url)
    admin = _pg_admin()
    with admin.connect() as conn:
        found = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": name})
        exists = found.first() is not None
    admin.dispose()
    return exists


def migrate(url: str) -> None:
    """The app's own Alembic migrations, exactly as `make migrate` runs them."""
    from alembic import command
    from alembic.config import Config

    config = Config(str(APP_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    # alembic.ini prepends "." (the current directory) to sys.path: make it the app under test.
    config.set_main_option("prepend_sys_path", str(APP_ROOT))
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")


def ensure_wrk() -> str:
    """The path of wrk, installing Debian's package when it is missing."""
    found = shutil.which("wrk")
    if found:
        return found
    print("wrk not found: installing it with apt-get (Debian package `wrk`)", file=sys.stderr)
    install = ["apt-get", "install", "-y", "-qq", "wrk"]
    if subprocess.run(install, check=False).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(install, check=True)
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is still missing after apt-get install")
    return found


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    wrk = shutil.which("wrk")
    wrk_version = ""
    if wrk:
        probe = subprocess.run([wrk, "--version"], capture_output=True, text=True, check=False)
        wrk_version = (
            (probe.stdout or probe.stderr).splitlines()[0] if probe.stdout or probe.stderr else ""
        )
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "ram_gib": mem_gib,
        "python": platform.python_version(),
        "kernel": platform.release(),
        "wrk": wrk_version,
    }


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, default=str) + "\n")
