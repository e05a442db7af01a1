"""The project's own errors: each says what is wrong and where, in Chinese and English."""

from __future__ import annotations


class BudgetKGError(Exception):
    """Base of every error shown to a user (never a stack trace)."""


class ParseError(BudgetKGError):
    """A document that cannot be read as the standard template."""

    def __init__(self, source: str, line: int | None, message: str, page: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        self.page = page  # for a PDF: the page, which means more to its reader than a line of extracted text
        where = f"{source} 第{page}页 (page {page})" if page else f"{source} 第{line}行 (line {line})" if line else source
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        """Picklable with its fields, so an error in a parsing worker process reaches the user."""
        return (ParseError, (self.source, self.line, self.message, self.page))


class StoreError(BudgetKGError):
    """The store cannot be opened, built or written."""
