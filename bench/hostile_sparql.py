"""Hostile SPARQL against a `kgqa serve` started on loopback: every query must be refused or
stopped at the time limit, the server must keep answering /health meanwhile, and its memory
must stay bounded.

    python bench/hostile_sparql.py [--timeout 3]

Prints one line per query (HTTP status, error code, seconds), the slowest /health answer seen
while the queries ran, and the server's resident memory (its process tree) before and after.
Only 127.0.0.1 is contacted; the SERVICE targets are loopback addresses where nothing listens.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_test import free_port, start_server  # noqa: E402

P = "PREFIX bkg: <https://budgetkg.org/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
QUERIES = {
    "SERVICE constant": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SERVICE variable": "SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    "SERVICE SILENT": "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SERVICE nested": "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://127.0.0.1:9/> { ?s ?q ?r } } } LIMIT 1",
    "SERVICE in subquery": "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
    "SERVICE in EXISTS": "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } LIMIT 1",
    "FROM remote": "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o } LIMIT 1",
    "FROM NAMED remote": "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1",
    "INSERT DATA": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE": "DELETE WHERE { ?s ?p ?o }",
    "LOAD": "LOAD <http://127.0.0.1:9/x.ttl>",
    "CLEAR ALL": "CLEAR ALL",
    "DROP ALL": "DROP ALL",
    "cartesian product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "regex blow-up": 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(REGEX(CONCAT(STR(?c), STR(?f)), "^(a+)+$|(.*a){12}")) }',
    "10 MB query": "SELECT * WHERE { ?s ?p ?o FILTER(?o != \"" + "x" * (10 * 1024 * 1024) + "\") }",
}


def rss_tree_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc)."""
    total = 0
    pids = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().split()
                if int(fields[3]) == pid:
                    pids.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=3.0, help="the server's SPARQL time limit (s)")
    args = parser.parse_args()
    os.environ["BUDGETKG_QUERY_TIMEOUT"] = str(args.timeout)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(port, Path(tmp) / "store")
        base = f"http://127.0.0.1:{port}"
        stop = threading.Event()
        slowest = [0.0]

        def watch() -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                while not stop.is_set():
                    t = time.perf_counter()
                    http.get("/health").raise_for_status()
                    slowest[0] = max(slowest[0], time.perf_counter() - t)
                    time.sleep(0.1)

        watcher = threading.Thread(target=watch)
        try:
            before = rss_tree_mb(server.pid)
            watcher.start()
            refused = 0
            with httpx.Client(base_url=base, timeout=args.timeout + 30) as http:
                for name, query in QUERIES.items():
                    t = time.perf_counter()
                    response = http.post("/sparql", data={"query": (P + query) if "10 MB" not in name else query})
                    took = time.perf_counter() - t
                    code = response.json().get("error") if response.headers.get("content-type", "").startswith("application/json") else ""
                    ok = response.status_code >= 400
                    refused += ok
                    print(f"{name:<22} HTTP {response.status_code} {code or '':<20} {took:6.2f} s {'refused/stopped' if ok else 'ANSWERED'}")
            after = rss_tree_mb(server.pid)
            stop.set()
            watcher.join()
            print(f"{refused}/{len(QUERIES)} hostile queries refused or stopped; slowest /health meanwhile {slowest[0] * 1000:.0f} ms")
            print(f"server memory (process tree RSS): {before:.0f} MB before, {after:.0f} MB after")
        finally:
            stop.set()
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
