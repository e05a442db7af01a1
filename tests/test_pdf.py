"""PDF input: a published PDF parses exactly like its extracted text, and bad PDFs fail clearly.

The PDFs are typeset here from the corpus (tests/pdfmaker.py): real table layout with amounts in
right-aligned columns, wrapped names, repeated headers after page breaks, page numbers.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from pdfmaker import make_pdf, no_text_pdf, small_pdf

from kg.errors import ParseError
from kg.parsing.document import parse_file
from kg.parsing.pdf import pdf_to_text
from kg.pipeline import build_store, load_document
from kg.records import BudgetDocument
from kg.store.embedded import OxigraphStore
from qa.service import QAService

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
DOCS = {"bigdata": BIGDATA, "culture": CULTURE}
IS = "\u3000"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("pdf")
    return {key: _write(make_pdf(txt), root / txt.with_suffix(".pdf").name) for key, txt in DOCS.items()}


def _write(data: bytes, path: Path) -> Path:
    path.write_bytes(data)
    return path


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("BUDGETKG_BASE", "BUDGETKG_STORE")}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True, env=_env(), cwd=cwd, timeout=120)


def _without_lines(value):
    """A record as plain data without what depends on line numbers (spans) or the file name."""
    if dataclasses.is_dataclass(value):
        value = dataclasses.asdict(value)
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if "span" not in k and k not in ("source", "line_count", "line_pages")}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


def _amounts(doc: BudgetDocument) -> list[tuple[int, str, str | None, str, Decimal, str]]:
    return [(t.number, r.label, r.code, c.column, c.value, c.text) for t in doc.tables for r in t.rows for c in r.cells]


# -- the text kg.parsing.pdf makes --------------------------------------------------------------------------------------


def test_table_rows_come_out_as_one_line_each(pdfs):
    lines = pdf_to_text(pdfs["bigdata"].read_bytes(), "bigdata.pdf").split("\n")
    zeros = " ".join(["0.00"] * 10)
    assert f"2013750 事业运行 303.11 303.11 {zeros}" in lines  # 表2: code, name, 12 amount columns
    assert "2080505 机关事业单位基本养老保" in lines  # a name wrapped in its cell; the amounts follow it
    assert f"{IS}[30102]津贴补贴 38.31" in lines  # 表6: nesting as U+3000, as the template prints it
    assert "一、预算拨款 1,316.25 一、一般公共服务支出 303.11" in lines  # 表1: two sides on one row
    assert "四、公共安全支出 0.00" in lines  # the income side is empty
    assert f"{IS * 8}1.公务用车购置费 0.00 0.00 0.00 0.00" in lines  # 表8: nesting depth from indentation
    assert f"{IS * 2}“清城区农村集体三资监管平台（票据电子化管理）功能升级开" in lines  # a wrapped name …
    assert "发”合同第二期费用 11.40 11.40 11.40 0.00 0.00 0.00 0.00" in lines  # … its amounts on its last line
    assert "- 3 -" not in lines  # page numbers are layout, dropped before parsing
    assert "单位：万元 单位名称：清远市清城区大数据中心" in lines
    assert lines.count("支出项目类别（资金使用单位） 总计 财政拨款合计 一般公共预算 政府性基金预算 国有资本经营预算 财政专户拨款 其他资金") >= 2


def test_rotated_landscape_page_reads_upright():
    data = small_pdf(["合计\t1,316.25", f"{IS}[30101]基本工资\t49.56"], rotated=True)
    assert pdf_to_text(data, "rotated.pdf") == f"合计 1,316.25\n{IS}[30101]基本工资 49.56"


# -- a PDF parses like its text ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", DOCS)
def test_pdf_parses_like_its_text(pdfs, key):
    text = parse_file(DOCS[key])
    pdf, _ = load_document(pdfs[key].name, pdfs[key].read_bytes())
    assert (pdf.department, pdf.year, pdf.doc_id) == (text.department, text.year, text.doc_id)
    assert [t.number for t in pdf.tables] == [t.number for t in text.tables] == list(range(1, 13))
    for mine, theirs in zip(pdf.tables, text.tables, strict=True):
        assert (mine.title, mine.columns, mine.note) == (theirs.title, theirs.columns, theirs.note)
        assert [(r.label, r.code, r.kind, r.depth, r.side, r.unit) for r in mine.rows] == [
            (r.label, r.code, r.kind, r.depth, r.side, r.unit) for r in theirs.rows
        ], f"表{mine.number}"
    assert _amounts(pdf) == _amounts(text)
    assert len(_amounts(pdf)) > 700
    assert [(p.name, p.unit, p.purpose) for p in pdf.projects] == [(p.name, p.unit, p.purpose) for p in text.projects]
    assert pdf.projects
    # and everything else the parser reads (duties, sections, figures, goals, glossary …) but line numbers
    assert _without_lines(pdf) == _without_lines(text)
    assert pdf.warnings == text.warnings == []


# -- kgqa build FILE.pdf ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "answer"), [("bigdata", "38.31"), ("culture", "107.61")])
def test_cli_builds_from_pdf_and_answers(pdfs, tmp_path, key, answer):
    store_dir = tmp_path / "store"
    result = _cli("build", str(pdfs[key]), "--store", str(store_dir), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    department = parse_file(DOCS[key]).department
    assert f"已载入 {pdfs[key].name}: {department} 2025年，12张表" in result.stdout
    store = OxigraphStore(store_dir)
    assert [d.source for d in store.documents()] == [pdfs[key].name]
    assert store.document_text(store.documents()[0]) == pdfs[key].read_bytes()  # the user's file is kept as it is
    reply = QAService(store).ask("津贴补贴多少万？")
    assert reply.answered and reply.value == Decimal(answer)


# -- PDFs that cannot be read -----------------------------------------------------------------------------------


def _bad_pdfs(good: bytes) -> list[tuple[str, bytes, str]]:
    return [
        ("truncated", good[: len(good) // 2], "不完整"),
        ("corrupt", b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n", "已损坏"),
        ("no-text", no_text_pdf(), "OCR"),
        ("encrypted", small_pdf(["合计\t1.00"], password="secret"), "已加密"),
        ("scanned-page", small_pdf(["第一部分 某单位概况"], scanned_page=True), "第2页"),
    ]


def test_bad_pdfs_raise_clear_errors(pdfs):
    for name, data, words in _bad_pdfs(pdfs["bigdata"].read_bytes()):
        with pytest.raises(ParseError) as caught:
            load_document(f"{name}.pdf", data)
        message = str(caught.value)
        assert words in message and "PDF" in message and message.startswith(f"{name}.pdf"), (name, message)
        assert caught.value.line is None  # a PDF has no line numbers the user could look up


def test_cli_refuses_bad_pdfs_and_keeps_the_store(pdfs, tmp_path):
    store_dir = tmp_path / "store"
    build_store([BIGDATA], OxigraphStore(store_dir))
    before = OxigraphStore(store_dir)
    snapshot = (before.documents(), before.generation, sorted(p.name for p in store_dir.iterdir()))
    for name, data, words in _bad_pdfs(pdfs["bigdata"].read_bytes()):
        path = _write(data, tmp_path / f"{name}.pdf")
        result = _cli("build", str(path), "--store", str(store_dir), cwd=tmp_path)
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        assert result.stderr.startswith(f"错误 error: {name}.pdf: "), result.stderr
        assert words in result.stderr and "Traceback" not in result.stderr, result.stderr
        after = OxigraphStore(store_dir)
        assert (after.documents(), after.generation, sorted(p.name for p in store_dir.iterdir())) == snapshot
