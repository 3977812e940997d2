"""The analysis layer imports only lower layers, and never does I/O or uses click."""

from __future__ import annotations

import ast
from pathlib import Path

import graphmap.analysis

FORBIDDEN = ("graphmap.render", "graphmap.cli", "graphmap.neo4j", "graphmap.load",
             "graphmap.workspace", "graphmap.validation", "click", "pyvis", "neo4j")
PACKAGE = Path(graphmap.analysis.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_analysis_modules_import_no_higher_layer():
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        for name in _imports(path):
            assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


def test_analysis_modules_do_no_io():
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {node.func.id for node in ast.walk(tree)
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
        assert not calls & {"open", "print", "input"}, path.name
