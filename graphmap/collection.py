"""Cycle collection paused while a large workspace is read, analysed or written.

CPython's cycle collector runs a full pass over every tracked object each time enough
new containers have survived: with a 100k-actor workspace in memory (over a million
records, tuples and strings) the analysis and the JSON report triggered passes that
took about a fifth of their CPU time, and found nothing to collect (their objects are
freed by reference counting; peak memory is the same either way, benchmarks/README.md).

Turning the collector back on would leave every object made in the block in the youngest
generation, to be traversed by the next collection (0.37 s after a 100k load): the block
hands them to the oldest one instead, as a full pass would have, without the pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Run the block with the cycle collector off, then restore it (collecting nothing
    up front: reference counting still frees everything that is not a cycle), the objects
    made in the block moved to the oldest generation. Nested blocks, and a collector the
    caller already turned off, are left as they are.

    >>> import gc
    >>> with cycle_collection_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled(), gc.get_freeze_count()
    (True, 0)
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # ``freeze`` then ``unfreeze`` moves every tracked object to the oldest generation
        # at once (two list splices); skipped if the program keeps objects frozen itself.
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
