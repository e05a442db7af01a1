"""Which user-supplied SPARQL may run: read-only query forms, no SERVICE, no FROM, a size cap.

    check(text) -> Checked(form="SELECT", ...)   or raises QueryRefused(status, code, message)

The text checked is exactly the text the engine runs: SPARQL defines \\uXXXX / \\UXXXXXXXX escapes
as decoded before parsing, anywhere in the query (rdflib does so; Oxigraph only inside strings and
IRIs), so `check` decodes them first and returns the decoded text, which is what the runner passes
to Oxigraph. A decoded text that still holds an escape (\\u005Cu0041 …) is refused: each parser
would read it differently again. Then two independent layers, so a difference between rdflib's
parser and Oxigraph's cannot open a hole:
1. rdflib parses the text (with the project's prefixes predeclared); anything that is not a
   SELECT / ASK / CONSTRUCT / DESCRIBE query is refused (an update parses as an update and gets a
   clear "read-only" answer), and the whole parse tree and algebra are walked for any SERVICE
   (constant IRI, variable, SILENT, nested in OPTIONAL / EXISTS / a subquery …) and any dataset
   clause (FROM / FROM NAMED).
2. A lexical scan of the text with comments, strings and IRIs removed refuses the SERVICE keyword
   and FROM wherever they occur, whatever the parser made of them.

Oxigraph itself never runs an update through `Store.query`, and the runner opens the store read-only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.graph.vocab import PREFIXES

__all__ = ["MAX_QUERY_BYTES", "Checked", "QueryRefused", "check", "decode_escapes"]

MAX_QUERY_BYTES = 100_000
FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


class QueryRefused(Exception):
    """A query that will not run: HTTP status, a short machine code and a bilingual message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def to_json(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message}


@dataclass(frozen=True)
class Checked:
    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    text: str


# -- lexical layer --------------------------------------------------------------------------------

_IRI = r"<[^<>\"{}|^`\\\x00-\x20]*>"
_STRING = r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\""
_COMMENT = r"#[^\n\r]*"
_TOKENS = re.compile(f"({_STRING})|({_IRI})|({_COMMENT})", re.DOTALL)
# a keyword: not part of a prefixed name (ex:service), a variable (?service) or a longer word
_KEYWORD = r"(?<![\w:?$\-]){word}(?![\w:\-])"
_SERVICE = re.compile(_KEYWORD.format(word="SERVICE"), re.IGNORECASE)
_FROM = re.compile(_KEYWORD.format(word="FROM"), re.IGNORECASE)


def _code_only(text: str) -> str:
    """The query with strings, IRIs and comments blanked out (what is left is keywords and names)."""
    return _TOKENS.sub(" ", text)


# -- parse-tree layer ------------------------------------------------------------------------------


def _walk(node: Any, depth: int = 0):
    """Every CompValue in a parse tree or algebra (dicts, lists and pyparsing results)."""
    if depth > 400:
        raise QueryRefused(400, "too_deep", "查询嵌套过深 (query nested too deeply)")
    name = getattr(node, "name", None)
    if isinstance(name, str) and isinstance(node, dict):
        yield node
    if isinstance(node, dict):
        for value in list(node.values()):
            yield from _walk(value, depth + 1)
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        for value in list(node):
            yield from _walk(value, depth + 1)


def _refuse_service() -> QueryRefused:
    return QueryRefused(400, "service_forbidden",
                        "不允许 SERVICE（联邦查询会让服务器去访问其他地址）。SERVICE is not allowed: federated queries are disabled.")


def _refuse_dataset() -> QueryRefused:
    return QueryRefused(400, "dataset_forbidden",
                        "不允许 FROM / FROM NAMED：查询总是作用于本图谱的全部文档。FROM / FROM NAMED are not allowed: queries always run on this graph.")


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def decode_escapes(text: str) -> str:
    """The query with its \\u / \\U escapes decoded, as the SPARQL grammar reads it (one pass)."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code == 0:
            raise QueryRefused(400, "bad_escape", f"无效的转义 {match.group(0)} (invalid escape: not a Unicode character)")
        return chr(code)

    decoded = _ESCAPE.sub(char, text)
    if _ESCAPE.search(decoded):
        raise QueryRefused(400, "bad_escape",
                           "转义解码后仍含有 \\u 转义，请直接写出字符 (an escape that decodes to another escape is refused)")
    return decoded


def check(text: str | None) -> Checked:
    """Accept a read-only query or raise QueryRefused (413 too large, 400 anything else)."""
    if text is None or not str(text).strip():
        raise QueryRefused(400, "missing_query", "缺少查询：请提供 query 参数 (missing query)")
    text = str(text)
    size = len(text.encode("utf-8"))
    if size > MAX_QUERY_BYTES:
        raise QueryRefused(413, "query_too_large",
                           f"查询过长：{size} 字节，上限 {MAX_QUERY_BYTES} 字节 (query too large: {size} bytes, limit {MAX_QUERY_BYTES})")
    text = decode_escapes(text)
    if "\x00" in text:
        raise QueryRefused(400, "syntax_error", "查询含有 NUL 字符 (query contains a NUL character)")

    from pyparsing import ParseException
    from rdflib.plugins.sparql import algebra, parser

    try:
        parsed = parser.parseQuery(text)
    except Exception as exc:  # noqa: BLE001 - pyparsing errors, RecursionError on deep nesting …
        try:
            parser.parseUpdate(text)
        except Exception:  # noqa: BLE001 - not an update either: report the query syntax error
            where = ""
            if isinstance(exc, ParseException):
                where = f"（第{exc.lineno}行第{exc.col}列 line {exc.lineno}, column {exc.col}）"
            raise QueryRefused(400, "syntax_error", f"SPARQL 语法错误{where}：{exc}") from None
        raise QueryRefused(400, "update_forbidden",
                           "只读：不接受 SPARQL Update（INSERT、DELETE、LOAD、CLEAR、DROP、CREATE、ADD、MOVE、COPY 等）。"
                           "Read-only endpoint: SPARQL Update is not accepted.") from None

    nodes = list(_walk(parsed))
    if any(node.name == "ServiceGraphPattern" for node in nodes):
        raise _refuse_service()
    if any(node.name == "DatasetClause" for node in nodes):
        raise _refuse_dataset()
    query = parsed[1] if len(parsed) > 1 else None
    form = FORMS.get(getattr(query, "name", ""))
    if form is None:
        raise QueryRefused(400, "form_forbidden", "只接受 SELECT、ASK、CONSTRUCT、DESCRIBE 查询 (only SELECT/ASK/CONSTRUCT/DESCRIBE)")
    try:
        translated = algebra.translateQuery(parsed, initNs=PREFIXES)
    except Exception as exc:  # noqa: BLE001 - e.g. an undeclared prefix or a malformed aggregate
        raise QueryRefused(400, "syntax_error", f"SPARQL 查询无效 (invalid query)：{exc}") from None
    for node in _walk(translated.algebra):
        if node.name in ("ServiceGraphPattern", "Service"):
            raise _refuse_service()

    code = _code_only(text)  # escapes are decoded already: this is the text the engine runs
    if _SERVICE.search(code):
        raise _refuse_service()
    if _FROM.search(code):
        raise _refuse_dataset()
    return Checked(form=form, text=text)
