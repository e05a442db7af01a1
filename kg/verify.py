"""`kgqa verify`: the store's content equals what its documents produce, document by document.

After a crash or a kill, this tells whether the store is complete: each named graph must hold
exactly the triples that re-parsing its stored source text gives.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.pipeline import load_document
from kg.store import Store


@dataclass
class Verification:
    document: str
    ok: bool
    expected: int
    found: int
    missing: int
    extra: int


def verify(store: Store) -> list[Verification]:
    results = []
    for record in store.documents():
        # partial: a document built with --partial is reproduced as built (a complete one is unaffected)
        _, ntriples = load_document(record.source, store.document_text(record), partial=True)
        fresh = ox.Store()  # loaded the same way as the store, so literals normalise alike
        fresh.bulk_load(ntriples.encode("utf-8"), ox.RdfFormat.N_TRIPLES)
        expected = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in fresh}
        stored = ox.Store()  # what the store holds, normalised the same way (an external store's literals too)
        stored.extend(ox.Quad(q.subject, q.predicate, q.object) for q in store.graph_quads(record.graph))
        found = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in stored}
        results.append(
            Verification(
                document=f"{record.department}{record.year}（{record.source}）",
                ok=expected == found,
                expected=len(expected),
                found=len(found),
                missing=len(expected - found),
                extra=len(found - expected),
            )
        )
    return results
