"""The layers of docs/architecture.md hold: no module imports a higher layer, and only the CLI
imports click. Imports are read from the source (ast), including lazy imports inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "graphmap"

# Lower number = lower layer. A module may import its own layer and the layers below.
LAYERS: dict[str, int] = {
    **dict.fromkeys(("_version", "schema", "i18n", "messages", "errors", "diagnostics",
                     "config", "atomic", "collection"), 0),
    "load": 1,
    "model": 2,
    **dict.fromkeys(("validation", "workspace", "export", "synth"), 3),
    **dict.fromkeys(("analysis", "compare", "privacy"), 4),
    **dict.fromkeys(("render", "neo4j", "exchange"), 5),
    "cli": 6,
}
# graphmap/__init__.py is the public API and __main__.py the entry point: they may import
# anything (lazily), and nothing but the CLI may import them.
TOP = 7
UNRESTRICTED = {"__init__", "__main__"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, package: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in the file, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    if package is None:
        package = (_dotted(path) if path.name == "__init__.py"
                   else _dotted(path).rpartition(".")[0])
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module == "graphmap":
                # ``from graphmap import x``: a submodule if there is one, else the public API.
                for alias in node.names:
                    sub = PACKAGE / alias.name
                    is_module = sub.is_dir() or sub.with_suffix(".py").exists()
                    found.append((node.lineno, f"graphmap.{alias.name}" if is_module
                                  else "graphmap"))
            else:
                found.append((node.lineno, module))
    return found


def _layer(module: str) -> int:
    parts = module.split(".")
    if parts == ["graphmap"]:
        return TOP
    head = parts[1]
    if head in UNRESTRICTED:
        return TOP
    if head not in LAYERS:
        raise KeyError(f"graphmap.{head} has no layer: add it to LAYERS in {__file__}")
    return LAYERS[head]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_higher_layer(path: Path) -> None:
    own = _dotted(path)
    if path.stem in UNRESTRICTED and path.parent == PACKAGE:
        return
    layer = _layer(own)
    bad = [f"line {line}: {module}" for line, module in _imports(path)
           if module.split(".")[0] == "graphmap" and _layer(module) > layer]
    assert not bad, f"{own} (layer {layer}) imports a higher layer: {bad}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_cli_imports_click(path: Path) -> None:
    if (PACKAGE / "cli") in path.parents:
        return
    clicks = [line for line, module in _imports(path) if module.split(".")[0] == "click"]
    assert not clicks, f"{_dotted(path)} imports click (lines {clicks})"


def test_the_checker_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from ..render import x\n    import click\n"
                      "from graphmap import analyze\n")
    found = [m for _, m in _imports(source, package="graphmap.load")]
    assert sorted(found) == ["click", "graphmap", "graphmap.render"]
    assert [_layer(m) > LAYERS["load"] for m in found if m.startswith("graphmap")] == [
        True, True]


# --- issue 9: one graph, renderers that only read, files that show the design ------------

#: The one module of graphmap.analysis a renderer may import: the report's data model.
REPORT_MODEL = "graphmap.analysis.report"
#: Where networkx may appear in the package: the public model conversion (docs/architecture.md).
NETWORKX_ALLOWED = ("model",)
MAX_LINES = 500


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_renderers_import_no_analysis_computation(path: Path) -> None:
    if (PACKAGE / "render") not in path.parents:
        return
    bad = [f"line {line}: {module}" for line, module in _imports(path)
           if module.startswith("graphmap.analysis") and module != REPORT_MODEL]
    assert not bad, (f"{_dotted(path)} imports analysis computation {bad}: a renderer only "
                     f"reads the AnalysisReport ({REPORT_MODEL})")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_model_conversion_imports_networkx(path: Path) -> None:
    head = path.relative_to(PACKAGE).parts[0]
    if head.removesuffix(".py") in NETWORKX_ALLOWED:
        return
    found = [line for line, module in _imports(path) if module.split(".")[0] == "networkx"]
    assert not found, f"{_dotted(path)} imports networkx (lines {found})"


def _optional_graph_parameters(path: Path) -> list[str]:
    """Parameters annotated ``<...Graph...> | None`` (or ``Optional[...]``) in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        arguments = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        for arg in arguments:
            text = ast.unparse(arg.annotation) if arg.annotation is not None else ""
            optional = "None" in text or "Optional" in text
            if optional and ("Graph" in text or "Index" in text):
                found.append(f"line {arg.lineno}: {node.name}({arg.arg}: {text})")
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_analyses_take_one_required_graph(path: Path) -> None:
    if (PACKAGE / "analysis") not in path.parents:
        return
    found = _optional_graph_parameters(path)
    assert not found, f"{_dotted(path)} has optional graph parameters: {found}"


def test_the_optional_graph_check_can_fail(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("def f(graph: EcosystemGraph | None = None, n: int | None = None): ...\n")
    assert _optional_graph_parameters(source) == [
        "line 1: f(graph: EcosystemGraph | None)"]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_500_lines(path: Path) -> None:
    if (PACKAGE / "messages") in path.parents:
        return  # the catalogue: one sentence per line, by design
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_dotted(path)} has {lines} lines (at most {MAX_LINES})"
