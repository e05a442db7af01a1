"""The project's own errors: each says what is wrong and where, in Chinese and English."""

from __future__ import annotations


class BudgetKGError(Exception):
    """Base of every error shown to a user (never a stack trace)."""


class ParseError(BudgetKGError):
    """A document that cannot be read as the standard template."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source} 第{line}行 (line {line})" if line else source
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        """Picklable with its fields, so an error in a parsing worker process reaches the user."""
        return (ParseError, (self.source, self.line, self.message))


class StoreError(BudgetKGError):
    """The store cannot be opened, built or written."""
