"""SQLite WAL checkpoints off the request path.

By default the write that crosses 1,000 WAL pages runs the checkpoint (copying pages back and
syncing the database file) inside its own request; with database work on the event loop that
stalls every request of the worker. Here connections never checkpoint on commit; a background
task runs a PASSIVE checkpoint (it never blocks readers or writers) in a thread each second.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator

from sqlalchemy.engine import make_url
from starlette.concurrency import run_in_threadpool

from app.core.config import get_settings

log = logging.getLogger("loadline")
INTERVAL_S = 1.0


def _checkpoint(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


async def _loop(path: str) -> None:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        while True:
            await asyncio.sleep(INTERVAL_S)
            try:
                await run_in_threadpool(_checkpoint, connection)
            except sqlite3.Error as exc:  # e.g. busy: the next round will do it
                log.debug("checkpoint skipped: %s", exc)
    finally:
        connection.close()


@contextlib.asynccontextmanager
async def background_checkpoints() -> AsyncIterator[None]:
    settings = get_settings()
    path = make_url(settings.database_url).database if settings.is_sqlite else None
    if not path or path == ":memory:":
        yield
        return
    task = asyncio.create_task(_loop(path))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
