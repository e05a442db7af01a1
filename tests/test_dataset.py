"""One clean dataset: a plain query over the default graph (the union) counts every fact once,
however many documents are loaded, and the shared graph follows adds, replacements and removals.

The README's example queries are run as printed there and checked against the generator's truth
(tools.synth), not against the graph itself.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from kg.checks.verify import verify
from kg.graph.vocab import shared_graph
from kg.pipeline import add_document, build_store, remove_documents
from kg.store.embedded import OxigraphStore
from tools.synth import generate

README = Path(__file__).parent.parent / "README.md"
SEEDS = [3, 5, 8, 13, 21, 34, 55, 89, 144, 233]


def readme_queries() -> list[str]:
    """The ```sparql blocks of the README, in order."""
    return re.findall(r"```sparql\n(.*?)```", README.read_text("utf-8"), flags=re.S)


def _store(tmp_path: Path, seeds: list[int]) -> tuple[OxigraphStore, list]:
    paths, truths = [], []
    for seed in seeds:
        text, truth = generate(seed)
        path = tmp_path / f"s{seed}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
        truths.append(truth)
    store = OxigraphStore(tmp_path / "store")
    build_store(paths, store)
    return store, truths


def _total(project) -> Decimal:
    return project.amounts[0]  # 表12's first column is 总计


@pytest.mark.parametrize("count", [1, 2, 10])
def test_readme_queries_count_each_fact_once(tmp_path, count):
    store, truths = _store(tmp_path, SEEDS[:count])
    largest, per_document = readme_queries()[:2]
    rows = store.raw_query(largest)
    got = [(s["project"].value, Decimal(s["amount"].value)) for s in rows]
    every = sorted(((p.name, _total(p)) for t in truths for p in t.projects), key=lambda x: -x[1])
    assert [amount for _, amount in got] == [amount for _, amount in every[:10]]
    assert len(set(got)) == len(got)  # no row twice
    result = {s["title"].value: (int(s["projects"].value), Decimal(s["total"].value)) for s in store.raw_query(per_document)}
    expected = {f"{t.department}{t.year}年部门预算": (len(t.projects), sum((_total(p) for p in t.projects), Decimal(0)))
                for t in truths}
    assert result == expected


def test_shared_vocabulary_is_stated_once(tmp_path):
    store, truths = _store(tmp_path, SEEDS[:3])
    columns = {c for t in truths for table in t.tables for c in table.columns}
    rows = store.select("SELECT ?m (COUNT(*) AS ?n) WHERE { ?m a bkg:Measure ; rdfs:label ?label } GROUP BY ?m")
    assert rows and all(r["n"] == 1 for r in rows)  # one label each, not one per document
    assert {r["label"] for r in store.select("SELECT ?label WHERE { ?m a bkg:Measure ; rdfs:label ?label }")} >= columns
    graphs = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?m a bkg:Measure } }")
    assert [r["g"] for r in graphs] == [shared_graph()]


def _shared(store: OxigraphStore) -> set[str]:
    return {str(q) for q in store.graph_quads(shared_graph())}


def test_the_shared_graph_follows_adds_replacements_and_removals(tmp_path):
    store, _ = _store(tmp_path, SEEDS[:1])
    alone = _shared(store)
    text, _ = generate(SEEDS[1])
    add_document("second.txt", text.encode("utf-8"), store)
    both = _shared(store)
    assert alone < both  # the second document brings vocabulary of its own
    add_document("second-again.txt", text.encode("utf-8"), store)  # same department and year: replaced
    assert _shared(store) == both
    assert all(v.ok for v in verify(store))
    remove_documents(["second-again.txt"], store)
    assert _shared(store) == alone  # what only the removed document shared is gone; the rest stays
    assert all(v.ok for v in verify(store))


def test_a_query_about_one_document_finds_what_the_union_holds_for_it(tmp_path):
    import pyoxigraph as ox

    store, _ = _store(tmp_path, SEEDS[:2])
    query = "SELECT ?doc ?project ?unit WHERE { ?p a bkg:Project ; bkg:document ?doc ; rdfs:label ?project ; bkg:budgetUnit/rdfs:label ?unit }"
    for record in store.documents():
        scoped = store.select(query, {"doc": ox.NamedNode(record.graph)})  # its graph and the shared one
        union = [r for r in store.select(query) if r["doc"] == record.graph]
        assert scoped and sorted(map(str, scoped)) == sorted(map(str, union))
