"""Hostile SPARQL against a `kgqa serve` started on loopback: every query must be refused or
stopped at the time limit, nothing may reach the network, the server must keep answering /health
and /api/ask meanwhile, its memory must stay bounded, and its workers must die with it.

    python bench/hostile_sparql.py [--timeout 3] [--flood 40]

Prints one line per query (HTTP status, error code, seconds), whether a loopback listener (the
SERVICE target) saw any request, a flood of concurrent slow queries with /health and /api/ask
latency during it, the server's resident memory (its process tree) before and after, and the
worker processes left after kill -9 of the server. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_test import free_port, start_server  # noqa: E402
from probe import Listener, Watcher, orphans_after_kill, rss_tree_mb  # noqa: E402

P = "PREFIX bkg: <https://budgetkg.org/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def queries(target: str) -> dict[str, str]:
    """The attacks; SERVICE / FROM / LOAD point at the loopback listener `target`."""
    return {
        "SERVICE constant": f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        "SERVICE variable": f"SELECT * WHERE {{ BIND(<{target}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        "SERVICE SILENT": f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
        "SERVICE nested": f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{target}> {{ ?s ?q ?r }} }} }} LIMIT 1",
        "SERVICE in subquery": f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }} }} }}",
        "SERVICE in EXISTS": f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{target}> {{ ?s ?p ?o }} }} }} LIMIT 1",
        "SERVICE via \\u escapes": ('SELECT * WHERE { VALUES ?v { <urn:x:\\u0041#> "x\\u0022 " } '
                                    f'SERVICE <{target}> {{ ?s ?p ?o }} VALUES ?u {{ " \\u0022" }} }}'),
        "\\u0053ERVICE keyword": f"SELECT * WHERE {{ \\u0053ERVICE <{target}> {{ ?s ?p ?o }} }}",
        "double escape": 'SELECT * WHERE { VALUES ?v { "\\u005Cu0022" } }',
        "FROM remote": f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }} LIMIT 1",
        "FROM NAMED remote": f"SELECT * FROM NAMED <{target}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT 1",
        "INSERT DATA": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE": "DELETE WHERE { ?s ?p ?o }",
        "LOAD": f"LOAD <{target}>",
        "CLEAR ALL": "CLEAR ALL",
        "DROP ALL": "DROP ALL",
        "cartesian product": CARTESIAN,
        "regex blow-up": 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(REGEX(CONCAT(STR(?c), STR(?f)), "^(a+)+$|(.*a){12}")) }',
        "10 MB query": "SELECT * WHERE { ?s ?p ?o FILTER(?o != \"" + "x" * (10 * 1024 * 1024) + "\") }",
    }


def run_queries(base: str, target: str, timeout: float) -> int:
    """Each hostile query once; returns how many were refused, stopped or answered harmlessly."""
    safe = 0
    with httpx.Client(base_url=base, timeout=timeout + 30) as http:
        for name, query in queries(target).items():
            started = time.perf_counter()
            response = http.post("/sparql", data={"query": (P + query) if "10 MB" not in name else query})
            took = time.perf_counter() - started
            json_body = response.headers.get("content-type", "").startswith("application/json")
            code = response.json().get("error") if json_body else ""
            leaked = b"LEAK" in response.content
            # an escape-decoded query may run: SERVICE then sits inside a string literal, harmless
            verdict = "LEAKED" if leaked else ("refused/stopped" if response.status_code >= 400 else "ran as checked")
            safe += not leaked and (response.status_code >= 400 or "escape" in name or "ERVICE" in name)
            print(f"{name:<22} HTTP {response.status_code} {code or '':<20} {took:6.2f} s {verdict}")
    return safe


def flood(base: str, watcher: Watcher, count: int) -> None:
    """`count` slow queries at once; the rest of the app must keep its latency."""
    since = watcher.mark()
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=120, limits=httpx.Limits(max_connections=count + 4)) as http, \
            ThreadPoolExecutor(count) as pool:
        statuses = list(pool.map(lambda _: http.post("/sparql", data={"query": CARTESIAN}), range(count)))
    took = time.perf_counter() - started
    busy = sum(1 for r in statuses if r.status_code == 503 and r.json().get("error") == "busy" and r.headers.get("Retry-After"))
    stopped = sum(1 for r in statuses if r.status_code == 503 and r.json().get("error") == "timeout")
    w = watcher.window(since)
    print(f"flood of {count} slow queries: {busy} answered 503 busy with Retry-After (queue full, or no worker free within the time limit), {stopped} stopped at the time "
          f"limit, done in {took:.1f} s; meanwhile /health p50 {w['/health p50']:.0f} ms max {w['/health max']:.0f} ms, "
          f"/api/ask p50 {w['/api/ask p50']:.0f} ms max {w['/api/ask max']:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=3.0, help="the server's SPARQL time limit (s)")
    parser.add_argument("--flood", type=int, default=40, help="concurrent slow queries in the flood")
    args = parser.parse_args()
    os.environ["BUDGETKG_QUERY_TIMEOUT"] = str(args.timeout)
    port = free_port()
    listener = Listener()
    target = f"http://127.0.0.1:{listener.port}/sparql"
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(port, Path(tmp) / "store")
        base = f"http://127.0.0.1:{port}"
        watcher = Watcher(base, server.pid)
        try:
            before = rss_tree_mb(server.pid)
            since = watcher.mark()
            safe = run_queries(base, target, args.timeout)
            w = watcher.window(since)
            total = len(queries(target))
            print(f"{safe}/{total} hostile queries refused, stopped or harmless; requests reaching the loopback listener: "
                  f"{len(listener.hits)}; slowest /health meanwhile {w['/health max']:.0f} ms, /api/ask {w['/api/ask max']:.0f} ms")
            flood(base, watcher, args.flood)
            after = rss_tree_mb(server.pid)
            print(f"server memory (process tree RSS): {before:.0f} MB before, {after:.0f} MB after")
            watcher.stop()
            with httpx.Client(base_url=base, timeout=30) as http:  # a worker busy on a core, then kill -9 the server
                try:
                    http.post("/sparql", data={"query": CARTESIAN}, timeout=0.5)
                except httpx.TimeoutException:
                    pass
            print(f"kill -9 of the server mid-query: {orphans_after_kill(server.pid)} worker processes left after 5 s")
        finally:
            watcher.stop()
            listener.close()
            try:
                os.killpg(server.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
