"""Build benchmark: parse, RDF build and store load times and peak memory, per document and all together.

Usage:
    python bench/build_bench.py                 # the bundled document, each corpus file, all of them
    python bench/build_bench.py A.txt B.txt     # these documents, each and together
    python bench/build_bench.py --runs 9

Each case runs in its own child process (so ru_maxrss is that case's own peak), `--runs` times
(median reported). Times are CPU seconds of the process (all its threads: Oxigraph loads in
several), which the shared machine's load disturbs less than wall time. Stages, as `kgqa build`
runs them:
    read     read the bytes and decode them (encoding detection)         -- baseline 1
    parse    text -> typed records (kg.parsing.document)
    build    records -> N-Triples, split own/shared (kg.graph.build)
    load     N-Triples -> a new Oxigraph store generation on disk (kg.store.embedded, fsync included)
    rdflib   rdflib parsing the produced N-Triples back into a graph      -- baseline 2
Memory: tracemalloc peak of Python allocations during read+parse+build+load (one extra run, as
tracing slows the code down), and the child process's ru_maxrss (all native memory included).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures"
TARGET_SECONDS = 1.0  # read + parse + build + load of one document
TARGET_MB = 300.0  # peak resident memory building one document


def _stages(paths: list[Path], store_dir: Path) -> dict[str, float]:
    """One build of these documents, timed stage by stage (seconds)."""
    from rdflib import Graph

    from kg.graph.build import build_triples, document_iri
    from kg.parsing.document import parse_text
    from kg.parsing.source import decode
    from kg.store.embedded import OxigraphStore, StoredDocument, sha256

    times = dict.fromkeys(("read", "parse", "build", "load", "rdflib"), 0.0)
    entries = []
    count = 0
    for path in paths:
        t0 = time.process_time()
        data = path.read_bytes()
        text = decode(data, path.name)
        t1 = time.process_time()
        doc = parse_text(text, path.name)
        t2 = time.process_time()
        triples = build_triples(doc)
        t3 = time.process_time()
        times["read"] += t1 - t0
        times["parse"] += t2 - t1
        times["build"] += t3 - t2
        count += len(triples)
        record = StoredDocument(doc.doc_id, doc.department, doc.year, path.name, sha256(data), document_iri(doc), f"{sha256(data)[:16]}.txt")
        entries.append((record, data, triples))
    t4 = time.process_time()
    OxigraphStore(store_dir).replace(entries)
    times["load"] = time.process_time() - t4
    for _, _, triples in entries:
        t5 = time.process_time()
        Graph().parse(data=triples.text, format="nt")
        times["rdflib"] += time.process_time() - t5
    times["triples"] = count
    return times


def child(paths: list[Path], runs: int) -> dict:
    """Run in a fresh process: `runs` timed builds, then one traced build for the Python peak."""
    samples = []
    with tempfile.TemporaryDirectory(prefix="budgetkg-bench-") as tmp:
        _stages(paths, Path(tmp) / "warmup")  # imports, template and regex caches
        for k in range(runs):
            samples.append(_stages(paths, Path(tmp) / f"run-{k}"))
        tracemalloc.start()
        _stages(paths, Path(tmp) / "traced")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    median = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
    return {
        "median": median,
        "runs": runs,
        "tracemalloc_mb": peak / 2**20,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
    }


def _run_case(paths: list[Path], runs: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "BUDGETKG_BASE"}
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--runs", str(runs), *map(str, paths)],
        capture_output=True, text=True, env=env, check=True, cwd=ROOT,
    )
    return json.loads(done.stdout)


def _mark(ok: bool) -> str:
    return "ok" if ok else "OVER"


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args.add_argument("documents", nargs="*", type=Path)
    args.add_argument("--runs", type=int, default=5)
    args.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    opts = args.parse_args(argv)
    if opts.child:
        print(json.dumps(child(opts.documents, opts.runs)))
        return 0

    sys.path.insert(0, str(ROOT))
    from kg.pipeline import bundled_document

    if opts.documents:
        cases = [(p.name, [p]) for p in opts.documents]
    else:
        cases = [("bundled: " + bundled_document().name, [bundled_document()])]
        cases += [(p.name, [p]) for p in sorted(CORPUS.glob("*.txt"))]
    everything = [p for _, paths in cases[1 if not opts.documents else 0:] for p in paths]
    if len(everything) > 1:
        cases.append((f"all {len(everything)} together", everything))

    print(f"BudgetKG build benchmark: median of {opts.runs} runs per case, each case in its own process")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; targets per document: "
          f"read+parse+build+load < {TARGET_SECONDS:.0f} s, peak RSS < {TARGET_MB:.0f} MB")
    print()
    head = (f"{'case':<44} {'lines':>6} {'triples':>8} {'read':>7} {'parse':>7} {'build':>7} {'load':>7} "
            f"{'total':>7} {'rdflib':>7} {'x read':>7} {'x rdflib':>8} {'py peak':>8} {'RSS':>7}  targets")
    print(head)
    print("-" * len(head))
    for name, paths in cases:
        result = _run_case(paths, opts.runs)
        m = result["median"]
        total = m["read"] + m["parse"] + m["build"] + m["load"]
        lines = sum(p.read_bytes().count(b"\n") + 1 for p in paths)
        if len(paths) == 1:
            targets = f"time {_mark(total < TARGET_SECONDS)}, memory {_mark(result['maxrss_mb'] < TARGET_MB)}"
        else:
            per_doc = total / len(paths)
            targets = f"per document {per_doc:.3f} s: {_mark(per_doc < TARGET_SECONDS)}"
        print(
            f"{name:<44} {lines:>6} {int(m['triples']):>8} {m['read']:>6.3f}s {m['parse']:>6.3f}s {m['build']:>6.3f}s "
            f"{m['load']:>6.3f}s {total:>6.3f}s {m['rdflib']:>6.3f}s "
            f"{(m['parse'] + m['build']) / m['read']:>6.0f}x {(m['parse'] + m['build']) / m['rdflib']:>7.2f}x "
            f"{result['tracemalloc_mb']:>6.1f}MB {result['maxrss_mb']:>5.0f}MB  {targets}"
        )
    print()
    print("x read   = (parse + build) / read-and-decode time of the same files (baseline 1)")
    print("x rdflib = (parse + build) / rdflib parsing the produced N-Triples (baseline 2)")
    print("py peak  = tracemalloc peak of Python allocations; RSS = the case process's ru_maxrss")
    return 0


if __name__ == "__main__":
    sys.exit(main())
