"""``graphmap brief``: write a workspace's board brief, as PDF or HTML by the extension of
``-o`` (docs/reports.md)."""

from __future__ import annotations

from pathlib import Path

import click

from graphmap.cli.common import (
    check_output_suffix,
    config_limits,
    current_lang,
    echo_issues,
    help_text,
    lang_option,
)
from graphmap.cli.publishing import Publishing, publishing_options
from graphmap.i18n import translate

#: What ``-o`` may end with: the PDF printed by Chromium, or the page itself.
BRIEF_SUFFIXES: tuple[str, ...] = (".pdf", ".html", ".htm")
PAPER_CHOICES: tuple[str, ...] = ("letter", "a4")


@click.command(name="brief", help=help_text("brief.cli.help"),
               short_help=help_text("brief.cli.short_help"))
@click.argument("workspace", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              metavar=help_text("brief.cli.output_metavar"),
              help=help_text("brief.cli.output_help"))
@click.option("--for", "for_actor", default=None, metavar="ID", help=help_text("report.for.help"))
@click.option("--paper", type=click.Choice(PAPER_CHOICES, case_sensitive=False), default="letter",
              show_default=True, help=help_text("brief.cli.paper_help"))
@click.option("--seed", type=int, default=None, metavar="N", help=help_text("report.cli.seed_help"))
@click.option("--config", "config_path",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, metavar=help_text("brief.cli.config_metavar"),
              help=help_text("report.cli.config_help"))
@lang_option
@publishing_options
def brief(  # noqa: PLR0917 (click passes one argument per option)
    workspace: Path, output: Path, for_actor: str | None, paper: str, seed: int | None,
    config_path: Path | None, lang: str, public: bool, include_columns: str | None,
) -> None:
    """The ``brief`` command; its help is the catalogue's ``brief.cli.help``."""
    lang = lang or current_lang()
    # The name says what is written: checked before any work.
    suffix = check_output_suffix(output, BRIEF_SUFFIXES, option="-o", what="cli.what.brief")
    from graphmap.analysis.pipeline import analyze
    from graphmap.config import load_config
    from graphmap.render.brief import build_brief_html
    from graphmap.render.pdf import PAPERS, html_to_pdf
    from graphmap.render.point_of_view import for_actor as narrowed
    from graphmap.render.point_of_view import resolve_actor
    from graphmap.workspace import load_workspace

    config = load_config(config_path, workspace=workspace, seed=seed)
    dataset = load_workspace(workspace, limits=config_limits(config_path))
    echo_issues(dataset.warnings, lang, workspace=workspace)
    viewpoint = resolve_actor(dataset, for_actor) if for_actor is not None else None
    # Before the analysis: an unknown --include-columns name is a usage error at once.
    publishing = Publishing(workspace, dataset, public=public, include_columns=include_columns,
                            lang=lang, config_path=config_path)
    report = analyze(dataset, config)
    if viewpoint is not None:
        report = narrowed(report, viewpoint)
    publishing.apply(dataset, report)
    shown_dataset, shown_report = publishing.shown()
    shown_viewpoint = publishing.published_id(viewpoint) if viewpoint is not None else None
    html = build_brief_html(shown_dataset, shown_report, lang=lang, viewpoint=shown_viewpoint,
                            paper=PAPERS[paper.lower()] if suffix == ".pdf" else None)
    if suffix == ".pdf":
        path = html_to_pdf(html, output)
    else:
        from graphmap import atomic

        path = atomic.write_text(output, html)
    click.echo(translate("brief.cli.wrote", lang, path=str(path)), err=True)
    # --public: the publication log beside the brief, as beside render's map.
    for log_path in publishing.write_log(path.parent):
        click.echo(translate("report.cli.wrote", lang, path=str(log_path)), err=True)
    notice = publishing.notice()
    if notice is not None:
        click.echo(notice, err=True)
