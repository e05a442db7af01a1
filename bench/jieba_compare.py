"""jieba beside its faster forks: start-up (import + dictionary, cache warm), cutting time, and
whether each cuts exactly as jieba does (HMM off, as qa/segment.py cuts) on every line of the
fixture documents and every fixture question. Each library runs in its own process.

    python bench/jieba_compare.py [jieba jieba_fast jieba_fast_dat jieba_next]

Libraries that are not installed are reported as such (install them in a scratch venv to compare).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

CHILD = r"""
import json, sys, time, tempfile, os
t0 = time.perf_counter()
mod = __import__(sys.argv[1])
t1 = time.perf_counter()
tk = mod.Tokenizer()
tk.tmp_dir = tempfile.gettempdir()
tk.cache_file = os.path.join(tempfile.gettempdir(), sys.argv[1] + ".bench.cache")
tk.initialize()
t2 = time.perf_counter()
texts = json.load(open(sys.argv[2], encoding="utf-8"))
t3 = time.perf_counter()
cuts = [tk.lcut(t, HMM=False) for t in texts]
t4 = time.perf_counter()
has_freq = isinstance(getattr(tk, "FREQ", None), dict)
print(json.dumps({"import": t1 - t0, "dictionary": t2 - t1, "cut": t4 - t3, "cuts": cuts, "freq": has_freq}))
"""


def texts() -> list[str]:
    found = []
    for path in sorted(FIXTURES.glob("*.txt")):
        found += [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    for path in sorted(FIXTURES.glob("*.jsonl")):
        found += [json.loads(line)["question"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return found


def run(name: str, corpus: Path, runs: int = 5) -> dict | None:
    results = []
    for _ in range(runs + 1):  # the first run writes the dictionary cache
        done = subprocess.run([sys.executable, "-c", CHILD, name, str(corpus)], capture_output=True, text=True)
        if done.returncode != 0:
            return None
        results.append(json.loads(done.stdout))
    timed = results[1:]
    return {key: statistics.median(r[key] for r in timed) for key in ("import", "dictionary", "cut")} | {
        "cuts": timed[0]["cuts"], "freq": timed[0]["freq"]}


def main(names: list[str]) -> None:
    import tempfile

    lines = texts()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(lines, handle, ensure_ascii=False)
    corpus = Path(handle.name)
    base = run("jieba", corpus)
    print(f"{len(lines)} texts (fixture documents' lines and questions); medians of 5 runs, cache warm, HMM off")
    print(f"{'library':16} {'import':>8} {'dict':>8} {'cut all':>8} {'same cuts':>10}  FREQ dict")
    for name in names:
        result = base if name == "jieba" else run(name, corpus)
        if result is None:
            print(f"{name:16} not installed or failed")
            continue
        same = sum(a == b for a, b in zip(result["cuts"], base["cuts"], strict=True))
        print(f"{name:16} {result['import']:7.3f}s {result['dictionary']:7.3f}s {result['cut']:7.3f}s "
              f"{same:>5}/{len(lines):<5}  {result['freq']}")
    corpus.unlink()


if __name__ == "__main__":
    main(sys.argv[1:] or ["jieba", "jieba_fast", "jieba_fast_dat", "jieba_next"])
