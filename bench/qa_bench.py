"""Question-answering latency: the fact index (qa.index) beside the SPARQL path, same run.

In one process, over distinct questions of every kind, each asked uncached, p50/p99 of
`QAService.ask` answering from the fact index and, as the baseline, the same service with each
query run on the store (the path before the index); CPU time per question (time.process_time). Then the cold start of `kgqa ask` (process
start to first answer, median of --cold-runs) with the index and lexicon saved beside the store
generation, beside `python -c pass` and a bare `import qa.service`.

Questions: the sample and paraphrase files of the bundled document (tests/fixtures) and, for every
store, templates of every kind filled with that store's own names: projects, classification
items, figures, terms, offices, units (the kinds' phrasings in qa/data/kinds and those of
bench/qa_synth_eval.py). With several documents loaded, questions name a department or ask across
all of them.

    python bench/qa_bench.py                          # the bundled document
    python bench/qa_bench.py --store DIR [--store DIR2 …]   # stores built before (kgqa build)

Targets (issue 13): bundled document p50 ≤ 1 ms, p99 ≤ 5 ms; p99 ≤ 20 ms at 1000 documents;
cold `kgqa ask` ≤ 1 s (1 document), ≤ 2 s (1000 documents).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.parsing.textutil import split_region  # noqa: E402
from kg.pipeline import build_store, bundled_document  # noqa: E402
from kg.store.embedded import OxigraphStore  # noqa: E402
from qa.kinds.base import cue_data  # noqa: E402
from qa.service import QAService  # noqa: E402

PER_ENTITY = {
    "project": ["{x}预算多少？", "{x}安排了多少钱？", "{x}占项目支出的百分比是多少？", "{x}依据的是什么文件？",
                "{x}的绩效目标是什么？"],
    "classification": ["{x}是多少？", "基本支出中的{x}是多少？", "项目支出里{x}是多少？", "{x}预算是多少？"],
    "line_item": ["{x}是多少？"],
    "figure": ["{x}是多少？", "{x}比上年变化了多少？"],
    "term": ["{x}是什么意思？"],
    "internal_unit": ["{x}负责哪些工作？"],
}
GENERAL = ["三公经费是多少？", "哪个项目花钱最多？", "金额最小的项目是哪个？", "一共有多少个项目？", "项目支出占总支出的比例是多少？",
           "基本支出是多少？", "内设机构有哪些？", "有几个下属单位？", "重点项目的预算合计是多少？", "表7项目支出分为哪几大类经济科目？",
           "工资福利支出下面金额最小的科目是哪个？", "收入预算比上年变化了多少？", "上年的收入预算是多少？", "负责人是谁？",
           "有多少名在编人员？", "预算在50万元以上的项目有几个？", "预算不足20万元的项目有哪些？"]


def _short_name(name: str) -> str:
    """A department as a reader names it: its district and its own name (棠溪区统计局), which names one
    department even when every district's statistics bureau is loaded."""
    regions, core = split_region(name)
    return (regions[-1] if regions else "") + core


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def fixture_questions() -> list[str]:
    found = []
    for path in sorted((ROOT / "tests" / "fixtures").glob("*bigdata*.jsonl")):
        found += [json.loads(line)["question"] for line in path.read_text("utf-8").splitlines() if line.strip()]
    return found


def _phrasings() -> list[str]:
    out = []
    for kind in ("describe", "project_set", "unit_scope", "target", "cross_year"):
        for group in cue_data(kind)["phrasings"].values():
            out += group
    return out


def question_set(service: QAService, count: int, seed: int = 1) -> list[str]:
    """Distinct questions of every kind on this store's own names (see the module docstring)."""
    rng = random.Random(seed)
    lexicon = service.lexicon
    by_kind: dict[str, list[str]] = {}
    for entity in lexicon.entities.values():
        by_kind.setdefault(entity.kind, []).append(entity.label)
    prefixes = [""]
    if len(lexicon.documents) > 1:  # name a department (one document) or none (across all)
        prefixes += sorted({_short_name(d.name) + "的" for d in lexicon.documents.values()})
    questions = set(GENERAL)
    for kind, templates in PER_ENTITY.items():
        labels = sorted(set(by_kind.get(kind, [])))
        for label in rng.sample(labels, min(len(labels), 40)):
            questions.update(rng.choice(prefixes) + t.format(x=label) for t in templates)
    projects = sorted(set(by_kind.get("project", [])))
    offices = sorted(set(by_kind.get("internal_unit", []))) or ["办公室"]
    units = sorted({split_region(u)[1] for u in by_kind.get("budget_unit", [])}) or ["本级"]
    years = sorted({d.year for d in lexicon.documents.values()}) or [2025]
    for template in _phrasings():
        for _ in range(6):
            fill = {"project": rng.choice(projects) if projects else "项目", "office": rng.choice(offices),
                    "sub": rng.choice(units), "kw": rng.choice(projects)[:2] if projects else "经费", "unit": "个",
                    "a": rng.randint(1, 50), "b": rng.randint(51, 500), "y0": years[0] - 1, "y1": years[-1]}
            questions.add(rng.choice(prefixes) + template.format(**fill))
    for prefix in prefixes[1:]:
        questions.update(prefix + q for q in GENERAL)
    chosen = sorted(questions)
    rng.shuffle(chosen)
    return chosen[:count]


def latencies(service: QAService, questions: list[str], use_index: bool) -> list[float]:
    index = service.index
    service.index = index if use_index else None  # None: FactReader runs each query on the store
    try:
        out = []
        for q in questions:
            service._cache.clear()  # measure answering, not the answer cache
            start = time.process_time()  # CPU time: wall time on the shared 2-core machine is noisier
            service.ask(q)
            out.append((time.process_time() - start) * 1000)
        return out
    finally:
        service.index = index


def timed(cmd: list[str], runs: int, bytecode: bool = False) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of the command; with `bytecode`, Python may
    write and read compiled modules (one untimed run first writes them)."""
    env = {k: v for k, v in os.environ.items() if not (bytecode and k == "PYTHONDONTWRITEBYTECODE")}
    if bytecode:
        subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(wall), statistics.median(cpu)

def bench_store(store: OxigraphStore, label: str, count: int, cold_runs: int, extra: list[str]) -> None:
    start = time.perf_counter()
    service = QAService(store, serving=True)  # as the app and the HTTP API: loads (or, the first time, reads and saves) the index and lexicon
    load = time.perf_counter() - start
    questions = list(dict.fromkeys(extra + question_set(service, count)))
    for q in questions[:50]:
        service.ask(q)  # warm-up
    same = sum(_answer(service, q, True) == _answer(service, q, False) for q in questions)
    fast, slow = latencies(service, questions, True), latencies(service, questions, False)
    docs = len(store.documents())
    print(f"\n== {label}: {docs} document(s), {len(questions)} distinct questions, each once uncached")
    print(f"service start in this process (index + lexicon loaded, or read and saved if new): {load * 1000:.0f} ms")
    print(f"identical answers index vs SPARQL: {same}/{len(questions)}")
    print(f"{'':10} {'index':>9} {'SPARQL':>9} {'ratio':>6}")
    for name, q in (("p50", 50), ("p90", 90), ("p99", 99), ("max", 100)):
        a, b = percentile(fast, q), percentile(slow, q)
        print(f"{name:10} {a:7.2f}ms {b:7.2f}ms {b / a:5.1f}×")
    cold = [questions[0]] + ([q for q in GENERAL if q in questions][:1] if docs > 1 else [])  # + one across all documents
    print(f"cold start, medians of {cold_runs} runs:  {'wall':>7} {'CPU':>7}")
    for question in cold:
        for bytecode in (False, True):
            name = f"`kgqa ask {question[:12]}`" + (" compiled" if bytecode else "")
            wall, cpu = timed([sys.executable, "-m", "ui.cli", "ask", question, "--store", str(store.path)], cold_runs, bytecode)
            print(f"  {name:36} {wall:6.2f}s {cpu:6.2f}s")
    for name, cmd in (("`import qa.service`", ["-c", "import qa.service"]), ("`python -c pass`", ["-c", "pass"])):
        wall, cpu = timed([sys.executable, *cmd], cold_runs)
        print(f"  {name:36} {wall:6.2f}s {cpu:6.2f}s")
    print("  (compiled: with the modules' bytecode written and read; this machine sets PYTHONDONTWRITEBYTECODE,")
    print("   so without it the project's own modules are compiled on every start)")

def _answer(service: QAService, question: str, use_index: bool) -> str:
    index = service.index
    service.index = index if use_index else None
    try:
        service._cache.clear()  # measures are looked up per question (qa/facts.py): no other cache to clear
        answer = service.ask(question).to_json()
        return json.dumps([answer[k] for k in ("answer", "value", "items", "sources", "query")], ensure_ascii=False, default=str)
    finally:
        service.index = index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", action="append", default=[], help="a built store (repeatable); default: the bundled document")
    parser.add_argument("--questions", type=int, default=460)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()
    if args.store:
        for path in args.store:
            bench_store(OxigraphStore(path), path, args.questions, args.cold_runs, [])
        return
    with tempfile.TemporaryDirectory() as tmp:
        store = OxigraphStore(Path(tmp) / "store")
        build_store([bundled_document()], store)
        bench_store(store, "bundled document", args.questions, args.cold_runs, fixture_questions())


if __name__ == "__main__":
    main()
