"""What the attack scripts (hostile_sparql.py, upload_abuse.py) share: a loopback listener that
records every request, a /health + /api/ask latency watcher, process-tree memory, orphan checks."""

from __future__ import annotations

import statistics
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx


class Listener:
    """An HTTP server on 127.0.0.1 answering a SPARQL result marked LEAK; `hits` lists every request."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                hits.append(self.path)
                body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"LEAK"}}]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Watcher:
    """Polls /health and /api/ask every 0.1 s in a thread; `window()` gives the latencies since `mark()`."""

    def __init__(self, base: str, pid: int) -> None:
        self.base, self.pid = base, pid
        self.samples: list[tuple[float, str, float]] = []  # (when, route, seconds)
        self.peak_mb: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=120) as http:
            while not self._stop.is_set():
                for route, params in (("/health", None), ("/api/ask", {"q": "津贴补贴多少万？"})):
                    started = time.perf_counter()
                    try:
                        http.get(route, params=params)
                    except httpx.HTTPError:
                        pass
                    self.samples.append((time.monotonic(), route, time.perf_counter() - started))
                self.peak_mb.append((time.monotonic(), rss_tree_mb(self.pid)))
                time.sleep(0.1)

    def mark(self) -> float:
        return time.monotonic()

    def window(self, since: float) -> dict[str, float]:
        """max and median latency (ms) per route, and peak tree RSS (MB), since `since`."""
        out: dict[str, float] = {}
        for route in ("/health", "/api/ask"):
            values = [s for t, r, s in self.samples if t >= since and r == route] or [float("nan")]
            out[f"{route} max"] = max(values) * 1000
            out[f"{route} p50"] = statistics.median(values) * 1000
        out["peak MB"] = max((m for t, m in self.peak_mb if t >= since), default=float("nan"))
        return out

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def rss_tree_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc)."""
    total = 0
    for p in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def orphans_after_kill(pid: int, wait: float = 5.0) -> int:
    """SIGKILL `pid` (not its group); how many of its children are still alive `wait` s later."""
    import os
    import signal

    workers = children(pid)
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and any(alive(p) for p in workers):
        time.sleep(0.1)
    left = [p for p in workers if alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    return len(left)
