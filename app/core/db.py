"""Engine, per-request session, the SQLite settings every connection needs, and the one way
to write: `with writing(session):` around every write use case (see `writing`)."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

from fastapi import Depends
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine
from starlette.concurrency import run_in_threadpool

from app.core.config import get_settings
from app.core.errors import ServiceBusy
from app.core.json_codec import dumps_text, loads

WRITE_OPTION = "loadline_write"
NOWAIT = "nowait"
PLAIN_READS = "loadline_plain_reads"
BUSY_TIMEOUT_MS = "loadline_busy_timeout_ms"  # a SQLite connection's busy timeout, in its info
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
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        record.info[BUSY_TIMEOUT_MS] = busy_timeout_ms  # for a write begun later (begin_write)
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in sqlite_pragmas(busy_timeout_ms):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        raw = conn.connection.driver_connection  # plain sqlite3: these run on every request
        if options.get(WRITE_OPTION, False):
            begin_immediate(raw, options[WRITE_OPTION] == NOWAIT, busy_timeout_ms)
        elif not options.get(PLAIN_READS, False):
            raw.execute("BEGIN")
        # else: each read statement is its own snapshot (as READ COMMITTED on PostgreSQL)


def begin_immediate(raw: sqlite3.Connection, nowait: bool, busy_timeout_ms: int) -> None:
    """Take SQLite's write lock up front; `nowait` (on the event loop): try once, and let
    run_db wait cooperatively if it is taken."""
    if not nowait:
        raw.execute("BEGIN IMMEDIATE")
        return
    raw.execute("PRAGMA busy_timeout=0")
    try:
        raw.execute("BEGIN IMMEDIATE")
    finally:
        raw.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")


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
            json_serializer=dumps_text,
            json_deserializer=loads,
        )
        configure_sqlite(engine, busy_timeout_ms)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        json_serializer=dumps_text,
        json_deserializer=loads,
    )


@lru_cache
def get_engine() -> Engine:
    settings = get_settings()
    return build_engine(settings.database_url, settings.sqlite_busy_timeout_ms)


class WriteLockBusy(Exception):
    """SQLite's write lock is held by another process; the use case has not started writing."""


_on_event_loop: ContextVar[bool] = ContextVar("loadline_on_event_loop", default=False)


async def run_db(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run blocking database work: inline on SQLite, in the thread pool otherwise.

    Call it with keyword arguments after the session (`run_db(service.fn, session, day=day)`):
    they are checked against `fn`'s signature.

    Inline, a writer never sleeps in SQLite's busy handler (that would stall every request of
    this worker): if another worker holds the write lock, `writing` abandons the use case
    before its first write (WriteLockBusy) and it is run again here after an asynchronous
    back-off.
    """
    settings = get_settings()
    if not settings.run_db_inline:
        return await run_in_threadpool(fn, *args, **kwargs)
    deadline = time.monotonic() + settings.sqlite_busy_timeout_ms / 1000
    pause = 0.0005
    while True:
        token = _on_event_loop.set(True)
        try:
            return fn(*args, **kwargs)
        except WriteLockBusy:
            if time.monotonic() + pause > deadline:
                raise ServiceBusy("The database is busy; please try again.") from None
        finally:
            _on_event_loop.reset(token)
        await asyncio.sleep(pause)
        pause = min(pause * 2, 0.02)


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
    Use cases do not call this: they use `writing`.
    """
    if session.in_transaction():
        if _go_on_as_writer(session):
            return
        session.commit()
    if not _on_event_loop.get():
        session.connection(execution_options={WRITE_OPTION: True})
        return
    try:
        session.connection(execution_options={WRITE_OPTION: NOWAIT})
    except (OperationalError, sqlite3.OperationalError) as exc:
        session.rollback()
        if "locked" in str(exc) or "busy" in str(exc):
            raise WriteLockBusy from None
        raise


def _go_on_as_writer(session: Session) -> bool:
    """Turn the request's open read transaction into the write transaction, on the same
    connection, where that is as good as a new one (no commit, no second pool checkout):

    - PostgreSQL at READ COMMITTED: every statement reads the latest commits anyway;
    - SQLite when the reads ran without BEGIN (`request_engine`): BEGIN IMMEDIATE now.

    A SQLite read transaction that did BEGIN is ended first instead (a deferred reader that
    upgrades to a writer can fail rather than wait)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        chosen = connection.get_execution_options().get("isolation_level")
        return (chosen or connection.default_isolation_level) == "READ COMMITTED"
    raw = connection.connection.driver_connection
    if raw is None or raw.in_transaction:
        return False
    timeout = int(connection.connection.info[BUSY_TIMEOUT_MS])
    try:
        begin_immediate(raw, _on_event_loop.get(), timeout)
    except sqlite3.OperationalError as exc:
        session.rollback()
        if "locked" in str(exc) or "busy" in str(exc):
            raise WriteLockBusy from None
        raise
    return True


_writing: ContextVar[Session | None] = ContextVar("loadline_writing", default=None)


@contextmanager
def writing(session: Session) -> Iterator[Session]:
    """The one way to write: the block is one write transaction, committed when it ends.

        with writing(session):
            ...  # reads, the rules, then every INSERT/UPDATE/DELETE of the use case

    On entry the write transaction begins (SQLite: BEGIN IMMEDIATE, the write lock taken up
    front); on a normal exit it commits; on an exception it rolls back and the exception goes
    on. Nothing may be written before the block: on SQLite with inline database work, a busy
    write lock raises WriteLockBusy on entry and `run_db` runs the whole use case again, so
    everything before the block must be safe to repeat. A use case that must record
    something and then refuse (a failed sign-in is counted, then 401) leaves the block first
    and raises after it. Inside the block, a nested `writing` on the same session joins it.
    tests/write_guard.py fails any test in which app code writes outside this block.
    """
    if _writing.get() is session:
        yield session
        return
    begin_write(session)
    token = _writing.set(session)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        _writing.reset(token)


def is_writing() -> bool:
    """True inside a `writing` block (the write guard of the tests asks)."""
    return _writing.get() is not None


def end_reads(session: Session) -> None:
    """End the read transaction (if any) before slow work that must not hold it (hashing)."""
    if session.in_transaction():
        session.commit()


SessionDep = Annotated[Session, Depends(get_session)]


def begin_snapshot(session: Session) -> None:
    """Start a read transaction: every later read sees the same snapshot (e.g. an export)."""
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={PLAIN_READS: False})
