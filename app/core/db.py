"""Engine, per-request session, and the SQLite settings every connection needs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

from fastapi import Depends
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine
from starlette.concurrency import run_in_threadpool

from app.core.config import get_settings

WRITE_OPTION = "loadline_write"
PLAIN_READS = "loadline_plain_reads"
P = ParamSpec("P")
T = TypeVar("T")


def sqlite_pragmas(busy_timeout_ms: int) -> list[str]:
    return [
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA foreign_keys=ON",
        f"PRAGMA busy_timeout={int(busy_timeout_ms)}",
    ]


def configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """WAL and pragmas on every connection; explicit BEGIN (IMMEDIATE for writes).

    pysqlite's own transaction handling defers BEGIN and cannot take the write lock up
    front; a deferred reader that later writes fails with "database is locked" instead
    of waiting. Write use cases therefore open their transaction with BEGIN IMMEDIATE.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in sqlite_pragmas(busy_timeout_ms):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get(WRITE_OPTION, False):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif not options.get(PLAIN_READS, False):
            conn.exec_driver_sql("BEGIN")
        # else: each read statement is its own snapshot (as READ COMMITTED on PostgreSQL)


def build_engine(url: str, busy_timeout_ms: int = 10000) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
            pool_size=8,
            max_overflow=16,
        )
        configure_sqlite(engine, busy_timeout_ms)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


@lru_cache
def get_engine() -> Engine:
    settings = get_settings()
    return build_engine(settings.database_url, settings.sqlite_busy_timeout_ms)


async def run_db(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run blocking database work: inline on SQLite, in the thread pool otherwise."""
    if get_settings().run_db_inline:
        return fn(*args, **kwargs)
    return await run_in_threadpool(fn, *args, **kwargs)


@lru_cache
def request_engine() -> Engine:
    """The engine requests use: on SQLite, reads run without BEGIN/COMMIT round trips."""
    return get_engine().execution_options(**{PLAIN_READS: True})


async def get_session() -> AsyncIterator[Session]:
    session = Session(request_engine(), expire_on_commit=False)
    try:
        yield session
    finally:
        await run_db(session.close)


def begin_write(session: Session) -> None:
    """Start the use case's transaction as a writer (SQLite: take the write lock now).

    A read transaction left open by the request's dependencies (loading the caller) is
    ended first, so the write lock is taken up front instead of by a failing upgrade.
    """
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={WRITE_OPTION: True})


SessionDep = Annotated[Session, Depends(get_session)]


def begin_snapshot(session: Session) -> None:
    """Start a read transaction: every later read sees the same snapshot (e.g. an export)."""
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={PLAIN_READS: False})
