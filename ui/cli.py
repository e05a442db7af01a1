"""The `kgqa` command line: a thin shell over kg/ and qa/.

Errors reach the user as one clear line (what is wrong and where) and a non-zero exit code,
never as a stack trace.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from kg.errors import BudgetKGError

EXIT_USAGE = 2
EXIT_ERROR = 1


def _store(args: argparse.Namespace):
    if args.store is not None:  # a named store is only opened: the build path (rdflib) is not imported
        from kg.store.remote import make_store

        return make_store(args.store, args.endpoint)
    from kg.pipeline import open_store

    return open_store(None, args.endpoint)


def _where(store) -> str:
    """How a store is named to the user: its folder, or its SPARQL endpoint and local state folder."""
    endpoint = getattr(store, "endpoint", None)
    return f"{endpoint}（状态 state: {store.path}）" if endpoint else str(store.path)


def _warn(warnings: list[str]) -> None:
    """A document missing some tables still builds; each missing part is said on stderr."""
    for warning in warnings:
        print(f"警告 warning: {warning}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from kg.pipeline import build_store, bundled_document
    from kg.store.remote import make_store

    paths = [Path(p) for p in args.documents] or [bundled_document()]
    store = make_store(args.store, args.endpoint)
    report = build_store(paths, store, args.partial, args.force)
    _prepare_qa(store)
    _warn(report.warnings)
    for doc in report.documents:
        print(f"已载入 {doc.source}: {doc.department} {doc.year}年，{len(doc.tables)}张表，{len(doc.projects)}个项目")
        if doc.missing:
            print(f"  缺少 missing: {'；'.join(doc.missing)}")
    print(f"存储 store: {_where(store)}（{report.triples} 条三元组 triples）")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from kg.pipeline import add_documents, read_documents
    from kg.store.remote import make_store

    items = read_documents([Path(name) for name in args.documents])
    store = make_store(args.store, args.endpoint)
    report = add_documents(items, store, args.partial, args.force)
    _prepare_qa(store)
    _warn(report.warnings)
    for doc in report.documents:
        print(f"已加入 {doc.source}: {doc.department} {doc.year}年")
    print(f"存储 store: {_where(store)}（共 {len(store.documents())} 个文件 documents）")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from kg.pipeline import remove_documents

    store = _store(args)
    removed = remove_documents([_arg_text(n) for n in args.names], store)
    _prepare_qa(store)
    for doc in removed:
        print(f"已移除 removed {doc.source}: {doc.department} {doc.year}年")
    return 0


def _prepare_qa(store) -> None:
    """The new generation's fact index and lexicon, saved with it: the first `kgqa ask` after a
    change loads them instead of reading every document (about 1 s of CPU per document)."""
    from qa.index import prepare

    prepare(store)


def cmd_verify(args: argparse.Namespace) -> int:
    from kg.checks.verify import verify

    results = verify(_store(args))
    for r in results:
        state = "一致 OK" if r.ok else f"不一致 MISMATCH（缺 {r.missing}，多 {r.extra}）"
        print(f"{r.document}: {state}，{r.found}/{r.expected} 条三元组")
    return 0 if all(r.ok for r in results) else EXIT_ERROR


def cmd_stats(args: argparse.Namespace) -> int:
    from kg.checks.stats import stats

    result = stats(_store(args))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        for doc in result["documents"]:
            print(f"{doc['title']}（{doc['source']}）")
            for name, count in doc["counts"].items():
                print(f"  {name}: {count}")
        print(f"三元组合计 triples: {result['triples']}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from kg.checks.audit import audit, render

    findings = audit(_store(args))
    if args.json:
        print(json.dumps([asdict(f) for f in findings], ensure_ascii=False, default=str, indent=1))
    else:
        print(render(findings))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.exports.formats import export

    store = _store(args)
    if not args.output:
        export(store, args.format, sys.stdout.buffer)
        return 0
    target = Path(args.output)
    if target.is_dir():
        raise BudgetKGError(f"{target} 是目录，请给出文件名 (a folder: give a file name)")
    if not target.parent.is_dir():
        raise BudgetKGError(f"{target}: 目录 {target.parent} 不存在 (the folder does not exist)")
    if target.exists() and not target.is_file():  # a device or a pipe (/dev/stdout): written in place
        _write(target, lambda out: export(store, args.format, out))
    else:  # a file appears whole or not at all
        tmp = target.with_name(target.name + ".partial")
        try:
            _write(tmp, lambda out: export(store, args.format, out))
            tmp.replace(target)
        finally:
            tmp.unlink(missing_ok=True)
    print(f"已导出 exported: {target}", file=sys.stderr)
    return 0


def _write(path: Path, fill) -> None:
    """Open `path` for writing and fill it; a failed write (disk full, no permission) is a clear error."""
    try:
        with open(path, "wb") as out:
            fill(out)
    except OSError as exc:
        raise BudgetKGError(f"无法写入 {path}: {exc.strerror} (cannot write)") from None


def cmd_ask(args: argparse.Namespace) -> int:
    from qa.service import QAService

    service = QAService(_store(args))
    session = service.new_session()
    questions = [_arg_text(args.question)] if args.question is not None else (line.rstrip("\n") for line in sys.stdin)
    for question in questions:
        answer = service.ask(question, session)
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            print(answer.render_text(), flush=True)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluate import evaluate_file, render_report

    report = evaluate_file(Path(args.file), _store(args))
    if not report.results:
        raise BudgetKGError(f"{args.file}: 文件中没有题目 (no questions in the file)")
    print(render_report(report))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.server import serve

    serve(store_path=_store(args) if args.endpoint else args.store, host=args.host, port=args.port)
    return 0


def _completeness_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--partial", action="store_true",
                   help="表格读不出时跳过它，载入其余部分并列出缺少的内容 build what can be read; list what is missing")
    p.add_argument("--force", action="store_true",
                   help="允许不完整的文件替换同一部门同一年度的完整文件 let an incomplete document replace a complete one")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kgqa", description="预算图谱 BudgetKG: 部门预算知识图谱与中文问答")
    sub = top.add_subparsers(dest="command", required=True)

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--store", metavar="DIR", help="存储目录 store folder (default: per-user data folder)")
        p.add_argument("--endpoint", metavar="URL",
                       help="SPARQL 1.1 服务地址：图谱存于外部服务器 use an external SPARQL store "
                            "(default: BUDGETKG_ENDPOINT or budgetkg.toml; '' forces the embedded store)")
        p.set_defaults(func=func)
        return p

    p = add("build", cmd_build, "解析文档并建图 parse documents and build the store (no DOC: the bundled one)")
    p.add_argument("documents", nargs="*", metavar="DOC")
    _completeness_options(p)
    p = add("add", cmd_add, "加入或替换文档（同部门同年度则替换），不重建其他文档 add or replace documents incrementally")
    p.add_argument("documents", nargs="+", metavar="DOC")
    _completeness_options(p)
    p = add("remove", cmd_remove, "移除文档（文件名、文档编号或部门名）remove documents")
    p.add_argument("names", nargs="+", metavar="NAME")
    p = add("verify", cmd_verify, "核验存储内容与文档一致 check the store equals what its documents produce")
    p = add("ask", cmd_ask, "提问 ask a question (none: one question per line on stdin)")
    p.add_argument("question", nargs="?")
    p.add_argument("--json", action="store_true", help="一行一个 JSON 对象 one JSON object per line")
    p = add("eval", cmd_eval, "按样题文件评分 score a question file (.jsonl)")
    p.add_argument("file")
    p = add("audit", cmd_audit, "核对表内表间勾稽关系 check the document's arithmetic")
    p.add_argument("--json", action="store_true")
    p = add("export", cmd_export, "导出 export the graph")
    p.add_argument("--format", required=True, choices=["ttl", "jsonld", "nt", "graphml", "csv"])
    p.add_argument("-o", "--output", metavar="FILE")
    p = add("stats", cmd_stats, "统计 counts by class, per document")
    p.add_argument("--json", action="store_true")
    p = add("serve", cmd_serve, "启动网页应用与 HTTP API start the app")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    return top


def _arg_text(value: str) -> str:
    """A command-line word as text: under an ASCII locale Python keeps its UTF-8 bytes as surrogate
    escapes, which are decoded here (file names are left as the file system gave them)."""
    return os.fsencode(value).decode("utf-8", "replace")


def _utf8_streams() -> None:
    """Under an ASCII locale (LC_ALL=C without Python's UTF-8 mode) Chinese text would raise on
    print or input: the standard streams then use UTF-8 instead."""
    for stream, errors in ((sys.stdout, "backslashreplace"), (sys.stderr, "backslashreplace"), (sys.stdin, "replace")):
        try:
            "预算".encode(stream.encoding or "ascii")
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8", errors=errors)
        except AttributeError:  # no stream (a daemon with closed descriptors)
            continue


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except BudgetKGError as exc:
        print(f"错误 error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:  # a file or folder the command cannot use: said plainly
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"错误 error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except MemoryError:
        print("错误 error: 内存不足 (out of memory)", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
