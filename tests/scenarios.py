"""Where the guardrail scenarios come from.

The shared file (`../shared/scenarios/guardrails.json`, or `LOADLINE_SCENARIOS`) is read when
present, so scenarios added there are picked up without code changes; a clone without that
folder (CI checks out the repository alone) uses the copy in tests/data/.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = [
    Path(os.environ["LOADLINE_SCENARIOS"]) if os.environ.get("LOADLINE_SCENARIOS") else None,
    ROOT.parent / "shared" / "scenarios" / "guardrails.json",
    ROOT / "tests" / "data" / "guardrails.json",
]
SCENARIOS = next(path for path in CANDIDATES if path is not None and path.exists())


def load_scenarios() -> list[dict[str, Any]]:
    scenarios: list[dict[str, Any]] = json.loads(SCENARIOS.read_text())["scenarios"]
    return scenarios
