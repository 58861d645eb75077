"""Write the app's OpenAPI document to frontend/openapi.json (`make openapi`).

The front end's typed API client is generated from that file (openapi-typescript, in
`npm run build`), so tsc fails when the front end uses a path or a field the API does not
have. tests/frontend/test_openapi_snapshot.py fails when the file and the app disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "frontend" / "openapi.json"


def document() -> dict[str, Any]:
    """The OpenAPI document the running app serves at /openapi.json."""
    from app.main import app

    return app.openapi()


def render(doc: dict[str, Any]) -> str:
    """Stable text: sorted keys, so a change in the API is a small diff."""
    return json.dumps(doc, indent=1, sort_keys=True) + "\n"


def main() -> None:
    SNAPSHOT.write_text(render(document()), encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}; now `cd frontend && npm run build` type-checks it")


if __name__ == "__main__":
    main()
