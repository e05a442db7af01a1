"""Tests for ontology/: the OWL vocabulary covers the built graphs, and the SHACL shapes accept them and catch defects."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, QB, RDF, RDFS, SH, SKOS

from kg.graph.build import build_triples
from kg.graph.vocab import BKG, ELI, OBEU_DIMENSION, OBEU_MEASURE
from kg.parsing.document import parse_file
from ontology import ONTOLOGY_DIR, load_ontology, load_shapes, ontology_path, shapes_path, validate

pytest.importorskip("pyshacl")

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENTS = ["qingcheng_bigdata_center_2025", "qingcheng_culture_tourism_2025"]
DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


def _in_bkg(term) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(str(BKG))


# ------------------------------------------------------------------------------ fixtures ----


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return {name: Graph().parse(data=build_triples(parse_file(FIXTURES / f"{name}.txt")).text, format="nt") for name in DOCUMENTS}


@pytest.fixture(scope="module")
def validations(graphs) -> dict[str, tuple[bool, str, float]]:
    """Each fixture graph validated once (pyshacl with RDFS inference takes a few seconds)."""
    results = {}
    for name, graph in graphs.items():
        size = len(graph)
        start = time.perf_counter()
        conforms, report = validate(graph)
        results[name] = (conforms, report, time.perf_counter() - start)
        assert len(graph) == size, "validate() must not modify the graph it checks"
    return results


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def declared(ontology) -> set[URIRef]:
    return {s for t in DECLARATION_TYPES for s in ontology.subjects(RDF.type, t) if _in_bkg(s)}


# ------------------------------------------------------------------------- package data ----


def test_files_ship_with_the_package():
    assert ontology_path().is_file() and ontology_path().name == "budget.ttl"
    assert shapes_path().is_file() and shapes_path().name == "shapes.ttl"
    assert ontology_path().parent.resolve() == ONTOLOGY_DIR.resolve()


def test_shapes_parse_and_are_bilingual():
    shapes = load_shapes()
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 15
    for shape in set(shapes.subjects(SH.message, None)):
        languages = {m.language for m in shapes.objects(shape, SH.message)}
        assert {"zh", "en"} <= languages, f"{shape}: sh:message needs @zh and @en"


# ------------------------------------------------------------------------------ ontology ----


def test_ontology_header(ontology):
    header = URIRef("https://budgetkg.org/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert {t.language for t in ontology.objects(header, DCTERMS.title)} >= {"zh", "en"}
    assert ontology.value(header, OWL.versionInfo) is not None


def test_every_declared_term_has_labels(ontology, declared):
    described = declared | {s for s in ontology.subjects(RDF.type, QB.DataStructureDefinition)}
    assert len(declared) >= 70
    for term in described:
        labels = {lit.language for lit in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= labels, f"{term} needs rdfs:label @zh and @en"
        comments = {lit.language for lit in ontology.objects(term, RDFS.comment)}
        assert "en" in comments, f"{term} needs an rdfs:comment @en"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_ontology_declares_every_term_the_graph_uses(graphs, ontology, declared, name):
    graph = graphs[name]
    predicates = {p for p in graph.predicates() if _in_bkg(p)}
    classes = {o for o in graph.objects(None, RDF.type) if _in_bkg(o)}
    assert predicates and classes
    assert predicates - declared == set(), "bkg: predicates missing from ontology/budget.ttl"
    assert classes - declared == set(), "bkg: classes missing from ontology/budget.ttl"
    for cls in classes:
        assert (cls, RDF.type, OWL.Class) in ontology
    for p in predicates:
        objects = set(graph.objects(None, p))
        kind = OWL.DatatypeProperty if all(isinstance(o, Literal) for o in objects) else OWL.ObjectProperty
        assert (p, RDF.type, kind) in ontology, f"{p} should be an {kind}"


@pytest.mark.parametrize(
    ("term", "relation", "parent"),
    [
        (BKG.BudgetTable, RDFS.subClassOf, QB.DataSet),
        (BKG.StatedFigure, RDFS.subClassOf, QB.Observation),
        (BKG.Department, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#FormalOrganization")),
        (BKG.InternalUnit, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#OrganizationalUnit")),
        (BKG.BudgetUnit, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")),
        (BKG.GlossaryTerm, RDFS.subClassOf, SKOS.Concept),
        (BKG.ClassificationItem, RDFS.subClassOf, SKOS.Concept),
        (BKG.CitedDocument, RDFS.subClassOf, DCTERMS.BibliographicResource),
        (BKG.CitedDocument, RDFS.subClassOf, ELI.LegalResource),
        (BKG.TableRow, RDFS.subClassOf, PROV.Entity),
        (BKG.Project, RDFS.subClassOf, PROV.Entity),
        (BKG.amount, RDFS.subPropertyOf, OBEU_MEASURE.amount),
        (BKG.fiscalYear, RDFS.subPropertyOf, OBEU_DIMENSION.fiscalYear),
        (BKG.organization, RDFS.subPropertyOf, OBEU_DIMENSION.organization),
        (BKG.row, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    ],
)
def test_reuses_w3c_vocabularies(ontology, term, relation, parent):
    assert (term, relation, parent) in ontology


def test_data_structure_definition(ontology):
    dsd = next(ontology.subjects(RDF.type, QB.DataStructureDefinition))
    components = list(ontology.objects(dsd, QB.component))
    dimensions = {ontology.value(c, QB.dimension) for c in components} - {None}
    measures = {ontology.value(c, QB.measure) for c in components} - {None}
    attributes = {ontology.value(c, QB.attribute) for c in components} - {None}
    assert dimensions == {BKG.measure, BKG.item, BKG.organization, BKG.fiscalYear}
    assert measures == {BKG.amount}
    assert attributes == {BKG.unit}
    for d in dimensions:
        assert (d, RDF.type, QB.DimensionProperty) in ontology
    assert (BKG.amount, RDF.type, QB.MeasureProperty) in ontology
    assert (BKG.unit, RDF.type, QB.AttributeProperty) in ontology


# ---------------------------------------------------------------------------- validation ----


@pytest.mark.parametrize("name", DOCUMENTS)
def test_fixture_graphs_conform(validations, name):
    conforms, report, seconds = validations[name]
    assert conforms, report
    assert seconds < 20


def _observation(graph: Graph) -> URIRef:
    return min(s for s in graph.subjects(BKG.row, None) if (s, RDF.type, QB.Observation) in graph)


def _remove_amount(g: Graph) -> None:
    g.remove((_observation(g), BKG.amount, None))


def _second_amount(g: Graph) -> None:
    g.add((_observation(g), BKG.amount, Literal(Decimal("1.00"))))


def _bad_notation(g: Graph) -> None:
    item = min(g.subjects(RDF.type, BKG.ClassificationItem))
    g.set((item, SKOS.notation, Literal("12")))


def _table_number_13(g: Graph) -> None:
    table = min(g.subjects(RDF.type, BKG.BudgetTable))
    g.set((table, BKG.tableNumber, Literal(13)))


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (_remove_amount, "exactly one bkg:amount"),
        (_second_amount, "exactly one bkg:amount"),
        (_bad_notation, "skos:notation of 3, 5 or 7 digits"),
        (_table_number_13, "bkg:tableNumber between 1 and 12"),
    ],
    ids=["no-amount", "two-amounts", "notation-12", "table-13"],
)
def test_broken_graph_fails(graphs, breakage, expected):
    original = graphs[DOCUMENTS[0]]
    broken = Graph()
    broken += original
    breakage(broken)
    assert len(broken) != len(original) or set(broken) != set(original)
    conforms, report = validate(broken)
    assert not conforms
    assert expected in report
