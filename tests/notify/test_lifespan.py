"""The app's lifespan runs the sender in the background (when NOTIFY_IN_APP) and releases its
lease on shutdown; the test suite keeps it off otherwise."""

from __future__ import annotations

import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.core.config import get_settings


def _holder(url: str) -> Any:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT holder FROM sender_leases")).scalar_one()
    finally:
        engine.dispose()


def test_the_lifespan_starts_the_sender_and_releases_its_lease_on_shutdown(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.main import app

    assert _holder(database_url) is None
    monkeypatch.setattr(get_settings(), "notify_in_app", True)
    monkeypatch.setattr(get_settings(), "notify_interval_seconds", 0.05)
    with TestClient(app):
        deadline = time.monotonic() + 20
        while _holder(database_url) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _holder(database_url) is not None  # a round ran and took the lease
    assert _holder(database_url) is None  # released on shutdown
