"""Cheap revalidation for polled views (clinician dashboard, coach view).

A worker remembers, per access token and view, what its last ETag was made of and the
database's change counters at that moment (app/polling/etag.py). A poll carrying that ETag
then costs one read of the counters, before routing: if neither moved, nothing the ETag depends
on (status rows, links, time zones, sessions) has changed, so the answer is 304 without
decoding the token or running the view. Anything else goes through the app as usual, which
re-authenticates and remembers afresh. The memory is only trusted when the database agrees, so
several workers stay correct; the patients' local dates are recomputed on every poll. Which
paths are polled views is up to the views (`POLLED_VIEWS`). Measured in bench/.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import psycopg
from sqlalchemy.engine import make_url
from sqlmodel import Session
from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.clock import utcnow
from app.core.config import get_settings
from app.core.counters import AUTH_SEQ, CHANGE_SEQ
from app.core.db import get_engine, run_db
from app.polling import statements
from app.polling.etag import REMEMBERED, days_digest, etag_of
from app.polling.views import POLLED_VIEWS, read_versions

SessionFactory = Callable[[], Session]


class CounterSource:
    """Where the shortcut reads the counters: by default each reader's own connection; with a
    session factory (`read_counters_through`), sessions from it."""

    def __init__(self) -> None:
        self.session_factory: SessionFactory | None = None


COUNTER_SOURCE = CounterSource()


def read_counters_through(factory: SessionFactory | None) -> None:
    """Read the counters through sessions from `factory` instead of the app's own connection
    (the tests: the test's transaction, where their changes are); None undoes it."""
    COUNTER_SOURCE.session_factory = factory


class VersionReader:
    """Reads the two counters. On SQLite with inline database work, through one autocommit
    connection of this process (no pool, no transaction: a few microseconds); on PostgreSQL
    through one asynchronous autocommit connection of this process (no thread hop); otherwise,
    or with a session factory in `COUNTER_SOURCE`, through a session."""

    def __init__(self) -> None:
        self._raw: sqlite3.Connection | None = None
        self._pg: psycopg.AsyncConnection[Any] | None = None
        self._pg_lock = asyncio.Lock()

    async def _postgres(self) -> dict[str, int] | None:
        async with self._pg_lock:
            try:
                if self._pg is None or self._pg.closed:
                    url = make_url(get_settings().database_url).set(drivername="postgresql")
                    dsn = url.render_as_string(hide_password=False)
                    self._pg = await psycopg.AsyncConnection.connect(dsn, autocommit=True)
                cursor = await self._pg.execute(statements.RAW_COUNTERS)
                return dict(await cursor.fetchall())
            except psycopg.Error:
                self._pg = None  # reconnect next time; this poll takes the normal path
                return None

    def _sqlite(self) -> sqlite3.Connection:
        if self._raw is None:
            path = make_url(get_settings().database_url).database
            self._raw = sqlite3.connect(path or "", isolation_level=None, check_same_thread=False)
        return self._raw

    async def read(self) -> tuple[int, int]:
        settings = get_settings()
        factory = COUNTER_SOURCE.session_factory
        if factory is None and settings.is_sqlite and settings.run_db_inline:
            rows = dict(self._sqlite().execute(statements.RAW_COUNTERS).fetchall())
            return rows.get(CHANGE_SEQ, 0), rows.get(AUTH_SEQ, 0)
        if factory is None and not settings.is_sqlite:
            found = await self._postgres()
            return (found.get(CHANGE_SEQ, 0), found.get(AUTH_SEQ, 0)) if found else (-1, -1)

        def through_session() -> tuple[int, int]:
            session = factory() if factory else Session(get_engine())
            try:
                return read_versions(session)
            finally:
                if factory is None:
                    session.close()

        return await run_db(through_session)


class RevalidationShortcut:
    """Answers a poll of a registered view with 304 before routing, when `REMEMBERED` says the
    caller's ETag is still current; every other request goes to the app unchanged."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.versions = VersionReader()  # its connection is reused by every poll

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        view = POLLED_VIEWS.view_at(scope.get("path", "")) if scope["type"] == "http" else None
        if view is None or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        token = tags = None
        for name, value in scope["headers"]:
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                token = value[7:].decode("latin-1").strip()
            elif name == b"if-none-match":
                tags = value.decode("latin-1")
        since = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("since", [None])[-1]
        if token and tags:
            etag = await self._current_etag(token, view, since)
            if etag is not None and etag in {tag.strip() for tag in tags.split(",")}:
                await self._not_modified(send, etag)
                return
        await self.app(scope, receive, send)

    async def _current_etag(self, token: str, view: str, since: str | None) -> str | None:
        """The view's ETag if nothing it depends on moved since it was answered, else None."""
        answer = REMEMBERED.get(token, view, since)
        now = utcnow()
        if answer is None or now >= answer.valid_until:
            return None
        if await self.versions.read() != answer.versions:
            return None
        days = days_digest(answer.zones, now)
        return etag_of(answer.status_seq, answer.link_seq, answer.live_links, days, since)

    @staticmethod
    async def _not_modified(send: Send, etag: str) -> None:
        headers = [(b"etag", etag.encode()), (b"cache-control", b"private, no-cache")]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
