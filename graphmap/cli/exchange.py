"""``graphmap export`` and ``graphmap import``: Gephi, Kumu and 360Giving files."""

from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import (
    config_limits,
    counted_sizes,
    current_lang,
    echo_issues,
    help_text,
    lang_option,
)
from graphmap.cli.publishing import Publishing, publishing_options
from graphmap.errors import GraphmapError, UsageError
from graphmap.i18n import Message, translate

__all__ = ["export", "import_"]

# Kept here rather than imported from graphmap.exchange so --help stays light.
_EXPORT_SUFFIXES = {"gexf": ".gexf", "graphml": ".graphml", "kumu": ".json"}
_IMPORT_FORMATS = ("kumu", "gexf", "graphml", "360giving")
_FORMAT_NAMES = {"gexf": "GEXF", "graphml": "GraphML", "kumu": "Kumu", "360giving": "360Giving"}


@click.command(name="export", help=help_text("exchange.cli.export_help"),
               short_help=help_text("exchange.cli.export_short"))
@click.argument("workspace", type=click.Path(path_type=Path))
@click.option("--to", "fmt", type=click.Choice(tuple(_EXPORT_SUFFIXES), case_sensitive=False),
              required=True, help=help_text("exchange.cli.opt_to"))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help=help_text("exchange.cli.opt_output_export"))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, metavar="FILE", help=help_text("exchange.cli.opt_config"))
@lang_option
@publishing_options
def export(workspace: Path, fmt: str, output: Path, config_path: Path | None,  # noqa: PLR0917
           lang: str, public: bool, include_columns: str | None) -> None:
    """The ``export`` command; its help is the catalogue's ``exchange.cli.export_help``."""
    lang = lang or current_lang()
    fmt = fmt.lower()
    expected = _EXPORT_SUFFIXES[fmt]
    if output.suffix.lower() != expected:
        raise UsageError("exchange.extension_mismatch", path=str(output), expected=expected,
                         format=fmt)
    from graphmap.analysis.pipeline import analyze
    from graphmap.config import load_config
    from graphmap.exchange import exchange_graph, write_export
    from graphmap.workspace import load_workspace

    config = load_config(config_path, workspace=workspace)
    dataset = load_workspace(workspace, limits=config_limits(config_path))
    echo_issues(dataset.warnings, lang, workspace=workspace)
    publishing = Publishing(workspace, dataset, public=public, include_columns=include_columns,
                            lang=lang, config_path=config_path)
    report = analyze(dataset, config)
    # An export is the user's own file: every column, unless --public (docs/privacy.md).
    publishing.apply(dataset, report)
    dataset, report = publishing.data()
    styles = None
    if fmt in ("gexf", "graphml"):
        from graphmap.exchange.style import map_styles

        styles = map_styles(dataset, report, seed=config.seed)
    graph = exchange_graph(dataset, report, lang=lang, styles=styles)
    echo_issues(graph.issues, lang)
    path = write_export(graph, fmt, output)
    # Counts grouped by thousands as the render command's message (``1\u00a0234 nœuds``).
    from graphmap.render.formatting import format_number

    nodes, edges = (format_number(n, lang) for n in (graph.node_count, graph.edge_count))
    click.echo(translate("exchange.exported", lang, path=str(path),
                         nodes=Message("count.nodes", {"count": nodes}),
                         edges=Message("count.edges", {"count": edges}),
                         format=_FORMAT_NAMES[fmt]), err=True)
    if public:
        for log_path in publishing.write_log(path.parent):
            click.echo(translate("report.cli.wrote", lang, path=str(log_path)), err=True)
        click.echo(publishing.notice(), err=True)


@click.command(name="import", help=help_text("exchange.cli.import_help"),
               short_help=help_text("exchange.cli.import_short"))
@click.argument("source", metavar="FILE", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help=help_text("exchange.cli.opt_output_import"))
@click.option("--from", "fmt", type=click.Choice(_IMPORT_FORMATS, case_sensitive=False),
              default=None, help=help_text("exchange.cli.opt_from"))
@lang_option
def import_(source: Path, output: Path, fmt: str | None, lang: str) -> None:
    """The ``import`` command; its help is the catalogue's ``exchange.cli.import_help``."""
    lang = lang or current_lang()
    if not source.is_file():
        raise UsageError("exchange.input_missing", path=str(source))
    if output.suffix and output.suffix.lower() not in (".xlsx", ".json"):
        raise UsageError("exchange.output_form", path=str(output))
    from graphmap.exchange import import_dataset
    from graphmap.exchange.detect import detect_format

    chosen = fmt.lower() if fmt else detect_format(source)
    if chosen is None:
        raise UsageError("exchange.undetected", path=str(source),
                         choices=", ".join(_IMPORT_FORMATS))
    dataset, issues = import_dataset(source, chosen, lang=lang)
    if dataset is None:
        errors = sum(1 for i in issues if i.is_error)
        echo_issues(issues, lang)
        raise GraphmapError("exchange.import_failed", count=errors, path=str(source))
    from graphmap.export import write_workspace

    echo_issues(issues, lang)
    path = write_workspace(dataset, output)
    click.echo(translate("exchange.imported", lang, path=str(path),
                         **counted_sizes(len(dataset.actors), len(dataset.projects),
                                         len(dataset.relations)),
                         format=_FORMAT_NAMES[chosen]), err=True)
