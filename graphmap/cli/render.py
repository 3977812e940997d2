"""``graphmap render``: draw a workspace's interactive map as one offline HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import (
    check_output_suffix,
    current_lang,
    echo_issues,
    guided_views,
    help_text,
    lang_option,
)
from graphmap.cli.publishing import Publishing, publishing_options
from graphmap.errors import UsageError
from graphmap.i18n import Message, translate
from graphmap.render.formatting import format_number
from graphmap.render.options import (
    COLOR_BY,
    DEFAULT_COLOR_BY,
    DEFAULT_LAYERS,
    DEFAULT_SIZE_BY,
    SIZE_BY,
    check_map_options,
    parse_layers,
)

__all__ = ["parse_layers", "render"]


@click.command(name="render", help=help_text("render.cli_help"))
@click.argument("workspace", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("map.html"), show_default=True, help=help_text("render.opt_output"))
@click.option("--color-by", type=click.Choice(COLOR_BY, case_sensitive=False),
              default=DEFAULT_COLOR_BY, show_default=True, help=help_text("render.opt_color_by"))
@click.option("--size-by", type=click.Choice(SIZE_BY, case_sensitive=False),
              default=DEFAULT_SIZE_BY, show_default=True, help=help_text("render.opt_size_by"))
@click.option("--layers", default=",".join(DEFAULT_LAYERS), show_default=True, metavar="LIST",
              help=help_text("render.opt_layers"))
@click.option("--focus", default=None, metavar="ID", help=help_text("render.opt_focus"))
@click.option("--depth", type=int, default=None, metavar="N", help=help_text("render.opt_depth"))
@click.option("--views", "views_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, metavar="FILE", help=help_text("render.opt_views"))
@lang_option
@click.option("--open", "open_after", is_flag=True, default=False,
              help=help_text("render.opt_open"))
@publishing_options
def render(  # noqa: PLR0917 (click passes one argument per option)
    workspace: Path, output: Path, color_by: str, size_by: str, layers: str,
    focus: str | None, depth: int | None, views_file: Path | None, lang: str, open_after: bool,
    public: bool, include_columns: str | None,
) -> None:
    """The ``render`` command; its help is the catalogue's ``render.cli_help``."""
    lang = lang or current_lang()
    from graphmap import atomic
    from graphmap.config import load_config
    from graphmap.render.html_map import (
        analysis_needed,
        build_map_payload,
        map_page,
        resolve_focus,
    )
    from graphmap.workspace import load_workspace

    # Option mistakes are caught here, before the (possibly long) load and analysis.
    check_output_suffix(output, (".html", ".htm"), option="-o", what="cli.what.html_map")
    if depth is not None and focus is None:
        raise UsageError("render.depth_without_focus")
    color_by, size_by = color_by.lower(), size_by.lower()
    chosen_layers = check_map_options(color_by, size_by, parse_layers(layers), depth or 1)

    config = load_config(None, workspace=workspace)
    views = guided_views(workspace, views_file)
    dataset = load_workspace(workspace)
    echo_issues(dataset.warnings, lang, workspace=workspace)
    publishing = Publishing(workspace, dataset, public=public, include_columns=include_columns,
                            lang=lang)
    if focus is not None:
        focus = resolve_focus(dataset, focus)
    # The map only reads the analysis: ask for no more of it than these options show (all
    # of it in public mode, where the publication step rewrites the report).
    need = "report" if public else analysis_needed(
        dataset, color_by=color_by, size_by=size_by, layers=chosen_layers, focus=focus)
    report = None
    communities = None
    if need == "report":
        from graphmap.analysis.pipeline import analyze

        report = analyze(dataset, config)
    elif need == "communities":
        from graphmap.analysis.pipeline import community_partition

        communities = community_partition(dataset, config)
    publishing.apply(dataset, report)
    dataset, report = publishing.shown()
    if public and focus is not None:
        focus = publishing.published_id(focus)
    views = publishing.published_views(views, dataset)
    payload = build_map_payload(
        dataset, report, lang=lang, color_by=color_by, size_by=size_by, layers=chosen_layers,
        focus=focus, depth=depth or 1, seed=config.seed, communities=communities,
        views=views,
    )
    html = map_page(payload, lang=lang)
    path = atomic.write_text(output, html)
    def count(value: int) -> str:
        return format_number(value, lang)

    if payload.mode == "aggregated":
        message = translate("render.written_aggregated", lang, path=str(path),
                            communities=count(payload.node_count),
                            nodes=count(payload.total_nodes))
    else:
        message = translate("render.written", lang, path=str(path),
                            nodes=Message("count.nodes", {"count": count(payload.node_count)}),
                            edges=Message("count.links", {"count": count(payload.edge_count)}))
    click.echo(message, err=True)
    for log_path in publishing.write_log(path.parent):
        click.echo(translate("report.cli.wrote", lang, path=str(log_path)), err=True)
    notice = publishing.notice()
    if notice is not None:
        click.echo(notice, err=True)
    if open_after:
        click.launch(str(path.resolve()))
