"""The 304 memory race (issue 12, item 8): a logout that commits between the session check and
the reading of the change counters must not leave the revoked token remembered as current.

The interleaving is made deterministic: the session check of the polled view is wrapped so
that the caller's session ends (committed) right after it succeeded.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.auth import deps
from app.auth.service import Principal, end_session
from app.core.clock import utcnow
from tests.factories import Account, link, register

VIEWS = [
    ("app.dashboard.router", "/api/v1/clinician/patients", "clinician"),
    ("app.readiness.router", "/api/v1/coach/athletes", "coach"),
]


@pytest.mark.parametrize(("module", "path", "role"), VIEWS)
def test_a_logout_right_after_the_session_check_is_not_remembered_as_current(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, module: str, path: str, role: str
) -> None:
    holder: Account = register(client, role)
    link(client, register(client), holder)

    async def check_then_logout(session: Any, token: str | None, role: str) -> Principal:
        principal = await deps.authenticate(session, token, role)
        end_session(session, principal.session_id, utcnow())  # another request's logout
        return principal

    monkeypatch.setattr(f"{module}.authenticate", check_then_logout)
    first = client.get(path, headers=holder.headers)
    assert first.status_code == 200  # the check passed before the logout
    monkeypatch.undo()

    again = client.get(path, headers={**holder.headers, "If-None-Match": first.headers["etag"]})
    assert again.status_code == 401, "a revoked token was answered from memory"
