"""Export: the whole record as JSON, CSV (blanks, never 0) and a valid FHIR R4 Bundle."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle

from app.logs.export import neutralise_formula
from tests.factories import put_log, register

TODAY = datetime.now(UTC).date()
YESTERDAY = TODAY - timedelta(days=1)


def test_json_export_holds_logs_decisions_and_settings(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, YESTERDAY, morning_pain=3, notes="ok")
    put_log(client, patient, TODAY, sitting_pain=2)
    answer = client.get("/api/v1/me/export", headers=patient.headers)
    assert answer.status_code == 200
    assert "attachment" in answer.headers["content-disposition"]
    body = answer.json()
    assert body["patient"]["email"] == patient.email
    assert [log["log_date"] for log in body["logs"]] == [YESTERDAY.isoformat(), TODAY.isoformat()]
    assert body["logs"][0]["notes"] == "ok" and body["logs"][1]["morning_pain"] is None
    assert [d["date"] for d in body["decisions"]] == [YESTERDAY.isoformat(), TODAY.isoformat()]
    assert body["settings"][0]["phase"] == 1


def test_csv_export_has_one_row_per_day_and_blanks_for_values_not_logged(
    client: TestClient,
) -> None:
    patient = register(client)
    put_log(
        client, patient, YESTERDAY, morning_pain=0, red_flags=["fever_unwell", "night_rest_pain"]
    )
    put_log(client, patient, TODAY, sitting_pain=4, notes='=HYPERLINK("x")')
    answer = client.get("/api/v1/me/export?format=csv", headers=patient.headers)
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [row["date"] for row in rows] == [YESTERDAY.isoformat(), TODAY.isoformat()]
    assert rows[0]["morning_pain"] == "0" and rows[0]["sitting_pain"] == ""
    assert rows[1]["morning_pain"] == "" and rows[1]["sitting_pain"] == "4"
    assert rows[0]["red_flags"] == "fever_unwell;night_rest_pain"
    assert rows[1]["notes"].startswith("'=")  # a formula is never executed by a spreadsheet
    assert rows[0]["decision"] in {"progress", "hold", "back_off"}


def test_fhir_export_is_a_valid_r4_bundle_with_loinc_coded_pain_scores(client: TestClient) -> None:
    patient = register(client)
    put_log(
        client,
        patient,
        TODAY,
        morning_pain=2,
        sitting_pain=5,
        glide_pain=1,
        sitting_tolerance_min=40,
    )
    answer = client.get("/api/v1/me/export?format=fhir", headers=patient.headers)
    assert answer.headers["content-type"].startswith("application/fhir+json")
    bundle = Bundle.model_validate(answer.json())
    assert bundle.type == "collection"
    observations = [
        e.resource for e in bundle.entry if e.resource.get_resource_type() == "Observation"
    ]
    pain = [o for o in observations if o.code.coding[0].code == "72514-3"]
    assert {o.code.coding[0].system for o in pain} == {"http://loinc.org"}
    contexts = {o.code.coding[1].code: o.valueInteger for o in pain}
    assert contexts == {"morning": 2, "sitting": 5, "nerve-glide": 1}
    assert any(o.valueQuantity and o.valueQuantity.value == 40 for o in observations)


def test_unknown_export_format_is_422(client: TestClient) -> None:
    patient = register(client)
    assert client.get("/api/v1/me/export?format=xml", headers=patient.headers).status_code == 422


# Cells a spreadsheet could read as a formula: one of = + - @ (or the fullwidth ＝ ＋ － ＠),
# possibly behind characters the spreadsheet skips or the reader does not see.
FORMULA_CELLS = {
    "plain equals": "=1+1",
    "plain plus": "+1",
    "plain minus": "-1",
    "at sign": "@SUM(A1)",
    "tab first": "\t=1",
    "carriage return first": "\r=1",
    "leading spaces": '   =HYPERLINK("x")',
    "line feed": "\n=1+1",
    "no-break space": "\u00a0=1",
    "byte order mark": "\ufeff=1",
    "zero-width space": "\u200b=1",
    "zero-width joiner": "\u200d+1",
    "word joiner": "\u2060@x",
    "ideographic space": "\u3000-1",
    "mixed invisible run": " \u200b\u00a0\ufeff\n=1",
    "fullwidth equals": "\uff1d1+1",
    "fullwidth plus": "\uff0b1",
    "fullwidth minus": "\uff0d1",
    "fullwidth at": "\uff20SUM(A1)",
    "fullwidth behind spaces": "  \uff1d1",
}
PLAIN_CELLS = {
    "text": "felt fine",
    "a sign later": "pain 3 = better",
    "spaces then text": "  ok",
    "empty": "",
    "only spaces": "   ",
}


@pytest.mark.parametrize("cell", FORMULA_CELLS.values(), ids=FORMULA_CELLS.keys())
def test_csv_neutralises_a_formula_behind_skipped_characters(cell: str) -> None:
    assert neutralise_formula(cell) == "'" + cell


@pytest.mark.parametrize("cell", PLAIN_CELLS.values(), ids=PLAIN_CELLS.keys())
def test_csv_leaves_plain_text_alone(cell: str) -> None:
    assert neutralise_formula(cell) == cell


def test_csv_export_neutralises_hidden_formulas_in_notes(client: TestClient) -> None:
    patient = register(client)
    cells = ["\u00a0=1+1", "\n+1", "\uff1dSUM(A1)", "\ufeff@x"]
    days = [TODAY - timedelta(days=n) for n in range(len(cells), 0, -1)]
    for day, cell in zip(days, cells, strict=True):
        assert put_log(client, patient, day, notes=cell).status_code == 201
    answer = client.get("/api/v1/me/export?format=csv", headers=patient.headers)
    rows = list(csv.DictReader(io.StringIO(answer.text, newline="")))
    assert [row["notes"] for row in rows] == ["'" + cell for cell in cells]
