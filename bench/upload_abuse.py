"""Upload abuse against a `kgqa serve` started on loopback: hostile documents through the app's own
upload route, files named by server path or URL, and kill -9 of a build mid-parse.

    python bench/upload_abuse.py [--flate-mb 3000]

For each attack: the answer (refused, and the limit named), the time to refusal, the server's peak
memory (process tree RSS) and /health and /api/ask latency while it ran, and whether the store
changed. Then how many requests reached a loopback listener that file paths and URLs pointed at,
and how many parse workers outlived a `kgqa build` killed with SIGKILL. Only 127.0.0.1 is contacted.
The parse limits are the server's defaults (BUDGETKG_PARSE_TIMEOUT, BUDGETKG_PARSE_MEMORY_MB).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "tests"))
import hostile_pdfs  # noqa: E402
from load_test import free_port, start_server  # noqa: E402
from probe import Listener, Watcher, alive, children  # noqa: E402

BIGDATA = ROOT / "tests" / "fixtures" / "qingcheng_bigdata_center_2025.txt"
CULTURE = ROOT / "tests" / "fixtures" / "qingcheng_culture_tourism_2025.txt"


def junk_text() -> bytes:
    """The bundled document with junk appended up to 4.9 MB (just under the 5 MB upload limit)."""
    base = BIGDATA.read_bytes()
    line = "项目支出 其他 " + " ".join(["123.45"] * 12) + "\n"
    return base + (line * ((4_900_000 - len(base)) // len(line.encode()))).encode()


def call_upload(http: httpx.Client, file_data: dict) -> tuple[str, str]:
    """The upload tab's event through Gradio's HTTP API: (event kind, message)."""
    event = http.post("/gradio_api/call/on_upload", json={"data": [file_data, None]}).json()["event_id"]
    text = http.get(f"/gradio_api/call/on_upload/{event}").text
    kind = "complete" if "event: complete" in text else "error"
    final = text[text.rfind(f"event: {kind}"):]  # heartbeats come before the answer
    data = next((line[6:] for line in final.splitlines() if line.startswith("data: ")), "null")
    try:
        value = json.loads(data)
    except ValueError:
        value = data
    message = value[0] if isinstance(value, list) and value else (value.get("error") if isinstance(value, dict) else str(value))
    return kind, " ".join(str(message).split())


def upload(http: httpx.Client, name: str, data: bytes) -> tuple[str, str]:
    r = http.post("/gradio_api/upload", files={"files": (name, data, "application/octet-stream")})
    if r.status_code != 200:
        return "error", f"HTTP {r.status_code} {r.text[:80]}"
    return call_upload(http, {"path": r.json()[0], "orig_name": name, "meta": {"_type": "gradio.FileData"}})


def documents(http: httpx.Client) -> int:
    return len(http.get("/health").json()["documents"])


def attack(http: httpx.Client, watcher: Watcher, label: str, send) -> None:
    before = documents(http)
    since = watcher.mark()
    started = time.perf_counter()
    kind, message = send()
    took = time.perf_counter() - started
    time.sleep(0.3)  # one more watcher sample after the answer
    w = watcher.window(since)
    changed = documents(http) != before
    outcome = "ADDED" if kind == "complete" and "(added)" in message else "refused"
    print(f"{label:<26} {outcome:<8} {took:6.2f} s  peak {w['peak MB']:5.0f} MB  /health max {w['/health max']:5.0f} ms"
          f"  /api/ask max {w['/api/ask max']:5.0f} ms  store {'CHANGED' if changed else 'unchanged'}  | {message[:110]}")


def build_orphans(tmp: Path) -> int:
    """kill -9 of `kgqa build` on a hanging PDF: parse workers alive 5 s later."""
    loop = tmp / "loop.pdf"
    loop.write_bytes(hostile_pdfs.reference_loop())
    build = subprocess.Popen([sys.executable, "-m", "ui.cli", "build", str(loop), "--store", str(tmp / "b")], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not children(build.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    workers = children(build.pid)
    build.kill()
    build.wait()
    time.sleep(5)
    left = [p for p in workers if alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    return len(left)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flate-mb", type=int, default=3000, help="what the flate bomb inflates to (MB)")
    args = parser.parse_args()
    listener = Listener()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(port, Path(tmp) / "store")
        base = f"http://127.0.0.1:{port}"
        watcher = Watcher(base, server.pid)
        secret = Path(tmp) / "elsewhere" / "culture.txt"  # a file on the server that was never uploaded
        secret.parent.mkdir()
        secret.write_bytes(CULTURE.read_bytes())
        url = f"http://127.0.0.1:{listener.port}/culture.txt"
        try:
            with httpx.Client(base_url=base, timeout=300) as http:
                time.sleep(1)
                print(f"server idle: tree RSS {watcher.window(0)['peak MB']:.0f} MB")
                for label, make in (("PDF reference loop", hostile_pdfs.reference_loop),
                                    ("PDF 300k text operators", hostile_pdfs.operator_bomb),
                                    (f"PDF flate bomb {args.flate_mb} MB", lambda: hostile_pdfs.flate_bomb(args.flate_mb)),
                                    ("PDF bad checksum stream", hostile_pdfs.bad_checksum),
                                    ("PDF 60,000 pages", hostile_pdfs.many_pages)):
                    data = make()
                    attack(http, watcher, f"{label} ({len(data):,} B)", lambda d=data: upload(http, "attack.pdf", d))
                junk = junk_text()
                attack(http, watcher, f"text + junk ({len(junk) / 1e6:.1f} MB)", lambda: upload(http, "junk.txt", junk))
                attack(http, watcher, "server path via on_upload",
                       lambda: call_upload(http, {"path": str(secret), "meta": {"_type": "gradio.FileData"}}))
                attack(http, watcher, "URL via on_upload",
                       lambda: call_upload(http, {"path": url, "meta": {"_type": "gradio.FileData"}}))
                statuses = [http.get(f"{route}{spelling}").status_code
                            for route in ("/gradio_api/file=", "/gradio_api/proxy=")
                            for spelling in (url, url.replace("127.0.0.1", "localhost"), url.replace("127.0.0.1", "[::1]"),
                                             url.replace("127.0.0.1", "2130706433"), url.replace("http", "HTTP"))]
                attack(http, watcher, "a real document after all", lambda: upload(http, "culture.txt", CULTURE.read_bytes()))
            print(f"file/proxy routes with URLs: HTTP {sorted(set(statuses))}; requests reaching the loopback listener: "
                  f"{len(listener.hits)}")
        finally:
            watcher.stop()
            listener.close()
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        print(f"kill -9 of `kgqa build` on a hanging PDF: {build_orphans(Path(tmp))} parse workers left after 5 s")


if __name__ == "__main__":
    main()
