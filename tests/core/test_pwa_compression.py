"""The PWA's text files go gzipped to a browser that accepts it (Lighthouse's text-compression
audit; a phone on a slow network loads a third of the bytes), unchanged to one that does not;
images are never compressed again."""

from __future__ import annotations

import gzip
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.pwa import mount_pwa

SCRIPT = "export const words = '" + "loadline " * 2000 + "';\n"


def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>Loadline</title>" * 20)
    (tmp_path / "assets" / "index-abc123.js").write_text(SCRIPT)
    (tmp_path / "icon.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 500)
    return tmp_path


def raw_get(client: TestClient, path: str, encoding: str) -> tuple[dict[str, str], bytes]:
    with client.stream("GET", path, headers={"Accept-Encoding": encoding}) as answer:
        assert answer.status_code == 200
        return dict(answer.headers), b"".join(answer.iter_raw())


def test_scripts_and_the_shell_are_gzipped_for_a_browser_that_accepts_gzip(tmp_path: Path) -> None:
    app = FastAPI()
    mount_pwa(app, dist(tmp_path))
    client = TestClient(app)
    headers, body = raw_get(client, "/assets/index-abc123.js", "gzip, deflate, br")
    assert headers["content-encoding"] == "gzip"
    assert "javascript" in headers["content-type"]
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "accept-encoding" in headers["vary"].lower()
    assert gzip.decompress(body).decode() == SCRIPT
    assert len(body) < len(SCRIPT) / 10

    headers, body = raw_get(client, "/some/client/route", "gzip")
    assert headers["content-encoding"] == "gzip" and headers["cache-control"] == "no-cache"
    assert gzip.decompress(body).startswith(b"<!doctype html>")


def test_a_browser_without_gzip_and_images_get_the_file_as_it_is(tmp_path: Path) -> None:
    app = FastAPI()
    mount_pwa(app, dist(tmp_path))
    client = TestClient(app)
    headers, body = raw_get(client, "/assets/index-abc123.js", "identity")
    assert "content-encoding" not in headers and body.decode() == SCRIPT
    headers, body = raw_get(client, "/icon.png", "gzip")
    assert "content-encoding" not in headers and body.startswith(b"\x89PNG")
