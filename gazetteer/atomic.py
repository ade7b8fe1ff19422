"""Writing files whole or not at all, and a command's life around them.

Each file is written to a temporary file in its target folder, flushed to
disk, and renamed over the target only when complete: a run that fails or is
killed leaves the old file as it was. A set of files (a map, its GeoJSON, its
report...) is staged the same way and renamed under an exclusive lock, so two
runs writing the same set take turns and the set left behind is one run's.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import secrets
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn, TextIO

from .errors import InputError

try:
    import fcntl
except ImportError:  # Windows: renames stay atomic, concurrent sets are not serialised
    fcntl = None

__all__ = ["atomic_write", "write_bytes", "FileSet", "same_file", "check_target", "end_on_signals",
           "ending_signals_held", "run_command"]


#: The signals that end a command: ``kill`` and schedulers' time-outs, and a closed terminal.
_ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
#: Held back where a signal would leave a file behind: those and Ctrl-C.
_HELD = (*_ENDING, signal.SIGINT) if hasattr(signal, "pthread_sigmask") else ()


def end_on_signals() -> None:
    """Make SIGTERM and SIGHUP end this process as an exception, ``SystemExit(128 + signal)``,
    so that its ``with`` blocks unwind: the temporary files it staged are removed instead of
    left beside the user's. For a command's main thread; a signal the process was told to
    ignore (``nohup``) stays ignored."""
    for sig in _ENDING:
        if signal.getsignal(sig) == signal.SIG_DFL:
            signal.signal(sig, _end)


def _end(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def run_command(command: Callable[[], object]) -> NoReturn:
    """A console command's whole life: ``end_on_signals``, ``command()``, then the exit a normal one
    makes (the exit code, the ``atexit`` handlers, the standard streams flushed) without tearing the
    interpreter down. A batch's or a build's objects (the gazetteer's million, the rows, the
    outputs) would otherwise be freed one by one as the process ends: 0.35 s of a 100,000-row
    batch, for memory the system takes back whole. The command has written, synced and closed
    its files when it returns."""
    end_on_signals()  # a killed command removes the files it staged; the last set stays whole
    code = None
    try:
        command()
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)  # CPython's, not a promise of the language
    if run_exit_handlers is None:  # another Python: the ordinary exit, handlers and teardown included
        sys.exit(code)
    run_exit_handlers()  # what the interpreter runs first at exit (logging's last flush among them)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: nothing more can be said
        code = code or 1
    os._exit(code)


@contextlib.contextmanager
def ending_signals_held() -> Iterator[None]:
    """Ctrl-C, ``kill`` and a closed terminal held back in this block and raised at its end: what
    happens in it (a set's renames; a file made and listed for removal; a fork and the
    registration of its clean-up) happens whole or not at all."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD) if _HELD else None
    try:
        yield
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when a and b name one file: the same path, a hard link or a symlink to it."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _error(path: Path, exc: OSError, doing: str) -> InputError:
    return InputError(f"cannot {doing}: {exc.strerror or exc}", path=str(path))


def check_target(path: Path) -> None:
    """Refuse, before anything runs, an output that cannot be a file: a folder,
    or a file in a folder that does not exist."""
    if path.is_dir():
        raise InputError("is a folder; give a file name to write", path=str(path))
    parent = path.parent
    if not parent.is_dir():
        raise InputError(f"folder {str(parent)!r} does not exist", path=str(path))


def _temp_beside(path: Path) -> tuple[int, Path]:
    # A hidden name ending in the target's own name: tools that pick a format
    # from the suffix (a browser's screenshot) see the right one.
    for _ in range(100):
        tmp = path.with_name(f".tmp-{secrets.token_hex(6)}-{path.name}")
        try:
            # 0o666 less the umask: the new file gets the permissions any new file would.
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise _error(path, exc, "write") from None
    raise InputError("cannot make a temporary file", path=str(path))


def _fsync_dir(folder: Path) -> None:
    # The rename itself reaches the disk only when the folder is synced.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_mode(tmp: Path, target: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(tmp, os.stat(target).st_mode & 0o7777)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, *, encoding: str | None = "utf-8", newline: str | None = "",
                 binary: bool = False) -> Iterator[TextIO]:
    """Open a file for writing that replaces ``path`` only if the block ends without error
    (text, or bytes with ``binary``). A symlink stays a link: the file it points to is replaced."""
    path = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    check_target(path)
    # Made with the ending signals held, and released inside the block that removes it: a signal
    # between the two would leave the file behind.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD) if _HELD else None
    try:
        fd, tmp = _temp_beside(path)
    except BaseException:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    try:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline=newline)) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _keep_mode(tmp, path)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _error(path, exc, "write") from None
        raise
    _fsync_dir(path.parent)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Replace ``path`` with ``data`` whole, or leave it as it was."""
    with atomic_write(path, binary=True) as fh:
        fh.write(data)


class FileSet:
    """Files written as one set: staged beside their targets, then renamed together.

    ``lock`` names a lock file in ``folder``; commits of sets that share it
    take turns (``fcntl.flock``). A reader that wants a consistent set takes a
    shared lock on the same file while it reads. Used as a context manager,
    the staged files are removed unless ``commit()`` ran.
    """

    def __init__(self, folder: str | os.PathLike, *, lock: str) -> None:
        self.folder = Path(folder)
        self.lock_path = self.folder / lock
        self._staged: list[tuple[Path, Path]] = []
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _error(self.folder, exc, "make the folder") from None
        if not self.folder.is_dir():
            raise InputError("is not a folder", path=str(self.folder))

    def stage(self, name: str) -> Path:
        """A temporary path for the file that will become ``folder/name``; write it yourself."""
        target = self.folder / name
        if target.is_dir():
            raise InputError("is a folder; cannot write a file there", path=str(target))
        with ending_signals_held():  # a file made is a file listed, to be removed if the run ends
            fd, tmp = _temp_beside(target)
            os.close(fd)
            self._staged.append((tmp, target))
        return tmp

    def write_text(self, name: str, text: str | bytes | list[bytes]) -> Path:
        """Stage ``folder/name`` holding ``text`` (UTF-8), or ``bytes`` as given, or a list of
        ``bytes`` one after the other."""
        self.write_staged(self.stage(name), text)
        return self.folder / name

    def write_staged(self, tmp: Path, text: str | bytes | list[bytes]) -> None:
        """``write_text`` into a path ``stage`` gave: from this process or from a forked copy of
        it, which has the same paths."""
        try:
            if isinstance(text, bytes):
                with open(tmp, "wb") as fh:
                    fh.write(text)
            elif isinstance(text, list):
                with open(tmp, "wb") as fh:
                    fh.writelines(text)
            else:
                with open(tmp, "w", encoding="utf-8", newline="") as fh:
                    fh.write(text)
        except OSError as exc:
            target = next((t for staged, t in self._staged if staged == tmp), tmp)
            raise _error(target, exc, "write") from None

    def commit(self) -> list[Path]:
        """Sync every staged file, then rename them all into place under the lock."""
        try:
            for tmp, _ in self._staged:
                fd = os.open(tmp, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            with self._locked(), ending_signals_held():
                for tmp, target in self._staged:
                    _keep_mode(tmp, target)
                    os.replace(tmp, target)
        except OSError as exc:
            self.discard()
            raise _error(self.folder, exc, "write") from None
        _fsync_dir(self.folder)
        done = [target for _, target in self._staged]
        self._staged = []
        return done

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def discard(self) -> None:
        for tmp, _ in self._staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self._staged = []

    def __enter__(self) -> FileSet:
        return self

    def __exit__(self, *exc_info) -> None:
        self.discard()
