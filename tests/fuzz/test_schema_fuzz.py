"""Schema fuzzing: schemathesis drives every documented operation in-process, as each role.

Bounded examples keep it well under a minute. Checks: no 5xx, responses match the documented
schema, status codes and content types are documented, invalid data is rejected.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.main import app as application
from tests.factories import Account, link, register

# Operations that end the caller's own session are tested explicitly, not fuzzed.
SESSION_ENDING = {
    ("DELETE", "/api/v1/me"),
    ("POST", "/api/v1/auth/logout"),
    ("POST", "/api/v1/auth/logout-all"),
    ("POST", "/api/v1/me/password"),
}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
]

schema = schemathesis.openapi.from_asgi("/openapi.json", application)
for _method, _path in SESSION_ENDING:
    schema = schema.exclude(method=_method, path=_path)


@pytest.fixture(autouse=True)
def unlimited_registrations(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fuzzer registers many accounts from one address (the limit: tests/auth/test_limits)."""
    from app.core.config import get_settings

    monkeypatch.setattr(get_settings(), "register_limit_per_hour", 0)


@pytest.fixture
def accounts(client: Any) -> dict[str, Account]:
    patient = register(client)
    clinician, coach = register(client, "clinician"), register(client, "coach")
    link(client, patient, clinician)
    link(client, patient, coach)
    return {"patient": patient, "clinician": clinician, "coach": coach}


def caller_for(path: str) -> str:
    if path.startswith("/api/v1/clinician"):
        return "clinician"
    if path.startswith("/api/v1/coach") or path == "/api/v1/links":
        return "coach"
    return "patient"


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_fuzzed_requests_never_fail_the_contract(case: Any, accounts: dict[str, Account]) -> None:
    caller = accounts[caller_for(case.path)]
    if case.path_parameters and "patient_id" in case.path_parameters:
        case.path_parameters["patient_id"] = accounts["patient"].id
    case.call_and_validate(headers={**(case.headers or {}), **caller.headers}, checks=CHECKS)
