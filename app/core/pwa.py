"""Serve the built PWA: the shell revalidated on every load, hashed assets cached for a year."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse

from app.core.errors import NotFound

NO_CACHE = {"index.html", "sw.js", "manifest.webmanifest", "registerSW.js"}
IMMUTABLE = "public, max-age=31536000, immutable"


def _cache_control(relative: str) -> str:
    if relative in NO_CACHE:
        return "no-cache"
    if relative.startswith("assets/"):
        return IMMUTABLE
    return "public, max-age=3600"


def mount_pwa(app: FastAPI, dist: Path) -> None:
    """Register last: a file of the build, or index.html for the app's own routes."""
    root = dist.resolve()

    @app.get("/{path:path}", include_in_schema=False)
    def serve(path: str) -> FileResponse:
        if path == "api" or path.startswith("api/"):
            raise NotFound("No such API route.")
        candidate = (root / path).resolve() if path else root / "index.html"
        if candidate.is_relative_to(root) and candidate.is_file():
            relative = candidate.relative_to(root).as_posix()
            return FileResponse(candidate, headers={"Cache-Control": _cache_control(relative)})
        index = root / "index.html"
        if "." in path.rsplit("/", 1)[-1] or not index.is_file():
            raise NotFound("No such file." if index.is_file() else "The web app is not built yet.")
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
