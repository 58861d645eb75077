"""Serve the built PWA: the shell revalidated on every load, hashed assets cached for a year,
text files gzipped when the browser accepts it (compressed once per file version, in memory).

Registered last, for every method, so that anything the API routes did not take lands here:
an unknown `/api` path is a 404 problem, a known one with the wrong method a 405.
"""

from __future__ import annotations

import gzip
import mimetypes
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from starlette.exceptions import HTTPException
from starlette.routing import Match

from app.core.errors import NotFound

NO_CACHE = {"index.html", "sw.js", "manifest.webmanifest", "registerSW.js"}
IMMUTABLE = "public, max-age=31536000, immutable"
CATCH_ALL = "/{path:path}"
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


def _cache_control(relative: str) -> str:
    if relative in NO_CACHE:
        return "no-cache"
    if relative.startswith("assets/"):
        return IMMUTABLE
    return "public, max-age=3600"


COMPRESSIBLE = {".js", ".mjs", ".css", ".html", ".json", ".webmanifest", ".svg", ".txt"}


@lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int, size: int) -> bytes:
    """The file gzipped; keyed by its mtime and size, so a rebuilt file is compressed anew."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def _file(path: Path, request: Request, cache_control: str) -> Response:
    headers = {"Cache-Control": cache_control, "Vary": "Accept-Encoding"}
    accepts = request.headers.get("accept-encoding", "")
    if path.suffix in COMPRESSIBLE and "gzip" in accepts:
        stat = path.stat()
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".webmanifest":
            media = "application/manifest+json"
        return Response(
            _gzipped(path, stat.st_mtime_ns, stat.st_size),
            media_type=media,
            headers={**headers, "Content-Encoding": "gzip"},
        )
    return FileResponse(path, headers=headers)


def _method_not_allowed(allowed: set[str]) -> HTTPException:
    allow = ", ".join(sorted(allowed))
    return HTTPException(405, "Method Not Allowed", headers={"Allow": allow})


def mount_pwa(app: FastAPI, dist: Path) -> None:
    root = dist.resolve()

    def api_methods(path: str) -> set[str]:
        """Methods some API route accepts at `path` (only asked on the error path)."""
        allowed: set[str] = set()
        for route in app.router.routes:
            if getattr(route, "path", None) == CATCH_ALL:
                continue
            for method in METHODS:
                scope = {"type": "http", "path": path, "method": method, "root_path": ""}
                if route.matches(scope)[0] == Match.FULL:
                    allowed.add(method)
        return allowed

    @app.api_route(CATCH_ALL, methods=METHODS, include_in_schema=False)
    def serve(path: str, request: Request) -> Response:
        if path == "api" or path.startswith("api/") or path in {"healthz", "readyz"}:
            allowed = api_methods("/" + path)
            if allowed:
                raise _method_not_allowed(allowed)
            raise NotFound("No such API route.")
        if request.method not in {"GET", "HEAD"}:
            raise _method_not_allowed({"GET", "HEAD"})
        candidate = (root / path).resolve() if path else root / "index.html"
        if candidate.is_relative_to(root) and candidate.is_file():
            relative = candidate.relative_to(root).as_posix()
            return _file(candidate, request, _cache_control(relative))
        index = root / "index.html"
        if "." in path.rsplit("/", 1)[-1] or not index.is_file():
            raise NotFound("No such file." if index.is_file() else "The web app is not built yet.")
        return _file(index, request, "no-cache")
