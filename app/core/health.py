"""Liveness (no database) and readiness (database reachable, migrations at head)."""

from __future__ import annotations

from functools import lru_cache

from alembic.config import Config
from alembic.script import ScriptDirectory
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.core.config import ROOT
from app.core.db import get_engine
from app.core.errors import problem
from app.core.openapi import problem_responses

router = APIRouter(tags=["operations"])


@lru_cache
def migration_heads() -> frozenset[str]:
    config = Config(str(ROOT / "alembic.ini"))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up (does not touch the database)."""
    return {"status": "ok"}


@router.get("/readyz", response_model=None, responses=problem_responses(503))
def readyz() -> dict[str, str] | JSONResponse:
    """The database answers and its schema is at the latest migration."""
    try:
        with get_engine().connect() as conn:
            current = {
                row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))
            }
    except SQLAlchemyError:
        return problem(503, "The database is not reachable or not migrated.", slug="not-ready")
    if current != migration_heads():
        return problem(503, "Database migrations are not at head.", slug="not-ready")
    return {"status": "ready", "migration": ",".join(sorted(current))}
