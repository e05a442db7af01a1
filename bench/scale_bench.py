"""Many documents: build time, store size, peak memory, question latency, a SPARQL aggregate
across all documents and the time to add one document, for N generated documents
(tools.synth), beside rdflib's in-memory store in the same run.

    python bench/scale_bench.py [--sizes 1 10 100 1000] [--rdflib-max 100] [--out bench/scale_results.md]

Each size runs in its own process (so peak memory is that size's own). Targets on a 2-core
machine: 1000 documents built in ≤ 5 min and ≤ 4 GB peak; question p99 ≤ 100 ms at 1000
documents; adding one document to 1000 in ≤ 2 s. rdflib is measured up to --rdflib-max
documents (beyond that it needs more memory than the machine has; see the note it prints).
"""

from __future__ import annotations

import argparse
import json
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

AGGREGATE = """
SELECT ?dept (SUM(?v) AS ?total) WHERE {
  ?doc bkg:department/rdfs:label ?dept .
  ?r bkg:rowKind "project" ; bkg:document ?doc .
  ?o bkg:row ?r ; bkg:amount ?v ; bkg:measure/rdfs:label "总计"@zh .
} GROUP BY ?dept ORDER BY DESC(?total) LIMIT 10
"""


def disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def question_mix(truths) -> list[str]:
    """A fixed mix of question kinds, each naming a department (as a journalist would with many loaded)."""
    from kg.parsing.textutil import split_region

    qs = []
    for truth in truths[:20]:
        _, core = split_region(truth.department)
        name = truth.department
        p = truth.projects[0]
        qs += [
            f"{name}{truth.year}年的三公经费是多少？",
            f"{name}{truth.year}年{p.name}预算多少？",
            f"{name}{truth.year}年哪个项目花钱最多？",
            f"{name}{truth.year}年项目支出占总支出的比例是多少？",
            f"{name}{truth.year}年一共有多少个项目？",
            f"{name}{truth.year}年基本支出中的办公费是多少？",
        ]
    return qs


def run_size(n: int, rdflib_max: int) -> dict:
    from kg.pipeline import add_documents, replace_documents
    from kg.store.embedded import OxigraphStore
    from qa.service import QAService
    from tools.synth import generate, write_corpus

    work = Path(tempfile.mkdtemp())
    try:
        paths = write_corpus(n + 1, 11, work / "corpus")
        extra, paths = paths[-1], paths[:-1]
        items = [(p.name, p.read_bytes()) for p in paths]
        store = OxigraphStore(work / "store")
        start = time.perf_counter()
        replace_documents(items, store)
        build = time.perf_counter() - start
        size = disk_size(store.path)
        triples = store.triple_count()

        start = time.perf_counter()
        service = QAService(store)
        load = time.perf_counter() - start
        truths = []
        for p in paths[:20]:
            seed_text = p.read_text("utf-8")
            truths.append(_truth_for(seed_text, generate, p))
        qs = question_mix(truths)
        for q in qs:
            service.ask(q)
        service._cache.clear()  # measure answers, not the cache
        latencies = []
        for q in qs:
            t = time.perf_counter()
            service.ask(q)
            latencies.append((time.perf_counter() - t) * 1000)
        answered = sum(service.ask(q).answered for q in qs)

        aggregate_times = []
        for _ in range(3):
            t = time.perf_counter()
            rows = store.select(AGGREGATE)
            aggregate_times.append((time.perf_counter() - t) * 1000)

        start = time.perf_counter()
        add_documents([(extra.name, extra.read_bytes())], store)
        add_one = time.perf_counter() - start

        result = {
            "n": n, "triples": triples, "build_s": build, "store_mb": size / 2**20, "service_load_s": load,
            "q_p50_ms": percentile(latencies, 50), "q_p99_ms": percentile(latencies, 99), "answered": f"{answered}/{len(qs)}",
            "aggregate_ms": statistics.median(aggregate_times), "aggregate_rows": len(rows), "add_one_s": add_one,
        }
        if n <= rdflib_max:
            result.update(_rdflib(paths, items))
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result["peak_children_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _truth_for(text: str, generate, path: Path):
    """The generator's truth is not stored with the file: re-derive department/year/projects from a parse."""
    from types import SimpleNamespace

    from kg.parsing.document import parse_text

    doc = parse_text(text, path.name)
    return SimpleNamespace(department=doc.department, year=doc.year, projects=[SimpleNamespace(name=p.name) for p in doc.projects])


def _rdflib(paths, items) -> dict:
    """The same documents in rdflib's in-memory store: load time and the same aggregate."""
    import rdflib

    from kg.graph.build import document_iri
    from kg.graph.vocab import SPARQL_PREFIXES
    from kg.pipeline import load_document

    start = time.perf_counter()
    dataset = rdflib.Dataset()
    for name, data in items:
        doc, nt = load_document(name, data)
        dataset.graph(rdflib.URIRef(document_iri(doc))).parse(data=nt.text, format="nt")  # one named graph each
    build = time.perf_counter() - start
    t = time.perf_counter()
    rows = list(dataset.query(SPARQL_PREFIXES + AGGREGATE))
    aggregate = (time.perf_counter() - t) * 1000
    return {"rdflib_build_s": build, "rdflib_aggregate_ms": aggregate, "rdflib_aggregate_rows": len(rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--rdflib-max", type=int, default=100)
    parser.add_argument("--out", default=str(ROOT / "bench" / "scale_results.md"))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(run_size(args.one, args.rdflib_max)))
        return
    rows = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--rdflib-max", str(args.rdflib_max)],
                             capture_output=True, text=True)
        if out.returncode:
            print(f"N={n} failed:\n{out.stderr[-3000:]}", file=sys.stderr)
            continue
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    header = ("| N | triples | build | store | peak RSS (build workers) | question p50 / p99 | answered | "
              "SPARQL aggregate | add one | rdflib build (ratio) | rdflib aggregate (ratio) |")
    lines = [header, "|" + "---|" * 11]
    for r in rows:
        rd_build = f"{r['rdflib_build_s']:.1f} s ({r['rdflib_build_s'] / r['build_s']:.1f}×)" if "rdflib_build_s" in r else "not run"
        rd_agg = f"{r['rdflib_aggregate_ms']:.0f} ms ({r['rdflib_aggregate_ms'] / max(r['aggregate_ms'], 0.01):.0f}×)" if "rdflib_aggregate_ms" in r else "not run"
        lines.append(
            f"| {r['n']} | {r['triples']:,} | {r['build_s']:.1f} s | {r['store_mb']:.0f} MB | "
            f"{r['peak_rss_mb']:.0f} MB ({r['peak_children_rss_mb']:.0f} MB) | {r['q_p50_ms']:.1f} / {r['q_p99_ms']:.1f} ms | "
            f"{r['answered']} | {r['aggregate_ms']:.0f} ms | {r['add_one_s']:.2f} s | {rd_build} | {rd_agg} |"
        )
    table = "\n".join(lines)
    print(table)
    Path(args.out).write_text("# Scale benchmark\n\nGenerated by `python bench/scale_bench.py`.\n\n" + table + "\n", "utf-8")


if __name__ == "__main__":
    main()
