"""Tests for kg.checks.audit: the arithmetic checks, read from the graph."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest

from kg.checks.audit import Finding, audit, problems, render
from kg.pipeline import build_store
from kg.store.embedded import OxigraphStore

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
BIGDATA_TITLE = "清远市清城区大数据中心2025年部门预算"
CULTURE_TITLE = "清远市清城区文化广电旅游体育局2025年部门预算"


def _store(root: Path, *paths: Path) -> OxigraphStore:
    store = OxigraphStore(root)
    build_store(list(paths), store)
    return store


def _tampered(root: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text("utf-8")
    assert text.count(old) == 1, old
    root.mkdir(parents=True, exist_ok=True)
    path = root / source.name
    path.write_text(text.replace(old, new), "utf-8")
    return path


def _by_check(findings: list[Finding]) -> dict[str, Finding]:
    return {f.check: f for f in findings}


@pytest.fixture(scope="module")
def bigdata(tmp_path_factory) -> list[Finding]:
    return audit(_store(tmp_path_factory.mktemp("bigdata"), BIGDATA))


@pytest.fixture(scope="module")
def culture(tmp_path_factory) -> list[Finding]:
    return audit(_store(tmp_path_factory.mktemp("culture"), CULTURE))


# -- the bundled document -----------------------------------------------------------------------------


def test_bundled_projects_rounding(bigdata):
    bad = problems(bigdata)
    assert [(f.check, f.status) for f in bad] == [("表12 合计 = 全部项目之和", "rounding")]
    f = bad[0]
    assert f.document == BIGDATA_TITLE
    assert f.expected == Decimal("922.08")
    assert f.actual == Decimal("922.09")
    assert f.difference == Decimal("0.01")
    assert f.summands == 29
    assert f.expected_source == "表12 合计 行（第683行）总计"
    assert f.actual_source.startswith("表12 29个项目之和")
    assert "922.08" in f.message and "922.09" in f.message
    assert "表12 合计 行（第683行）" in f.message and "29个项目" in f.message
    assert "尾差" in f.message


def test_bundled_checks_cover_the_brief(bigdata):
    checks = _by_check(bigdata)
    assert len(checks) == len(bigdata), "each check is reported once"
    expected_ok = [
        "表6 [301]工资福利支出 = 所属科目之和",
        "表6 合计 = 各类级科目之和",
        "表2 [201]一般公共服务支出 = 所属科目之和",
        "表2 合计 = 各类级科目之和",
        "表8 “三公”经费 = 所属子项之和",
        "表8 公务用车购置及运行维护支出 = 所属子项之和",
        "表11 清远市清城区大数据中心 = 所属子项之和",
        "表11 合计 = 各单位之和",
        "表12 合计 = 各单位之和",
        "表1 本年收入合计 = 此前各收入项目之和",
        "表1 本年支出合计 = 此前各支出项目之和",
        "表1 收入总计 = 本年收入合计+其后各项",
        "表4 支出总计 = 本年支出合计+其后各项",
        "表1 收入总计 = 支出总计",
        "表4 收入总计 = 支出总计",
        "表1 本年收入合计 = 表2 合计行合计列",
        "表1 本年支出合计 = 表3 合计行合计列",
        "表1 本年收入合计 = 表4 本年收入合计",
        "表3 合计行基本支出列 = 表11 合计行总计列",
        "表6 合计 = 表11 合计行一般公共预算列",
        "表3 合计行项目支出列 = 表12 合计行总计列",
        "表7 合计 = 表12 合计行一般公共预算列",
        "表4 一般公共预算 = 表5 合计行小计列",
        "表3 合计列 = 基本支出+项目支出+事业单位经营支出+对附属单位补助支出+上缴上级支出+结转下年",
        "第三部分 “三公”经费 = 表8 “三公”经费",
        "第三部分 公务接待费 = 表8 公务接待费支出",
        "第三部分 因公出国（境）费 = 表8 因公出国（境）支出",
        "第三部分 政府采购 = 所列分项之和",
        "第三部分 收入预算 = 表1 本年收入合计",
        "第三部分 支出预算 = 表1 本年支出合计",
    ]
    for name in expected_ok:
        assert checks[name].status == "ok", (name, checks[name].message)
    # the only unit of 表12 is not checked twice against the same 29 projects
    assert not any(c.startswith("表12 清远市清城区大数据中心") for c in checks)
    # 表8 direct children only: (二) is one summand of “三公”经费, its 1./2. are not
    assert checks["表8 “三公”经费 = 所属子项之和"].summands == 3
    assert checks["表6 [301]工资福利支出 = 所属科目之和"].summands == 12


def test_implied_last_year_is_reported(bigdata):
    f = _by_check(bigdata)["第三部分 收入预算 推算上年数"]
    assert f.status == "ok"
    assert f.expected == Decimal("1316.25")
    assert f.actual == Decimal("2664.70")
    assert "2,664.70" in f.message
    assert _by_check(bigdata)["第三部分 收入预算 增减率"].status == "ok"


# -- the culture document -----------------------------------------------------------------------------


def test_culture_table6_difference(culture):
    bad = problems(culture)
    # |−0.01| ≤ 0.01 × 10 summands: by the rule it is a rounding difference, and the only problem.
    assert [(f.check, f.status) for f in bad] == [("表6 [301]工资福利支出 = 所属科目之和", "rounding")]
    f = bad[0]
    assert f.document == CULTURE_TITLE
    assert (f.expected, f.actual, f.difference, f.summands) == (Decimal("431.86"), Decimal("431.85"),
                                                                 Decimal("-0.01"), 10)
    assert f.expected_source == "表6 [301]工资福利支出 行（第551行）"
    assert "431.86" in f.message and "431.85" in f.message


def test_culture_multi_unit_and_prose(culture):
    checks = _by_check(culture)
    for name in [
        "表11 清远市清城区图书馆 = 所属子项之和",
        "表11 合计 = 各单位之和",
        "表12 清远市清城区文化广电旅游体育局 = 所属项目之和",
        "表12 清远市清城区图书馆 = 所属项目之和",
        "表12 合计 = 各单位之和",
        "表12 合计 = 全部项目之和",
        "表4 政府性基金预算 = 表9 合计行小计列",
        "第三部分 机关运行经费 = 表8 行政经费",
        "第三部分 公务用车运行维护费 = 表8 公务用车运行维护费",
        "第三部分 “三公”经费 = 所列分项之和",
        "第三部分 “三公”经费 增减率",
        "第三部分 公务接待费 增减率",
    ]:
        assert checks[name].status == "ok", (name, checks[name].message)
    assert checks["表12 合计 = 全部项目之和"].summands == 12
    assert checks["第三部分 收入预算 推算上年数"].actual == Decimal("970.11")


# -- tampered copies ------------------------------------------------------------------------------------


def test_tampered_amount_is_a_gap(tmp_path):
    path = _tampered(tmp_path / "docs", BIGDATA, "[30103]奖金 58.23", "[30103]奖金 68.23")
    findings = audit(_store(tmp_path / "store", path))
    bad = {f.check: f for f in problems(findings)}
    assert set(bad) == {"表6 [301]工资福利支出 = 所属科目之和", "表12 合计 = 全部项目之和"}
    gap = bad["表6 [301]工资福利支出 = 所属科目之和"]
    assert gap.status == "gap"
    assert "[301]" in gap.expected_source and "工资福利支出" in gap.expected_source
    assert (gap.expected, gap.actual, gap.difference) == (Decimal("367.82"), Decimal("377.82"), Decimal("10.00"))
    assert "真实" in gap.message


def test_tampered_prose_figure(tmp_path):
    old = "2025年本部门财政拨款安排“三公”经费0.4万元"
    path = _tampered(tmp_path / "docs", BIGDATA, old, old.replace("0.4万元", "0.9万元"))
    bad = {f.check: f for f in problems(audit(_store(tmp_path / "store", path)))}
    assert bad["第三部分 “三公”经费 = 表8 “三公”经费"].status == "gap"
    assert bad["第三部分 “三公”经费 = 所列分项之和"].status == "gap"


def test_tampered_cross_table_total(tmp_path):
    path = _tampered(tmp_path / "docs", BIGDATA, "合计 922.08\n\n[302]商品和服务支出 861.89",
                     "合计 932.08\n\n[302]商品和服务支出 861.89")
    bad = {f.check: f.status for f in problems(audit(_store(tmp_path / "store", path)))}
    assert bad == {
        "表7 合计 = 各类级科目之和": "gap",
        "表7 合计 = 表12 合计行一般公共预算列": "gap",
        "表7 合计 = 表5 合计行项目支出列": "gap",
        "表12 合计 = 全部项目之和": "rounding",
    }


# -- both documents, output ------------------------------------------------------------------------------


def test_two_documents_and_timing(tmp_path):
    store = _store(tmp_path, BIGDATA, CULTURE)
    audit(store)  # warm the store
    start = time.perf_counter()
    findings = audit(store)
    elapsed = time.perf_counter() - start
    assert elapsed < 0.4 * 2 * 2  # target < 0.2 s per document; generous for slow CI machines
    assert {f.document for f in findings} == {BIGDATA_TITLE, CULTURE_TITLE}
    assert sorted((f.document, f.check) for f in problems(findings)) == [
        (BIGDATA_TITLE, "表12 合计 = 全部项目之和"),
        (CULTURE_TITLE, "表6 [301]工资福利支出 = 所属科目之和"),
    ]
    for f in findings:
        assert f.status in {"ok", "rounding", "gap"}
        assert f.message.endswith("。")
        assert f.expected_source and f.actual_source


def test_render_and_json(bigdata):
    text = render(bigdata)
    assert text.startswith(f"【{BIGDATA_TITLE}】")
    assert text.index("[尾差] 表12 合计 = 全部项目之和") < text.index("项核对通过")
    assert f"其余{len(bigdata) - 1}项核对通过" in text
    data = json.loads(json.dumps([f.to_json() for f in bigdata], ensure_ascii=False))
    row = next(d for d in data if d["status"] == "rounding")
    assert row["expected"] == "922.08" and row["actual"] == "922.09" and row["difference"] == "0.01"
    assert render([]) == "没有可核对的文档。"
