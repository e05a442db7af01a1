"""The graph: typed records → RDF with the vocabulary of ontology/."""
