"""The access log names people exactly (issue 12, item 7).

An entry carries the actor's stable id and role, the name they had then and the name they
have now, so a clinician who renames themselves cannot pass as someone else; display names
refuse invisible and direction-changing characters; a clinician's PATCH that changes
nothing writes no settings row, and every PATCH that answers with the record is a logged read.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.models import PatientSetting
from tests.factories import PASSWORD, Account, link, register

API = "/api/v1"


def entries(client: TestClient, patient: Account) -> list[dict[str, Any]]:
    answer = client.get(f"{API}/me/access-log", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    return list(answer.json()["entries"])


def test_entries_carry_the_actors_id_role_name_then_and_name_now(client: TestClient) -> None:
    patient = register(client)
    impostor = register(client, "clinician", display_name="Mallory")
    real = register(client, "clinician", display_name="Dr Smith")
    link(client, patient, impostor)
    link(client, patient, real)
    record = f"{API}/clinician/patients/{patient.id}"
    assert client.get(record, headers=impostor.headers).status_code == 200
    renamed = client.patch(f"{API}/me", json={"display_name": "Dr Smith"}, headers=impostor.headers)
    assert renamed.status_code == 200
    assert client.get(record, headers=impostor.headers).status_code == 200
    assert client.get(record, headers=real.headers).status_code == 200

    views = [e for e in entries(client, patient) if e["action"] == "record_viewed"]
    assert [
        (e["actor_id"], e["actor_role"], e["actor_name"], e["actor_current_name"]) for e in views
    ] == [
        (real.id, "clinician", "Dr Smith", "Dr Smith"),
        (impostor.id, "clinician", "Dr Smith", "Dr Smith"),
        (impostor.id, "clinician", "Mallory", "Dr Smith"),  # the rename shows
    ]
    # Two people of one name are told apart by the id the patient's links also show.
    holders = {s["holder_id"]: s["holder_name"] for s in shares(client, patient)}
    assert holders == {impostor.id: "Dr Smith", real.id: "Dr Smith"}


def shares(client: TestClient, patient: Account) -> list[dict[str, Any]]:
    answer = client.get(f"{API}/me/shares", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    return [s for s in answer.json()["shares"] if s["kind"] == "link"]


def test_an_erased_actors_entries_have_no_current_name_and_no_id(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician", display_name="Dr Gone")
    link(client, patient, clinician)
    client.get(f"{API}/clinician/patients/{patient.id}", headers=clinician.headers)
    assert client.delete(f"{API}/me", headers=clinician.headers).status_code == 204
    viewed = [e for e in entries(client, patient) if e["action"] == "record_viewed"]
    assert viewed and all(e["actor_current_name"] is None for e in viewed)
    assert all(e["actor_id"] is None for e in viewed)


INVISIBLE = {
    "right-to-left override": "\u202e",
    "left-to-right override": "\u202d",
    "right-to-left embedding": "\u202b",
    "pop directional formatting": "\u202c",
    "left-to-right isolate": "\u2066",
    "first strong isolate": "\u2068",
    "pop directional isolate": "\u2069",
    "right-to-left mark": "\u200f",
    "arabic letter mark": "\u061c",
    "zero width space": "\u200b",
    "zero width non-joiner": "\u200c",
    "zero width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "hangul filler": "\u3164",
    "line separator": "\u2028",
    "tag latin small a": "\U000e0061",
}


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_display_names_refuse_invisible_and_direction_characters(
    client: TestClient, char: str
) -> None:
    name = f"Dr{char} Smith"
    body = {
        "email": f"x{uuid.uuid4().hex[:8]}@example.org",
        "password": PASSWORD,
        "role": "clinician",
    }
    answer = client.post(f"{API}/auth/register", json={**body, "display_name": name})
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["field"] == "display_name"
    account = register(client, "clinician")
    patched = client.patch(f"{API}/me", json={"display_name": name}, headers=account.headers)
    assert patched.status_code == 422, patched.text


@pytest.mark.parametrize(
    "name", ["Zoë Ødegård", "José María", "Łukasz", "李小龍", "Dr. O'Neil-Smith"]
)
def test_ordinary_names_of_any_script_are_accepted(client: TestClient, name: str) -> None:
    account = register(client, "clinician", display_name=name)
    me = client.get(f"{API}/me", headers=account.headers).json()
    assert me["display_name"] == name


def settings_rows(db_session: Session, patient: Account) -> int:
    pid = uuid.UUID(patient.id)
    return int(
        db_session.exec(
            select(func.count()).select_from(PatientSetting).where(PatientSetting.patient_id == pid)
        ).one()
    )


@pytest.mark.parametrize(
    "patch",
    [{}, {"phase": 1}, {"thresholds": {"pain_ceiling": 5}}, {"phase": 1, "thresholds": {}}],
    ids=["empty", "same-phase", "same-threshold", "same-both"],
)
def test_a_patch_that_changes_nothing_writes_no_settings_row_but_is_a_logged_read(
    client: TestClient, db_session: Session, patch: dict[str, Any]
) -> None:
    patient, clinician = register(client), register(client, "clinician", display_name="Dr Gray")
    link(client, patient, clinician)
    etag = client.get(f"{API}/clinician/patients", headers=clinician.headers).headers["etag"]
    rows_before = settings_rows(db_session, patient)
    answer = client.patch(
        f"{API}/clinician/patients/{patient.id}", json=patch, headers=clinician.headers
    )
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["threshold_history"]) == rows_before
    assert settings_rows(db_session, patient) == rows_before
    polled = client.get(
        f"{API}/clinician/patients", headers={**clinician.headers, "If-None-Match": etag}
    )
    assert polled.status_code == 304  # nothing a dashboard shows has moved
    newest = entries(client, patient)[0]
    assert (newest["action"], newest["actor_id"]) == ("settings_viewed", clinician.id)


def test_a_patch_that_changes_the_phase_is_logged_as_a_change_and_a_read(
    client: TestClient, db_session: Session
) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    rows_before = settings_rows(db_session, patient)
    answer = client.patch(
        f"{API}/clinician/patients/{patient.id}", json={"phase": 2}, headers=clinician.headers
    )
    assert answer.status_code == 200 and answer.json()["profile"]["phase"] == 2
    assert settings_rows(db_session, patient) == rows_before + 1
    assert [e["action"] for e in entries(client, patient)[:2]] == [
        "settings_viewed",
        "phase_changed",
    ]


def test_the_same_phase_set_again_from_an_earlier_date_still_counts_when_it_changes_later_days(
    client: TestClient, db_session: Session
) -> None:
    """A newer row wins over older ones from its date on: re-setting phase 1 from yesterday
    undoes a phase 2 that began today, so it is a change even though yesterday was phase 1."""
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    url = f"{API}/clinician/patients/{patient.id}"
    assert client.patch(url, json={"phase": 2}, headers=clinician.headers).status_code == 200
    yesterday = datetime.now(UTC).date().toordinal() - 1
    earlier = datetime.fromordinal(yesterday).date().isoformat()
    rows_before = settings_rows(db_session, patient)
    answer = client.patch(
        url, json={"phase": 1, "effective_on": earlier}, headers=clinician.headers
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["profile"]["phase"] == 1
    assert settings_rows(db_session, patient) == rows_before + 1


def test_dating_the_same_phase_earlier_is_a_change_because_it_moves_when_the_phase_began(
    client: TestClient, db_session: Session
) -> None:
    """Phase 1 "since 20 days ago" for a patient in phase 1 since today changes no day's phase
    or thresholds, but it changes the days in phase (and so phase readiness): a row is written."""
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    rows_before = settings_rows(db_session, patient)
    started = (datetime.now(UTC).date() - timedelta(days=20)).isoformat()
    answer = client.patch(
        f"{API}/clinician/patients/{patient.id}",
        json={"phase": 1, "effective_on": started},
        headers=clinician.headers,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["profile"]["phase_started_on"] == started
    assert settings_rows(db_session, patient) == rows_before + 1
