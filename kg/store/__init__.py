"""Stores: the embedded Oxigraph store with its generations, and a remote SPARQL 1.1 server."""
