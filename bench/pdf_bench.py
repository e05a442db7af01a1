"""PDF benchmark: seconds per page and per document for the PDF path, beside the .txt path.

Usage:
    python bench/pdf_bench.py                  # the culture-tourism document: .txt, Word PDF, Excel PDF
    python bench/pdf_bench.py --runs 9
    python bench/pdf_bench.py --finders        # also: pdfplumber's table finder beside PyMuPDF's (if installed)

Stages, as `kgqa build` runs them on one document (medians over --runs, after one warm-up):
    read     PDF: pages → the parser's lines (kg.parsing.pdf.read_pdf: ruled tables, page text);
             .txt: decode the bytes                                              -- the .txt is the baseline
    parse    lines → typed records (kg.parsing.document)
    build    records → N-Triples (kg.graph.build)
The figures are also given per page (the .txt's per page of its PDF, the same document). --finders compares, on every page with a ruled table,
the time of each library's table finder (reading the page included) and how many of its cells
read as amounts (2,345.67). Times are CPU seconds of the process (the machine is shared: wall
time varies with its load); compare within one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph.build import build_triples  # noqa: E402
from kg.parsing.document import parse_lines  # noqa: E402
from kg.parsing.pdf import read_pdf  # noqa: E402
from kg.parsing.source import decode  # noqa: E402
from kg.parsing.textutil import parse_amount  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
CASES = {
    ".txt": FIXTURES / "qingcheng_culture_tourism_2025.txt",
    "Word PDF": FIXTURES / "qingcheng_culture_tourism_2025.pdf",
    "Excel PDF": FIXTURES / "qingcheng_culture_tourism_2025_xlsx.pdf",
}


def _once(path: Path) -> tuple[dict[str, float], int]:
    data = path.read_bytes()
    start = time.process_time()
    if data.startswith(b"%PDF"):
        text = read_pdf(data, path.name)
        lines, pages = text.lines, text.page_count
    else:
        lines, pages = decode(data, path.name).split("\n"), 0
    read = time.process_time()
    doc = parse_lines(lines, path.name)
    parsed = time.process_time()
    build_triples(doc)
    built = time.process_time()
    return {"read": read - start, "parse": parsed - read, "build": built - parsed}, pages


def bench(runs: int) -> None:
    print(f"{'input':<10} {'pages':>5} {'read s':>8} {'parse s':>8} {'build s':>8} {'total s':>8} {'s/page':>8} {'× .txt':>7}")
    baseline = None
    document_pages = read_pdf(CASES["Word PDF"].read_bytes(), CASES["Word PDF"].name).page_count
    for name, path in CASES.items():
        _once(path)  # warm-up: imports and font tables
        timings, pages = [], 0
        for _ in range(runs):
            stages, pages = _once(path)
            timings.append(stages)
        median = {k: statistics.median(t[k] for t in timings) for k in ("read", "parse", "build")}
        total = statistics.median(sum(t.values()) for t in timings)
        baseline = baseline or total
        per_page = f"{total / (pages or document_pages):8.3f}"
        print(f"{name:<10} {pages or '–':>5} {median['read']:8.3f} {median['parse']:8.3f} {median['build']:8.3f} {total:8.3f} {per_page} {total / baseline:7.1f}")


def finders() -> None:
    import pdfplumber

    from kg.parsing.pdf_grid import TABLE_SETTINGS

    try:
        import pymupdf
    except ImportError:
        pymupdf = None
        print("PyMuPDF is not installed (pip install pymupdf): pdfplumber only")
    print(f"{'file':<42} {'finder':<11} {'pages':>5} {'tables':>6} {'cells':>6} {'amounts':>7} {'s/page':>7}")
    for name in ("Word PDF", "Excel PDF"):
        path = CASES[name]
        with pdfplumber.open(path) as pdf:
            numbers = [p.page_number for p in pdf.pages if p.lines]
        with pdfplumber.open(path) as pdf:  # afresh: each library's timing includes reading its pages
            _finder_row(path.name, "pdfplumber", [lambda n=n, d=pdf: [t.extract() for t in d.pages[n - 1].find_tables(TABLE_SETTINGS)] for n in numbers])
        if pymupdf is not None:
            doc = pymupdf.open(path)
            _finder_row(path.name, "PyMuPDF", [lambda n=n, d=doc: [t.extract() for t in d[n - 1].find_tables().tables] for n in numbers])


def _finder_row(file: str, finder: str, jobs: list) -> None:
    start = time.process_time()
    tables = [job() for job in jobs]
    seconds = time.process_time() - start
    cells = [c for page in tables for table in page for row in table for c in row if c]
    amounts = sum(1 for c in cells if parse_amount(c.strip()) is not None)
    count = sum(len(page) for page in tables)
    print(f"{file:<42} {finder:<11} {len(jobs):>5} {count:>6} {len(cells):>6} {amounts:>7} {seconds / len(jobs):7.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--finders", action="store_true")
    args = parser.parse_args()
    bench(args.runs)
    if args.finders:
        print()
        finders()


if __name__ == "__main__":
    main()
