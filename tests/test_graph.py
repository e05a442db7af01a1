"""Tests for the graph: every table amount read back by SPARQL, provenance, determinism, several
documents in one store, whole-store replacement and the configurable base IRI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from kg.graph.build import build_triples, document_iri
from kg.graph.vocab import DEFAULT_BASE, shared_graph
from kg.parsing.document import parse_file
from kg.pipeline import build_store, load_document
from kg.records import BudgetDocument
from kg.store.embedded import OxigraphStore
from ui import cli

FIXTURES = Path(__file__).parent / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"
ROOT = Path(__file__).resolve().parents[1]

OBSERVATIONS = """
SELECT ?g ?source ?tableNo ?tableTitle ?rowIndex ?rowLabel ?lineStart ?lineEnd ?column ?amount ?text WHERE {
  GRAPH ?g {
    ?o a qb:Observation ; bkg:row ?r ; prov:wasDerivedFrom ?r ; qb:dataSet ?t ; bkg:measure ?m ;
       bkg:amount ?amount ; bkg:amountText ?text ; bkg:unit "万元" ; bkg:document ?doc .
    ?r a bkg:TableRow ; bkg:inTable ?t ; rdfs:label ?rowLabel ; bkg:rowIndex ?rowIndex ;
       bkg:lineStart ?lineStart ; bkg:lineEnd ?lineEnd ; bkg:document ?doc .
    ?t bkg:tableNumber ?tableNo ; dcterms:title ?tableTitle .
    ?doc bkg:sourceFile ?source .
  }
  ?m rdfs:label ?column .  # a column is shared by documents: stated once, in the shared graph
}
"""


def _store(root: Path, *paths: Path) -> OxigraphStore:
    store = OxigraphStore(root)
    build_store(list(paths), store)
    return store


def _quads(store: OxigraphStore) -> set[str]:
    return {str(q) for q in store.quads()}


def _expected(doc: BudgetDocument) -> Counter:
    graph = document_iri(doc)
    return Counter(
        (graph, doc.source, table.number, table.title, row.index, row.label, row.span.start, row.span.end,
         cell.column, cell.value, cell.text)
        for table in doc.tables
        for row in table.rows
        for cell in row.cells
    )


def _observed(store: OxigraphStore) -> Counter:
    return Counter(
        (r["g"], r["source"], r["tableNo"], r["tableTitle"], r["rowIndex"], r["rowLabel"], r["lineStart"],
         r["lineEnd"], r["column"], r["amount"], r["text"])
        for r in store.select(OBSERVATIONS)
    )


@pytest.fixture(scope="module")
def docs() -> dict[str, BudgetDocument]:
    return {"bigdata": parse_file(BIGDATA), "culture": parse_file(CULTURE)}


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, OxigraphStore]:
    return {
        "bigdata": _store(tmp_path_factory.mktemp("bigdata"), BIGDATA),
        "culture": _store(tmp_path_factory.mktemp("culture"), CULTURE),
        "both": _store(tmp_path_factory.mktemp("both"), BIGDATA, CULTURE),
    }


# -- every amount, read back ------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["bigdata", "culture", "both"])
def test_every_table_amount_reads_back(which, docs, stores):
    """For every cell of every row there is exactly one observation with its value, label, table and line."""
    expected = Counter()
    for name in (["bigdata", "culture"] if which == "both" else [which]):
        expected += _expected(docs[name])
    observed = _observed(stores[which])
    assert sum(expected.values()) == sum(observed.values())
    assert observed == expected
    assert max(observed.values()) == 1


@pytest.mark.parametrize("which", ["bigdata", "culture"])
def test_amounts_are_the_printed_figures(which, stores):
    """Independently of the parser: each observation's text stands on its line of the file."""
    lines = (BIGDATA if which == "bigdata" else CULTURE).read_text("utf-8").split("\n")
    rows = stores[which].select(OBSERVATIONS)
    assert rows
    for r in rows:
        assert r["text"] in lines[r["lineEnd"] - 1].split(), r
        assert r["amount"] == Decimal(r["text"].replace(",", ""))


def test_spot_amounts(stores):
    query = """
    SELECT DISTINCT ?o ?amount ?line ?table ?label ?column WHERE {
      ?o bkg:row ?r ; bkg:amount ?amount ; bkg:measure/rdfs:label ?column .
      ?r rdfs:label ?label ; bkg:lineStart ?line ; bkg:inTable/bkg:tableNumber ?table .
    }"""
    store = stores["both"]
    cases = [
        (6, "津贴补贴", "预算", [(Decimal("38.31"), 492), (Decimal("107.61"), 555)]),
        (7, "维修（护）费", "预算", [(Decimal("113.10"), 558), (Decimal("95.83"), 623)]),
        (1, "外交支出", "预算", [(Decimal("0.00"), 128), (Decimal("0.00"), 94)]),
        (12, "清城区社会综合治理云平台专线线路项目", "总计", [(Decimal("423.97"), 1123)]),
        (11, "清远市清城区图书馆", "总计", [(Decimal("115.35"), 722)]),
    ]
    for table, label, column, expected in cases:
        rows = store.select(query, {"table": table, "label": _zh(label), "column": _zh(column)})
        assert sorted((r["amount"], r["line"]) for r in rows) == sorted(expected), label


def _zh(text: str):
    import pyoxigraph as ox

    return ox.Literal(text, language="zh")


# -- provenance --------------------------------------------------------------------------------------------


def test_every_observation_has_provenance(stores, docs):
    store = stores["both"]
    cells = sum(len(row.cells) for doc in docs.values() for table in doc.tables for row in table.rows)
    total = store.select("SELECT (COUNT(?o) AS ?n) WHERE { GRAPH ?g { ?o a qb:Observation ; qb:dataSet/bkg:tableNumber ?t } }")
    traced = store.select("""
    SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g {
      ?o a qb:Observation ; qb:dataSet ?t ; prov:wasDerivedFrom ?r .
      ?r bkg:lineStart ?l ; bkg:lineEnd ?e ; rdfs:label ?label ; bkg:inTable ?t ; bkg:document ?d .
      ?t bkg:tableNumber ?n ; dcterms:title ?title ; bkg:document ?d .
      ?d bkg:sourceFile ?file ; bkg:fiscalYear 2025 .
    } }""")
    assert total[0]["n"] == traced[0]["n"] == cells == 765 + 1040
    figures = store.select("""
    SELECT ?f WHERE { ?f a bkg:StatedFigure .
      FILTER NOT EXISTS { ?f bkg:lineStart ?l ; bkg:sourceText ?s ; bkg:section/bkg:sectionNumber ?n ; bkg:document ?d } }""")
    assert figures == []
    counts = store.select("SELECT (COUNT(?f) AS ?n) WHERE { ?f a bkg:StatedFigure }")
    assert counts[0]["n"] == 36


def test_project_provenance(stores, docs):
    rows = stores["bigdata"].select("""
    SELECT ?name ?unit ?line ?rowLine ?purpose WHERE {
      ?p a bkg:Project ; rdfs:label ?name ; bkg:budgetUnit/rdfs:label ?unit ; bkg:lineStart ?line ;
         bkg:purpose ?purpose ; bkg:row/bkg:lineEnd ?rowLine .
    }""")
    got = {r["name"]: (r["unit"], r["line"], r["rowLine"], r["purpose"]) for r in rows}
    expected = {p.name: (p.unit, p.purpose_span.start, p.row.span.end, p.purpose) for p in docs["bigdata"].projects}
    assert got == expected and len(got) == 29


def test_citations_in_graph(stores):
    rows = stores["bigdata"].select("""
    SELECT ?number ?title ?project WHERE {
      ?c a bkg:CitedDocument ; bkg:documentNumber ?number ; skos:altLabel "清城机编发[2019]2号"@zh .
      OPTIONAL { ?c dcterms:title ?title }
      ?p dcterms:references ?c ; rdfs:label ?project .
    }""")
    assert [(r["number"], r["project"]) for r in rows] == [("清城机编发〔2019〕2号", "车辆租赁经费")]
    assert rows[0]["title"].endswith("机构编制方案的通知")


# -- several documents in one graph -----------------------------------------------------------------------


def test_documents_share_classification_concepts(stores):
    store = stores["both"]
    concepts = store.select('SELECT DISTINCT ?c WHERE { ?c skos:notation "2210201" }')
    assert len(concepts) == 1
    iri = concepts[0]["c"]
    assert iri.startswith(DEFAULT_BASE + "classification/functional/2025/")
    labels = store.select("SELECT DISTINCT ?c ?label WHERE { ?c rdfs:label ?label }", {"c": _iri(iri)})
    assert [r["label"] for r in labels] == ["住房公积金"]
    users = store.select("""
    SELECT ?c ?g (COUNT(?o) AS ?n) (SUM(?amount) AS ?sum) WHERE {
      GRAPH ?g { ?o bkg:item ?c ; bkg:amount ?amount ; bkg:measure ?m }
      ?m rdfs:label ?col .
      FILTER(?col IN ("合计"@zh, "小计"@zh))
    } GROUP BY ?c ?g""", {"c": _iri(iri)})
    # both documents' rows (表2 合计, 表3 合计, 表5 小计) point at the one concept
    assert sorted((r["n"], r["sum"]) for r in users) == [(3, Decimal("103.98")), (3, Decimal("117.63"))]
    # the same IRI as in each document's own store
    for which in ("bigdata", "culture"):
        alone = stores[which].select('SELECT DISTINCT ?c WHERE { ?c skos:notation "2210201" }')
        assert [r["c"] for r in alone] == [iri]
    economic = store.select('SELECT DISTINCT ?c WHERE { ?c skos:notation "30102" }')
    assert len(economic) == 1 and "/economic/2025/" in economic[0]["c"]


def test_documents_keep_their_own_organisations(stores):
    orgs = stores["both"].select("SELECT ?label WHERE { ?d a bkg:Department ; rdfs:label ?label } ORDER BY ?label")
    assert [r["label"] for r in orgs] == sorted(["清远市清城区大数据中心", "清远市清城区文化广电旅游体育局"])
    subs = stores["both"].select("SELECT ?label WHERE { ?u org:subOrganizationOf ?d ; rdfs:label ?label } ORDER BY ?label")
    assert [r["label"] for r in subs] == sorted(["清远市清城区图书馆", "清远市清城区文化馆"])


def test_union_store_is_the_two_graphs(stores):
    both, big, cul = stores["both"], stores["bigdata"], stores["culture"]
    assert _quads(both) == _quads(big) | _quads(cul)
    shared = {str(q) for q in big.graph_quads(shared_graph())} & {str(q) for q in cul.graph_quads(shared_graph())}
    assert shared  # the vocabulary both state (columns, concepts …) is stored once
    assert both.triple_count() == big.triple_count() + cul.triple_count() - len(shared)
    assert [d.doc_id for d in both.documents()] == ["清远市清城区大数据中心-2025", "清远市清城区文化广电旅游体育局-2025"]


def _iri(value: str):
    import pyoxigraph as ox

    return ox.NamedNode(value)


# -- determinism ---------------------------------------------------------------------------------------------


def _ntriples(path: Path) -> set[str]:
    _, triples = load_document(path.name, path.read_bytes())
    return {line for line in triples.text.splitlines() if line.strip()}


def test_same_document_same_triples():
    first, second = _ntriples(BIGDATA), _ntriples(BIGDATA)
    assert first == second
    assert not any("_:" in line.split(" ")[0] for line in first)  # no blank nodes: IRIs only


def test_same_triples_from_another_process_and_folder(tmp_path):
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kg.pipeline import load_document\n"
        "p = Path(sys.argv[1])\n"
        "sys.stdout.write(load_document(p.name, p.read_bytes())[1].text)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "BUDGETKG_BASE"}
    outputs = []
    for seed in ("1", "2"):
        env["PYTHONHASHSEED"] = seed
        done = subprocess.run(
            [sys.executable, "-c", script, str(CULTURE)], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
        )
        outputs.append({line for line in done.stdout.splitlines() if line.strip()})
    assert outputs[0] == outputs[1] == _ntriples(CULTURE)


def test_two_store_builds_are_identical(tmp_path, monkeypatch):
    one = _store(tmp_path / "one", BIGDATA, CULTURE)
    monkeypatch.chdir(tmp_path)
    two = _store(Path("two"), BIGDATA, CULTURE)
    assert _quads(one) == _quads(two)
    assert [d.sha256 for d in one.documents()] == [d.sha256 for d in two.documents()]


# -- the store holds exactly what was built last -------------------------------------------------------------


def test_build_replaces_the_whole_store(tmp_path, capsys, stores):
    root = tmp_path / "store"
    assert cli.main(["build", str(BIGDATA), str(CULTURE), "--store", str(root)]) == 0
    store = OxigraphStore(root)
    assert [d.source for d in store.documents()] == [BIGDATA.name, CULTURE.name]
    assert store.triple_count() == stores["both"].triple_count()
    assert cli.main(["build", str(BIGDATA), "--store", str(root)]) == 0
    store = OxigraphStore(root)
    assert [d.source for d in store.documents()] == [BIGDATA.name]
    assert _quads(store) == _quads(stores["bigdata"])
    left = store.select('SELECT ?s WHERE { ?s rdfs:label "清远市清城区文化广电旅游体育局"@zh }')
    assert left == []
    kept = sorted(p.name for p in root.iterdir() if not p.name.startswith(".fact-index-"))  # documents' index files
    assert kept == ["CURRENT", store.generation]
    out = capsys.readouterr().out
    assert "已载入 qingcheng_culture_tourism_2025.txt" in out and "12张表，29个项目" in out


# -- the base IRI ----------------------------------------------------------------------------------------------


def _iris(nt: set[str]) -> set[str]:
    found = set()
    for line in nt:
        for part in line.split(" ")[:3]:
            if part.startswith("<"):
                found.add(part.strip("<>"))
    return found


def test_base_iri_is_configurable(tmp_path, monkeypatch, docs):
    default = _iris({line for line in build_triples(docs["bigdata"]).text.splitlines() if line})
    monkeypatch.setenv("BUDGETKG_BASE", "https://example.org/budget")
    custom = _iris({line for line in build_triples(docs["bigdata"]).text.splitlines() if line})
    assert not any(i.startswith(DEFAULT_BASE) for i in custom)
    ours = {i for i in custom if i.startswith("https://example.org/budget/")}
    assert len(ours) == len({i for i in default if i.startswith(DEFAULT_BASE)}) > 1000
    assert {i.replace("https://example.org/budget/", DEFAULT_BASE) for i in ours} == {i for i in default if i.startswith(DEFAULT_BASE)}
    assert document_iri(docs["bigdata"]).startswith("https://example.org/budget/doc/")
    store = _store(tmp_path / "custom", BIGDATA)
    assert store.documents()[0].graph.startswith("https://example.org/budget/doc/")
    rows = store.select("SELECT ?c WHERE { ?c skos:notation \"30102\" }")
    assert rows[0]["c"] == "https://example.org/budget/classification/economic/2025/30102"
