"""Bad input: each gives a ParseError naming the file (and line), a one-line CLI error without a
traceback, and leaves the existing store as it was. Encodings are detected; a killed build keeps
the old store."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.store.embedded
from kg.errors import ParseError
from kg.parsing.document import parse_file, parse_text
from kg.pipeline import build_store, load_document
from kg.store.embedded import OxigraphStore
from ui import cli

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
TEXT = BIGDATA.read_text("utf-8")
LINES = TEXT.split("\n")


def _replace(line: int, old: str, new: str) -> bytes:
    """The document with `old` replaced by `new` on one line."""
    lines = list(LINES)
    assert lines[line - 1].count(old) == 1, (line, old)
    lines[line - 1] = lines[line - 1].replace(old, new)
    return "\n".join(lines).encode("utf-8")


def _with_nul(line: int) -> bytes:
    lines = list(LINES)
    lines[line - 1] = lines[line - 1][:3] + "\x00" + lines[line - 1][3:]
    return "\n".join(lines).encode("utf-8")


def _binary() -> bytes:
    data = bytearray(random.Random(20250101).randbytes(4096))
    data[100:101] = b"\x00"
    return bytes(data)


# (id, file name, bytes, line named in the error or None, words the message must contain)
BAD = [
    ("empty", "empty.txt", b"", None, "文件为空"),
    ("whitespace", "blank.txt", b"   \n\t\r\n\n      \n", None, "文件为空"),
    ("html", "page.html", "<!DOCTYPE html>\n<html><head><title>部门预算</title></head><body>表1</body></html>\n".encode(), 1, "HTML"),
    ("binary", "data.bin", _binary(), None, "binary"),
    ("pdf", "budget.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", None, "PDF"),
    ("nul-in-text", "nul.txt", _with_nul(300), 300, "控制字符"),
    ("no-template", "notes.txt", "今天开会讨论了明年的工作安排。\n会议纪要另行印发。\n".encode(), 1, "第一部分"),
    ("amount-12,3a.45", "amount1.txt", _replace(492, "38.31", "12,3a.45"), 492, "'12,3a.45'"),
    ("amount-abc", "amount2.txt", _replace(492, "38.31", "abc"), 492, "'abc'"),
    ("amount-abc-in-12-columns", "amount3.txt",
     _replace(253, "事业运行 303.11 303.11", "事业运行 303.11 abc"), 253, "应有12个金额"),
    ("amount-0.0x-two-sided", "amount4.txt", _replace(134, "0.00", "0.0x"), 134, "'0.0x'"),
    ("amount-missing-second-side", "amount5.txt",
     _replace(183, "支出总计 1,316.25", "支出总计 1,316.2x"), 183, "'1,316.2x'"),
    ("amount-missing", "amount6.txt", _replace(492, " 38.31", ""), 492, "行缺少金额"),
    ("truncated-mid-row", "cut.txt", "\n".join(LINES[:261]).encode(), 259, "行不完整"),
    ("table-twice", "twice.txt", "\n".join(LINES[:609] + LINES[597:609] + LINES[609:]).encode(), 610, "重复"),
]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("BUDGETKG_BASE", "BUDGETKG_STORE")}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True, env=_env(), cwd=cwd, timeout=120)


def _snapshot(store: OxigraphStore):
    fresh = OxigraphStore(store.path)
    return fresh.documents(), fresh.triple_count(), fresh.generation, sorted(p.name for p in fresh.path.iterdir())


def _no_staging(store: OxigraphStore) -> bool:
    return not list(store.path.glob(".gen-*")) and not (store.path / "CURRENT.tmp").exists()


@pytest.fixture(scope="module")
def good_template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("good") / "store"
    build_store([BIGDATA], OxigraphStore(root))
    return root


@pytest.fixture
def store(good_template, tmp_path) -> OxigraphStore:
    root = tmp_path / "store"
    shutil.copytree(good_template, root)
    store = OxigraphStore(root)
    assert [d.source for d in store.documents()] == [BIGDATA.name]
    return store


# -- each bad input ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "line", "words"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_input(name, data, line, words, store, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    before = _snapshot(store)

    with pytest.raises(ParseError) as caught:
        parse_file(path)
    error = caught.value
    assert error.source == name
    assert error.line == line
    assert name in str(error) and words in str(error)
    if line:
        assert f"第{line}行" in str(error) and f"line {line}" in str(error)

    with pytest.raises(ParseError):
        build_store([path], store)
    assert _snapshot(store) == before

    done = _cli("build", str(path), "--store", str(store.path), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("错误 error: ") and name in lines[0] and words in lines[0]
    if line:
        assert f"第{line}行" in lines[0]
    assert _snapshot(store) == before
    assert _no_staging(store)


def test_bad_file_among_good_ones_changes_nothing(store, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(_replace(492, "38.31", "abc"))
    before = _snapshot(store)
    assert cli.main(["build", str(CULTURE), str(bad), "--store", str(store.path)]) == 1
    assert _snapshot(store) == before


def test_missing_file(store, tmp_path, capsys):
    before = _snapshot(store)
    assert cli.main(["build", str(tmp_path / "nothing.txt"), "--store", str(store.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误 error: ") and "nothing.txt" in err and len(err.strip().splitlines()) == 1
    assert _snapshot(store) == before


# -- encodings ----------------------------------------------------------------------------------------------------


def _same_as_utf8(source: Path, data: bytes, folder: Path) -> None:
    folder.mkdir()
    copy = folder / source.name
    copy.write_bytes(data)
    assert data != source.read_bytes()
    assert parse_file(copy) == parse_file(source)  # every record, line numbers included
    _, nt_copy = load_document(copy.name, data)
    _, nt_utf8 = load_document(source.name, source.read_bytes())
    assert set(nt_copy.text.splitlines()) == set(nt_utf8.text.splitlines())


@pytest.mark.parametrize("source", [BIGDATA, CULTURE], ids=["bigdata", "culture"])
def test_gbk_copy_parses_the_same(source, tmp_path):
    _same_as_utf8(source, source.read_text("utf-8").encode("gbk"), tmp_path / "gbk")


@pytest.mark.parametrize("source", [BIGDATA, CULTURE], ids=["bigdata", "culture"])
def test_bom_and_crlf_parse_the_same(source, tmp_path):
    text = source.read_text("utf-8")
    _same_as_utf8(source, ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"), tmp_path / "bom")


def test_text_with_bom_and_crlf_parses_the_same():
    """A caller that decoded the bytes itself (keeping the BOM) gets the same records."""
    doc = parse_text("\ufeff" + TEXT.replace("\n", "\r\n"), BIGDATA.name)
    assert doc == parse_file(BIGDATA)


def test_utf16_parses_the_same(tmp_path):
    _same_as_utf8(BIGDATA, TEXT.encode("utf-16"), tmp_path / "utf16")


def test_gbk_copy_via_cli(store, tmp_path):
    folder = tmp_path / "gbk"
    folder.mkdir()
    copy = folder / BIGDATA.name
    copy.write_bytes(TEXT.encode("gbk"))
    triples = store.triple_count()
    done = _cli("build", str(copy), "--store", str(store.path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "12张表，29个项目" in done.stdout
    fresh = OxigraphStore(store.path)
    assert fresh.triple_count() == triples
    assert fresh.document_text(fresh.documents()[0]) == TEXT.encode("gbk")  # the user's bytes are kept


# -- incomplete documents build, with warnings ----------------------------------------------------------------


def test_truncated_in_table6(store, tmp_path):
    path = tmp_path / "truncated.txt"
    path.write_bytes("\n".join(LINES[:500]).encode())  # stops in the middle of 表6's [301] rows
    doc = parse_file(path)
    assert [t.number for t in doc.tables] == [1, 2, 3, 4, 5, 6]
    assert doc.table(6).rows[-1].span.end == 500 and doc.table(6).rows[-1].label == "机关事业单位基本养老保险缴费"
    assert doc.projects == [] and doc.figures == [] and doc.glossary == []
    missing = [n for n in range(7, 13) if any(f"缺少表{n}《" in w for w in doc.warnings)]
    assert missing == [7, 8, 9, 10, 11, 12]
    assert any("第三部分" in w for w in doc.warnings) and any("第四部分" in w for w in doc.warnings)

    # the store holds the complete document of the same department and year: refused, naming what is missing
    before = OxigraphStore(store.path).documents()
    refused = _cli("build", str(path), "--store", str(store.path), cwd=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "不完整" in refused.stderr and "表7《" in refused.stderr and "第四部分" in refused.stderr and "--force" in refused.stderr
    assert OxigraphStore(store.path).documents() == before
    done = _cli("build", str(path), "--store", str(store.path), "--force", cwd=tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    warnings = done.stderr.strip().splitlines()
    assert len(warnings) == len(doc.warnings) == 8
    assert all(w.startswith("警告 warning: truncated.txt") for w in warnings)
    for n in range(7, 13):
        assert any(f"表{n}" in w for w in warnings)
    assert "6张表，0个项目" in done.stdout
    # the store now holds exactly the truncated document, complete: never half of it
    fresh = OxigraphStore(store.path)
    assert [d.source for d in fresh.documents()] == ["truncated.txt"]
    _, nt = load_document(path.name, path.read_bytes())
    assert fresh.triple_count() == len(set(nt.text.splitlines()))
    assert _no_staging(fresh)


def test_missing_table9(store, tmp_path):
    assert LINES[597] == "表9" and LINES[607] == "注：本表本年无发生额。"
    path = tmp_path / "no_table9.txt"
    path.write_bytes("\n".join(LINES[:597] + LINES[608:]).encode())
    doc = parse_file(path)
    assert [t.number for t in doc.tables] == [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12]
    assert doc.warnings == ["no_table9.txt：缺少表9《政府性基金预算支出情况表》(table 9 is missing)"]
    assert [r.label for r in doc.table(10).rows] == ["合计"]
    assert len(doc.projects) == 29
    refused = _cli("build", str(path), "--store", str(store.path), cwd=tmp_path)  # over the complete document
    assert refused.returncode == 1 and "缺少：表9《政府性基金预算支出情况表》；" in refused.stderr
    done = _cli("build", str(path), "--store", str(store.path), "--force", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr.strip().splitlines() == [f"警告 warning: {doc.warnings[0]}"]
    assert "11张表，29个项目" in done.stdout
    fresh = OxigraphStore(store.path)
    tables = fresh.select("SELECT ?n WHERE { ?t a bkg:BudgetTable ; bkg:tableNumber ?n } ORDER BY ?n")
    assert [r["n"] for r in tables] == [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12]


# -- a build that dies half-way ---------------------------------------------------------------------------------


def _failing_store(fail):
    """An ox.Store stand-in whose second bulk_load fails with `fail()`: the first document is loaded."""
    real = ox.Store

    class Failing:
        read_only = staticmethod(real.read_only)
        calls = 0

        def __init__(self, path: str) -> None:
            self._db = real(path)

        def bulk_load(self, *args, **kwargs):
            Failing.calls += 1
            if Failing.calls == 2:
                raise fail()
            return self._db.bulk_load(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(self._db, name)

    return Failing


@pytest.mark.parametrize("fail", [lambda: RuntimeError("simulated crash"), KeyboardInterrupt], ids=["error", "interrupt"])
def test_failed_load_keeps_old_store(fail, store, monkeypatch):
    before = _snapshot(store)
    answer = store.select('SELECT ?v WHERE { ?o bkg:amountText "38.31" ; bkg:amount ?v }')
    failing = _failing_store(fail)
    monkeypatch.setattr(kg.store.embedded.ox, "Store", failing)
    with pytest.raises((RuntimeError, KeyboardInterrupt)):
        build_store([BIGDATA, CULTURE], store)
    assert failing.calls == 2  # it died mid-way, after the first document was loaded
    assert _snapshot(store) == before
    assert _no_staging(store)
    assert store.select('SELECT ?v WHERE { ?o bkg:amountText "38.31" ; bkg:amount ?v }') == answer


def test_interrupted_cli_build_keeps_old_store(store, monkeypatch, capsys):
    before = _snapshot(store)
    monkeypatch.setattr(kg.store.embedded.ox, "Store", _failing_store(KeyboardInterrupt))
    assert cli.main(["build", str(BIGDATA), str(CULTURE), "--store", str(store.path)]) == 130
    assert _snapshot(store) == before and _no_staging(store)


def test_disk_error_is_one_line(store, monkeypatch, capsys):
    before = _snapshot(store)
    monkeypatch.setattr(kg.store.embedded.ox, "Store", _failing_store(lambda: OSError(28, "No space left on device")))
    assert cli.main(["build", str(BIGDATA), str(CULTURE), "--store", str(store.path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("错误 error: ") and "No space left on device" in err[0]
    assert _snapshot(store) == before and _no_staging(store)


def test_store_folder_that_cannot_be_made(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert cli.main(["build", str(BIGDATA), "--store", str(blocker / "store")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("错误 error: ") and str(blocker / "store") in err[0]


KILLER = textwrap.dedent("""
    import os, signal, sys
    import pyoxigraph as ox
    real = ox.Store
    class Killed:
        calls = 0
        def __init__(self, path):
            self._db = real(path)
        def bulk_load(self, *args, **kwargs):
            Killed.calls += 1
            if Killed.calls == 2:
                os.kill(os.getpid(), signal.SIGKILL)
            return self._db.bulk_load(*args, **kwargs)
        def __getattr__(self, name):
            return getattr(self._db, name)
    ox.Store = Killed
    from ui.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_killed_build_keeps_old_store(store, tmp_path):
    """A real SIGKILL half-way: the old generation is still served; the next build cleans up."""
    before = _snapshot(store)
    done = subprocess.run(
        [sys.executable, "-c", KILLER, "build", str(BIGDATA), str(CULTURE), "--store", str(store.path)],
        capture_output=True, text=True, env=_env(), cwd=tmp_path, timeout=120,
    )
    assert done.returncode == -9
    documents, triples, generation, _ = _snapshot(store)
    assert (documents, triples, generation) == before[:3]
    assert list(store.path.glob(".gen-*.tmp"))  # a killed process cannot clean up after itself
    build_store([CULTURE], store)
    assert [d.source for d in OxigraphStore(store.path).documents()] == [CULTURE.name]
    assert _no_staging(store)
    assert sorted(p.name for p in store.path.iterdir()) == ["CURRENT", OxigraphStore(store.path).generation]
