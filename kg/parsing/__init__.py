"""Parsing: a document's text or PDF → typed records (kg.records) with their source spans."""
