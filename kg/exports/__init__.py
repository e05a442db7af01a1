"""Exports: the store as Turtle, JSON-LD, N-Triples, GraphML and CSV."""
