"""The SPARQL service: the guard on what a client may ask, the sandboxed runner, result formats."""
