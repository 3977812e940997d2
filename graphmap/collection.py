"""Cycle collection paused while a large workspace is read, analysed or written.

CPython's cycle collector runs a full pass over every tracked object each time enough
new containers have survived: with a 100k-actor workspace in memory (over a million
records, tuples and strings) the analysis and the JSON report triggered passes that
took about a fifth of their CPU time, and found nothing to collect (their objects are
freed by reference counting; peak memory is the same either way, benchmarks/README.md).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Run the block with the cycle collector off, then restore it (collecting nothing
    up front: reference counting still frees everything that is not a cycle). Nested
    blocks, and a collector the caller already turned off, are left as they are.

    >>> import gc
    >>> with cycle_collection_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
