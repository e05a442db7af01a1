"""Small hostile PDFs, generated (never stored): each one stalls or floods an unguarded PDF reader.

    reference_loop()        ~300 bytes: object 3 is "4 0 R" and object 4 is "3 0 R" (pdfminer loops forever)
    operator_bomb(n)        one page whose compressed content stream holds n text-showing operators
    flate_bomb(megabytes)   a content stream that inflates to `megabytes` MB of zeros
    many_pages(n)           a page tree declaring (and holding) n pages, all one shared page object
    bad_checksum(n)         a flate stream of n operators whose Adler-32 checksum is wrong

Used by tests/test_security.py and bench/upload_abuse.py.
"""

from __future__ import annotations

import zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def assemble(objects: list[bytes]) -> bytes:
    """A PDF with these objects (numbered from 1, object 1 the catalog) and a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _one_page(content: bytes) -> bytes:
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        content,
        FONT,
    ])


def reference_loop() -> bytes:
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"4 0 R",
        b"3 0 R",
    ])


def _operators(n: int) -> bytes:
    return b"BT /F1 1 Tf 10 10 Td " + b"(a) Tj " * n + b"ET"


def operator_bomb(n: int = 300_000) -> bytes:
    return _one_page(_stream(zlib.compress(_operators(n), 9)))


def flate_bomb(megabytes: int = 600) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    data = b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
    return _one_page(_stream(data))


def many_pages(n: int = 60_000) -> bytes:
    kids = b" ".join(b"3 0 R" for _ in range(n))
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ])


def bad_checksum(n: int = 100_000) -> bytes:
    data = bytearray(zlib.compress(_operators(n), 9))
    data[-1] ^= 0xFF  # the Adler-32 trailer no longer matches
    return _one_page(_stream(bytes(data)))
