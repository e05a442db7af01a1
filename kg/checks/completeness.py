"""An incomplete document must not silently replace a complete one of the same department and year.

A truncated download or a partial PDF read (`--partial`) still parses — the parser lists what it
lacks in BudgetDocument.missing — but loading it over the complete document already in the store
would lose figures without anyone noticing. The build refuses, naming what is missing, unless
forced (`kgqa build --force`).
"""

from __future__ import annotations

from collections.abc import Callable

from kg.errors import BudgetKGError, StoreError
from kg.records import BudgetDocument
from kg.store.embedded import StoredDocument


def refuse_incomplete_replacement(
    doc: BudgetDocument,
    stored: dict[str, StoredDocument],
    previous: Callable[[StoredDocument], BudgetDocument],
    force: bool = False,
) -> None:
    """Raise StoreError when `doc` lacks parts or tables that the stored document of its department
    and year has. `previous` parses a stored document (called only when `doc` is incomplete)."""
    old = stored.get(doc.doc_id)
    if force or not doc.missing or old is None:
        return
    try:
        before = previous(old).missing
    except BudgetKGError:
        return  # the stored document no longer parses: nothing complete to protect
    lost = [what for what in doc.missing if _name(what) not in {_name(b) for b in before}]
    if lost:
        raise StoreError(
            f"{doc.source} 不完整，缺少：{'、'.join(lost)}；不替换存储中同一部门同一年度的完整文件 {old.source}"
            f"（确需替换请加 --force）(incomplete document: it lacks {len(lost)} part(s)/table(s) that {old.source} has;"
            " use --force to replace it anyway)"
        )


def _name(what: str) -> str:
    """What is missing without where and why: 「表6《…》（第2页）：…」 → 「表6《…》」."""
    return what[: what.index("》") + 1] if "》" in what else what
