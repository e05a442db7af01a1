"""Question-answering latency on the bundled document.

Prints, after warm-up, p50/p99 per question in one process over the sample and paraphrase
question files (several rounds), and the cold start of `kgqa ask` (process start to first
answer, median of several runs) beside a baseline in the same run (`python -c pass` and a
bare `import qa.service`). Targets: p50 ≤ 5 ms, p99 ≤ 50 ms, cold ≤ 3 s.

    python bench/qa_bench.py [--rounds 5] [--cold-runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.pipeline import build_store, bundled_document  # noqa: E402
from kg.store import OxigraphStore  # noqa: E402
from qa.service import QAService  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def questions() -> list[str]:
    found = []
    for path in sorted((ROOT / "tests" / "fixtures").glob("*bigdata*.jsonl")):
        found += [json.loads(line)["question"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return found


def timed(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = OxigraphStore(Path(tmp) / "store")
        build_store([bundled_document()], store)
        start = time.perf_counter()
        service = QAService(store)
        load = time.perf_counter() - start
        qs = questions()
        for q in qs:  # warm-up
            service.ask(q)
        latencies = []
        for _ in range(args.rounds):
            for q in qs:
                service._cache.clear()  # measure answering, not the answer cache
                t = time.perf_counter()
                service.ask(q)
                latencies.append((time.perf_counter() - t) * 1000)
        for q in qs:
            service.ask(q)  # fill the answer cache
        cached = []
        for q in qs:
            t = time.perf_counter()
            service.ask(q)
            cached.append((time.perf_counter() - t) * 1000)
        p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
        print(f"questions: {len(qs)} × {args.rounds} rounds = {len(latencies)} asks (bundled document)")
        print(f"service load (lexicon from the graph, jieba): {load * 1000:.0f} ms")
        print(f"latency p50 {p50:.2f} ms  (target ≤ 5 ms)   {'OK' if p50 <= 5 else 'MISSED'}")
        print(f"latency p99 {p99:.2f} ms  (target ≤ 50 ms)  {'OK' if p99 <= 50 else 'MISSED'}")
        print(f"latency max {max(latencies):.2f} ms")
        print(f"repeated question (answer cache) p50 {percentile(cached, 50):.3f} ms, p99 {percentile(cached, 99):.3f} ms")

        cold = timed([sys.executable, "-m", "ui.cli", "ask", "津贴补贴多少万？", "--store", str(store.path)], args.cold_runs)
        python = timed([sys.executable, "-c", "pass"], args.cold_runs)
        imports = timed([sys.executable, "-c", "import qa.service"], args.cold_runs)
        c, b, i = statistics.median(cold), statistics.median(python), statistics.median(imports)
        print(f"cold `kgqa ask` median {c:.2f} s over {args.cold_runs} runs (target ≤ 3 s) {'OK' if c <= 3 else 'MISSED'}")
        print(f"  baseline `python -c pass` {b:.3f} s (ratio {c / b:.1f}×); `import qa.service` {i:.2f} s (ratio {c / i:.1f}×)")


if __name__ == "__main__":
    main()
