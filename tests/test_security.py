"""Issue 9: the holes an outside probe found, each tried as an attacker would.

Every network check uses a listener on 127.0.0.1 and records what reaches it; nothing here sends
traffic anywhere else (outbound attempts are caught by a patched socket layer, never made).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kg.pipeline import build_store
from kg.store import OxigraphStore
from ui.sparql_guard import QueryRefused, check

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
ROOT = Path(__file__).resolve().parents[1]
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


class Listener:
    """An HTTP server on loopback that records every request (path) it receives."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                hits.append(self.path)
                body = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "literal", "value": "LEAK"}}]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("store")
    build_store([BIGDATA], OxigraphStore(root))
    return root


@pytest.fixture(scope="module")
def client(store_dir):
    from ui.server import create_app

    app = create_app(store_dir, query_timeout=1.0, row_cap=100)
    with TestClient(app) as c:
        yield c


# -- 1. SSRF through /sparql ------------------------------------------------------------------------


def _escape_smuggled(url: str) -> str:
    """The probe's query: rdflib (escapes decoded first) sees SERVICE inside a string, Oxigraph does not."""
    return ('SELECT * WHERE { VALUES ?v { <urn:x:\\u0041#> "x\\u0022 " } '
            f'SERVICE <{url}> {{ ?s ?p ?o }} VALUES ?u {{ " \\u0022" }} }}')


def test_sparql_escape_smuggled_service_reaches_nothing(client, listener):
    url = f"http://127.0.0.1:{listener.port}/sparql"
    for query in (_escape_smuggled(url),
                  f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ SERVICE <{url}\\u003E {{ ?s ?p ?o }} }}",
                  "SELECT * WHERE { VALUES ?v { \"\\u005Cu0022\" } }"):
        r = client.get("/sparql", params={"query": query})
        # refused, or run as the guard read it (then SERVICE is inside a string literal)
        assert r.status_code in (200, 400), (query, r.text)
        assert "LEAK" not in r.text
    assert listener.hits == []


def test_guard_returns_the_text_the_engine_runs():
    checked = check('SELECT ?x WHERE { BIND("caf\\u00E9" AS ?x) }')
    assert checked.text == 'SELECT ?x WHERE { BIND("café" AS ?x) }'
    with pytest.raises(QueryRefused) as err:
        check('SELECT ?x WHERE { BIND("\\uD800" AS ?x) }')
    assert err.value.code == "bad_escape"


def test_query_worker_has_no_network(client, listener):
    """Defence in depth: were the guard to let SERVICE through, the worker could still reach nothing."""
    runner = client.app.state.budgetkg.runner
    runner.run("ASK { ?s ?p ?o }")  # a worker is running now
    worker = next(iter(runner._idle))
    ns = os.readlink(f"/proc/{worker.process.pid}/ns/net")
    assert ns != os.readlink("/proc/self/ns/net")
    # the same isolation in a fresh process, then Oxigraph asked to call the listener directly
    code = textwrap.dedent(f"""
        import pyoxigraph as ox, socket
        from kg.isolation import deny_network
        print(deny_network())
        try:
            list(ox.Store().query("SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"))
            print("REACHED")
        except OSError as exc:
            print("refused", exc)
        try:
            socket.create_connection(("127.0.0.1", {listener.port}), timeout=2)
            print("REACHED")
        except OSError as exc:
            print("refused", exc)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert "REACHED" not in out.stdout, out.stdout + out.stderr
    assert "netns" in out.stdout and "seccomp" in out.stdout
    assert listener.hits == []


# -- 5. SPARQL concurrency is bounded ------------------------------------------------------------------


def test_sparql_flood_leaves_the_app_responsive(client):
    """48 slow queries at once (more than the server's request threads): the excess is turned away
    at once with 503 + Retry-After, and /health and /api/ask keep answering fast."""
    with ThreadPoolExecutor(48) as pool:
        futures = [pool.submit(client.get, "/sparql", params={"query": CARTESIAN}) for _ in range(48)]
        time.sleep(0.3)
        started = time.monotonic()
        assert client.get("/health").status_code == 200
        health = time.monotonic() - started
        started = time.monotonic()
        assert client.get("/api/ask", params={"q": "津贴补贴多少万？"}).status_code == 200
        ask = time.monotonic() - started
        responses = [f.result() for f in futures]
    busy = [r for r in responses if r.json().get("error") == "busy"]
    assert busy and all(r.status_code == 503 and r.headers["Retry-After"] for r in busy)
    assert health < 0.5 and ask < 0.5, (health, ask)


# -- 6. workers die with their parent ---------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _kill_parent_and_watch(code: str, ready: str) -> list[int]:
    """Run `code` in a parent process, SIGKILL it once it prints `ready`; the workers still alive 5 s later."""
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        for line in parent.stdout:
            if line.strip() == ready:
                break
        workers = [pid for pid in _children(parent.pid)]
        assert workers, "the parent started no worker"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(_alive(p) for p in workers):
            time.sleep(0.1)
        return [p for p in workers if _alive(p)]
    finally:
        if parent.poll() is None:
            parent.kill()


def test_sparql_worker_dies_with_the_server(store_dir):
    code = textwrap.dedent(f"""
        import threading
        from kg.store import OxigraphStore
        from ui.sparql_runner import SparqlRunner
        runner = SparqlRunner(OxigraphStore({str(store_dir)!r}), timeout=60)
        threading.Thread(target=runner.run, args=({CARTESIAN!r},), daemon=True).start()  # a worker busy on a core
        import time; time.sleep(1.5)
        print("ready", flush=True)
        time.sleep(60)
    """)
    survivors = _kill_parent_and_watch(code, "ready")
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
