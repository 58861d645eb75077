"""A real uvicorn server in a subprocess, on its own freshly migrated database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx

from tests.database import ROOT, fresh_database, migrate


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    def __init__(
        self, database_url: str, workers: int = 1, env: dict[str, str] | None = None
    ) -> None:
        self.database_url = database_url
        self.workers = workers
        self.extra_env = env or {}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "ENVIRONMENT": "test",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "live-server-secret-key-0123456789abcdef"),
            "ARGON2_TIME_COST": "1",
            "ARGON2_MEMORY_KIB": "1024",
            "ARGON2_PARALLELISM": "1",
            "LOGIN_FAILURES_PER_IP": "100000",
            **self.extra_env,
        }

    def start(self, ready_within: float = 30.0) -> None:
        """Start the server and wait until /readyz answers 200; RuntimeError if the process
        exits first or `ready_within` seconds pass."""
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env(), start_new_session=True)
        deadline = time.monotonic() + ready_within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not become ready in {ready_within:g} s")

    def kill(self) -> None:
        """SIGKILL the whole process group: no shutdown handlers, no flushing."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


@contextmanager
def live_server(
    tmp_dir: Path, workers: int = 1, name: str = "live", env: dict[str, str] | None = None
) -> Iterator[LiveServer]:
    """A started server; `env`: settings of its own (e.g. a slower password hash)."""
    with fresh_database(tmp_dir, name) as url:
        migrate(url)
        server = LiveServer(url, workers, env)
        try:
            server.start()  # inside: a start that times out still stops the process
            yield server
        finally:
            server.stop()
