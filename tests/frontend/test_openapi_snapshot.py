"""The front end's copy of the OpenAPI document is the app's current one.

frontend/openapi.json is what the front end's typed client is generated from; if it lags
behind the app, tsc checks the front end against an API that no longer exists.
"""

from __future__ import annotations

import json
from typing import Any

from scripts.openapi_snapshot import ROOT, SNAPSHOT, document, render

HOW_TO_FIX = (
    "run `make openapi` to regenerate it, then `cd frontend && npm run build`: "
    "tsc then shows every place where the front end no longer fits the API"
)


def changed_keys(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """`+added`, `-removed` and `~changed` keys of two mappings, sorted."""
    out = [f"+{k}" for k in new.keys() - old.keys()]
    out += [f"-{k}" for k in old.keys() - new.keys()]
    out += [f"~{k}" for k in old.keys() & new.keys() if old[k] != new[k]]
    return sorted(out, key=lambda s: s[1:])


def test_frontend_openapi_json_matches_the_app() -> None:
    name = SNAPSHOT.relative_to(ROOT)
    assert SNAPSHOT.is_file(), f"{name} is missing: {HOW_TO_FIX}"
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    current = json.loads(render(document()))
    if stored == current:
        assert SNAPSHOT.read_text(encoding="utf-8") == render(current), (
            f"{name} is not formatted as `make openapi` writes it: {HOW_TO_FIX}"
        )
        return
    parts = []
    for section, old, new in (
        ("paths", stored.get("paths", {}), current.get("paths", {})),
        (
            "schemas",
            stored.get("components", {}).get("schemas", {}),
            current.get("components", {}).get("schemas", {}),
        ),
    ):
        keys = changed_keys(old, new)
        if keys:
            parts.append(f"{section}: {', '.join(keys)}")
    detail = "; ".join(parts) or "elsewhere in the document"
    raise AssertionError(f"{name} differs from app.openapi() ({detail}): {HOW_TO_FIX}")
