"""kg.graph.build writes N-Triples directly; its graph must be the one the former rdflib builder made.

The former builder's output is frozen as digests (tests/fixtures/build_digests.json): for every
corpus fixture (text and PDF), the generated samples and two fixed-seed generated documents, the
sorted distinct triples in Oxigraph's canonical form must hash the same. Parsing the output with
Oxigraph also proves it is valid N-Triples.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph.build import DocumentTriples, build_triples, document_iri, literal
from kg.parsing.document import parse_text
from kg.pipeline import parse_document
from tools.synth import generate

FIXTURES = Path(__file__).parent / "fixtures"
ORACLE = json.loads((FIXTURES / "build_digests.json").read_text("utf-8"))["documents"]


def _triples(ntriples: str) -> set[str]:
    return {str(t) for t in ox.parse(ntriples.encode("utf-8"), ox.RdfFormat.N_TRIPLES)}


def _digest(triples: set[str]) -> str:
    return hashlib.sha256("".join(f"{t} .\n" for t in sorted(triples)).encode("utf-8")).hexdigest()


def _document(key: str):
    if key.startswith("generate("):
        seed = int(key[len("generate("):-1])
        return parse_text(generate(seed)[0], f"synth_{seed}.txt")
    path = FIXTURES / key
    return parse_document(path.name, path.read_bytes())


@pytest.mark.parametrize("key", sorted(ORACLE))
def test_same_graph_as_the_former_rdflib_builder(key, monkeypatch):
    monkeypatch.delenv("BUDGETKG_BASE", raising=False)
    built = build_triples(_document(key))
    triples = _triples(built.text)
    assert len(triples) == len(built) == ORACLE[key]["triples"]  # each triple written once
    assert _digest(triples) == ORACLE[key]["sha256"]


def _is_document_term(term: object, graph: str) -> bool:
    return isinstance(term, ox.NamedNode) and (term.value == graph or term.value.startswith(graph + "/"))


@pytest.mark.parametrize("key", ["qingcheng_culture_tourism_2024.txt", "synth/synth_seed262.txt"])
def test_own_and_shared_split(key):
    """A triple naming the document or one of its parts is its own; every other one is shared."""
    doc = _document(key)
    built, graph = build_triples(doc), document_iri(doc)
    own = ox.parse(built.own.encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    shared = list(ox.parse(built.shared.encode("utf-8"), ox.RdfFormat.N_TRIPLES))
    assert all(_is_document_term(t.subject, graph) or _is_document_term(t.object, graph) for t in own)
    assert shared and not any(_is_document_term(t.subject, graph) or _is_document_term(t.object, graph) for t in shared)


def test_literals_round_trip():
    """Quotes, backslashes and line breaks in a text are escaped; values keep their lexical forms."""
    text = '「引号"与\\反斜杠」\n第二行\r'
    s, p = "<https://example.org/s>", "<https://example.org/p>"
    nt = "".join(f"{s} {p} {literal(v, *lang)} .\n" for v, *lang in
                 [(text, "zh"), (text,), (Decimal("-0.50"), ), (12,), (True,)])
    values = [t.object for t in ox.parse(nt.encode("utf-8"), ox.RdfFormat.N_TRIPLES)]
    assert [v.value for v in values] == [text, text, "-0.50", "12", "true"]
    assert values[0].language == "zh" and values[1].datatype.value.endswith("#string")
    assert [v.datatype.value.rsplit("#", 1)[1] for v in values[2:]] == ["decimal", "integer", "boolean"]


def test_document_triples_count_and_text():
    built = DocumentTriples("<a:s> <a:p> <a:o> .\n", "<b:s> <b:p> \"x\" .\n")
    assert len(built) == 2 and built.text.count("\n") == 2
