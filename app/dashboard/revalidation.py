"""Cheap revalidation for polled lists (clinician dashboard, coach view).

A worker remembers, per access token and view, what its last ETag was made of and the
database's change counters at that moment. A poll carrying that ETag then costs one read of
the counters, before routing: if neither moved, nothing the ETag depends on (status rows,
links, time zones, sessions) has changed, so the answer is 304 without decoding the token or
running the view. Anything else goes through the app as usual, which re-authenticates and
remembers afresh. The memory is only trusted when the database agrees, so several workers
stay correct; the patients' local dates are recomputed on every poll. Measured in bench/.
"""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs

import psycopg
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlmodel import Session, col
from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.clock import today_in, utcnow
from app.core.config import get_settings
from app.core.counters import AUTH_SEQ, CHANGE_SEQ
from app.core.db import get_engine, get_session, run_db
from app.models import Counter

MAX_REMEMBERED = 10_000
_VERSIONS = select(col(Counter.name), col(Counter.value))


@dataclass(frozen=True, slots=True)
class Answer:
    """What an ETag was made of, and until when the caller's credentials hold."""

    versions: tuple[int, int]
    status_seq: int
    link_seq: int
    live_links: int
    zones: tuple[str, ...]
    valid_until: datetime


def days_digest(zones: tuple[str, ...], now: datetime) -> str:
    days = ",".join(sorted({today_in(zone, now).isoformat() for zone in zones}))
    return hashlib.sha256(days.encode()).hexdigest()[:8]


def etag_of(status_seq: int, link_seq: int, live: int, days: str, since: str | None) -> str:
    raw = f"{status_seq}|{link_seq}|{live}|{days}|{since or ''}"
    return f'"{hashlib.sha256(raw.encode()).hexdigest()[:32]}"'


def read_versions(session: Session) -> tuple[int, int]:
    rows = dict(session.connection().execute(_VERSIONS, {"names": [CHANGE_SEQ, AUTH_SEQ]}).all())
    return rows.get(CHANGE_SEQ, 0), rows.get(AUTH_SEQ, 0)


class Remembered:
    def __init__(self) -> None:
        self._answers: OrderedDict[tuple[str, str, str | None], Answer] = OrderedDict()

    def remember(self, token: str, view: str, since: str | None, answer: Answer) -> None:
        key = (token, view, since)
        self._answers[key] = answer
        self._answers.move_to_end(key)
        while len(self._answers) > MAX_REMEMBERED:
            self._answers.popitem(last=False)

    def get(self, token: str, view: str, since: str | None) -> Answer | None:
        return self._answers.get((token, view, since))


remembered = Remembered()


class VersionReader:
    """Reads the two counters. On SQLite with inline database work, through one autocommit
    connection of this process (no pool, no transaction: a few microseconds); on PostgreSQL
    through one asynchronous autocommit connection of this process (no thread hop); in tests
    (the session is overridden) through the test's session."""

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
                cursor = await self._pg.execute(_RAW_VERSIONS)
                return dict(await cursor.fetchall())
            except psycopg.Error:
                self._pg = None  # reconnect next time; this poll takes the normal path
                return None

    def _sqlite(self) -> sqlite3.Connection:
        if self._raw is None:
            path = make_url(get_settings().database_url).database
            self._raw = sqlite3.connect(path or "", isolation_level=None, check_same_thread=False)
        return self._raw

    async def read(self, session_factory: Callable[[], Session] | None) -> tuple[int, int]:
        settings = get_settings()
        if session_factory is None and settings.is_sqlite and settings.run_db_inline:
            rows = dict(self._sqlite().execute(_RAW_VERSIONS).fetchall())
            return rows.get(CHANGE_SEQ, 0), rows.get(AUTH_SEQ, 0)
        if session_factory is None and not settings.is_sqlite:
            found = await self._postgres()
            return (found.get(CHANGE_SEQ, 0), found.get(AUTH_SEQ, 0)) if found else (-1, -1)
        factory = session_factory or (lambda: Session(get_engine()))

        def through_session() -> tuple[int, int]:
            session = factory()
            try:
                return read_versions(session)
            finally:
                if session_factory is None:
                    session.close()

        return await run_db(through_session)


_RAW_VERSIONS = "SELECT name, value FROM counters"
VIEWS = {"/api/v1/clinician/patients": "clinician", "/api/v1/coach/athletes": "coach"}


class RevalidationShortcut:
    """Answers a poll of a listed view with 304 before routing, when `remembered` says the
    caller's ETag is still current; every other request goes to the app unchanged."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.reader = VersionReader()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        view = VIEWS.get(scope.get("path", "")) if scope["type"] == "http" else None
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
            etag = await self._current_etag(scope, token, view, since)
            if etag is not None and etag in {tag.strip() for tag in tags.split(",")}:
                await self._not_modified(send, etag)
                return
        await self.app(scope, receive, send)

    async def _current_etag(
        self, scope: Scope, token: str, view: str, since: str | None
    ) -> str | None:
        """The view's ETag if nothing it depends on moved since it was answered, else None."""
        answer = remembered.get(token, view, since)
        now = utcnow()
        if answer is None or now >= answer.valid_until:
            return None
        overrides = getattr(scope.get("app"), "dependency_overrides", {})
        if await self.reader.read(overrides.get(get_session)) != answer.versions:
            return None
        days = days_digest(answer.zones, now)
        return etag_of(answer.status_seq, answer.link_seq, answer.live_links, days, since)

    @staticmethod
    async def _not_modified(send: Send, etag: str) -> None:
        headers = [(b"etag", etag.encode()), (b"cache-control", b"private, no-cache")]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
