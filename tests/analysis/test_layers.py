"""The analysis layer imports only lower layers, never networkx (its graph is the compiled
``EcosystemGraph``), and never does I/O or uses click."""

from __future__ import annotations

import ast
from pathlib import Path

import graphmap.analysis

FORBIDDEN = ("graphmap.render", "graphmap.cli", "graphmap.neo4j", "graphmap.load",
             "graphmap.workspace", "graphmap.validation", "click", "pyvis", "neo4j",
             "networkx")
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


def test_every_graph_parameter_is_the_compiled_graph_never_optional():
    """One graph argument: no ``EcosystemGraph | None`` parameter (no rebuild fallback)
    and no networkx graph parameter anywhere in the analysis."""
    seen = 0
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            for arg in arguments:
                annotation = ast.unparse(arg.annotation) if arg.annotation else ""
                where = f"{path.name}:{node.lineno} {node.name}({arg.arg})"
                assert "nx." not in annotation, where
                assert "GraphIndex" not in annotation, where
                if "EcosystemGraph" in annotation:
                    seen += 1
                    assert "None" not in annotation, where
    assert seen >= 10
