"""Data out to the tools people already use (Gephi, Gephi Lite, Kumu) and in from them (and
from 360Giving grant data).

Export: :func:`exchange_graph` turns a Dataset and its analysis into attributes (one table,
:mod:`graphmap.exchange.attributes`), :func:`write_export` writes them as GEXF 1.3, GraphML or
a Kumu blueprint. Import: :func:`read_foreign` reads a Kumu, GEXF, GraphML or 360Giving file,
:func:`import_dataset` validates it as a workspace with issues located in the input.
"""

from __future__ import annotations

import os
from pathlib import Path

from graphmap.diagnostics import Issue
from graphmap.exchange.attributes import ExchangeGraph, exchange_graph
from graphmap.exchange.tables import ForeignGraph, to_dataset
from graphmap.model.dataset import Dataset

__all__ = [
    "EXPORT_FORMATS", "EXPORT_SUFFIXES", "IMPORT_FORMATS", "ExchangeGraph", "exchange_graph",
    "import_dataset", "read_foreign", "write_export",
]

#: ``graphmap export --to``: format -> the file extension it needs.
EXPORT_SUFFIXES: dict[str, str] = {"gexf": ".gexf", "graphml": ".graphml", "kumu": ".json"}
EXPORT_FORMATS: tuple[str, ...] = tuple(EXPORT_SUFFIXES)
#: ``graphmap import --from``.
IMPORT_FORMATS: tuple[str, ...] = ("kumu", "gexf", "graphml", "360giving")


def write_export(graph: ExchangeGraph, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as ``fmt`` (``gexf``, ``graphml`` or ``kumu``) at ``path``, atomically."""
    if fmt == "gexf":
        from graphmap.exchange.gexf import write_gexf

        return write_gexf(graph, path)
    if fmt == "graphml":
        from graphmap.exchange.graphml import write_graphml

        return write_graphml(graph, path)
    from graphmap.exchange.kumu import write_kumu

    return write_kumu(graph, path)


def read_foreign(path: str | os.PathLike[str], fmt: str, *, lang: str = "en") -> ForeignGraph:
    """Read ``path`` as ``fmt`` (one of :data:`IMPORT_FORMATS`); ``lang`` names what the
    file leaves unnamed (an individual grant recipient)."""
    if fmt == "gexf":
        from graphmap.exchange.gexf import read_gexf

        return read_gexf(path)
    if fmt == "graphml":
        from graphmap.exchange.graphml import read_graphml

        return read_graphml(path)
    if fmt == "kumu":
        from graphmap.exchange.kumu import read_kumu

        return read_kumu(path)
    from graphmap.exchange.giving360 import read_360giving

    return read_360giving(path, lang=lang)


def import_dataset(path: str | os.PathLike[str], fmt: str, *, lang: str = "en"
                   ) -> tuple[Dataset | None, list[Issue]]:
    """The Dataset of a Kumu, GEXF, GraphML or 360Giving file (``None`` when it holds an
    error) and every issue, located in that file."""
    return to_dataset(read_foreign(path, fmt, lang=lang))
