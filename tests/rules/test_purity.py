"""app/rules stays pure: standard library only, no clock, no environment, no I/O; rules cite."""

from __future__ import annotations

import ast
import inspect
import re
import sys
from pathlib import Path

import pytest

from app.rules import decide as decide_module
from app.rules import phase_ready, progression
from app.rules.messages import RULE_IDS

RULES_DIR = Path(__file__).resolve().parents[2] / "app" / "rules"
SOURCES = sorted(RULES_DIR.glob("*.py"))

# Standard-library modules that would still break purity (clock, environment, I/O, randomness).
IMPURE_STDLIB = {
    "os",
    "sys",
    "time",
    "random",
    "secrets",
    "io",
    "pathlib",
    "socket",
    "subprocess",
    "sqlite3",
    "logging",
    "tempfile",
    "shutil",
    "urllib",
    "http",
    "asyncio",
    "threading",
    "uuid",
    "zoneinfo",
}
CLOCK_AND_IO_CALLS = {"today", "now", "utcnow", "fromtimestamp", "getenv", "time", "monotonic"}
IO_BUILTINS = {"open", "print", "input", "exec", "eval", "__import__"}


def _imports(path: Path) -> list[tuple[str, int]]:
    """(top-level module, relative level) of every import in the file."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((alias.name.split(".")[0], 0) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append(((node.module or "").split(".")[0], node.level))
    return found


def test_the_rules_package_exists_with_its_files() -> None:
    assert (RULES_DIR / "__init__.py") in SOURCES
    assert len(SOURCES) >= 8


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_imports_only_the_standard_library_or_itself(path: Path) -> None:
    for module, level in _imports(path):
        if level > 0:
            continue  # relative import inside app.rules
        if module == "app":
            pytest.fail(f"{path.name} imports from app outside app.rules: use a relative import")
        assert module in sys.stdlib_module_names, f"{path.name} imports {module}"
        assert module not in IMPURE_STDLIB, f"{path.name} imports {module}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_clock_environment_or_io_calls(path: Path) -> None:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                assert func.attr not in CLOCK_AND_IO_CALLS, f"{path.name}:{node.lineno}"
            elif isinstance(func, ast.Name):
                assert func.id not in IO_BUILTINS, f"{path.name}:{node.lineno}"
        if isinstance(node, ast.Attribute):
            assert node.attr != "environ", f"{path.name}:{node.lineno}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_files_stay_small(path: Path) -> None:
    assert len(path.read_text().splitlines()) < 300


RULE_FUNCTIONS = [
    *decide_module.GUARD_RULES,
    *(rule for _, rule in decide_module.PROGRESS_RULES),
    progression.md1_missing_data,
    progression.ga1_not_calm,
    progression.pr0_one_step,
]


@pytest.mark.parametrize("rule", RULE_FUNCTIONS, ids=lambda f: f.__name__)
def test_every_rule_docstring_names_its_id_and_source(rule: object) -> None:
    doc = inspect.getdoc(rule) or ""
    assert re.match(r"[A-Z]{2}-\d: ", doc), doc
    assert "Source: " in doc


def test_every_rule_of_the_table_has_a_function() -> None:
    documented = {(inspect.getdoc(f) or "")[:4] for f in RULE_FUNCTIONS}
    assert documented == set(RULE_IDS)
    assert len(RULE_IDS) == 34


def test_phase_readiness_names_its_source() -> None:
    assert "Source: " in (inspect.getdoc(phase_ready.phase_ready) or "")


def test_the_readings_are_documented_in_the_package_docstring() -> None:
    import app.rules

    doc = app.rules.__doc__ or ""
    assert "READINGS" in doc
    for topic in ("Baseline", "MD-1", "FL-2", "PR-2", "phase_ready", "Readiness"):
        assert topic in doc
