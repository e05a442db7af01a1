"""Numbers and text as the documents print them: amounts, rates, Chinese ordinals, PDF line wrapping."""

from __future__ import annotations

import random
import re
from decimal import ROUND_HALF_UP, Decimal

CN_NUM = "零一二三四五六七八九"

def money(cents: int) -> str:
    """An amount in 万元 as the tables print it: 2,345.67."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100:,}.{cents % 100:02d}"


def plain(cents: int) -> str:
    """An amount as the prose prints it: 2,345.67 / 0.4 / 6."""
    text = money(cents)
    return text.rstrip("0").rstrip(".") if "." in text else text


def dec(cents: int) -> Decimal:
    return Decimal(cents) / 100


def rate_of(change: int, last: int) -> Decimal:
    """The change in percent, to one decimal (half up)."""
    return (Decimal(change) * 100 / Decimal(last)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def rate_text(value: Decimal) -> str:
    text = format(abs(value), "f")
    return text[:-2] if text.endswith(".0") else text


def cn(n: int) -> str:
    """Chinese ordinal number up to 99: 1 → 一, 10 → 十, 23 → 二十三."""
    if n < 10:
        return CN_NUM[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_NUM[tens]) + "十" + (CN_NUM[ones] if ones else "")


_TOKEN = re.compile(r"[0-9A-Za-z.,%\-+]+|.", re.S)
_NO_LINE_START = "，。；：、）》”’！？%"


def wrap(text: str, first: int, width: int) -> list[str]:
    """Cut text into lines as a PDF typesets it: `first` columns, then `width` each (a half-width
    character is half a column); never inside a number or ASCII word, never before closing punctuation."""
    lines: list[str] = []
    line, used, limit = "", 0.0, first
    for token in _TOKEN.findall(text):
        size = len(token) / 2 if token.isascii() else len(token)
        if line and used + size > limit and not (len(token) == 1 and token in _NO_LINE_START):
            lines.append(line)
            line, used, limit = "", 0.0, width
        line += token
        used += size
    if line:
        lines.append(line)
    return lines


def split_cents(rng: random.Random, total: int, parts: int, floor: int = 1) -> list[int]:
    """`total` cents in `parts` positive pieces."""
    if parts <= 1:
        return [total]
    weights = [rng.uniform(0.3, 1.0) for _ in range(parts)]
    scale = sum(weights)
    pieces = [max(floor, int(total * w / scale)) for w in weights]
    pieces[0] += total - sum(pieces)
    if pieces[0] < floor:  # too small to split: keep it whole
        return [total]
    return pieces


def random_cents(rng: random.Random, low: float, high: float, round_to: int = 1) -> int:
    """Random amount in cents between low and high 万元, a multiple of round_to cents."""
    value = int(rng.uniform(low, high) * 100)
    return max(round_to, value - value % round_to)


def fill(template: str, ctx: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: ctx.get(m.group(1), m.group(0)), template)

