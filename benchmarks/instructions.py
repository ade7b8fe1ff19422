"""Instructions a look-up costs, counted by valgrind: the same for the same code, however busy the machine.

    python benchmarks/instructions.py NAMES.json [CHECKOUT ...]

On this project's shared 2-core machine the same code reads a fifth to a third
apart in wall and CPU time from one run to the next, and for whole stretches
slower still; a change of a few percent cannot be seen that way. Callgrind
counts the instructions a process runs, which do not move with the machine.
For each checkout (default: this one), two processes run under it: one loads
the gazetteer, one loads it and resolves every name of NAMES.json (a JSON
list, say the benchmark's distinct names) once, with no cache warm; the
difference is what resolving costs, printed in millions of instructions and
per name. ``PYTHONHASHSEED=0`` makes the interpreter's own work repeatable.
Under valgrind a process runs some fifty times slower: a minute or two for
4,500 names. Needs the ``valgrind`` program.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_RUN = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from gazetteer import Gazetteer
from gazetteer.core import exempt_from_gc
names = json.load(open(sys.argv[2], encoding="utf-8"))
gaz = Gazetteer()
exempt_from_gc()
if sys.argv[3] == "resolve":
    for name in names:
        gaz._resolve(name, None, None)
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def instructions(checkout: Path, names_file: Path, what: str) -> int:
    """Instructions one process runs: load only, or load and resolve every name."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        # The interpreter itself, not a launcher script (pyenv's shims are shell scripts).
        python = os.path.realpath(sys.executable)
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, "-c", _RUN,
             str(checkout), str(names_file), what],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}, cwd=tmp, check=False)
        if proc.returncode:
            raise SystemExit(f"{checkout}: the {what} run failed:\n{proc.stderr[-2000:]}")
        match = _COLLECTED.search(proc.stderr)
        if match is None:
            raise SystemExit(f"{checkout}: valgrind reported no instruction count:\n{proc.stderr[-2000:]}")
        return int(match.group(1))


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    names_file = Path(argv[0]).resolve()
    names = json.loads(names_file.read_text(encoding="utf-8"))
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names) or not names:
        print(f"{names_file}: give a JSON list of names", file=sys.stderr)
        return 2
    for checkout in [Path(c).resolve() for c in argv[1:]] or [ROOT]:
        load = instructions(checkout, names_file, "load")
        total = instructions(checkout, names_file, "resolve")
        print(f"{checkout}: load {load / 1e6:,.0f} M instructions; resolving {len(names):,} names "
              f"{(total - load) / 1e6:,.0f} M, {(total - load) / len(names) / 1e3:,.0f} k a name")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
