"""Resource limits of reading a workspace, and the ``[limits]`` table of ``graphmap.toml``.

Every limit is checked before the work it bounds: file sizes before a byte is parsed, the
declared sizes of a workbook's parts before it is unzipped, a sheet's row numbers before
its rows are filled in, a cell's length while it is read. Past a limit, reading stops with
a located error that names the limit and how to raise it.

Defaults, and what they allow:

=============  ===============  ==========================================================
key            default          bounds
=============  ===============  ==========================================================
input_bytes    1 GiB            the workspace's files on disk, together
rows           10,000,000       data rows of one table (header excluded)
cell_chars     131,072          characters of one cell
cell_lines     100              lines of one quoted CSV cell
xlsx_bytes     1 GiB            a workbook's parts once unzipped, together
json_bytes     256 MiB          a JSON workspace (parsed whole, in 5 to 8 times its size)
=============  ===============  ==========================================================

A ``graphmap.toml`` beside the data raises them::

    [limits]
    rows = 20_000_000
    input_bytes = 4_294_967_296
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphmap.errors import ConfigError
from graphmap.load.issues import did_you_mean

__all__ = ["DEFAULT_LIMITS", "LIMITS_TABLE", "Limits", "limits_for", "limits_from_file",
           "limits_from_mapping", "size_text"]

LIMITS_TABLE = "limits"
CONFIG_FILENAME = "graphmap.toml"

#: The largest row number of an ``.xlsx`` sheet (the file format's own limit, as in Excel).
XLSX_MAX_ROW = 1_048_576
#: The largest column of an ``.xlsx`` sheet (``XFD``).
XLSX_MAX_COLUMN = 16_384


@dataclass(frozen=True)
class Limits:
    """How much input graphmap reads before it refuses; see the module docstring.

    >>> Limits().rows
    10000000
    >>> Limits(rows=0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphmap.errors.ConfigError: graphmap.toml: [limits] rows must be a whole number ...
    """

    #: Bytes of the workspace's files on disk, together.
    input_bytes: int = 1 << 30
    #: Data rows of one table (the header row is not counted).
    rows: int = 10_000_000
    #: Characters of one cell.
    cell_chars: int = 131_072
    #: Lines of one quoted CSV cell (a cell with line breaks is still one row).
    cell_lines: int = 100
    #: Bytes of a workbook's parts once unzipped, together.
    xlsx_bytes: int = 1 << 30
    #: Bytes of a JSON workspace, parsed whole in memory (in 5 to 8 times its size).
    json_bytes: int = 256 << 20

    def __post_init__(self) -> None:
        for spec in dataclasses.fields(self):
            value = getattr(self, spec.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError("load.limits.bad_value", where=CONFIG_FILENAME,
                                  name=spec.name, value=repr(value))


DEFAULT_LIMITS = Limits()


def limits_from_mapping(data: Mapping[str, Any], *, source: str = CONFIG_FILENAME) -> Limits:
    """The limits of a parsed ``graphmap.toml``: its ``[limits]`` table over the defaults.

    >>> limits_from_mapping({"limits": {"rows": 5}}).rows
    5
    >>> limits_from_mapping({"limits": {"row": 5}})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphmap.errors.ConfigError: graphmap.toml: unknown limit 'row' in [limits]; did you mean ...
    """
    for key in data:
        if key != LIMITS_TABLE and difflib.get_close_matches(key, [LIMITS_TABLE], n=1,
                                                             cutoff=0.8):
            raise ConfigError("load.limits.table_typo", where=source, name=key)
    table = data.get(LIMITS_TABLE, {})
    if not isinstance(table, Mapping):
        raise ConfigError("load.limits.not_a_table", where=source)
    known = [spec.name for spec in dataclasses.fields(Limits)]
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            raise ConfigError("load.limits.unknown_key", where=source, name=key,
                              suggestion=did_you_mean(close[0] if close else None),
                              known=", ".join(known))
    for key, value in table.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError("load.limits.bad_value", where=source, name=key,
                              value=repr(value))
    return Limits(**dict(table))


def limits_for(workspace: str | os.PathLike[str]) -> Limits:
    """The limits for reading ``workspace``: the ``[limits]`` of the ``graphmap.toml`` in the
    workspace folder (or, for a workbook or JSON file, in the folder that holds it), else
    the defaults.

    Raises
    ------
    graphmap.errors.ConfigError
        The file is not valid TOML or its ``[limits]`` table has an unknown key or a value
        that is not a whole number of at least 1.
    """
    target = Path(workspace)
    folder = target if target.is_dir() else target.parent
    candidate = folder / CONFIG_FILENAME
    if not candidate.is_file():
        return DEFAULT_LIMITS
    return limits_from_file(candidate)


def limits_from_file(path: str | os.PathLike[str]) -> Limits:
    """The ``[limits]`` of the TOML file at ``path`` (for example ``--config FILE``), over
    the defaults; a file without that table gives the defaults.

    Raises
    ------
    graphmap.errors.ConfigError
        As :func:`limits_for`, or the file cannot be read.
    """
    candidate = Path(path)
    try:
        data = tomllib.loads(candidate.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("load.limits.unreadable", where=str(candidate),
                          detail=str(exc)) from exc
    return limits_from_mapping(data, source=str(candidate))


def size_text(size: int) -> str:
    """A size in bytes as messages show it.

    >>> size_text(1 << 30), size_text(1_500_000)
    ('1,024.0 MiB', '1.4 MiB')
    """
    return f"{size / (1 << 20):,.1f} MiB"
