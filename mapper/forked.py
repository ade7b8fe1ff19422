"""Part of a build made in a forked copy of the process, beside the rest.

A build's exports (GeoJSON, CSV, report) need nothing the map page makes,
and the page nothing they make: on a machine with a second core a forked
copy makes them while this process makes the page. The copy comes with the
loaded gazetteer and the analysis (nothing is sent to it); it writes the
exports into files this process staged for it (``outputs.write_outputs``) and
sends back only that it is done, and this process renames every file into
place as one set, so the files are the same whichever process made them.
``Forked`` itself sends back any value that pickles (``lookups`` sends
resolutions).
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable

from gazetteer.atomic import ending_signals_held

from .errors import RenderError

__all__ = ["Forked", "can_fork"]


#: Where Linux says how many tasks are runnable this instant (its fourth field, "running/total").
_LOADAVG = "/proc/loadavg"


def can_fork() -> bool:
    """Whether forking is possible, safe and worth it here: a system that forks, no other
    Python thread (a forked copy of a threaded program may hang), and a core to spare.

    A core is spare when fewer than the number of cores less one are kept busy by other
    work (``_busy``): the copy costs CPU of its own (the pages either process then writes
    are copied, two megabytes at a time where the system backs memory with huge pages,
    a fifth more CPU for a 50,000-claim build), which only a core that would otherwise
    be idle turns into a shorter build."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    try:
        busy = _busy()
    except (AttributeError, OSError):  # nothing to read the load from: assume a busy machine
        return False
    return cores > 1 and busy < cores - 1


def _busy() -> float:
    """How many cores other work keeps busy: the tasks runnable this instant besides this
    one (Linux), else the last minute's load average. The average lags by a minute: a build
    started just after another (or after a benchmark's other runs) read the last one's load
    and did not fork on an idle machine."""
    try:
        with open(_LOADAVG, "rb") as fh:
            return int(fh.read().split()[3].split(b"/")[0]) - 1
    except (OSError, ValueError, IndexError):
        return os.getloadavg()[0]


class Forked:
    """``make()`` run in a forked copy of this process; ``result()`` is what it returned,
    or raises what it raised. The copy ends with ``os._exit``: it runs no exit handler
    and flushes none of this process's buffers."""

    def __init__(self, make: Callable[[], object]) -> None:
        read, write = os.pipe()
        # A signal that ends the build (Ctrl-C, ``kill``), caught while forking, would be raised
        # in an at-fork hook (logging's), where Python drops the exception and the build goes on:
        # held back during the fork, it is raised after it, in each process's own code.
        pid = -1
        try:
            with ending_signals_held():
                pid = os.fork()
        except BaseException:
            if pid > 0:  # the build ends here: its copy with it, before it writes a file
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            raise
        if pid == 0:  # the copy
            code = 0
            try:
                os.close(read)
                try:
                    data = pickle.dumps((True, make()), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException as exc:  # noqa: BLE001 - every failure is sent back, none lost
                    code = 1
                    data = _pickled_error(exc)
                with os.fdopen(write, "wb") as fh:
                    fh.write(data)
            except BaseException:  # noqa: BLE001 - nothing may unwind past a forked copy
                code = 2
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read, self._reaped = pid, read, False

    def result(self) -> object:
        try:
            with os.fdopen(self._read, "rb") as fh:
                data = fh.read()
        finally:
            _, status = os.waitpid(self._pid, 0)
            self._reaped = True
        code = os.waitstatus_to_exitcode(status)
        if code == 0 or code == 1:
            ok, value = pickle.loads(data)
            if ok:
                return value
            raise value
        raise RenderError(f"the forked part of the build ended with exit status {code}")

    def cancel(self) -> None:
        """End the copy without its result (this process failed first); nothing once ``result`` ran."""
        if self._reaped or self._pid <= 0:  # never a signal to a process group (pid 0 or -1)
            return
        self._reaped = True
        try:
            os.kill(self._pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.close(self._read)
        except OSError:
            pass
        try:
            os.waitpid(self._pid, 0)
        except OSError:
            pass


def _pickled_error(exc: BaseException) -> bytes:
    try:
        data = pickle.dumps((False, exc), protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)  # an exception whose arguments do not come back is sent as text
        return data
    except Exception:  # noqa: BLE001
        return pickle.dumps((False, RenderError(f"{type(exc).__name__}: {exc}")))
