"""Crash safety: kill -9 during builds and during uploads, then check the store.

    python bench/crash_test.py [--runs 20]

Each run starts from a store holding the bundled document, starts a change in a child process
(`kgqa build` of both corpus documents, or `kgqa add`, the path an upload takes), kills it with
SIGKILL after a random delay, and then checks with `kgqa verify` that the store holds either the
old or the new set of documents, complete. Prints one line per run and the number of corrupt
stores (target 0).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BIGDATA = FIXTURES / "qingcheng_bigdata_center_2025.txt"
CULTURE = FIXTURES / "qingcheng_culture_tourism_2025.txt"


def kgqa(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.cli", *args], cwd=ROOT, capture_output=True, text=True, **kwargs)


def documents(store: Path) -> set[str]:
    sys.path.insert(0, str(ROOT))
    from kg.store.embedded import OxigraphStore

    return {d.source for d in OxigraphStore(store).documents()}


def one_run(k: int, work: Path, rng: random.Random) -> tuple[bool, str]:
    store = work / f"store-{k}"
    kgqa("build", str(BIGDATA), "--store", str(store), check=True)
    before = documents(store)
    command = ["build", str(BIGDATA), str(CULTURE)] if k % 2 == 0 else ["add", str(CULTURE)]
    after = {BIGDATA.name, CULTURE.name}
    child = subprocess.Popen([sys.executable, "-m", "ui.cli", *command, "--store", str(store)], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    delay = rng.uniform(0.1, 1.3)
    time.sleep(delay)
    killed = child.poll() is None
    if killed:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    verify = kgqa("verify", "--store", str(store))
    now = documents(store)
    ok = verify.returncode == 0 and now in (before, after)
    state = "old" if now == before else "new" if now == after else f"other {sorted(now)}"
    shutil.rmtree(store, ignore_errors=True)
    return ok, f"run {k:2d} {command[0]:<5} killed after {delay:.2f} s: {'killed' if killed else 'finished first'}, store holds the {state} documents, verify {'OK' if verify.returncode == 0 else 'FAILED'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corrupt = 0
    killed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.runs):
            ok, line = one_run(k, Path(tmp), rng)
            corrupt += not ok
            killed += "killed," in line
            print(line, flush=True)
    print(f"{args.runs} runs, {killed} killed mid-change, corrupt stores: {corrupt} (target 0)")
    sys.exit(1 if corrupt else 0)


if __name__ == "__main__":
    main()
