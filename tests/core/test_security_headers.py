"""Security headers on every response, HSTS over HTTPS, CORS closed unless allow-listed."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.config import get_settings
from app.main import create_app


@pytest.mark.parametrize("path", ["/healthz", "/api/v1/me", "/api/v1/nope", "/", "/signin"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp
    assert "strict-transport-security" not in headers  # plain HTTP here


def test_hsts_is_sent_over_https(app: Any) -> None:
    with TestClient(app, base_url="https://testserver") as secure:
        assert "max-age=" in secure.get("/healthz").headers["strict-transport-security"]


def test_cors_is_closed_by_default(client: TestClient) -> None:
    preflight = client.options(
        "/api/v1/me",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    simple = client.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers


@pytest.fixture
def cors_app() -> Iterator[Any]:
    os.environ["CORS_ORIGINS"] = json.dumps(["https://clinic.example"])
    get_settings.cache_clear()
    try:
        yield create_app()
    finally:
        del os.environ["CORS_ORIGINS"]
        get_settings.cache_clear()


def test_cors_allows_only_the_configured_origins(cors_app: Any) -> None:
    with TestClient(cors_app) as client:
        allowed = client.options(
            "/api/v1/me",
            headers={"Origin": "https://clinic.example", "Access-Control-Request-Method": "GET"},
        )
        assert allowed.headers["access-control-allow-origin"] == "https://clinic.example"
        refused = client.options(
            "/api/v1/me",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
        )
        assert "access-control-allow-origin" not in refused.headers


def test_the_secret_key_is_refused_when_missing_or_a_placeholder_in_production() -> None:
    from pydantic import ValidationError

    from app.core.config import Settings

    for secret in (None, "changethis", "short"):
        with pytest.raises(ValidationError, match="SECRET_KEY"):
            Settings(environment="production", secret_key=secret, push_enabled=False)
    ok = Settings(environment="production", secret_key="x" * 40, push_enabled=False)
    assert ok.secret == "x" * 40


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_the_api_docs_load_nothing_from_elsewhere_and_run_no_inline_script(
    client: TestClient, path: str
) -> None:
    import re

    answer = client.get(path)
    assert answer.status_code == 200
    csp = answer.headers["content-security-policy"]
    assert "http" not in csp  # no origin but the app's own
    script_src = re.search(r"script-src ([^;]*)", csp)
    assert script_src is not None and script_src.group(1).strip() == "'self'"
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", answer.text, flags=re.S)
    assert scripts and all('src="/' in attrs and not body.strip() for attrs, body in scripts)
    for url in re.findall(r'(?:src|href)="([^"]+)"', answer.text):
        assert url.startswith("/"), url
        assert client.get(url).status_code == 200, url
