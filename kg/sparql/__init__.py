"""The SPARQL service: a client's query in, results or a refusal out. The guard on what a client may
ask (guard.py), the runner in killable worker processes with the result formats (runner.py)."""
