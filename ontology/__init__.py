"""The BudgetKG vocabulary (budget.ttl, OWL) and its SHACL shapes (shapes.ttl), shipped as package data.

Usage: ``conforms, report = validate(Graph().parse(data=build_triples(parse_file(path)).text, format="nt"))``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from rdflib import Graph

__all__ = [
    "ONTOLOGY_DIR",
    "ONTOLOGY_FILE",
    "SHAPES_FILE",
    "load_ontology",
    "load_shapes",
    "ontology_path",
    "shapes_path",
    "validate",
]

ONTOLOGY_FILE = "budget.ttl"
SHAPES_FILE = "shapes.ttl"
ONTOLOGY_DIR: Path = Path(__file__).resolve().parent


def _resource(name: str) -> Path:
    """A data file of this package as a filesystem path."""
    resource = files(__name__).joinpath(name)
    return resource if isinstance(resource, Path) else ONTOLOGY_DIR / name


def ontology_path() -> Path:
    """Path of the OWL vocabulary (Turtle)."""
    return _resource(ONTOLOGY_FILE)


def shapes_path() -> Path:
    """Path of the SHACL shapes (Turtle)."""
    return _resource(SHAPES_FILE)


def load_ontology() -> Graph:
    """The vocabulary as a fresh rdflib Graph."""
    return Graph().parse(ontology_path(), format="turtle")


def load_shapes() -> Graph:
    """The SHACL shapes as a fresh rdflib Graph."""
    return Graph().parse(shapes_path(), format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """Validate a built graph against the shapes, with the vocabulary and RDFS inference.

    Returns (conforms, the pyshacl report as text). The graph itself is not modified.
    """
    from pyshacl import validate as shacl_validate  # optional test dependency: import lazily

    conforms, _report_graph, report_text = shacl_validate(
        graph,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="rdfs",
        abort_on_first=False,
        allow_warnings=False,
        meta_shacl=False,
        advanced=False,
        inplace=False,
    )
    return bool(conforms), str(report_text)
