"""The dashboard's change cursor (issue 12, items 3 and 9): authentication first, never a 500,
and opaque per clinician: it reveals nothing of the global change counter, and only the
clinician it was made for can use it."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import Account, link, put_log, register

API = "/api/v1/clinician/patients"


def cursor_of(client: TestClient, clinician: Account, **params: Any) -> str:
    answer = client.get(API, headers=clinician.headers, params=params)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["cursor"])


@pytest.mark.parametrize("since", ["abc", "\u00b2.x", "1.x", "", "0" * 64, "0" * 5000])
def test_without_a_token_any_cursor_gets_401(client: TestClient, since: str) -> None:
    answer = client.get(API, params={"since": since})
    assert answer.status_code == 401, answer.text
    assert answer.headers["content-type"] == "application/problem+json"


def test_the_raw_superscript_two_of_the_report_gets_401_then_422(client: TestClient) -> None:
    assert client.get(f"{API}?since=%C2%B2.x").status_code == 401
    clinician = register(client, "clinician")
    assert client.get(f"{API}?since=%C2%B2.x", headers=clinician.headers).status_code == 422


@pytest.mark.parametrize(
    "since",
    ["abc", "\u00b2.x", "1.x", "12.abcdef01", "-1.abcdef01", "A" * 54, "%%%", "", "A" * 5000],
)
def test_a_garbage_cursor_is_a_422_problem_for_a_clinician(client: TestClient, since: str) -> None:
    clinician = register(client, "clinician")
    answer = client.get(API, headers=clinician.headers, params={"since": since})
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["field"] == "since"


def test_a_tampered_cursor_is_a_422(client: TestClient) -> None:
    clinician = register(client, "clinician")
    cursor = cursor_of(client, clinician)
    raw = bytearray(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    for position in (0, len(raw) // 2, len(raw) - 1):
        flipped = bytearray(raw)
        flipped[position] ^= 1
        tampered = base64.urlsafe_b64encode(bytes(flipped)).decode().rstrip("=")
        answer = client.get(API, headers=clinician.headers, params={"since": tampered})
        assert answer.status_code == 422, (position, answer.text)


def test_another_clinicians_cursor_is_a_422(client: TestClient) -> None:
    mine, theirs = register(client, "clinician"), register(client, "clinician")
    cursor = cursor_of(client, theirs)
    assert client.get(API, headers=mine.headers, params={"since": cursor}).status_code == 422
    assert client.get(API, headers=theirs.headers, params={"since": cursor}).status_code == 200


def test_the_cursor_does_not_show_the_global_change_counter(client: TestClient) -> None:
    quiet = register(client, "clinician")
    before = cursor_of(client, quiet)
    busy, patient = register(client, "clinician"), register(client)
    link(client, patient, busy)
    for n in range(3):  # another clinician's patient is busy: the global counter moves
        put_log(client, patient, datetime.now(UTC).date(), morning_pain=n)
    after = cursor_of(client, quiet)
    for cursor in (before, after):
        assert not re.fullmatch(r"\d+\..*", cursor), cursor
        assert re.fullmatch(r"[A-Za-z0-9_-]{20,64}", cursor), cursor
    # It still works as a cursor: nothing of the quiet clinician's changed.
    answer = client.get(API, headers=quiet.headers, params={"since": before}).json()
    assert answer["patients"] == [] and answer["removed"] == []
