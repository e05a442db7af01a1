"""Question text normaliser for BudgetKG QA.

Every user question passes through :func:`normalize` before segmentation so
that the downstream matcher sees one canonical spelling: half-width ASCII,
simplified characters, one bracket style for document numbers
(``〔2019〕185号``) and Arabic digits for numbers written in Chinese
(``二〇二五年`` -> ``2025年``, ``一百万元`` -> ``100万元``).

The module is pure (no I/O after the one-off table load) and cheap: a typical
30-character simplified question costs a few microseconds because the OpenCC
conversion is skipped when the text has no traditional-only character.

Domain tables (numeral characters, trigger units, protected words) live in
``qa/data/numerals.json``.
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["chinese_number", "normalize", "to_simplified"]

_TABLES = json.loads(
    (Path(__file__).resolve().parent / "data" / "numerals.json").read_text(
        encoding="utf-8"
    )
)

DIGITS: dict[str, int] = _TABLES["digits"]
SMALL_UNITS: dict[str, int] = _TABLES["small_units"]
BIG_UNITS: dict[str, int] = _TABLES["big_units"]
POINT: str = _TABLES["decimal_point"]
_NON_POSITIONAL = frozenset(_TABLES["non_positional_digits"])
_ZERO_CHARS = frozenset(c for c, v in DIGITS.items() if v == 0)
_FOLLOWERS = frozenset(_TABLES["follower_triggers"])
_YEAR = _TABLES["year_trigger"]
_PERCENT = _TABLES["percent_prefix"]
_RANK = _TABLES["rank_prefix"]
_RANK_BLOCKERS = frozenset(_TABLES["rank_prefix_blockers"])
_RANK_FOLLOWERS = frozenset(_TABLES["rank_followers"])
_APPROX = frozenset(_TABLES["approx_prefixes"])
_BARE_ONE_PREV = frozenset(_TABLES["bare_one_prev_allowed"])
_OPEN_YEAR = _TABLES["year_open_brackets"]
_CLOSE_YEAR = _TABLES["year_close_brackets"]
# A span ending in one of these is itself "followed by a unit" (一百万, 五千).
_UNIT_END = frozenset(BIG_UNITS) | (frozenset(SMALL_UNITS) & _FOLLOWERS)
_TEN = next(c for c, v in SMALL_UNITS.items() if v == 10)
_BIG_DESC = sorted(BIG_UNITS.items(), key=lambda kv: -kv[1])
_ONE = next(c for c, v in DIGITS.items() if v == 1)

# ---------------------------------------------------------------- step 1 ---
# Full-width ASCII block U+FF01..U+FF5E maps to ASCII by a fixed offset; a few
# extra NFKC-style folds that occur in scraped government text.
_WIDTH_TABLE: dict[int, str | None] = {
    cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)
}
# Non-whitespace C0/C1 control characters are noise from copy-paste; drop them.
_WIDTH_TABLE.update(
    {cp: None for cp in [*range(0x20), *range(0x7F, 0xA0)] if not chr(cp).isspace()}
)
_WIDTH_TABLE.update(
    {
        0xFFE5: "¥",  # ￥
        0xFF61: "。",  # halfwidth ideographic full stop
        0xFF62: "「",
        0xFF63: "」",
        0xFF64: "、",
        0xFE5D: "〔",  # small tortoise-shell brackets, common in 文号
        0xFE5E: "〕",
        0x200B: None,  # zero-width space / word joiner / BOM: invisible noise
        0x2060: None,
        0xFEFF: None,
    }
)
_WS_RE = re.compile(r"\s+")


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


# A clause that asks, at the end of the words before a space or the start of those after it:
# the space parts two clauses (「哪个项目最多 多少」「用来做什么 依据哪个文件」), not two words.
_ASK_BEFORE = re.compile(r"(?:多少钱?|几[^\s]?|什么|哪[个些里]|吗|呢|为什么|怎么样?)$")
_ASK_AFTER = re.compile(r"^(?:多少|几|哪|什么|为什么|怎么|是否|有没有|是不是|要|依据|用来|用于|主要)")


def _squeeze_ws(m: re.Match[str]) -> str:
    """Drop a whitespace run unless it separates two ASCII words (``OA system``) or two clauses
    of a question typed in haste (then it is a comma)."""
    s, i, j = m.string, m.start(), m.end()
    if i and j < len(s) and _is_ascii_alnum(s[i - 1]) and _is_ascii_alnum(s[j]):
        return " "
    if i and j < len(s) and (_ASK_BEFORE.search(s[:i]) or _ASK_AFTER.match(s[j:])):
        return "，"
    return ""


def _fold_width(text: str) -> str:
    text = text.translate(_WIDTH_TABLE)
    return _WS_RE.sub(_squeeze_ws, text)


# ---------------------------------------------------------------- step 2 ---
@lru_cache(maxsize=1)
def _t2s() -> tuple[Any, frozenset[str] | None]:
    """Build the OpenCC converter and the set of characters it can change.

    OpenCC's pure-Python converter costs ~35 µs per question even when there
    is nothing to convert, so we precompute every character that can trigger a
    non-identity rewrite and skip OpenCC when none is present.  ``None`` for
    the set means "unknown layout, always convert" (e.g. a different opencc
    distribution).
    """
    from opencc import OpenCC

    converter = OpenCC("t2s")
    trad: set[str] | None = set()
    try:
        import opencc

        base = Path(opencc.__file__).resolve().parent
        cfg = json.loads((base / "config" / "t2s.json").read_text(encoding="utf-8"))
        files: list[str] = []
        stack = [c["dict"] for c in cfg["conversion_chain"]]
        while stack:
            node = stack.pop()
            if node.get("type") == "group":
                stack.extend(node["dicts"])
            else:
                files.append(node["file"])
        for name in files:
            with open(os.path.join(base, "dictionary", name), encoding="utf-8") as fh:
                for line in fh:
                    key, _, value = line.rstrip("\n").partition("\t")
                    value = value.split(" ")[0]
                    if len(key) == len(value):
                        trad.update(k for k, v in zip(key, value, strict=True) if k != v)
                    else:
                        trad.update(key)
    except (OSError, KeyError, ValueError, AttributeError, TypeError):
        trad = None
    return converter, (frozenset(trad) if trad is not None else None)


def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese (OpenCC t2s), so 醫療 matches 医疗 in the KG.

    Re-applied until stable (at most 3 passes) so the result is idempotent even
    for the few OpenCC phrases whose output is itself convertible (乾縣).
    """
    if not text:
        return text
    converter, trad = _t2s()
    written = text
    for _ in range(3):
        if trad is not None and trad.isdisjoint(text):
            break
        out = converter.convert(text)
        if out == text or trad is None:
            text = out
            break
        text = out
    return _regional(text) if text != written else text


@lru_cache(maxsize=1)
def _regional_terms() -> tuple[tuple[str, str], ...]:
    terms = json.loads(resources.files("qa").joinpath("data/regional_terms.json").read_text("utf-8"))["terms"]
    return tuple(sorted(terms.items(), key=lambda t: -len(t[0])))


def _regional(text: str) -> str:
    """A question written in traditional script with Taiwan's or Hong Kong's words (資訊系統): the mainland's
    words the documents use (qa/data/regional_terms.json)."""
    for said, written in _regional_terms():
        text = text.replace(said, written)
    return text


# ---------------------------------------------------------------- step 3 ---
_YEAR_BRACKET_RE = re.compile(
    "[" + re.escape(_OPEN_YEAR) + r"](\d{4})[" + re.escape(_CLOSE_YEAR) + "]"
)


def _unify_brackets(text: str) -> str:
    """〔2019〕 / [2019] / 【2019】 in 文号 -> 〔2019〕 (（）were folded in step 1)."""
    return _YEAR_BRACKET_RE.sub(r"〔\1〕", text)


# ---------------------------------------------------------------- step 4 ---
def _parse_section(s: str) -> int | None:
    """Parse a section below 万 (digits, 零, 十/百/千). ``""`` -> 0."""
    value = 0
    pending: int | None = None
    last_unit: int | None = None
    after_zero = False
    for ch in s:
        if ch in SMALL_UNITS:
            m = SMALL_UNITS[ch]
            if last_unit is not None and m >= last_unit:
                return None
            if pending is None:
                # Only a leading unit may omit its digit: 十五, 百 (in 百分之百).
                if value or last_unit is not None or after_zero:
                    return None
                pending = 1
            value += pending * m
            pending, last_unit, after_zero = None, m, False
        elif ch in DIGITS:
            if pending is not None:
                return None  # two digits in a row: 十四五, 三四十
            if ch in _ZERO_CHARS:
                after_zero = True
            else:
                pending = DIGITS[ch]
        else:
            return None
    if pending is not None:
        # 一千二 / 一百五: a trailing digit right after a unit is one place lower.
        value += (
            pending if (after_zero or last_unit is None) else pending * last_unit // 10
        )
    return value


def _parse_grouped(s: str, units: list[tuple[str, int]]) -> int | None:
    """Parse an integer with optional 亿/万 groups, highest unit first."""
    for idx, (ch, size) in enumerate(units):
        pos = s.rfind(ch)
        if pos < 0:
            continue
        lower = units[idx + 1 :]
        left, right = s[:pos], s[pos + 1 :]
        lv = _parse_grouped(left, lower) if left else 1
        if lv is None or lv == 0:
            return None
        if len(right) == 1 and right in DIGITS and right not in _ZERO_CHARS:
            rv = DIGITS[right] * size // 10  # 一万五 = 15000
        else:
            rv = _parse_grouped(right, lower) if right else 0
        if rv is None or rv >= size:
            return None
        return lv * size + rv
    return _parse_section(s)


def _positional(s: str) -> int | None:
    """二〇二五 -> 2025 (digit by digit); 两 never appears in positional form."""
    if len(s) > 1 and not _NON_POSITIONAL.isdisjoint(s):
        return None
    return int("".join(str(DIGITS[c]) for c in s))


def _is_positional(s: str) -> bool:
    return all(c in DIGITS for c in s)


def _parse_int(s: str) -> int | None:
    if not s:
        return None
    if _is_positional(s):
        return _positional(s)
    return _parse_grouped(s, _BIG_DESC)


def count_of(word: str) -> int:
    """A count written in digits or in Chinese (3, 三, 两, 十二); 0 when it is neither."""
    if word.isdigit():
        return int(word)
    value = chinese_number(word)
    return int(value) if value is not None else 0


def chinese_number(span: str) -> Decimal | None:
    """Parse a Chinese numeral span (一千二百三十四点五, 二〇二五, 两, 三点五万).

    Returns ``None`` when *span* is not a well-formed numeral (e.g. 十四五,
    一两, 一般), so callers can leave such text untouched.
    """
    if not span:
        return None
    int_part, sep, frac = span.partition(POINT)
    if not sep:
        value = _parse_int(span)
        return None if value is None else Decimal(value)
    scale = 1
    while frac and frac[-1] in BIG_UNITS:
        scale *= BIG_UNITS[frac[-1]]
        frac = frac[:-1]
    if not frac or not _is_positional(frac) or not _NON_POSITIONAL.isdisjoint(frac):
        return None
    ip = _parse_int(int_part)
    if ip is None:
        return None
    return (Decimal(ip) + Decimal("0." + "".join(str(DIGITS[c]) for c in frac))) * scale


_NUM_CLASS = "[" + "".join(list(DIGITS) + list(SMALL_UNITS) + list(BIG_UNITS)) + "]"
_DIGIT_CLASS = "[" + "".join(DIGITS) + "]"
_SPAN = f"{_NUM_CLASS}+(?:{re.escape(POINT)}{_DIGIT_CLASS}+[{''.join(BIG_UNITS)}]*)?"
_PROTECTED = "|".join(
    re.escape(w) for w in sorted(_TABLES["protected_words"], key=len, reverse=True)
)
_NUMERAL_RE = re.compile(
    f"(?P<keep>{_PROTECTED})"
    f"|(?P<pct>{re.escape(_PERCENT)})?(?P<a>{_SPAN})"
    f"(?:(?P<sep>[{re.escape(_TABLES['range_separators'])}])(?P<b>{_SPAN}))?"
)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _render(part: str) -> str | None:
    """Arabic rendering of one span; a final 万/亿 is kept as the unit (100万)."""
    value = chinese_number(part)
    if value is None:
        return None
    if len(part) > 1 and part[-1] in BIG_UNITS:
        return _fmt(value / BIG_UNITS[part[-1]]) + part[-1]
    return _fmt(value)


def _context_kind(s: str, start: int, end: int, last: str) -> str | None:
    """Why (if at all) the numeral at s[start:end] is a number, not part of a word."""
    prev = s[start - 1] if start else ""
    nxt = s[end] if end < len(s) else ""
    if nxt == _YEAR:
        return "year"
    if nxt in _FOLLOWERS or last[-1] in _UNIT_END:
        return "amount"
    if nxt in "多余" and end + 1 < len(s) and s[end + 1] in _FOLLOWERS:
        return "amount"  # 「一百四十多万元」: about 140万元
    if prev and nxt and prev in _OPEN_YEAR and nxt in _CLOSE_YEAR:
        return "bracket"
    if prev == "表" and (start < 2 or s[start - 2] not in "代发外仪报图列") and (not nxt or not _is_han(nxt) or nxt in "中里的上内和与及到至"):
        return "table"  # 「表六中的电费」: table 6, as written in digits
    rank_ok = prev == _RANK and (start < 2 or s[start - 2] not in _RANK_BLOCKERS)
    if rank_ok and (not nxt or not _is_han(nxt) or nxt in _RANK_FOLLOWERS):
        return "rank"
    return None


def _bare_one_blocked(s: str, start: int) -> bool:
    """统一/唯一/每一/目前一 + classifier are words, not counts."""
    if start == 0 or not _is_han(s[start - 1]):
        return False
    prev = s[start - 1]
    if prev not in _BARE_ONE_PREV:
        return True
    return prev == _RANK and start >= 2 and s[start - 2] in _RANK_BLOCKERS


def _replace_numeral(m: re.Match[str]) -> str:
    whole = m.group(0)
    if m.group("keep"):
        return whole
    a, sep, b = m.group("a"), m.group("sep") or "", m.group("b")
    parts = [a] if b is None else [a, b]
    if m.group("pct"):
        values = [chinese_number(p) for p in parts]
        if any(v is None for v in values):
            return whole
        return sep.join(_fmt(v) + "%" for v in values)
    s, start = m.string, m.start()
    if start and s[start - 1] in _APPROX:
        return whole  # 几十万, 数十个: not a definite number
    if start and s[start - 1].isascii() and s[start - 1].isdigit():
        return whole  # 「24、25两个年度」: a numeral right after digits would run into them (252个)
    if b is None and len(a) >= 5 and _is_positional(a):
        return _render(a) or whole  # 「编码二〇一二六〇四」「一二三四五热线」: a code read digit by digit
    if b is None and len(a) == 4 and a[0] in "一二" and ("〇" in a or "零" in a) and _is_positional(a):
        return _render(a) or whole  # 「二〇二四、二〇二五两年」: a year written digit by digit, 年 or not
    kind = _context_kind(s, start, m.end(), parts[-1])
    if kind is None:
        return whole
    if a == _ONE and kind != "table" and _bare_one_blocked(s, start):
        return whole
    out = []
    for p in parts:
        if not any(c in DIGITS for c in p) and p[0] != _TEN:
            return whole  # 万元, 百万, 千家: unit words without a digit
        if len(p) > 1 and _is_positional(p):
            # digit-by-digit form is only a year (二〇二五年, 二五年); 一两个/三四年 are ranges
            if kind not in ("year", "bracket") or len(p) not in (2, 4) or len(p) == 2 and _consecutive(p):
                return whole
        elif kind == "bracket":
            return whole
        rendered = _render(p)
        if rendered is None:
            return whole
        out.append(rendered)
    return sep.join(out)


def _consecutive(p: str) -> bool:
    """「三四年」「一二年」: two digits in a row are a range of years, not a year (二五年 is 2025)."""
    return DIGITS[p[1]] == DIGITS[p[0]] + 1


_CAPITAL: dict[str, str] = _TABLES["capital"]
_CAPITAL_RUN = re.compile("[" + "".join(_CAPITAL) + "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + POINT + "]{2,}")


def _ordinary(m: re.Match[str]) -> str:
    run = m.group(0)
    if not set(run) & set(_CAPITAL) or not set(run) & (set("拾佰仟") | set(BIG_UNITS)) and not run.endswith("元"):
        return run
    return "".join(_CAPITAL.get(ch, ch) for ch in run)


def _convert_numerals(text: str) -> str:
    text = _CAPITAL_RUN.sub(_ordinary, text)  # 「刚好拾万元整」: financial numerals written as on a cheque
    return _NUMERAL_RE.sub(_replace_numeral, text)


YEAR_RANGE = re.compile(r"((?:19|20)\d{2})年?\s*[—–―~～-]{1,2}\s*(?=(?:19|20)\d{2}(?!\d))")  # 「2023—2025年」: a range of years, no aside's dash


# ------------------------------------------------------------------ public ---
@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Canonicalise a user question before segmentation (see module docstring).

    Steps: width folding + whitespace removal, traditional -> simplified,
    Chinese numerals -> Arabic inside number spans, year-bracket unification,
    a dash between two years read 至, strip.  Bracket unification runs after numeral conversion so that
    ``normalize`` is idempotent (a converted 【二〇一九】 is unified too).
    """
    if not text:
        return ""
    text = _fold_width(text)
    text = to_simplified(text)
    text = _convert_numerals(text)
    text = _unify_brackets(text)
    text = YEAR_RANGE.sub(r"\1至", text)
    return text.strip()

