"""qa.index: the fact index gives exactly what the bound SPARQL query gives (same rows, same order)
for every look-up the answerer makes, on the corpus documents and on generated ones, loaded
together in one store; and it is saved beside the generation and loaded, not rebuilt."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.pipeline import add_documents, build_store
from kg.store.embedded import OxigraphStore
from qa import index as fact_index_module
from qa import queries
from qa.index import cache_file, fact_index, read_index
from tests.conftest import BIGDATA, CULTURE, CULTURE_2024
from tools.synth import write_corpus

# query → the variable sets the answerer binds (qa/facts.py, qa/execute.py, qa/kinds/)
LOOKUPS = {
    "FACTS_OF_ITEM": [("item", "doc")],
    "TABLE_FACTS": [("doc", "tableNo"), ("doc", "tableNo", "rowLabel"), ("doc", "tableNo", "kind")],
    "FIGURE": [("fig",), ("doc",)],
    "GOALS": [("doc",)], "TARGETS": [("doc",)], "PROJECTS": [("doc", "total")], "MEASURE": [("label",)],
    "PROJECT": [("project",)], "CITED_BY": [("cited",)], "CITES": [("citer",)], "CITATION": [("cited",)],
    "ALL_CITATIONS": [("doc",)], "DUTIES": [("doc",)], "INTERNAL_UNITS": [("doc",)], "INTERNAL_UNIT": [("unit",)],
    "COMPOSITION": [("doc",)], "BUDGET_UNITS": [("doc",)], "TERM": [("term",)], "TERMS_OF_DOC": [("doc",)],
    "DOCUMENT": [("doc",)],
}
LITERALS = {"rowLabel", "label"}  # bound as Chinese-tagged literals (qa/facts.py _zh)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> OxigraphStore:
    generated = write_corpus(3, 7, tmp_path_factory.mktemp("synth"))
    built = OxigraphStore(tmp_path_factory.mktemp("store"))
    build_store([BIGDATA, CULTURE, CULTURE_2024, *generated], built)
    return built


def _term(name: str, value):
    if name in LITERALS:
        return ox.Literal(value, language="zh")
    return ox.NamedNode(value) if isinstance(value, str) and value.startswith("http") else value


def test_index_gives_exactly_the_sparql_rows(store):
    index = read_index(store)
    assert len(index.documents) == 6
    compared = 0
    for name, variable_sets in LOOKUPS.items():
        text = getattr(queries, name)
        everything = store.select(text)
        assert everything, name
        for variables in variable_sets:
            seen = {tuple(row[v] for v in variables) for row in everything
                    if "doc" not in variables or row["doc"] in index.documents}  # ?doc is bound to documents only
            for values in seen:
                bindings = {v: _term(v, x) for v, x in zip(variables, values, strict=True)}
                assert index.select(text, bindings) == store.select(text, bindings), (name, bindings)
                compared += 1
    assert compared > 2000


def test_unknown_values_and_queries(store):
    index = read_index(store)
    missing = ox.NamedNode(index.documents[0] + "/no-such-row")
    assert index.select(queries.FIGURE, {"fig": missing}) == store.select(queries.FIGURE, {"fig": missing}) == []
    assert index.select("SELECT ?s WHERE { ?s ?p ?o }", {}) is None  # not indexed: the caller runs it
    shared = ox.NamedNode("https://example.org/not-a-document-term")
    assert index.select(queries.PROJECT, {"project": shared}) is None


def test_saved_with_the_generation_and_loaded(store, monkeypatch):
    first = fact_index(store)
    path = cache_file(store, "fact-index", fact_index_module.VERSION)
    folder = store.path / f".fact-index-{fact_index_module.VERSION}"
    assert path.exists() and path.parent.name == store.generation
    assert len(list(folder.glob("doc-*.parts"))) == len(first.documents)
    monkeypatch.setattr(fact_index_module, "read_document", lambda s, d: pytest.fail("read again instead of loaded"))
    loaded = fact_index(store)
    assert loaded.per_document == {}  # documents' rows are read on first use
    for doc in loaded.documents:
        bound = {"doc": ox.NamedNode(doc)}
        for name in ("TABLE_FACTS", "FIGURE", "DUTIES", "PROJECTS"):
            assert loaded.select(getattr(queries, name), bound) == first.select(getattr(queries, name), bound)
    assert loaded.whole == first.whole and set(loaded.per_document) == set(first.documents)
    assert all(set(rows) == {"TABLE_FACTS", "FIGURE", "DUTIES", "PROJECTS"} for rows in loaded.per_document.values())  # only the parts asked


def test_a_document_is_read_part_by_part(store):
    """A question over many documents reads the parts it asks (one query's rows), not whole files."""
    first = fact_index(store)
    loaded = fact_index(store)
    doc = loaded.documents[0]
    bound = {"doc": ox.NamedNode(doc)}
    assert loaded.select(queries.FIGURE, bound) == first.select(queries.FIGURE, bound) == store.select(queries.FIGURE, bound)
    assert set(loaded.per_document[doc]) == {"FIGURE"}
    assert loaded.select(queries.DOCUMENT, bound) == store.select(queries.DOCUMENT, bound)  # titles: read over the store, no file
    assert set(loaded.per_document[doc]) == {"FIGURE"}


def test_a_new_generation_reads_only_its_new_documents(tmp_path, monkeypatch):
    built = OxigraphStore(tmp_path / "store")
    build_store([BIGDATA], built)
    fact_index(built)
    add_documents([(CULTURE.name, CULTURE.read_bytes())], built)
    read = []
    real = fact_index_module.read_document
    monkeypatch.setattr(fact_index_module, "read_document", lambda s, d: read.append(d) or real(s, d))
    index = fact_index(built)
    assert len(read) == 1 and read[0] != index.documents[0]  # the kept document's file is reused
    fresh = read_index(built)
    for doc in index.documents:
        assert {name: index.part(doc, name) for name in fact_index_module.PER_DOCUMENT} == fresh.per_document[doc]
    assert index.whole == fresh.whole
    folder = built.path / f".fact-index-{fact_index_module.VERSION}"
    assert len(list(folder.glob("doc-*.parts"))) == 2


def test_lexicon_saved_with_the_generation_and_loaded(store, monkeypatch):
    from qa import lexicon as lexicon_module

    first = lexicon_module.saved_lexicon(store)
    monkeypatch.setattr(lexicon_module, "build_lexicon", lambda s: pytest.fail("rebuilt instead of loaded"))
    loaded = lexicon_module.saved_lexicon(store)
    assert loaded.aliases == first.aliases and loaded.vocabulary == first.vocabulary and loaded.entities == first.entities
    label = next(e.label for e in first.entities.values() if e.kind == "project")
    text = lexicon_module.match_form(f"{label}预算多少")
    assert loaded.link(text) == first.link(text) and first.link(text)
    monkeypatch.setattr(lexicon_module, "_version", lambda: "other-code")  # a code or data change: made again
    monkeypatch.setattr(lexicon_module, "build_lexicon", lambda s: "rebuilt")
    assert lexicon_module.saved_lexicon(store) == "rebuilt"


def test_build_add_remove_save_the_index_and_lexicon_of_the_new_generation(tmp_path, monkeypatch, capsys):
    """`kgqa build`/`add`/`remove` leave the new generation's fact index and lexicon saved, so the
    first question after a change loads them: nothing is read from the store by the answerer."""
    from qa import lexicon as lexicon_module
    from qa.service import QAService
    from ui.cli import main

    folder = tmp_path / "store"
    for argv in (["build", str(BIGDATA)], ["add", str(CULTURE)], ["remove", CULTURE.name]):
        assert main([*argv, "--store", str(folder)]) == 0
        store = OxigraphStore(folder)
        for name, version in (("fact-index", fact_index_module.VERSION), ("lexicon", lexicon_module._version())):
            assert cache_file(store, name, version).exists(), (argv, name)
    monkeypatch.setattr(fact_index_module, "read_document", lambda s, d: pytest.fail("index read at the first question"))
    monkeypatch.setattr(lexicon_module, "build_lexicon", lambda s: pytest.fail("lexicon built at the first question"))
    answer = QAService(OxigraphStore(folder)).ask("三公经费是多少？")
    assert answer.answered and answer.sources


def test_an_index_whose_document_was_replaced_asks_the_store(tmp_path):
    """Questions asked while the service still holds the previous generation's index (it swaps
    after the store has switched) get None for a replaced document's rows — the store is asked —
    not an error for its deleted file."""
    built = OxigraphStore(tmp_path / "store")
    build_store([BIGDATA], built)
    fact_index(built)
    old = fact_index(built)  # loaded from its files: no rows read yet
    doc = old.documents[0]
    bound = {"doc": ox.NamedNode(doc)}
    for shard in (built.path / f".fact-index-{fact_index_module.VERSION}").glob("doc-*.parts"):
        shard.unlink()  # what saving a generation that replaced the document does
    assert old.select(queries.PROJECTS, bound) is None
    assert old.select(queries.PROJECTS, {"doc": ox.NamedNode(doc + "-not-loaded")}) == []
