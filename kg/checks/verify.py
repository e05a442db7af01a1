"""`kgqa verify`: the store's content equals what its documents produce, document by document.

After a crash or a kill, this tells whether the store is complete: each named graph must hold
exactly the triples that re-parsing its stored source text gives, and the shared graph exactly
what the documents share.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.pipeline import load_document
from kg.store.embedded import Store


@dataclass
class Verification:
    document: str
    ok: bool
    expected: int
    found: int
    missing: int
    extra: int


def verify(store: Store) -> list[Verification]:
    """Each document's graph against its own triples, then the shared graph against the union of
    what the documents share."""
    results = []
    shared: set[str] = set()
    for record in store.documents():
        # partial: a document built with --partial is reproduced as built (a complete one is unaffected)
        _, triples = load_document(record.source, store.document_text(record), partial=True)
        shared |= _normalised(ox.parse(triples.shared.encode("utf-8"), ox.RdfFormat.N_TRIPLES))
        expected = _normalised(ox.parse(triples.own.encode("utf-8"), ox.RdfFormat.N_TRIPLES))
        found = _normalised(store.graph_quads(record.graph))
        results.append(_compare(f"{record.department}{record.year}（{record.source}）", expected, found))
    if results:
        results.append(_compare("共享词表 (shared vocabulary)", shared, _normalised(store.graph_quads(store.shared_graph()))))
    return results


def _normalised(triples: Iterable[ox.Triple | ox.Quad]) -> set[str]:
    """Triples as text after a load into a fresh store, so literals normalise alike (an external
    store's too)."""
    fresh = ox.Store()
    fresh.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in fresh}


def _compare(name: str, expected: set[str], found: set[str]) -> Verification:
    return Verification(document=name, ok=expected == found, expected=len(expected), found=len(found),
                        missing=len(expected - found), extra=len(found - expected))
