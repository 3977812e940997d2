"""graphmap: map social-innovation ecosystems as graphs (brokers, gaps, opportunities).

Public API (imported lazily so the CLI starts fast)::

    from graphmap import load_workspace, analyze, EcosystemGraph, to_networkx
    dataset = load_workspace("examples/laurentides")
    report = analyze(dataset)
    graph = EcosystemGraph(dataset)      # the compiled graph every analysis runs on
    g_u = to_networkx(graph)             # G_u as a networkx Graph; "flow" gives F
"""

from __future__ import annotations

import importlib
from typing import Any

from graphmap._version import __version__

_PUBLIC: dict[str, str] = {
    "load_workspace": "graphmap.workspace",
    "check_workspace": "graphmap.workspace",
    "write_workspace": "graphmap.export",
    "build_graph": "graphmap.model.graph",
    "to_networkx": "graphmap.model.graph",
    "EcosystemGraph": "graphmap.model.compiled",
    "Dataset": "graphmap.model.dataset",
    "analyze": "graphmap.analysis.pipeline",
    "generate_dataset": "graphmap.synth",
    "AnalysisConfig": "graphmap.config",
}

__all__ = [  # noqa: RUF022 (kept in _PUBLIC's order)
    "__version__", "load_workspace", "check_workspace", "write_workspace", "build_graph",
    "to_networkx", "EcosystemGraph", "Dataset", "analyze", "generate_dataset", "AnalysisConfig",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'graphmap' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
