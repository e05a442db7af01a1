"""Tests for kg.exports.formats: every format parses back and holds what the store holds."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.exports.formats import CSV_COLUMNS, FORMATS, export, union_triples
from kg.pipeline import build_store
from kg.store.embedded import OxigraphStore

FIXTURES = Path(__file__).parent / "fixtures"
DOCS = [FIXTURES / "qingcheng_bigdata_center_2025.txt", FIXTURES / "qingcheng_culture_tourism_2025.txt"]
BIGDATA_TITLE = "清远市清城区大数据中心2025年部门预算"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> OxigraphStore:
    store = OxigraphStore(tmp_path_factory.mktemp("store"))
    build_store(DOCS, store)
    return store


@pytest.fixture(scope="module")
def outputs(store) -> dict[str, bytes]:
    found = {}
    for fmt in FORMATS:
        buffer = io.BytesIO()
        export(store, fmt, buffer)
        found[fmt] = buffer.getvalue()
    return found


def _union_count(store: OxigraphStore) -> int:
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
    return rows[0]["n"]


def test_formats():
    assert set(FORMATS) == {"ttl", "jsonld", "nt", "graphml", "csv"}
    assert all(f.extension == "." + name or name == "jsonld" for name, f in FORMATS.items())


def test_unknown_format(store):
    with pytest.raises(ValueError):
        export(store, "xlsx", io.BytesIO())


def test_union_is_distinct_triples(store):
    count = _union_count(store)
    assert len(union_triples(store)) == count
    assert count == store.triple_count()  # shared measures / concepts are stored once, in the shared graph


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_parses_back(store, outputs, fmt, rdflib_format):
    graph = Graph()
    graph.parse(data=outputs[fmt].decode("utf-8"), format=rdflib_format)
    assert len(graph) == _union_count(store)


def test_turtle_and_jsonld_use_prefixes(outputs):
    ttl = outputs["ttl"].decode("utf-8")
    assert ttl.startswith("@prefix bkg: <https://budgetkg.org/ontology#> .")
    assert "bkg:amount" in ttl and "工资福利支出" in ttl
    document = json.loads(outputs["jsonld"])
    assert document["@context"]["bkg"] == "https://budgetkg.org/ontology#"
    assert any(node.get("@type") == "qb:Observation" for node in document["@graph"])


def test_deterministic(store, outputs):
    for fmt in FORMATS:
        buffer = io.BytesIO()
        export(store, fmt, buffer)
        assert buffer.getvalue() == outputs[fmt], fmt


def test_graphml(outputs):
    graph = nx.read_graphml(io.BytesIO(outputs["graphml"]))
    labels = nx.get_node_attributes(graph, "label")
    types = nx.get_node_attributes(graph, "type")
    assert "工资福利支出" in labels.values()
    departments = [n for n, t in types.items() if t == "Department"]
    assert {labels[n] for n in departments} == {"清远市清城区大数据中心", "清远市清城区文化广电旅游体育局"}
    projects = [n for n, t in types.items() if t == "Project"]
    assert any(labels[n] == "清城区社会综合治理云平台专线线路项目" for n in projects)
    observations = [n for n, t in types.items() if t == "Observation"]
    assert observations
    amounts = nx.get_node_attributes(graph, "amount")
    units = nx.get_node_attributes(graph, "unit")
    assert all(isinstance(amounts[n], float) and units[n] == "万元" for n in observations)
    assert any(amounts[n] == 58.23 for n in observations if labels[n] == "奖金·预算")
    edge_labels = {d["label"] for _, _, d in graph.edges(data=True)}
    assert {"row", "item", "references", "broader", "measure", "parentRow"} <= edge_labels
    assert "type" not in edge_labels  # classes are node attributes, not nodes


def test_csv(store, outputs):
    data = outputs["csv"]
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == CSV_COLUMNS
    observations = store.select("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a qb:Observation }")[0]["n"]
    assert len(rows) == observations
    assert len({r["observation"] for r in rows}) == len(rows)
    bonus = [r for r in rows if r["table"] == "表6" and r["row_label"] == "奖金" and r["document"] == BIGDATA_TITLE]
    assert len(bonus) == 1
    assert bonus[0]["amount"] == "58.23"
    assert bonus[0]["code"] == "30103" and bonus[0]["column"] == "预算" and bonus[0]["unit"] == "万元"
    assert bonus[0]["department"] == "清远市清城区大数据中心" and bonus[0]["year"] == "2025"
    assert bonus[0]["line_start"] == "494"
    project = next(r for r in rows if r["row_label"] == "全民健身活动经费" and r["column"] == "总计")
    assert project["budget_unit"] == "清远市清城区文化广电旅游体育局" and project["amount"] == "38.00"
    total = next(r for r in rows if r["table"] == "表1" and r["row_label"] == "预算拨款" and r["document"] == BIGDATA_TITLE)
    assert total["amount"] == "1316.25"
    figure = next(r for r in rows if r["table"] == "第三部分" and r["row_label"] == "政府采购"
                  and r["document"] == BIGDATA_TITLE)
    assert figure["amount"] == "15" and figure["table_title"].startswith("四、")
    # document, table, row, column order
    keys = [(r["document"], int(r["table"][1:]) if r["table"].startswith("表") else 99) for r in rows]
    assert keys == sorted(keys)
