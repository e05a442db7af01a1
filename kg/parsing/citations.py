"""Finding references to other documents in any text: 《titles》 and 文号 such as 穗天财发〔2020〕1号.

One Citation per referenced document: a 《title》 directly followed by its number in brackets is
one document; a bare number takes the words before it (根据…) as its title when they name one.
"""

from __future__ import annotations

import re

from kg.records import Citation, Span

_OPEN = "〔[【(（［"
_CLOSE = "〕]】)）］"
_NUMBER = re.compile(
    r"(?P<issuer>[\u4e00-\u9fff]{1,24}?)?[〔\[【(（［](?P<year>(?:19|20)\d{2})[〕\]】)）］](?P<serial>\d{1,5})号"
)
_TITLE = re.compile(r"《(?P<title>[^《》]{2,120})》")
_LEAD = re.compile(r"(?:根据|依据|按照|依照|参照|落实)(?P<title>[^，。；《》“”（(]{4,60})[（(]\s*$")
BRACKETS = (("〔", "〕"), ("[", "]"), ("【", "】"), ("(", ")"), ("（", "）"))
_ISSUER_STOP = re.compile(r"^(?:根据|依据|按照|见|以|的|和|及|与|号|文号|《)")  # 文财务发: 文 alone may begin an issuer


def canonical_number(issuer: str | None, year: str, serial: str) -> str:
    return f"{issuer or ''}〔{year}〕{serial}号"


def _issuer(raw: str | None) -> str | None:
    """The 发文字号 prefix: the CJK run glued to the bracket, when it looks like one."""
    if not raw:
        return None
    raw = _ISSUER_STOP.sub("", raw)
    return raw or None


def find_citations(text: str, span: Span) -> list[Citation]:
    """Every document referenced in `text` (already joined into one string)."""
    found: dict[str, Citation] = {}
    used: list[tuple[int, int]] = []
    for match in _TITLE.finditer(text):
        title = match.group("title")
        inner = _NUMBER.search(title)
        after = _NUMBER.match(text, match.end() + 1) if text[match.end(): match.end() + 1] in _OPEN else None
        if after is None and text[match.end(): match.end() + 1] in "（(":
            after = _NUMBER.match(text, match.end() + 1)
        number_match = inner or after
        number = issuer = year = serial = None
        if number_match:
            issuer = _issuer(number_match.group("issuer"))
            year, serial = number_match.group("year"), number_match.group("serial")
            number = canonical_number(issuer, year, serial)
            if after:
                used.append((after.start(), after.end()))
        end = after.end() if after else match.end()
        citation = _make(number, title, issuer, year, serial, text[match.start(): end + (1 if after else 0)], span)
        found[citation.key] = citation
        used.append((match.start(), match.end()))
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < stop or start < match.end() <= stop for start, stop in used):
            continue
        issuer = _issuer(match.group("issuer"))
        year, serial = match.group("year"), match.group("serial")
        number = canonical_number(issuer, year, serial)
        lead = _LEAD.search(text[: match.start()].rstrip("〔[【［"))
        title = lead.group("title") if lead and issuer is None else None
        citation = _make(number, title, issuer, year, serial, match.group(0), span)
        found.setdefault(citation.key, citation)
    return list(found.values())


def _make(number, title, issuer, year, serial, printed, span) -> Citation:
    variants: tuple[str, ...] = ()
    if number:
        variants = tuple(
            f"{issuer or ''}{left}{year}{right}{serial}号" for left, right in BRACKETS
        )
    return Citation(
        number=number,
        title=title,
        issuer=issuer,
        year=int(year) if year else None,
        serial=int(serial) if serial else None,
        variants=variants,
        text=printed,
        span=span,
    )
