"""Atomic file output: write a temporary file beside the target, then rename it over.

Rules every output of graphmap follows (reports, maps, exported workspaces):

- only a regular file or a new path is written: a FIFO, a device (``/dev/null``), a socket
  or a folder at the target is refused with a ``UsageError`` and left untouched;
- an existing file keeps its permission bits; a new file gets those the umask allows;
- the temporary file is ``.NAME.graphmap-PID.tmp`` in the target's folder. A run killed
  mid-write (SIGKILL, power loss) leaves it behind; the next write of ``NAME`` removes the
  temporaries of processes that no longer exist, and never touches other files.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

from graphmap.errors import GraphmapError, UsageError
from graphmap.i18n import Message

__all__ = ["atomic_open", "temporary_name", "write_bytes", "write_text"]

_TEMPORARY = re.compile(r"\.(?P<name>.+)\.graphmap-(?P<pid>\d+)(?:-\d+)?\.tmp")
# The kind of a file that is not a regular one, for the refusal message.
_KINDS = ((stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device"),
          (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "directory"))


def temporary_name(target: str | os.PathLike[str], attempt: int = 0) -> str:
    """The file name of the temporary file that will replace ``target``.

    >>> temporary_name("out/report.json").startswith(".report.json.graphmap-")
    True
    """
    suffix = f"-{attempt}" if attempt else ""
    return f".{Path(target).name}.graphmap-{os.getpid()}{suffix}.tmp"


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    Parent folders are created. A path that is not a regular file is a ``UsageError``
    (exit 2); failure to write is a one-line ``GraphmapError``.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.bin"
    >>> write_bytes(target, b"ok").read_bytes()
    b'ok'
    """
    target = Path(path)
    with _replacing(target) as handle:
        handle.write(data)
    return target


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write UTF-8 text atomically (see ``write_bytes``)."""
    return write_bytes(path, text.encode("utf-8"))


@contextmanager
def atomic_open(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A UTF-8 text file to write ``path`` piece by piece, atomically (see ``write_bytes``).

    The text goes to a temporary file in the same folder, which replaces ``path`` only
    when the ``with`` block ends without error; on error it is removed and ``path`` is
    left as it was. Newlines are written as ``\\n`` on every platform.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_open(target) as handle:
    ...     _ = handle.write("é\\n")
    >>> target.read_bytes()
    b'\\xc3\\xa9\\n'
    """
    target = Path(path)
    with _replacing(target) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # the binary file is closed (and renamed) by _replacing


@contextmanager
def _replacing(target: Path) -> Iterator[BinaryIO]:
    """A binary file whose content replaces ``target`` when the block ends without error."""
    mode = _mode_to_keep(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _sweep_stale(target)
        tmp, fd = _create_temporary(target)
    except OSError as exc:
        raise _write_failed(target, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _refuse_special(target)  # the path may have changed while we wrote
        os.replace(tmp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _write_failed(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _mode_to_keep(target: Path) -> int | None:
    """The permission bits of the regular file at ``target``, or ``None`` for a new path
    (the umask then decides); anything else at ``target`` is refused."""
    info = _refuse_special(target)
    if info is None or stat.S_ISLNK(info.st_mode):
        return None
    return stat.S_IMODE(info.st_mode) & 0o777


def _refuse_special(target: Path) -> os.stat_result | None:
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _write_failed(target, exc) from exc
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise UsageError("load.output.not_regular", path=str(target),
                             kind=Message(f"load.output.kind.{kind}"))
    return info


def _create_temporary(target: Path) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for attempt in range(100):
        tmp = target.parent / temporary_name(target, attempt)
        try:
            # 0o666: the kernel applies the umask, as for any new file.
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue  # another write of the same file in this process
    raise FileExistsError(str(target.parent / temporary_name(target)))


def _sweep_stale(target: Path) -> None:
    """Remove the temporaries of ``target`` left by graphmap processes that have died."""
    if os.name != "posix":
        return  # no safe "is this process alive" probe
    try:
        entries = os.scandir(target.parent)
    except OSError:
        return
    with entries:
        for entry in entries:
            match = _TEMPORARY.fullmatch(entry.name)
            if match is None or match["name"] != target.name:
                continue
            pid = int(match["pid"])
            if pid != os.getpid() and not _alive(pid):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or a pid we cannot probe: leave it
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it (best effort)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_failed(target: Path, exc: OSError) -> GraphmapError:
    return GraphmapError("error.write_failed", path=str(target), detail=exc.strerror or exc)
