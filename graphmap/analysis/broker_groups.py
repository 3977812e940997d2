"""The groups around each broker: a code per group of the brokerage grouping, and the
groups each actor that brokers across groups bridges (``Broker.bridged_groups``), from
arrays (a million actors: no Python object per node beyond the listing itself)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np


def _group_key(value: Hashable | None) -> str:
    # One key space for every grouping, so unknown (None) is one group of its own.
    return "\x00" if value is None else f"\x01{value}"


def group_table(values: Sequence[Hashable | None]) -> tuple[np.ndarray, list[str]]:
    """The code of every value (codes numbered in the order of the groups' keys) and each
    code's key (:func:`_group_key`)."""
    distinct = dict.fromkeys(values)
    if all(type(v) is str or v is None for v in distinct):
        # A key per distinct value, not per node (a million f-strings otherwise).
        names = sorted(map(_group_key, distinct))
        place = {name: i for i, name in enumerate(names)}
        code_of = {v: place[_group_key(v)] for v in distinct}
        return np.fromiter(map(code_of.__getitem__, values), dtype=np.int64,
                           count=len(values)), names
    keys = [_group_key(v) for v in values]
    names = sorted(set(keys))
    code = {k: i for i, k in enumerate(names)}
    return np.fromiter((code[k] for k in keys), dtype=np.int64, count=len(keys)), names


def bridged_groups(flow: Any, node_group: Sequence[Hashable | None], nodes: np.ndarray
                   ) -> dict[int, tuple[str, ...]]:
    """The groups met around each of ``nodes`` (actors that broker across groups): its
    own first, then the others of its flow neighbours (in or out, each neighbour once) by
    how many neighbours they hold, ties by name (``None`` as ""); by node position.

    One sparse product over all ``nodes`` instead of a tally per actor.

    >>> from scipy import sparse
    >>> flow = sparse.csr_array(np.array([[0, 1, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0],
    ...                                   [1, 0, 0, 0]]))
    >>> bridged_groups(flow, ["x", "z", "y", "y"], np.array([0, 1]))
    {0: ('x', 'y', 'z'), 1: ('z', 'x')}
    """
    from scipy import sparse

    if not len(nodes):
        return {}
    n = flow.shape[0]
    codes, names = group_table(node_group)  # a code per group, in the order of the names
    texts = [k[1:] for k in names]  # _text of each group: "" for None
    rows = sparse.csr_array(flow[nodes], dtype=np.int64) + sparse.csr_array(
        flow.T[nodes], dtype=np.int64)
    onehot = sparse.csr_array((np.ones(n, dtype=np.int64), (np.arange(n), codes)),
                              shape=(n, len(names)))
    tally = (rows.sign() @ onehot).tocoo()  # distinct neighbours per (node, group)
    row, group, count = tally.row, tally.col, tally.data
    own = codes[nodes]
    others = (group != own[row]) & (count > 0)
    row, group, count = row[others], group[others], count[others]
    order = np.lexsort((group, -count, row))
    row, group = row[order], group[order]
    bounds = np.searchsorted(row, np.arange(len(nodes) + 1))
    # The same combinations recur: one tuple each, made for the first node holding it.
    first, which = _distinct_rows(own, group, bounds, len(names))
    listed = [texts[g] for g in group.tolist()]
    starts = bounds.tolist()
    made = [(texts[mine], *listed[starts[i]:starts[i + 1]])
            for i, mine in zip(first.tolist(), own[first].tolist(), strict=True)]
    return dict(zip(nodes.tolist(), map(made.__getitem__, which.tolist()), strict=True))


def _distinct_rows(own: np.ndarray, group: np.ndarray, bounds: np.ndarray, groups: int
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Rows ``i`` made of ``own[i]`` then ``group[bounds[i]:bounds[i + 1]]`` (codes below
    ``groups``): the first row of each distinct one, and which of those each row equals.

    Each row is read as the digits of one integer in base ``groups + 1`` (digit 0 = no
    entry, so rows of different lengths differ) when the longest fits in 63 bits;
    otherwise rows are compared as tuples.

    >>> first, which = _distinct_rows(np.array([0, 1, 0]), np.array([1, 2, 0, 1]),
    ...                               np.array([0, 1, 3, 4]), 3)
    >>> first.tolist(), which.tolist()
    ([0, 1], [0, 1, 0])
    """
    lengths = np.diff(bounds)
    base = groups + 1
    longest = int(lengths.max()) if len(lengths) else 0
    if base ** (longest + 1) >= 2 ** 62:
        seen: dict[tuple[int, ...], int] = {}
        codes, at = group.tolist(), bounds.tolist()
        which_list = [seen.setdefault((mine, *codes[at[i]:at[i + 1]]), len(seen))
                      for i, mine in enumerate(own.tolist())]
        which = np.array(which_list, dtype=np.int64)
        # Rows are numbered as first seen: each number's first row, in that order.
        return np.unique(which, return_index=True)[1], which
    digit = np.arange(len(group)) - np.repeat(bounds[:-1], lengths) + 1
    weights = (group.astype(np.int64) + 1) * base ** digit
    number = own.astype(np.int64) + 1
    filled = lengths > 0
    if filled.any():
        number[filled] += np.add.reduceat(weights, bounds[:-1][filled])
    _, first, which = np.unique(number, return_index=True, return_inverse=True)
    # Distinct rows in order of their first node, so tuples are made in node order.
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return first[order], rank[which.ravel()]
