"""Tests for kg.store.read: the store read back as typed records equals what the parser read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.parsing.document import parse_file
from kg.pipeline import build_store
from kg.store.embedded import OxigraphStore
from kg.store.read import read_documents

FIXTURES = Path(__file__).parent / "fixtures"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> OxigraphStore:
    built = OxigraphStore(tmp_path_factory.mktemp("read") / "store")
    build_store([CULTURE], built)
    return built


def test_tables_rows_and_cells_are_the_parsed_ones(store: OxigraphStore) -> None:
    parsed = parse_file(CULTURE)
    [doc] = read_documents(store)
    assert (doc.title, doc.year, doc.department) == (f"{parsed.department}{parsed.year}年部门预算", parsed.year,
                                                    parsed.department)
    assert sorted(doc.tables) == sorted(t.number for t in parsed.tables)
    for table in parsed.tables:
        read = doc.table(table.number)
        assert read is not None and read.title == table.title
        assert [r.label for r in read.rows] == [r.label for r in table.rows]
        for row, source in zip(read.rows, table.rows, strict=True):
            assert row.cells == {c.column: c.value for c in source.cells}, (table.number, source.label)
            assert [c.text for c in row.observations] == [c.text for c in source.cells]
            assert (row.code, row.side, row.kind, row.line) == (source.code, source.side, source.kind, source.span.start)
        used = [c for c in table.columns if any(c in r.cells for r in read.rows)]
        assert read.columns == used


def test_figures_are_the_parsed_ones(store: OxigraphStore) -> None:
    parsed = parse_file(CULTURE)
    [doc] = read_documents(store)
    assert [(f.label, f.value, f.unit, f.section) for f in doc.figures] == [
        (f.label, f.value, f.unit, f.section) for f in parsed.figures]
    assert [f.parent for f in doc.figures] == [f.parent for f in parsed.figures]


def test_one_table_of_one_document(store: OxigraphStore) -> None:
    [whole] = read_documents(store)
    [one] = read_documents(store, whole.iri, 6)
    assert list(one.tables) == [6] and not one.figures
    assert one.tables[6] == whole.tables[6]
    [titles] = read_documents(store, whole.iri, rows=False)
    assert [(t.number, t.title) for t in titles.tables.values()] == [(t.number, t.title) for t in whole.tables.values()]
    assert all(not t.rows for t in titles.tables.values())
