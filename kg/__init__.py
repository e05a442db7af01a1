"""BudgetKG's knowledge graph: document files → typed records (parsing/) → RDF (graph/) → a store (store/),
then checks/ (audit, verify), exports/ and the SPARQL service (sparql/) over the store. At the top:
the typed records (records.py), the one template model (template.py, data/template.json) and the
whole build in one atomic step (pipeline.py).
"""
