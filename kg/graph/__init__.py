"""The graph: typed records in, RDF out (N-Triples lines, with the vocabulary of ontology/ and the
deterministic IRIs of vocab.py)."""
