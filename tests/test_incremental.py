"""Adding, replacing and removing documents without rebuilding the rest; `kgqa verify`."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.checks.verify import verify
from kg.errors import StoreError
from kg.pipeline import add_document, build_store, remove_documents
from kg.store.embedded import OxigraphStore

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"


def test_add_replace_remove_keep_the_other_documents_intact(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    build_store([BIGDATA], store)
    alone = store.triple_count()
    add_document("culture.txt", CULTURE.read_bytes(), store)
    assert [d.source for d in store.documents()] == [BIGDATA.name, "culture.txt"]
    both = store.triple_count()
    assert both > alone
    # same department and year: replaced, not duplicated
    add_document("culture-again.txt", CULTURE.read_bytes(), store)
    assert [d.source for d in store.documents()] == [BIGDATA.name, "culture-again.txt"]
    assert store.triple_count() == both
    assert all(v.ok for v in verify(store))
    remove_documents(["culture-again.txt"], store)
    assert [d.source for d in store.documents()] == [BIGDATA.name]
    assert store.triple_count() == alone
    assert all(v.ok for v in verify(store))
    assert sorted(p.name for p in store.path.iterdir()) == ["CURRENT", store.generation]


def test_removing_an_unknown_document_changes_nothing(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    build_store([BIGDATA], store)
    generation = store.generation
    with pytest.raises(StoreError):
        remove_documents(["no-such-document.txt"], store)
    assert store.generation == generation


def test_verify_detects_a_store_that_differs_from_its_documents(tmp_path):
    import pyoxigraph as ox

    store = OxigraphStore(tmp_path / "store")
    build_store([BIGDATA], store)
    record = store.documents()[0]
    db = ox.Store(str(store.path / store.generation / "oxigraph"))
    quad = next(iter(db.quads_for_pattern(None, None, None, ox.NamedNode(record.graph))))
    db.remove(quad)
    db.flush()
    del db
    store._db = None
    result = verify(store)[0]
    assert not result.ok and result.missing == 1 and result.extra == 0
