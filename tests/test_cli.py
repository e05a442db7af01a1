"""The `kgqa` command line, run as a user runs it: `python -m ui.cli …` in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.store.embedded import OxigraphStore

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
BKG = "https://budgetkg.org/ontology#"
DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")

BIGDATA_COUNTS = {
    "主要职责 duties": 9,
    "内设机构 internal units": 3,
    "预算表 tables": 12,
    "表格行 table rows": 201,
    "金额 table figures": 765,
    "项目 projects": 29,
    "说明中的数字 stated figures": 18,
    "重点项目绩效目标 performance goals": 3,
    "名词解释 glossary terms": 10,
    "引用文件 cited documents": 5,
}
CULTURE_COUNTS = {
    "主要职责 duties": 6,
    "内设机构 internal units": 4,
    "预算表 tables": 12,
    "表格行 table rows": 239,
    "金额 table figures": 1040,
    "项目 projects": 12,
    "说明中的数字 stated figures": 18,
    "重点项目绩效目标 performance goals": 3,
    "名词解释 glossary terms": 11,
    "引用文件 cited documents": 3,
}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("BUDGETKG_BASE", "BUDGETKG_STORE", "XDG_DATA_HOME")}
    env.update(extra)
    return env


def kgqa(*args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *args],
        input=stdin, capture_output=True, text=True, cwd=cwd, env=env or _env(), timeout=180,
    )


def _ok(done: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cwd")


@pytest.fixture(scope="module")
def bundled_store(tmp_path_factory, workdir) -> Path:
    """`kgqa build` with no document: the bundled one."""
    root = tmp_path_factory.mktemp("bundled") / "store"
    done = _ok(kgqa("build", "--store", str(root), cwd=workdir))
    assert done.stdout.splitlines()[0] == "已载入 qingcheng_bigdata_center_2025.txt: 清远市清城区大数据中心 2025年，12张表，29个项目"
    assert done.stderr == ""
    return root


@pytest.fixture(scope="module")
def both_store(tmp_path_factory, workdir) -> Path:
    root = tmp_path_factory.mktemp("both") / "store"
    done = _ok(kgqa("build", str(BIGDATA), str(CULTURE), "--store", str(root), cwd=workdir))
    assert len(done.stdout.splitlines()) == 3
    return root


def test_build_without_document_uses_the_bundled_one(bundled_store, workdir):
    store = OxigraphStore(bundled_store)
    assert [(d.source, d.department, d.year) for d in store.documents()] == [
        ("qingcheng_bigdata_center_2025.txt", "清远市清城区大数据中心", 2025)
    ]
    assert store.document_text(store.documents()[0]) == BIGDATA.read_bytes()
    assert list(workdir.iterdir()) == []  # nothing written to the working folder


def test_build_reports_its_triples(tmp_path):
    root = tmp_path / "store"
    done = _ok(kgqa("build", str(CULTURE), "--store", str(root), cwd=tmp_path))
    store = OxigraphStore(root)
    assert done.stdout.splitlines() == [
        "已载入 qingcheng_culture_tourism_2025.txt: 清远市清城区文化广电旅游体育局 2025年，12张表，12个项目",
        f"存储 store: {root}（{store.triple_count()} 条三元组 triples）",
    ]


def test_stats_json(bundled_store, both_store, workdir):
    result = json.loads(_ok(kgqa("stats", "--json", "--store", str(bundled_store), cwd=workdir)).stdout)
    assert [d["title"] for d in result["documents"]] == ["清远市清城区大数据中心2025年部门预算"]
    assert result["documents"][0]["counts"] == BIGDATA_COUNTS
    assert result["triples"] == OxigraphStore(bundled_store).triple_count()
    both = json.loads(_ok(kgqa("stats", "--json", "--store", str(both_store), cwd=workdir)).stdout)
    assert [d["counts"] for d in both["documents"]] == [BIGDATA_COUNTS, CULTURE_COUNTS]
    assert [d["source"] for d in both["documents"]] == [BIGDATA.name, CULTURE.name]
    text = _ok(kgqa("stats", "--store", str(both_store), cwd=workdir)).stdout
    assert "清远市清城区文化广电旅游体育局2025年部门预算（qingcheng_culture_tourism_2025.txt）" in text
    assert "  项目 projects: 12" in text and f"三元组合计 triples: {both['triples']}" in text


def test_audit_json_lists_the_rounding_finding(bundled_store, workdir):
    findings = json.loads(_ok(kgqa("audit", "--json", "--store", str(bundled_store), cwd=workdir)).stdout)
    assert len(findings) > 10
    problems = [f for f in findings if f["status"] != "ok"]
    assert len(problems) == 1
    (finding,) = problems
    assert finding["check"] == "表12 合计 = 全部项目之和"
    assert finding["status"] == "rounding"
    assert (finding["expected"], finding["actual"], finding["difference"]) == ("922.08", "922.09", "0.01")
    assert finding["summands"] == 29
    assert "922.08" in finding["message"] and "922.09" in finding["message"]
    assert finding["document"] == "清远市清城区大数据中心2025年部门预算"
    text = _ok(kgqa("audit", "--store", str(bundled_store), cwd=workdir)).stdout
    assert "922.09" in text


def test_export_csv_to_file(bundled_store, tmp_path):
    target = tmp_path / "figures.csv"
    done = _ok(kgqa("export", "--format", "csv", "-o", str(target), "--store", str(bundled_store), cwd=tmp_path))
    assert done.stdout == ""
    assert done.stderr.strip() == f"已导出 exported: {target}"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM, for Excel
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 765 + 18  # every table amount and every stated figure
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.csv"]  # no .partial left behind
    allowance = [r for r in rows if r["row_label"] == "津贴补贴"]
    assert len(allowance) == 1
    assert (allowance[0]["table"], allowance[0]["amount"], allowance[0]["code"], allowance[0]["line_start"]) == ("表6", "38.31", "30102", "492")
    assert sum(1 for r in rows if r["table"] == "表12") == 31 * 7


def test_export_turtle(bundled_store, workdir):
    done = _ok(kgqa("export", "--format", "ttl", "--store", str(bundled_store), cwd=workdir))
    graph = Graph()
    graph.parse(data=done.stdout, format="turtle")
    store = OxigraphStore(bundled_store)
    assert len(graph) == store.triple_count()  # one document: no triple is stated twice
    allowance = [
        o for o in graph.subjects(URIRef(BKG + "amountText"), Literal("38.31"))
        if (o, URIRef(BKG + "amount"), Literal("38.31", datatype=DECIMAL)) in graph
    ]
    assert len(allowance) == 1


def test_ask_json(bundled_store, workdir):
    done = _ok(kgqa("ask", "津贴补贴多少万？", "--json", "--store", str(bundled_store), cwd=workdir))
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    answer = json.loads(lines[0])
    assert answer["question"] == "津贴补贴多少万？"
    assert answer["answered"] is True
    assert answer["value"] == 38.31 and answer["unit"] == "万元"
    assert answer["sources"][0]["line"] == 492 and answer["sources"][0]["table"].startswith("表6")


def test_ask_reads_questions_from_stdin(bundled_store, workdir):
    questions = ["津贴补贴多少万？", "基本工资是多少？", "奖金多少？", "“三网融合”光纤年租预算多少钱"]
    done = _ok(kgqa("ask", "--json", "--store", str(bundled_store), cwd=workdir, stdin="\n".join(questions) + "\n"))
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["question"] for a in answers] == questions
    assert [a["value"] for a in answers] == [38.31, 49.56, 58.23, 44.9]


def test_ask_text(bundled_store, workdir):
    done = _ok(kgqa("ask", "津贴补贴多少万？", "--store", str(bundled_store), cwd=workdir))
    assert "38.31" in done.stdout and "万元" in done.stdout


@pytest.mark.parametrize("xdg", [True, False], ids=["XDG_DATA_HOME", "HOME"])
def test_ask_default_store_is_per_user(xdg, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = _env(HOME=str(home), **({"XDG_DATA_HOME": str(tmp_path / "xdg")} if xdg else {}))
    done = _ok(kgqa("ask", "津贴补贴多少万？", "--json", cwd=tmp_path, env=env))
    assert json.loads(done.stdout)["value"] == 38.31
    folder = (tmp_path / "xdg" if xdg else home / ".local" / "share") / "budgetkg" / "store"
    store = OxigraphStore(folder)
    assert [d.source for d in store.documents()] == [BIGDATA.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == (["home", "xdg"] if xdg else ["home"])
    # the second time, the same store answers without building again
    generation = store.generation
    _ok(kgqa("ask", "奖金多少？", "--json", cwd=tmp_path, env=env))
    assert OxigraphStore(folder).generation == generation


def test_build_default_store_is_per_user(tmp_path):
    env = _env(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    done = _ok(kgqa("build", str(CULTURE), cwd=tmp_path, env=env))
    folder = tmp_path / "data" / "budgetkg" / "store"
    assert f"存储 store: {folder}" in done.stdout
    assert [d.source for d in OxigraphStore(folder).documents()] == [CULTURE.name]
    stats = json.loads(_ok(kgqa("stats", "--json", cwd=tmp_path, env=env)).stdout)
    assert [d["source"] for d in stats["documents"]] == [CULTURE.name]


def test_store_override_by_environment(tmp_path):
    folder = tmp_path / "elsewhere"
    env = _env(HOME=str(tmp_path / "home"), BUDGETKG_STORE=str(folder))
    _ok(kgqa("build", str(BIGDATA), cwd=tmp_path, env=env))
    assert OxigraphStore(folder).exists()
    assert not (tmp_path / "home" / ".local").exists()  # no store in the default place; ~/.cache holds jieba's caches


def test_empty_store_is_a_one_line_error(tmp_path):
    done = kgqa("stats", "--store", str(tmp_path / "none"), cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [f"错误 error: 存储为空：{tmp_path / 'none'} (no store here; run `kgqa build` first)"]


def test_usage_errors(tmp_path):
    done = kgqa("export", "--format", "xlsx", "--store", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "xlsx" in done.stderr
    done = kgqa(cwd=tmp_path)
    assert done.returncode == 2 and "usage" in done.stderr
