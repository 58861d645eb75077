"""Where the guardrail scenarios come from.

The shared file of ruleset 2026.12 (`../shared/scenarios/guardrails-2026.12.json`, or
`LOADLINE_SCENARIOS`) is read when present, so scenarios added there are picked up without code
changes; a clone without that folder (CI checks out the repository alone) uses the copy in
tests/data/, which a test keeps in step with the shared file. The retired 2026.11 set
(`guardrails.json`) describes rules this build no longer implements and is not read.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FILE_NAME = "guardrails-2026.12.json"
SHARED_FILE = ROOT.parent / "shared" / "scenarios" / FILE_NAME
COPY = ROOT / "tests" / "data" / FILE_NAME
CANDIDATES = [
    Path(os.environ["LOADLINE_SCENARIOS"]) if os.environ.get("LOADLINE_SCENARIOS") else None,
    SHARED_FILE,
    COPY,
]
SCENARIOS = next(path for path in CANDIDATES if path is not None and path.exists())


def load_scenarios() -> list[dict[str, Any]]:
    scenarios: list[dict[str, Any]] = json.loads(SCENARIOS.read_text())["scenarios"]
    return scenarios
