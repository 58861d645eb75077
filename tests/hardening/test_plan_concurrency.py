"""Taps and log writes of one patient at the same time, against a real server with two worker
processes: no error, no deadlock (the plan row is locked before the change counter on every
path), and the plan ends up consistent with the answers given."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2 as httpx

from tests.hardening.test_concurrency import account
from tests.live import live_server

STEADY = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}


def test_accepting_while_the_day_is_saved_again_never_fails_or_steps_twice(
    tmp_path: Path,
) -> None:
    with (
        live_server(tmp_path, workers=2) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        headers = account(server.url)
        today = datetime.now(UTC).date()
        for n in range(6, -1, -1):
            session = {"loading_pain": 2, "loading_stage": 1} if n in (3, 1) else {}
            day = today - timedelta(days=n)
            saved = http.put(f"/api/v1/me/logs/{day}", json=STEADY | session, headers=headers)
            assert saved.status_code == 201, saved.text
        proposal = saved.json()["guidance"]["components"]["tendon"]["proposal_id"]
        assert proposal
        start = threading.Barrier(12)

        def act(i: int) -> tuple[str, int]:
            with httpx.Client(base_url=server.url, timeout=30) as client:
                start.wait()
                if i % 3 == 0:
                    path = f"/api/v1/me/programme/proposals/{proposal}/accept"
                    return "accept", client.post(path, headers=headers).status_code
                body = STEADY | {"notes": f"writer {i}"}
                if i == 11:  # one writer makes today's session painful: a back-off
                    body |= {"loading_pain": 6, "loading_stage": 1}
                return "put", client.put(
                    f"/api/v1/me/logs/{today}", json=body, headers=headers
                ).status_code

        with ThreadPoolExecutor(12) as pool:
            results = list(pool.map(act, range(12)))
        assert {code for kind, code in results if kind == "put"} <= {200}, results
        assert {code for kind, code in results if kind == "accept"} <= {200, 409}, results
        versions = http.get(
            "/api/v1/me/programme/history?component=tendon", headers=headers
        ).json()["versions"]
        kinds = [v["kind"] for v in versions]
        assert kinds.count("step_up") <= 1 and kinds.count("back_off") <= 1, kinds
        plan = http.get("/api/v1/me/programme", headers=headers).json()
        assert plan["components"]["tendon"]["current"]["number"] == len(versions)
