"""Build at scale: N generated documents (tools.synth) built as `kgqa build` builds them, beside a
baseline measured in the same run.

    python bench/build_scale_bench.py [--sizes 1 10 100 1000] [--baseline-max 100] [--out FILE]

Each size runs in its own process (its peak memory is its own). A build is kg.pipeline's
replace_documents: parse workers (parse + records → N-Triples), the parent loading each document
into a new Oxigraph generation. Printed per size: wall seconds, CPU seconds (parent + workers, and
per document), peak RSS of the parent and of a worker, triples. Baseline: rdflib parsing the same
documents' N-Triples into a graph (CPU seconds), measured on every document up to --baseline-max
and on an even sample of that many beyond (scaled to N, marked "sampled"). Generating the
documents is not timed. Target: 1000 documents in ≤ 2 min on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_1000_S = 120.0


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_size(n: int, baseline_max: int) -> dict:
    """Generate n documents, build them, then the rdflib baseline on (a sample of) the same."""
    from kg.pipeline import load_document, replace_documents
    from kg.store.embedded import OxigraphStore
    from tools.synth import write_corpus

    work = Path(tempfile.mkdtemp(prefix="budgetkg-build-scale-"))
    try:
        paths = write_corpus(n, 11, work / "corpus")
        items = [(p.name, p.read_bytes()) for p in paths]
        parent, workers = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        report = replace_documents(items, OxigraphStore(work / "store"))
        wall = time.perf_counter() - start
        parent, workers = _cpu(resource.RUSAGE_SELF) - parent, _cpu(resource.RUSAGE_CHILDREN) - workers
        result = {
            "n": n, "triples": report.triples, "wall_s": wall, "cpu_parent_s": parent, "cpu_workers_s": workers,
            "store_mb": sum(p.stat().st_size for p in (work / "store").rglob("*") if p.is_file()) / 2**20,
            "rss_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        }
        result.update(_baseline(items, baseline_max, load_document))
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _baseline(items: list[tuple[str, bytes]], most: int, load_document) -> dict:
    """rdflib parsing the same N-Triples, CPU seconds per document (median) and in all."""
    from rdflib import Graph

    step = max(1, len(items) // most)
    sample = items[::step][:most]
    seconds = []
    for name, data in sample:
        text = load_document(name, data)[1].text
        start = time.process_time()
        Graph().parse(data=text, format="nt")
        seconds.append(time.process_time() - start)
    return {"baseline_s": sum(seconds) * len(items) / len(sample), "baseline_doc_s": statistics.median(seconds),
            "baseline_docs": len(sample)}


def _row(r: dict) -> str:
    cpu = r["cpu_parent_s"] + r["cpu_workers_s"]
    sampled = "" if r["baseline_docs"] == r["n"] else f", sampled {r['baseline_docs']}"
    return (f"| {r['n']:,} | {r['triples']:,} | {r['wall_s']:.1f} s | {cpu:.1f} s ({r['cpu_parent_s']:.1f} + {r['cpu_workers_s']:.1f}) | "
            f"{cpu / r['n']:.3f} s | {r['rss_parent_mb']:.0f} MB ({r['rss_worker_mb']:.0f} MB) | {r['store_mb']:.0f} MB | "
            f"{r['baseline_s']:.1f} s ({r['baseline_doc_s']:.3f} s/doc{sampled}) | {r['baseline_s'] / cpu:.1f}× |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--baseline-max", type=int, default=100)
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) here")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_size(args.one, args.baseline_max)))
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    lines = ["| N | triples | build, wall | build, CPU (parent load + workers) | CPU per document | peak RSS parent (worker) "
             "| store | baseline: rdflib parsing the same triples, CPU | baseline ÷ build CPU |", "|" + "---|" * 9]
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n), "--baseline-max", str(args.baseline_max)],
                              capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            print(f"N={n} failed:\n{done.stderr[-3000:]}", file=sys.stderr)
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        lines.append(_row(result))
        mark = "" if n != 1000 else f"  (target ≤ {TARGET_1000_S:.0f} s: {'ok' if result['wall_s'] <= TARGET_1000_S else 'OVER'})"
        print(json.dumps(result) + mark, flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", "utf-8")


if __name__ == "__main__":
    main()
