"""OpenAPI: every error response is documented as RFC 9457 problem details."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
DESCRIPTIONS = {
    304: "Not modified: the `If-None-Match` tag is current",
    400: "Malformed request (e.g. JSON that does not parse)",
    401: "Missing, invalid or expired credentials",
    403: "This account's role may not do this",
    404: "No such record within the caller's reach",
    409: "Conflicts with the current state",
    412: "`If-Match` is stale: the record changed since it was read",
    413: "Request body over 64 KB",
    422: "Invalid values (each field at fault is listed in `errors`)",
    429: "Too many attempts; see `Retry-After`",
    503: "Not ready, or busy; see `Retry-After`",
}


class FieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None


def problem_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {
        code: {"description": DESCRIPTIONS.get(code, HTTPStatus(code).phrase)} for code in codes
    }


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in (
            Problem.model_json_schema(ref_template="#/components/schemas/{model}")
            .pop("$defs", {})
            .items()
        ):
            components[name] = definition
        components["Problem"] = Problem.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        components["Problem"].pop("$defs", None)
        for operations in schema["paths"].values():
            for operation in operations.values():
                _document_errors(operation)
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _document_errors(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    extra = []
    if operation.get("security"):
        extra.append(401)
    if "requestBody" in operation:
        extra += [400, 413, 422]
    if operation.get("parameters"):
        extra.append(422)
    for code in extra:
        responses.setdefault(str(code), {"description": DESCRIPTIONS[code]})
    for code, response in responses.items():
        if code.isdigit() and int(code) >= 400:
            response["content"] = {"application/problem+json": {"schema": PROBLEM_REF}}
        if code == "304":
            response.pop("content", None)
