#!/bin/bash
# Run inside the worktree venv; TREE is a checkout (e.g. `git archive REV | tar -x -C /tmp/base`) to compare against.
# usage: bench/cold_ask.sh TREE STORE QUESTION RUNS [bytecode]  — median CPU/wall of `kgqa ask` run from TREE
cd "$1"; [ "$5" = bytecode ] && unset PYTHONDONTWRITEBYTECODE
python -m ui.cli ask "$3" --store "$2" >/dev/null  # prepares caches if missing
for i in $(seq "$4"); do /usr/bin/time -f "%U %S %e" python -m ui.cli ask "$3" --store "$2" 2>&1 >/dev/null | tail -1; done |
  python -c "
import sys, statistics as s
r=[l.split() for l in sys.stdin if l.strip()]
print(f'CPU {s.median(float(a)+float(b) for a,b,_ in r):.2f} s, wall {s.median(float(w) for *_,w in r):.2f} s (median of {len(r)})')"
