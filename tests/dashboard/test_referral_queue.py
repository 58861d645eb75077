"""The referral queue: open episodes and referrals of linked patients, most urgent first; an
acknowledgement shows on the queue and the dashboard row, moves the ETag, and is logged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from tests.factories import link, put_log, register

QUEUE = "/api/v1/clinician/referrals"
DASHBOARD = "/api/v1/clinician/patients"


def test_the_queue_lists_open_items_most_urgent_first_and_takes_acknowledgements(
    client: TestClient,
) -> None:
    today = datetime.now(UTC).date()
    clinician = register(client, "clinician", display_name="Dr Queue")
    soon = register(client, display_name="Soon patient")
    emergency = register(client, display_name="Emergency patient")
    calm = register(client, display_name="Calm patient")
    put_log(client, soon, today - timedelta(days=1), red_flags=["night_rest_pain"])
    put_log(client, emergency, today, morning_pain=7, red_flags=["saddle_numbness"])
    put_log(client, calm, today, morning_pain=1)
    for who in (soon, emergency, calm):
        link(client, who, clinician)

    items = client.get(QUEUE, headers=clinician.headers).json()["items"]
    assert [(i["display_name"], i["kind"], i["level"]) for i in items] == [
        ("Emergency patient", "episode", "emergency"),
        ("Soon patient", "episode", "soon"),
    ]
    assert items[0]["flags"] == ["saddle_numbness"] and items[0]["acknowledged_by"] is None

    first = client.get(DASHBOARD, headers=clinician.headers)
    etag = first.headers["ETag"]
    unchanged = client.get(DASHBOARD, headers={**clinician.headers, "If-None-Match": etag})
    assert unchanged.status_code == 304

    acked = client.post(f"{QUEUE}/{items[0]['id']}/acknowledge", headers=clinician.headers)
    assert acked.status_code == 201, acked.text
    assert acked.json()["acknowledged_by"] == "Dr Queue"

    again = client.get(QUEUE, headers=clinician.headers).json()["items"]
    assert again[0]["id"] == items[0]["id"] and again[0]["acknowledged_by"] == "Dr Queue"
    assert again[1]["acknowledged_by"] is None
    after = client.get(DASHBOARD, headers={**clinician.headers, "If-None-Match": etag})
    assert after.status_code == 200 and after.headers["ETag"] != etag
    rows = {r["display_name"]: r for r in after.json()["patients"]}
    assert rows["Emergency patient"]["acknowledged_by"] == "Dr Queue"
    assert rows["Emergency patient"]["acknowledged_at"] is not None
    assert rows["Soon patient"]["acknowledged_by"] is None
    assert "open_episode" in rows["Emergency patient"]["flags"]  # acknowledged, still open

    log = client.get("/api/v1/me/access-log", headers=emergency.headers).json()
    entries = log["entries"] if isinstance(log, dict) else log
    assert any(e.get("action") == "referral_acknowledged" for e in entries), log

    cleared = client.post(
        f"/api/v1/clinician/patients/{emergency.id}/clearances",
        json={"checked_on": today.isoformat()},
        headers=clinician.headers,
    )
    assert cleared.status_code == 201
    left = client.get(QUEUE, headers=clinician.headers).json()["items"]
    # The episode is closed; the flag day's own decision still refers (RF-1, rules reading 7),
    # as the dashboard shows it, so a referral item of that decision stays until it ages out.
    assert [(i["display_name"], i["kind"]) for i in left] == [
        ("Emergency patient", "referral"),
        ("Soon patient", "episode"),
    ]
    gone = client.post(f"{QUEUE}/{items[0]['id']}/acknowledge", headers=clinician.headers)
    assert gone.status_code == 404
