"""Namespaces and the deterministic IRI scheme: the same document always gives the same IRIs."""

from __future__ import annotations

import hashlib
import os
from typing import Any

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
