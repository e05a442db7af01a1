"""Stores: triples and SPARQL in, query results out. The embedded Oxigraph store with its atomic
generations (embedded.py), or a remote SPARQL 1.1 server (remote.py), behind one interface; and the
read layer (read.py) that returns the store's tables and figures as typed records."""
