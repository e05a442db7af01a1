"""Small text helpers for PDF-extracted lines: joining broken lines, ordinals, amounts."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2}$")
PAGE_NUMBER = re.compile(r"^\s*[-－—]\s*\d+\s*[-－—]\s*$")
UNIT_LINE = re.compile(r"^\s*单位[:：]\s*万元")
_SPACE_BETWEEN_CJK = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000]+(?=[^\x00-\x7f])")
_WIDE = "\u3001-\u303f\u4e00-\u9fff\uff01-\uffef\u201c\u201d"  # Chinese characters and full-width punctuation
_TYPESET_SPACE = re.compile(rf"(?<=[{_WIDE}])[ \t]+(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%])[ \t]+(?=[{_WIDE}])")
INDENT = "\u3000"


def cn_number(text: str) -> int | None:
    """Value of a Chinese ordinal up to 99 (一 … 九十九), or None."""
    if not text or any(ch not in CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)


def join(lines: list[str]) -> str:
    """Join the fragments of one logical line: no spaces between Chinese characters."""
    text = "".join(line.strip().strip("\u3000") for line in lines)
    return _SPACE_BETWEEN_CJK.sub("", text).strip()


def tidy_spacing(text: str) -> str:
    """Drop the spaces typesetting puts between Chinese and Latin letters or digits (「2025 年」→「2025年」)."""
    return _TYPESET_SPACE.sub("", text)


def indent(line: str) -> int:
    """Number of leading full-width spaces (the template's way of nesting rows)."""
    stripped = line.lstrip(" ")
    return len(stripped) - len(stripped.lstrip(INDENT))


def parse_amount(token: str) -> Decimal | None:
    if not AMOUNT.match(token):
        return None
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def parse_number(token: str) -> Decimal | None:
    """Any printed number: 2,345.67 / 0.4 / 70."""
    try:
        return Decimal(token.replace(",", ""))
    except InvalidOperation:
        return None


def is_noise(line: str) -> bool:
    """Page numbers and the '单位：万元单位名称：…' lines that interrupt the tables."""
    return bool(PAGE_NUMBER.match(line) or UNIT_LINE.match(line))


REGION = re.compile(r"^(?P<province>[\u4e00-\u9fff]{2,6}?(?:省|自治区))?(?P<city>[\u4e00-\u9fff]{1,6}?(?:市|盟)|[\u4e00-\u9fff]{1,6}?州(?![市区县]))?(?P<county>[\u4e00-\u9fff]{1,6}?(?:区|县|旗))?")


def split_region(name: str) -> tuple[tuple[str, ...], str]:
    """广州市天河区财政局 → (('广州市', '天河区'), '财政局')."""
    match = REGION.match(name)
    core = name[match.end():]
    if len(core) < 2:
        return (), name
    return tuple(part for part in match.groups() if part), core
