"""The README's example SPARQL over the default graph at 1, 10 and 100 generated documents.

    python bench/readme_queries_bench.py [--sizes 1 10 100] [--repeat 5]

Prints, per store size, the median time of each README query and its row count.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the generator is a tool of the checkout (tools/synth)

from kg.pipeline import build_store  # noqa: E402
from kg.store.embedded import OxigraphStore  # noqa: E402
from tools.synth import write_corpus  # noqa: E402

README = ROOT / "README.md"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    queries = re.findall(r"```sparql\n(.*?)```", README.read_text("utf-8"), flags=re.S)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(max(args.sizes), 1, Path(tmp) / "corpus")
        for size in args.sizes:
            store = OxigraphStore(Path(tmp) / f"store{size}")
            started = time.perf_counter()
            build_store(paths[:size], store)
            built = time.perf_counter() - started
            print(f"{size} documents: built in {built:.1f} s, {store.triple_count():,} triples")
            for k, query in enumerate(queries, 1):
                times, rows = [], 0
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    rows = len(list(store.raw_query(query)))
                    times.append(time.perf_counter() - started)
                print(f"  README query {k}: median {1000 * statistics.median(times):.1f} ms, {rows} rows")


if __name__ == "__main__":
    main()
