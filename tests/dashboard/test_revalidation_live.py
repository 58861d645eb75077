"""The 304 shortcut against a real server (its own counter reads, not the test session)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx2 as httpx

from tests.hardening.test_concurrency import account
from tests.live import live_server

DASHBOARD = "/api/v1/clinician/patients"


def test_polls_answer_304_until_something_changes_then_the_real_answer(tmp_path: Path) -> None:
    with live_server(tmp_path, workers=2) as server, httpx.Client(base_url=server.url) as http:
        patient, clinician = account(server.url), account(server.url, "clinician")
        code = http.post("/api/v1/me/shares", json={"scope": "clinician"}, headers=patient).json()
        assert (
            http.post("/api/v1/links", json={"code": code["code"]}, headers=clinician).status_code
            == 201
        )
        etag = http.get(DASHBOARD, headers=clinician).headers["etag"]
        polled = {**clinician, "If-None-Match": etag}
        # Two workers: each learns the ETag on its first poll, then answers from memory.
        assert [http.get(DASHBOARD, headers=polled).status_code for _ in range(6)] == [304] * 6
        today = datetime.now(UTC).date().isoformat()
        http.put(f"/api/v1/me/logs/{today}", json={"morning_pain": 4}, headers=patient)
        changed = http.get(DASHBOARD, headers=polled)
        assert (
            changed.status_code == 200 and changed.json()["patients"][0]["last_log_date"] == today
        )
        etag = changed.headers["etag"]
        polled = {**clinician, "If-None-Match": etag}
        assert [http.get(DASHBOARD, headers=polled).status_code for _ in range(4)] == [304] * 4
        assert http.post("/api/v1/auth/logout", headers=clinician).status_code == 204
        assert [http.get(DASHBOARD, headers=polled).status_code for _ in range(4)] == [401] * 4
