"""Namespaces and the deterministic IRI scheme: the same document always gives the same IRIs."""

from __future__ import annotations

import hashlib
import os
from typing import Any

from pyoxigraph import NamedNode, RdfFormat, parse

DEFAULT_BASE = "https://budgetkg.org/id/"

# Plain IRI strings: reading the graph (the ask path) needs no rdflib; the rdflib Namespaces of
# the same IRIs (BKG, ELI …, for building and exports) are made on first use (__getattr__ below).
PREFIXES = {
    "bkg": "https://budgetkg.org/ontology#",
    "qb": "http://purl.org/linked-data/cube#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "obeu-measure": "http://data.openbudgets.eu/ontology/dsd/measure/",
    "obeu-dimension": "http://data.openbudgets.eu/ontology/dsd/dimension/",
    "sdmx-attribute": "http://purl.org/linked-data/sdmx/2009/attribute#",
    "eli": "http://data.europa.eu/eli/ontology#",
}
_NAMESPACES = {"BKG": "bkg", "OBEU_MEASURE": "obeu-measure", "OBEU_DIMENSION": "obeu-dimension",
               "SDMX_ATTRIBUTE": "sdmx-attribute", "ELI": "eli"}


def __getattr__(name: str) -> Any:
    if name in _NAMESPACES:
        from rdflib import Namespace

        return Namespace(PREFIXES[_NAMESPACES[name]])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


SPARQL_PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def base_iri() -> str:
    """The instance base: BUDGETKG_BASE or the project's default."""
    base = os.environ.get("BUDGETKG_BASE", DEFAULT_BASE)
    return base if base.endswith(("/", "#")) else base + "/"


def slug(text: str) -> str:
    """A short stable identifier for a Chinese name (IRIs stay ASCII)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def shared_graph() -> str:
    """The named graph of what documents share (columns, classification concepts and schemes,
    organisations, cited documents): stated once here, never in a document's graph, so the union
    default graph holds every triple once however many documents are loaded."""
    return f"{base_iri()}graph/shared"


def is_document_term(term: object, graph: str) -> bool:
    """A term of the document whose graph (and IRI) is `graph`: the document itself or below it."""
    return isinstance(term, NamedNode) and (term.value == graph or term.value.startswith(graph + "/"))


def split_document(ntriples: str, graph: str) -> tuple[str, str]:
    """A document's N-Triples as (its own, what it shares): a triple naming the document or one of
    its parts (tables, rows, figures, projects …) is its own; any other is shared vocabulary that
    another document may state identically."""
    own: list[str] = []
    shared: list[str] = []
    for triple in parse(ntriples.encode("utf-8"), RdfFormat.N_TRIPLES):
        mine = is_document_term(triple.subject, graph) or is_document_term(triple.object, graph)
        (own if mine else shared).append(f"{triple} .\n")
    return "".join(own), "".join(shared)
