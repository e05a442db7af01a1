"""Parsing: a document's text or PDF in, a BudgetDocument of typed records (kg.records) with their
line and page spans out. PDFs become the same text lines first (pdf*.py); each document is parsed in
a worker with time, memory and page limits (worker.py)."""
