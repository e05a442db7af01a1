"""Checks: the document's arithmetic (audit), the store against its sources (verify), completeness."""
