"""The publication settings: the ``[publish]`` table of ``graphmap.toml`` and
``--include-columns``.

``[publish]`` keys: ``include_columns`` (array of column headers that may be published),
``k`` (integer >= 1, the re-identification threshold, 2 by default) and ``aggregate``
(boolean, true by default: persons whose profile is shared by fewer than ``k`` are merged
into group nodes; false publishes them under a pseudonym and flags them in the log).
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphmap.config import CONFIG_FILENAME
from graphmap.errors import ConfigError, UsageError
from graphmap.i18n import Listing, Message
from graphmap.model.dataset import Dataset
from graphmap.privacy.columns import all_columns
from graphmap.schema import fold

SECTION = "publish"
#: The keys of ``[publish]`` and their defaults.
DEFAULTS: Mapping[str, Any] = {"include_columns": [], "k": 2, "aggregate": True}


@dataclass(frozen=True)
class PublishPolicy:
    """What may be published: ``include_columns`` as the user wrote them, ``k`` and
    ``aggregate`` of the re-identification check.

    >>> PublishPolicy().k, PublishPolicy().aggregate
    (2, True)
    """

    include_columns: tuple[str, ...] = ()
    k: int = 2
    aggregate: bool = True

    def with_columns(self, names: Iterable[str]) -> PublishPolicy:
        """This policy with ``names`` included too (``--include-columns`` adds to the file)."""
        merged = dict.fromkeys((*self.include_columns, *names))
        return PublishPolicy(tuple(merged), self.k, self.aggregate)


def parse_column_list(text: str | None) -> tuple[str, ...]:
    """``--include-columns NAME,...`` as a tuple of names (blanks dropped).

    >>> parse_column_list(" Courriel, Notes ,,")
    ('Courriel', 'Notes')
    """
    if not text:
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


def policy_from_mapping(data: Mapping[str, Any], *, where: str = CONFIG_FILENAME) -> PublishPolicy:
    """The ``[publish]`` table of a parsed ``graphmap.toml`` (absent: the defaults).

    >>> policy_from_mapping({"publish": {"include_columns": ["Notes"], "k": 3}})
    PublishPolicy(include_columns=('Notes',), k=3, aggregate=True)
    """
    table = data.get(SECTION, {})
    if not isinstance(table, Mapping):
        raise ConfigError("privacy.config.not_a_table", where=where)
    for key in table:
        if key not in DEFAULTS:
            match = difflib.get_close_matches(key, list(DEFAULTS), n=1, cutoff=0.6)
            raise ConfigError("privacy.config.unknown_key", where=where, name=key,
                              known=match[0] if match else ", ".join(DEFAULTS))
    columns = table.get("include_columns", [])
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise ConfigError("privacy.config.bad_value", where=where, name="include_columns",
                          expected=Message("privacy.expect.strings"))
    k = table.get("k", 2)
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise ConfigError("privacy.config.bad_value", where=where, name="k",
                          expected=Message("privacy.expect.k"))
    aggregate = table.get("aggregate", True)
    if not isinstance(aggregate, bool):
        raise ConfigError("privacy.config.bad_value", where=where, name="aggregate",
                          expected=Message("privacy.expect.bool"))
    return PublishPolicy(tuple(c.strip() for c in columns if c.strip()), k, aggregate)


def load_policy(config_path: str | Path | None = None, *,
                workspace: str | Path | None = None) -> PublishPolicy:
    """The ``[publish]`` table of the ``graphmap.toml`` that :func:`graphmap.config.load_config`
    reads (``config_path``, else the one in the ``workspace`` folder), else the defaults.
    The file's other problems are reported by ``load_config``."""
    chosen: Path | None = Path(config_path) if config_path is not None else None
    if chosen is None and workspace is not None and Path(workspace).is_dir():
        chosen = Path(workspace) / CONFIG_FILENAME
    if chosen is None or not chosen.is_file():
        return PublishPolicy()
    try:
        data = tomllib.loads(chosen.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
        return PublishPolicy()  # load_config has said what is wrong with the file
    return policy_from_mapping(data, where=str(chosen))


def resolve_columns(dataset: Dataset, names: Iterable[str], *, option: str,
                    also: Iterable[Dataset] = ()) -> frozenset[str]:
    """The headers named by ``names`` (exactly, or any case and accents), as the workspace
    writes them; a name no table has is a usage error listing the columns.

    ``option`` is where the names come from (``--include-columns`` or the config file), for
    the message; ``also``: other datasets whose columns may be named too (the other year of
    ``graphmap compare``: a column added this year is no mistake).
    """
    columns = tuple(dict.fromkeys(c for ds in (dataset, *also) for c in all_columns(ds)))
    by_fold: dict[str, list[str]] = {}
    for column in columns:
        by_fold.setdefault(fold(column), []).append(column)
    chosen: set[str] = set()
    unknown: list[str] = []
    for name in names:
        if name in columns:
            chosen.add(name)
        elif fold(name) in by_fold:
            chosen.update(by_fold[fold(name)])
        else:
            unknown.append(name)
    if unknown:
        key = "privacy.unknown_columns" if columns else "privacy.unknown_columns_none"
        raise UsageError(key, option=option, names=", ".join(unknown),
                         columns=Listing(columns))
    return frozenset(chosen)
