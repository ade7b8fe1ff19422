"""What a forked ``mapper build`` would take on an idle machine, from CPU times measured under any load.

    PYTHONPATH=. python benchmarks/critical_path.py LEDGER [--workers 2]

Runs one build in this process (``--workers 2`` by default, so that it forks whatever the load) and
times each process with ``getrusage`` around ``mapper.forked.Forked``: the critical path is this
process's CPU up to each fork, then the longer of the two branches (this process's CPU until it waits
for the copy, and the copy's), then the rest. On a machine whose cores are shared with other jobs, wall
time is mostly queueing; this figure is what the build's own work would take with two idle cores
(start-up before this script's imports is not counted). Prints each fork's two branches to stderr.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ledger")
    parser.add_argument("--workers", default="2", choices=("1", "2"))
    args = parser.parse_args()
    # A launcher that ran programs before exec'ing Python (pyenv's shim) left their CPU here.
    before = _cpu(resource.RUSAGE_CHILDREN)
    import mapper.forked as forked

    events: list[tuple[str, float, float]] = []
    init, result = forked.Forked.__init__, forked.Forked.result

    def timed_init(self, make):
        events.append(("fork", _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)))
        init(self, make)

    def timed_result(self):
        events.append(("wait", _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)))
        try:
            return result(self)
        finally:
            events.append(("got", _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)))

    forked.Forked.__init__, forked.Forked.result = timed_init, timed_result
    from mapper.cli import cli

    with tempfile.TemporaryDirectory() as out:
        try:
            cli.main(["-q", "build", args.ledger, "--output-dir", out, "--name", "m", "--workers", args.workers],
                     standalone_mode=False)
        except SystemExit:
            pass
    events.append(("end", _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)))
    critical, last, mine, children_at_fork = 0.0, 0.0, 0.0, 0.0
    for kind, self_cpu, children in events:
        if kind == "fork":
            critical += self_cpu - last
            last, children_at_fork = self_cpu, children
        elif kind == "wait":
            mine = self_cpu - last
        elif kind == "got":
            copy = children - children_at_fork
            critical += max(mine, copy)
            last = self_cpu
            print(f"branch: this process {mine:.3f} s, the copy {copy:.3f} s", file=sys.stderr)
        else:
            critical += self_cpu - last
    _, self_cpu, children = events[-1]
    print(f"critical path {critical:.3f} s of CPU; all CPU {self_cpu + children - before:.3f} s")


if __name__ == "__main__":
    main()
