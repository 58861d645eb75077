"""Plain factory functions that go through the public API, with keyword overrides."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
_counter = itertools.count(1)


@dataclass
class Account:
    id: str
    email: str
    password: str
    role: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


def register(
    client: TestClient,
    role: str = "patient",
    *,
    email: str | None = None,
    password: str = PASSWORD,
    display_name: str | None = None,
    timezone: str | None = None,
) -> Account:
    n = next(_counter)
    email = email or f"{role}{n}@example.org"
    body = {
        "email": email,
        "password": password,
        "display_name": display_name or f"{role.title()} {n}",
        "role": role,
    }
    created = client.post("/api/v1/auth/register", json=body)
    assert created.status_code == 201, created.text
    tokens = sign_in(client, email, password)
    account = Account(
        id=created.json()["id"],
        email=email,
        password=password,
        role=role,
        access_token=tokens["access_token"],
        refresh_token=tokens["refresh_token"],
    )
    if timezone:
        patched = client.patch("/api/v1/me", json={"timezone": timezone}, headers=account.headers)
        assert patched.status_code == 200, patched.text
    return account


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> dict[str, Any]:
    answer = client.post("/api/v1/auth/token", data={"username": email, "password": password})
    assert answer.status_code == 200, answer.text
    return answer.json()


def put_log(client: TestClient, account: Account, day: date, **fields: Any) -> Any:
    return client.put(f"/api/v1/me/logs/{day.isoformat()}", json=fields, headers=account.headers)


def days_ago(today: date, n: int) -> date:
    return today - timedelta(days=n)


def share_code(client: TestClient, patient: Account, scope: str) -> dict[str, Any]:
    answer = client.post("/api/v1/me/shares", json={"scope": scope}, headers=patient.headers)
    assert answer.status_code == 201, answer.text
    return answer.json()


def link(client: TestClient, patient: Account, holder: Account, scope: str | None = None) -> str:
    """Have `patient` share with `holder`; returns the link id."""
    code = share_code(client, patient, scope or holder.role)["code"]
    answer = client.post("/api/v1/links", json={"code": code}, headers=holder.headers)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


PLAN_FIELDS = ("current", "next", "change", "step", "proposal_id", "locked")


def rules_only(guidance: dict[str, Any]) -> dict[str, Any]:
    """A guidance response without the plan fields each component carries (what is stored)."""
    components = {
        name: {k: v for k, v in component.items() if k not in PLAN_FIELDS}
        for name, component in guidance["components"].items()
    }
    return {**guidance, "components": components}
