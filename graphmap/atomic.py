"""Atomic file output: write to a temporary file in the same folder, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from graphmap.errors import GraphmapError


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    Parent folders are created. Failure raises a one-line ``GraphmapError``.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        detail = exc.strerror or exc
        raise GraphmapError("error.write_failed", path=str(target), detail=detail) from exc
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
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _write_failed(target, exc) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _write_failed(target, exc) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_failed(target: Path, exc: OSError) -> GraphmapError:
    return GraphmapError("error.write_failed", path=str(target), detail=exc.strerror or exc)
