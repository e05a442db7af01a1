"""Numeric settings read from the environment: a bad value is a clear error, never a traceback or
a silently accepted nonsense (BUDGETKG_ROW_CAP=-5)."""

from __future__ import annotations

import os
from typing import TypeVar

from kg.errors import BudgetKGError

__all__ = ["positive_env"]

N = TypeVar("N", int, float)


def positive_env(name: str, default: N, kind: type[N]) -> N:
    """The environment variable `name` as a positive `kind` (int or float); `default` when unset or empty."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or not value > 0 or value != value or value == float("inf"):
        what = "正整数 (a positive integer)" if kind is int else "正数 (a positive number)"
        raise BudgetKGError(f"环境变量 {name}={raw!r} 无效：应为{what}")
    return value
