"""Starting, watching and stopping the servers under test: `committee-bot serve` and the baseline."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import Client

ROOT = Path(__file__).resolve().parents[1]
LOGS = ROOT / "bench" / ".logs"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    label: str
    port: int
    process: subprocess.Popen[bytes]
    started: float
    log: Path
    healthy_after: float | None = None
    notes: list[str] = field(default_factory=list)

    def wait_healthy(self, path: str = "/healthz", timeout: float = 60.0) -> float:
        """Seconds from start to the first 200 on `path`."""
        client = Client(self.port)
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.label} exited with {self.process.returncode}; see {self.log}")
            with contextlib.suppress(OSError):
                status, _ = client.get(path)
                if status == 200:
                    self.healthy_after = time.perf_counter() - self.started
                    return self.healthy_after
            time.sleep(0.01)
        raise RuntimeError(f"{self.label} not healthy within {timeout} s; see {self.log}")

    def pids(self) -> list[int]:
        """The server process and all its descendants (gunicorn's workers)."""
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
        found, todo = [], [self.process.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def memory(self) -> dict[str, float]:
        """Resident memory in MB: each process's RSS, their sum, and the sum of PSS (shared pages
        counted once across the processes)."""
        rss: list[float] = []
        pss = 0.0
        for pid in self.pids():
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        rss.append(int(line.split()[1]) / 1024)
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) / 1024
        return {
            "processes": len(rss),
            "rss_total": sum(rss),
            "rss_max": max(rss, default=0.0),
            "pss_total": pss,
        }

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # gunicorn's master stops its workers
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                for pid in reversed(self.pids()):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                self.process.wait(timeout=5)


def _spawn(label: str, argv: list[str], env: dict[str, str]) -> Server:
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"{label.replace(' ', '_').replace('/', '_')}.log"
    port = int(env["PORT"])
    # gunicorn's control socket defaults to one path per user: give each server its own
    runtime = LOGS / f"run-{port}"
    runtime.mkdir(exist_ok=True)
    env = {**env, "XDG_RUNTIME_DIR": str(runtime)}
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return Server(label, port, process, started, log)


def start_baseline(
    label: str,
    *,
    workers: int,
    threads: int,
    keepalive: int,
    api_url: str,
    process_before_response: bool = True,
) -> Server:
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "SLACK_API_URL": api_url,
        "BENCH_PROCESS_BEFORE_RESPONSE": "1" if process_before_response else "0",
    }
    # the same server settings as `committee-bot serve` (bot/adapters/slack/server.py)
    argv = [sys.executable, "-m", "gunicorn", "--worker-class", "gthread"]
    argv += ["--workers", str(workers), "--threads", str(threads), "--keep-alive", str(keepalive)]
    argv += ["--timeout", "30", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    argv += ["bench.baseline_app:wsgi()"]
    return _spawn(label, argv, env)


def start_serve(label: str, env: dict[str, str]) -> Server:
    """`committee-bot serve` on a free port of 127.0.0.1, with the given environment."""
    port = free_port()
    full = {**os.environ, **env, "PORT": str(port)}
    argv = [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)]
    return _spawn(label, argv, full)
