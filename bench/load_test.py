"""A bounded load test on loopback: N concurrent clients for a fixed duration against
`/api/ask`, `/sparql` and the Gradio chat endpoint of a `kgqa serve` it starts itself.

    python bench/load_test.py [--clients 50] [--seconds 60] [--port 0]

Each client loops over sample questions (or a small SPARQL query) until the time is up, then
the script prints requests, errors, throughput and p50/p99 latency per endpoint, stops the
server and exits. Only 127.0.0.1 is ever contacted. Target: 0 errors; /api/ask p99 ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    json.loads(line)["question"]
    for line in (ROOT / "tests" / "fixtures" / "qingcheng_bigdata_center_2025.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
SPARQL = "SELECT ?label ?v WHERE { ?p a bkg:Project ; rdfs:label ?label ; bkg:row ?r . ?o bkg:row ?r ; bkg:amount ?v } LIMIT 50"
PREFIX = "PREFIX bkg: <https://budgetkg.org/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, store: Path) -> subprocess.Popen:
    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False")
    process = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "serve", "--port", str(port), "--store", str(store)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.5)
    os.killpg(process.pid, signal.SIGKILL)
    raise SystemExit("server did not start")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def client(kind: str, base: str, until: float, results: dict, lock: threading.Lock, index: int) -> None:
    latencies: list[float] = []
    errors: list[str] = []
    with httpx.Client(base_url=base, timeout=30) as http:
        k = index
        while time.time() < until:
            question = QUESTIONS[k % len(QUESTIONS)]
            k += 1
            start = time.perf_counter()
            try:
                if kind == "api/ask":
                    response = http.get("/api/ask", params={"q": question})
                    ok = response.status_code == 200 and "answered" in response.json()
                elif kind == "sparql":
                    response = http.post("/sparql", data={"query": PREFIX + SPARQL}, headers={"Accept": "application/sparql-results+json"})
                    ok = response.status_code == 200 and response.json()["results"]["bindings"]
                else:
                    response = http.post("/gradio_api/call/ask", json={"data": [question, [], None]})
                    ok = response.status_code == 200
                    if ok:
                        event = response.json()["event_id"]
                        stream = http.get(f"/gradio_api/call/ask/{event}")
                        ok = stream.status_code == 200 and "event: complete" in stream.text
                if not ok:
                    errors.append(f"{response.status_code}")
            except (httpx.HTTPError, ValueError, KeyError) as exc:
                errors.append(type(exc).__name__)
            latencies.append((time.perf_counter() - start) * 1000)
    with lock:
        results[kind]["latencies"].extend(latencies)
        results[kind]["errors"].extend(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    port = args.port or free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(port, Path(tmp) / "store")
        try:
            base = f"http://127.0.0.1:{port}"
            kinds = ["api/ask", "sparql", "gradio chat"]
            for kind in kinds:
                results: dict = defaultdict(lambda: {"latencies": [], "errors": []})
                lock = threading.Lock()
                until = time.time() + args.seconds
                threads = [threading.Thread(target=client, args=(kind, base, until, results, lock, i)) for i in range(args.clients)]
                started = time.time()
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                elapsed = time.time() - started
                r = results[kind]
                n, e = len(r["latencies"]), len(r["errors"])
                print(
                    f"{kind:<12} clients {args.clients}  {args.seconds:.0f} s  requests {n}  errors {e}  "
                    f"throughput {n / elapsed:.1f}/s  p50 {percentile(r['latencies'], 50):.1f} ms  "
                    f"p99 {percentile(r['latencies'], 99):.1f} ms" + (f"  error kinds {sorted(set(r['errors']))[:5]}" if e else "")
                )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)


if __name__ == "__main__":
    main()
