"""The layering of docs/conventions.md, checked: a domain imports only from rows above it.

Routers may also use `app.auth.deps`. Rows are listed top (imported by everything below) to
bottom; two domains in one row do not import each other. A new domain is added to a row here
and in docs/conventions.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROWS: list[set[str]] = [
    {"rules"},
    {"core"},
    {"models"},
    {"auth"},
    {"patients"},
    {"programme"},
    {"logs"},
    {"polling"},
    {"audit"},
    {"sharing"},
    {"outcomes"},
    {"dashboard", "readiness"},
    {"intake"},
    {"notify"},
    {"accounts", "erasure"},
    {"demo", "ops"},
    {"main"},
]
ROW_OF = {domain: n for n, row in enumerate(ROWS) for domain in row}
MAX_LINES = 300


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            found += [(node.lineno, name) for name in names if name.startswith("app.")]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("app.")]
    return found


def test_every_domain_imports_only_from_rows_above_it(root: Path) -> None:
    app_dir = root / "app"
    wrong = []
    for path in sorted(app_dir.rglob("*.py")):
        relative = path.relative_to(app_dir)
        domain = relative.parts[0].removesuffix(".py")
        if domain == "__init__":
            continue
        assert domain in ROW_OF, f"app/{relative}: add {domain!r} to a row (docs/conventions.md)"
        for line, name in _imports(path):
            target = name.split(".")[1]
            router_deps = name.startswith("app.auth.deps") and path.name == "router.py"
            if target == domain or router_deps:
                continue
            if target not in ROW_OF or ROW_OF[target] >= ROW_OF[domain]:
                wrong.append(f"app/{relative}:{line} imports {name}")
    assert wrong == [], "imports against the layering (docs/conventions.md)"


def test_no_file_in_app_is_over_300_lines(root: Path) -> None:
    long = [
        f"{path.relative_to(root)}: {count} lines"
        for path in sorted((root / "app").rglob("*.py"))
        if (count := len(path.read_text().splitlines())) > MAX_LINES
    ]
    assert long == [], "split by use case (docs/conventions.md)"
