"""Checks: the store in, findings and counts out. The document's arithmetic (audit), the store against
its sources (verify), completeness before a replacement, counts by class (stats)."""
