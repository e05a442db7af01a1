"""tools.synth: generated documents in the standard template, parsed back and compared with their truth.

Each generated document states known facts (tools.synth.Truth); the parser must rebuild exactly those
from the text with its PDF-extraction artefacts. `mismatches` lists every difference by area, so a
failure names the table, row or figure that differs.

Parser defects found with the generator are fixed and kept as regression tests (goal names
starting with a digit; 和 inside a subordinate unit's name and 「…、B和C」 lists; a 绩效目标 line
that is a prefix of a unit's name): the seeds listed below must contain them.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kg.checks.audit import audit
from kg.graph.build import build_triples
from kg.parsing.document import parse_text
from kg.pipeline import build_store
from kg.records import BudgetDocument
from kg.store.embedded import OxigraphStore
from tools.synth import HEADERS, Truth, generate, write_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "synth"
CORPUS = Path(__file__).parent / "fixtures"
VOCABULARY = Path(__file__).parent.parent / "tools" / "synth" / "vocabulary.json"
CORPUS_FILES = ("qingcheng_bigdata_center_2025.txt", "qingcheng_culture_tourism_2025.txt",
                "qingcheng_culture_tourism_2024.txt")
SEEDS = list(range(1, 31))
# small generated samples kept as fixtures: 参公 档案馆 without subordinate units; 水利局 with two subordinate
# units, 政府性基金 and 其他资金; 人社局 with 事业收入 (其他资金) and a key project whose name starts with a digit
SAMPLES = {"synth_seed361.txt": 361, "synth_seed262.txt": 262, "synth_seed76.txt": 76}
DIGIT_GOAL_SEEDS = [1, 3, 8, 16, 18, 22, 26]  # a 重点项目 (第三部分六) whose name starts with a digit
HE_NAME_SEEDS = [11]  # the last subordinate unit's name contains 和 (…、鹤川市岚岗县公共就业和人才服务中心。)
HE_LIST_SEEDS = [18]  # the 分别是 list names its last unit after 和 (…、B和C。)

def _num(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _targets(targets) -> list[tuple[str, str | None, str]]:
    return [(t.comparator, _num(t.value), t.unit) for t in targets]


def mismatches(doc: BudgetDocument, truth: Truth) -> dict[str, list[str]]:
    """Every difference between the parsed document and its truth, by area."""
    found: dict[str, list[str]] = {}

    def differ(area: str, what: str, parsed, expected) -> None:
        if parsed != expected:
            found.setdefault(area, []).append(f"{what}: parsed {parsed!r}, expected {expected!r}")

    differ("document", "department", doc.department, truth.department)
    differ("document", "year", doc.year, truth.year)
    differ("document", "warnings", doc.warnings, [])
    differ("duties", "duties", [d.text for d in doc.duties], list(truth.duties))
    differ("units", "internal units", [(u.name, u.duty) for u in doc.units], [tuple(u) for u in truth.units])
    differ("subordinates", "subordinate units", doc.composition.subordinate_units if doc.composition else None,
           list(truth.subordinate_units))
    for expected in truth.tables:
        table = doc.table(expected.number)
        area = f"table {expected.number}"
        if table is None:
            differ(area, "table", None, expected.number)
            continue
        differ(area, "title", table.title, expected.title)
        differ(area, "columns", tuple(table.columns), expected.columns)
        differ(area, "note", table.note, expected.note)
        parsed_rows = [(r.label, r.code, tuple(_num(c.value) for c in r.cells), r.kind, r.side, r.ordinal, r.unit)
                       for r in table.rows]
        expected_rows = [(r.label, r.code, tuple(_num(a) for a in r.amounts), r.kind, r.side, r.ordinal, r.unit)
                         for r in expected.rows]
        for k in range(max(len(parsed_rows), len(expected_rows))):
            p = parsed_rows[k] if k < len(parsed_rows) else None
            e = expected_rows[k] if k < len(expected_rows) else None
            if p != e:
                differ(area, f"row {k}", p, e)
                break
    differ("projects", "projects", [(p.unit, p.name, tuple(_num(c.value) for c in p.row.cells)) for p in doc.projects],
           [(p.unit, p.name, tuple(_num(a) for a in p.amounts)) for p in truth.projects])
    by_name = {p.name: p for p in doc.projects}
    for p in truth.projects:
        parsed = by_name.get(p.name)
        if parsed is None:
            continue
        differ("purposes", f"purpose of {p.name}", parsed.purpose, p.purpose)
        differ("citations", f"citations of {p.name}",
               sorted((c.number or "", c.issuer or "", c.title or "") for c in parsed.citations),
               sorted((c.number or "", c.issuer or "", c.title or "") for c in p.citations))
        differ("project targets", f"targets of {p.name}", _targets(parsed.targets), _targets(p.targets))
    labels = [f.label for f in doc.figures]
    differ("figures", "figures", [(f.section, f.label, _num(f.value), f.unit, _num(f.change), _num(f.change_rate),
                                   labels[f.parent] if f.parent is not None else None) for f in doc.figures],
           [(f.section, f.label, _num(f.value), f.unit, _num(f.change), _num(f.rate), f.parent) for f in truth.figures])
    differ("goals", "goals", [(g.project, _num(g.amount), g.goal) for g in doc.goals],
           [(g.project, _num(g.amount), g.text) for g in truth.goals])
    differ("goals", "goal targets", [_targets(g.targets) for g in doc.goals], [_targets(g.targets) for g in truth.goals])
    differ("glossary", "glossary", [(g.term, g.definition) for g in doc.glossary], [tuple(g) for g in truth.glossary])
    return found


@pytest.fixture(scope="module")
def generated() -> dict[int, tuple[str, Truth, BudgetDocument]]:
    out = {}
    for seed in SEEDS:
        text, truth = generate(seed)
        out[seed] = (text, truth, parse_text(text, f"synth_{seed}.txt"))
    return out


def _differences(generated, area: str, seeds) -> dict[int, list[str]]:
    return {seed: m[area] for seed in seeds if area in (m := mismatches(generated[seed][2], generated[seed][1]))}


# -- the generator --------------------------------------------------------------------------------------


def test_generator_is_deterministic() -> None:
    for seed in (2, 17):
        assert generate(seed)[0] == generate(seed)[0]
    assert generate(2)[0] != generate(3)[0]
    assert generate(4, department="云川市棠溪区档案馆")[1].department == "云川市棠溪区档案馆"


def _phrases(value) -> list[str]:
    """Every string in a JSON value, cut at its {placeholders}."""
    if isinstance(value, str):
        return [part for part in re.split(r"\{\w+\}", value) if part]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [phrase for item in items for phrase in _phrases(item)]


def test_vocabulary_is_its_own() -> None:
    """The invented vocabulary (names of regions, units, projects; duties, purposes, reasons) shares no
    run of eight characters with the corpus documents: nothing is copied from them."""
    corpus = "\n".join(re.sub(r"\s+", "", (CORPUS / name).read_text("utf-8")) for name in CORPUS_FILES)
    vocabulary = json.loads(VOCABULARY.read_text("utf-8"))
    vocabulary.pop("_doc")
    copied = set()
    for phrase in _phrases(vocabulary):
        phrase = re.sub(r"\s+", "", phrase)
        copied |= {phrase[i:i + 8] for i in range(len(phrase) - 7) if phrase[i:i + 8] in corpus}
    assert not copied, sorted(copied)
    assert "清城" not in json.dumps(vocabulary, ensure_ascii=False)


def test_fixtures_are_what_the_generator_writes() -> None:
    for name, seed in SAMPLES.items():
        assert (FIXTURES / name).read_text("utf-8") == generate(seed)[0], name


def test_the_seeds_cover_the_template(generated) -> None:
    """The seeds of this suite exercise what the generator can vary, and the defect triggers are where stated."""
    truths = {seed: truth for seed, (_, truth, _) in generated.items()}
    texts = [text for text, _, _ in generated.values()]
    assert len({t.department for t in truths.values()}) == len(truths)
    kinds = {t.kind for t in truths.values()}
    assert len(kinds) >= 12 and {"教育局", "档案馆", "政务数据服务中心"} <= kinds
    assert any(t.subordinate_units for t in truths.values()) and any(not t.subordinate_units for t in truths.values())
    assert any(t.table(9).rows[0].amounts[0] > 0 for t in truths.values())  # 政府性基金
    assert any(t.table(1).rows[4].amounts[0] > 0 for t in truths.values())  # 三、其他资金
    assert any(t.figure("公务用车购置费").value > 0 for t in truths.values())
    assert min(len(t.duties) for t in truths.values()) <= 4 and max(len(t.duties) for t in truths.values()) >= 11
    assert max(len(t.projects) for t in truths.values()) >= 40 and min(len(t.projects) for t in truths.values()) <= 5
    citations = [c for t in truths.values() for p in t.projects for c in p.citations]
    assert any(c.number and c.issuer is None for c in citations) and any(c.number is None for c in citations)
    assert any(p.purpose == "" for t in truths.values() for p in t.projects)
    assert all("\n 单位：万元单位名称：" in text for text in texts)
    assert all("\n\n- " in text and " -\n" in text for text in texts[:10])
    header = " " + HEADERS[12].split("\n")[0]
    assert sum(text.count("\n" + header) for text in texts) > 30  # 表12 continued on later pages
    assert [s for s in SEEDS if any(g.project[0].isdigit() for g in truths[s].goals)] == DIGIT_GOAL_SEEDS
    listed_with_he = [s for s in SEEDS if truths[s].subordinate_units
                      and f"和{truths[s].subordinate_units[-1]}。" in generated[s][0].replace("\n", "").replace(" ", "")]
    assert listed_with_he == HE_LIST_SEEDS
    assert [s for s in SEEDS if s not in listed_with_he and "和" in (truths[s].subordinate_units or ("",))[-1]
            ] == HE_NAME_SEEDS


def test_tables_are_consistent(generated) -> None:
    """The truth's own arithmetic: the identities the template requires, in exact cents."""
    for _, truth, _ in generated.values():
        t = {n: truth.table(n) for n in range(1, 13)}

        def total(n: int, column: int = 0, t: dict = t) -> Decimal:
            return t[n].rows[0].amounts[column]

        assert total(2) == total(3) == t[1].rows[-1].amounts[0] == truth.figure("收入预算").value
        assert total(3, 1) == total(11) and total(6) == total(11, 2) == total(5, 1)
        assert total(3, 2) == total(12) and total(7) == total(12, 2) == total(5, 2)
        assert total(5) == t[4].rows[0].amounts[0] and total(9) == t[4].rows[2].amounts[0]
        assert t[8].rows[1].amounts[0] == truth.figure("“三公”经费").value == sum(
            t[8].rows[k].amounts[0] for k in (2, 3, 6))
        for n in (2, 3, 5, 6, 7, 9):
            rows = t[n].rows
            for row in rows[1:]:
                children = [r for r in rows[1:] if r.code and r.code[:-2] == row.code and len(r.code) == len(row.code) + 2]
                if children:
                    assert row.amounts == tuple(sum(c.amounts[k] for c in children) for k in range(len(row.amounts)))
            assert rows[0].amounts == tuple(sum(r.amounts[k] for r in rows[1:] if len(r.code) == 3)
                                            for k in range(len(rows[0].amounts)))


# -- parse = truth --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "area",
    ["document", "duties", "units", *[f"table {n}" for n in range(1, 13)], "projects", "purposes", "citations",
     "project targets", "figures", "glossary"],
)
def test_parse_equals_truth(generated, area: str) -> None:
    bad = _differences(generated, area, SEEDS)
    assert not bad, f"{len(bad)} of {len(SEEDS)} documents differ in {area}: {next(iter(bad.items()))}"


def test_goals_equal_truth(generated) -> None:
    """Including goals whose project name starts with a digit (12345政务服务便民热线… 10.56)."""
    bad = _differences(generated, "goals", SEEDS)
    assert not bad, f"{len(bad)} documents differ in their goals: {next(iter(bad.items()))}"


def test_subordinate_units_equal_truth(generated) -> None:
    """Including a last unit whose name contains 和 (…、鹤川市岚岗县公共就业和人才服务中心。)."""
    bad = _differences(generated, "subordinates", SEEDS)
    assert not bad, f"{len(bad)} documents differ in their subordinate units: {next(iter(bad.items()))}"


def test_subordinate_units_listed_with_he(generated) -> None:
    bad = _differences(generated, "subordinates", HE_LIST_SEEDS)
    assert not bad, f"{len(bad)} documents differ in their subordinate units: {next(iter(bad.items()))}"


def test_purpose_line_that_is_a_unit_name_prefix() -> None:
    """A 绩效目标 text may end without a full stop (the bundled document has one ending '…各市驻区单位 等')."""
    text, truth = generate(1)
    assert len(truth.projects) > 2 and truth.projects[0].purpose.endswith("。")
    lines = text.split("\n")
    first = next(i for i in range(lines.index("表12"), len(lines)) if lines[i].startswith("\u3000\u3000"))
    end = next(i for i in range(first + 1, len(lines)) if lines[i].endswith("。"))
    lines[end: end + 1] = [lines[end][:-1] + "，实施地点为", "", truth.region]  # every unit's name starts so
    truth_purpose = truth.projects[0].purpose[:-1] + "，实施地点为" + truth.region
    doc = parse_text("\n".join(lines), "probe.txt")
    assert [(p.unit, p.name) for p in doc.projects] == [(p.unit, p.name) for p in truth.projects]
    assert doc.projects[0].purpose == truth_purpose


def test_later_years_state_consistent_changes() -> None:
    text, first = generate(5, department="云川市棠溪区教育局")
    chain = [first]
    for seed in (6, 7):
        text, truth = generate(seed, previous=chain[-1])
        chain.append(truth)
        assert mismatches(parse_text(text, "later.txt"), truth).keys() <= {"subordinates"}
    assert [t.year for t in chain] == [2025, 2026, 2027]
    assert {t.department for t in chain} == {"云川市棠溪区教育局"}
    for before, after in zip(chain, chain[1:], strict=False):
        assert after.subordinate_units == before.subordinate_units and after.duties == before.duties
        for label in ("收入预算", "“三公”经费", "公务接待费", "公务用车购置及运行维护费", "机关运行经费"):
            old, new = before.figure(label), after.figure(label)
            assert new.change == new.value - old.value, label
            if old.value:
                assert new.rate == (new.change / old.value * 100).quantize(Decimal("0.1")), label
    with pytest.raises(ValueError):
        generate(1, year=2025, previous=first)


# -- the graph and the audit ----------------------------------------------------------------------------


def test_graph_is_deterministic() -> None:
    for seed in (4, 9):
        graphs = [build_triples(parse_text(generate(seed)[0], f"s{seed}.txt")) for _ in range(2)]
        assert len(graphs[0]) == len(graphs[1]) > 1000
        assert graphs[0] == graphs[1]


def test_audit_finds_no_gaps(tmp_path) -> None:
    paths = write_corpus(3, 11, tmp_path / "docs")
    assert [p.suffix for p in paths] == [".txt"] * 3
    store = OxigraphStore(tmp_path / "store")
    build_store(paths, store)
    findings = audit(store)
    assert {f.document for f in findings} == {f"{p.stem.replace('_', '')}年部门预算" for p in paths}
    assert len(findings) > 150
    assert [f.check for f in findings if f.status == "gap"] == []
    assert [f.check for f in findings if f.status != "ok"] == []


def test_corpus_has_later_years(tmp_path) -> None:
    paths = write_corpus(10, 3, tmp_path / "a")
    names = [p.stem for p in paths]
    assert len(set(names)) == 10
    departments = [n.rsplit("_", 1)[0] for n in names]
    assert departments[4] in departments[:4] and departments[9] in departments[:9]
    assert len(set(departments)) == 8
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in write_corpus(10, 3, tmp_path / "b")]


# -- the command line (python -m tools.synth) ------------------------------------------------------------


def test_command_writes_documents(tmp_path, capsys) -> None:
    from tools.synth.__main__ import main

    assert main(["3", "--seed", "11", "-o", str(tmp_path / "out")]) == 0
    assert "已生成 3 个文档" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        p.name for p in write_corpus(3, 11, tmp_path / "again"))


@pytest.mark.parametrize(("argv", "code", "words"), [
    (["1", "-o", "{file}"], 1, "不是目录"),
    (["0", "-o", "{dir}"], 2, "正整数"),
    (["1", "-o", "{file}/below"], 1, "无法写入"),
])
def test_command_bad_arguments(tmp_path, capsys, argv, code, words) -> None:
    """A one-line error and a non-zero exit, never a stack trace; nothing written."""
    from tools.synth.__main__ import main

    file = tmp_path / "a-file.txt"
    file.write_text("x")
    assert main([a.format(file=file, dir=tmp_path / "d") for a in argv]) == code
    err = capsys.readouterr().err
    assert err.startswith("错误 error:") and words in err and "Traceback" not in err, err
    assert file.read_text() == "x" and not (tmp_path / "d").exists()


def test_generator_is_not_installed() -> None:
    """The generator is a tool of the checkout: the package's modules never import it."""
    root = Path(__file__).resolve().parent.parent
    for package in ("kg", "qa", "ui", "ontology"):
        for path in (root / package).rglob("*.py"):
            assert "tools.synth" not in path.read_text("utf-8") and "kg.synth" not in path.read_text("utf-8"), path
    assert '"tools' not in (root / "pyproject.toml").read_text("utf-8").split("[tool.setuptools.packages.find]")[1]
