"""Real app, real database, one transaction per test rolled back afterwards."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Settings are read once; these must be in place before the app is imported.
os.environ.setdefault("ENVIRONMENT", "test")
os.environ.setdefault("SECRET_KEY", "test-secret-key-that-is-long-enough-for-hs256-0123456789")
os.environ.setdefault("ARGON2_TIME_COST", "1")
os.environ.setdefault("ARGON2_MEMORY_KIB", "1024")
os.environ.setdefault("ARGON2_PARALLELISM", "1")
os.environ.setdefault("NOTIFY_IN_APP", "false")  # a test that wants the sender starts one

from tests.database import fresh_database, migrate

REQUIRE_ALL = os.environ.get("LOADLINE_REQUIRE_ALL") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip on a laptop that lacks a system package; fail in CI, which must have it."""
    if REQUIRE_ALL:
        pytest.fail(f"{reason} (LOADLINE_REQUIRE_ALL=1 forbids skipping)")
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def write_guard() -> Iterator[Any]:
    """Fail any test whose app code writes outside `writing` (tests/write_guard.py)."""
    from tests.write_guard import GUARD

    GUARD.install()
    yield GUARD
    GUARD.uninstall()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A test fails if app code wrote outside `writing` while it ran (even if it caught it)."""
    from tests.write_guard import GUARD

    GUARD.take_violations()
    result = yield
    violations = GUARD.take_violations()
    if violations:
        raise AssertionError("\n".join(violations))
    return result


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with fresh_database(tmp_path_factory.mktemp("db")) as url:
        migrate(url)
        os.environ["DATABASE_URL"] = url
        from app.core.config import get_settings
        from app.core.db import get_engine, request_engine

        get_settings.cache_clear()
        get_engine.cache_clear()
        request_engine.cache_clear()
        yield url
        get_engine().dispose()
        get_engine.cache_clear()
        request_engine.cache_clear()


@pytest.fixture
def db_session(database_url: str) -> Iterator[Any]:
    from sqlmodel import Session

    from app.core.db import get_engine

    connection = get_engine().connect()
    transaction = connection.begin()
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        session.close()
        transaction.rollback()
        connection.close()


@pytest.fixture
def app(db_session: Any) -> Iterator[Any]:
    from app.core.db import get_session
    from app.main import app as application
    from app.polling.revalidation import read_counters_through

    def shared_session() -> Any:
        db_session.expire_all()  # each request starts fresh, as with a session per request
        return db_session

    application.dependency_overrides[get_session] = shared_session
    read_counters_through(shared_session)  # the 304 shortcut sees the test's transaction
    yield application
    application.dependency_overrides.clear()
    read_counters_through(None)


@pytest.fixture
def client(app: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def root() -> Path:
    return Path(__file__).resolve().parents[1]
