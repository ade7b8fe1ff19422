"""Whether a change to ``mapper`` keeps every file of a build byte for byte.

    python benchmarks/same_outputs.py REF [--sizes 5000,20000] [--keep DIR]

Builds the same inputs twice, with ``mapper`` as it is at the git commit REF
(extracted with ``git archive``) and as it is in this working tree, both
against this tree's ``gazetteer`` (so that only the mapper code differs), and
compares every file written: maps, GeoJSON, CSV, control layer, report,
embed and AMP snippets, asset files. The inputs: the bundled examples (as
they are, and with ``--as-of 2020-10-01 --window 0 --lang hy``), the war
example from standard input with ``--tiles none``, and the synthetic ledgers
of ``benchmarks/_ledgers.py`` at each size (as they are; ``--self-contained
--as-of 2020-10-15``; ``--external-assets --lang ru --window 7``). Each build
runs as a user runs it, in a fresh process. Prints each difference and exits 1
when there is one; speed changes are meant to change no byte.
"""

from __future__ import annotations

import argparse
import filecmp
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
from _ledgers import write_ledger  # noqa: E402

WAR = ROOT / "mapper" / "examples" / "war-2020.csv"


def _jobs(ledgers: dict[int, Path]) -> list[tuple[str, list[str], Path | None]]:
    """(label, build arguments, file for standard input or None)."""
    jobs = [("examples", [], None),
            ("examples-hy", ["--as-of", "2020-10-01", "--window", "0", "--lang", "hy"], None),
            ("war-stdin", ["-", "--name", "war", "--title", "The war", "--tiles", "none"], WAR)]
    for n, path in ledgers.items():
        jobs += [(f"{n}", [str(path), "--name", "m"], None),
                 (f"{n}-self", [str(path), "--name", "m", "--self-contained", "--as-of", "2020-10-15"], None),
                 (f"{n}-external", [str(path), "--name", "m", "--external-assets", "--lang", "ru", "--window", "7"],
                  None)]
    return jobs


def _extract(ref: str, into: Path) -> None:
    """``mapper/`` as it is at ``ref``, and a link to this tree's ``gazetteer``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, "mapper"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "gazetteer").symlink_to(ROOT / "gazetteer", target_is_directory=True)


def _build(code: Path, args: list[str], stdin: Path | None, out: Path) -> None:
    out.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    cmd = [sys.executable, "-m", "mapper", "-q", "build", *args, "--output-dir", str(out)]
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as fh:
        done = subprocess.run(cmd, cwd=out, env=env, stdin=fh, capture_output=True, text=True)
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        raise SystemExit(f"{code}: {' '.join(args)}: exit {done.returncode}\n{done.stderr}")


def _differences(a: Path, b: Path) -> list[str]:
    out = []
    names = sorted({p.relative_to(a) for p in a.rglob("*") if p.is_file()}
                   | {p.relative_to(b) for p in b.rglob("*") if p.is_file()})
    for name in names:
        if not (a / name).is_file() or not (b / name).is_file():
            out.append(f"{name}: only in {'after' if (b / name).is_file() else 'before'}")
        elif not filecmp.cmp(a / name, b / name, shallow=False):
            out.append(f"{name}: differs")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ref", help="the git commit to compare with (e.g. main)")
    parser.add_argument("--sizes", default="5000,20000", help="synthetic ledger sizes ('' for none)")
    parser.add_argument("--keep", type=Path, help="write the builds under this folder and leave them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        before_code = work / "before-code"
        before_code.mkdir(parents=True)
        _extract(args.ref, before_code)
        ledgers = {int(n): write_ledger(work / f"ledger-{n}.csv", int(n)) for n in args.sizes.split(",") if n}
        failed = 0
        files = 0
        for label, build_args, stdin in _jobs(ledgers):
            before, after = work / "before" / label, work / "after" / label
            _build(before_code, build_args, stdin, before)
            _build(ROOT, build_args, stdin, after)
            found = _differences(before, after)
            files += sum(1 for p in after.rglob("*") if p.is_file())
            for line in found:
                print(f"{label}: {line}")
            failed += bool(found)
            print(f"{label}: {'DIFFERENT' if found else 'same'}", flush=True)
    print(f"{files} files compared; {failed} build(s) differ")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
