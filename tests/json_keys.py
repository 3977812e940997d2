"""The key paths of a JSON document, as the docs' contract pages write them.

Shared by ``tests/test_docs.py`` (the analysis report, docs/json-report.md) and
``tests/compare/test_docs_contract.py`` (the comparison, docs/compare.md): a path is the
dotted chain of object keys, a list item adds ``[]``, and a map keyed by data (ids, codes,
names) is documented once with a placeholder child such as
`summary.funding.by_funder.<actor id>`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["json_paths", "placeholders"]


def placeholders(documented: Iterable[str]) -> dict[str, str]:
    """``prefix -> prefix.<name>`` for the documented paths that end in a placeholder.

    >>> placeholders({"m.<id>", "a[].b"})
    {'m': 'm.<id>'}
    """
    out = {}
    for path in documented:
        match = re.fullmatch(r"(.+)\.<[^<>]+>", path)
        if match:
            out[match.group(1)] = path
    return out


def json_paths(value: Any, placeholders: dict[str, str], prefix: str = "") -> set[str]:
    """The dotted path of every object key in ``value``; list items add ``[]``; the
    children of a data-keyed map take its documented placeholder path.

    >>> sorted(json_paths({"a": [{"b": 1}], "m": {"x": {"y": 1}}}, {"m": "m.<id>"}))
    ['a', 'a[].b', 'm', 'm.<id>', 'm.<id>.y']
    """
    found: set[str] = set()
    if isinstance(value, dict):
        for key, child in value.items():
            path = placeholders.get(prefix) or (f"{prefix}.{key}" if prefix else key)
            found.add(path)
            found |= json_paths(child, placeholders, path)
    elif isinstance(value, list):
        for item in value:
            found |= json_paths(item, placeholders, f"{prefix}[]")
    return found
