"""Namespaces and the deterministic IRI scheme: the same document always gives the same IRIs."""

from __future__ import annotations

import hashlib
import os

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, PROV, QB, RDF, RDFS, SKOS, XSD

BKG = Namespace("https://budgetkg.org/ontology#")
OBEU_MEASURE = Namespace("http://data.openbudgets.eu/ontology/dsd/measure/")
OBEU_DIMENSION = Namespace("http://data.openbudgets.eu/ontology/dsd/dimension/")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
DEFAULT_BASE = "https://budgetkg.org/id/"

PREFIXES = {
    "bkg": str(BKG),
    "qb": str(QB),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "obeu-measure": str(OBEU_MEASURE),
    "obeu-dimension": str(OBEU_DIMENSION),
    "sdmx-attribute": str(SDMX_ATTRIBUTE),
    "eli": str(ELI),
}

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
