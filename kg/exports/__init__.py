"""Exports: the store in; Turtle, JSON-LD, N-Triples, GraphML or CSV out."""
