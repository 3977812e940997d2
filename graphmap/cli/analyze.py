"""``graphmap analyze``: load a workspace, analyse it, print the report, write the files."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from graphmap.cli.common import (
    config_limits,
    current_lang,
    echo_issues,
    emit_document,
    guided_views,
    help_text,
    is_terminal,
    lang_option,
    text_layout,
)
from graphmap.cli.neo4j import connection_from_options, connection_options
from graphmap.cli.publishing import Publishing, publishing_options
from graphmap.config import DEFAULT_ENGINE, ENGINES, GROUP_BY
from graphmap.i18n import has_message, translate
from graphmap.render.options import DEFAULT_REPORT_FORMAT, REPORT_FORMATS


@click.command(
    name="analyze",
    help=help_text("report.cli.help"),
    short_help=help_text("report.cli.short_help"),
)
@click.argument("workspace", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS, case_sensitive=False),
              default=DEFAULT_REPORT_FORMAT, show_default=True,
              help=help_text("report.cli.format_help"))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, metavar="DIR", help=help_text("report.cli.out_help"))
@click.option("--for", "for_actor", default=None, metavar="ID",
              help=help_text("report.for.help"))
@lang_option
@click.option("--group-by", "group_by", type=click.Choice(GROUP_BY, case_sensitive=False),
              default=None, help=help_text("report.cli.group_by_help"))
@click.option("--top", type=click.IntRange(min=1), default=None, metavar="N",
              help=help_text("report.cli.top_help"))
@click.option("--seed", type=int, default=None, metavar="N", help=help_text("report.cli.seed_help"))
@click.option("--config", "config_path",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, metavar="FILE", help=help_text("report.cli.config_help"))
@click.option("--as-of", "as_of_text", default=None, metavar="YEAR",
              help=help_text("compare.as_of.help"))
@click.option("--engine", type=click.Choice(ENGINES, case_sensitive=False),
              default=DEFAULT_ENGINE, show_default=True,
              help=help_text("neo4j.engine.cli.engine_help"))
@connection_options
@click.option("--workspace", "name", default=None, metavar="NAME",
              help=help_text("neo4j.engine.cli.workspace_help"))
@publishing_options
def analyze(  # noqa: PLR0917 (click passes one argument per option)
    workspace: Path, fmt: str, out_dir: Path | None, for_actor: str | None, lang: str,
    group_by: str | None, top: int | None, seed: int | None, config_path: Path | None,
    as_of_text: str | None, engine: str,
    uri: str | None, user: str | None, database: str | None, password_stdin: bool,
    name: str | None, public: bool, include_columns: str | None,
) -> None:
    """The ``analyze`` command; its help is the catalogue's ``report.cli.help``."""
    from graphmap.config import load_config

    lang = lang or current_lang()
    fmt = fmt.lower()
    engine = engine.lower()
    year = _as_of_year(as_of_text)
    # Credentials first: a bad password stdin fails before any work.
    conn = (connection_from_options(uri, user, database, password_stdin)
            if engine == "neo4j" else None)
    config = load_config(config_path, workspace=workspace, seed=seed, top=top,
                         group_by=group_by.lower() if group_by else None)
    limits = config_limits(config_path)
    from graphmap.workspace import load_workspace

    dataset = None
    try:
        with _progress(lang, engine) as progress:
            dataset = _at_year(load_workspace(workspace, progress=progress, limits=limits),
                               year, workspace)
            viewpoint = _viewpoint(dataset, for_actor)
            publishing = Publishing(workspace, dataset, public=public,
                                    include_columns=include_columns, lang=lang,
                                    config_path=config_path)
            if conn is not None:
                from graphmap.neo4j.engine import analyze_in_neo4j
                from graphmap.neo4j.sync import workspace_name

                report = analyze_in_neo4j(dataset, conn, name or workspace_name(workspace),
                                          config, progress=progress)
            else:
                from graphmap.analysis.pipeline import analyze as run_analysis

                report = run_analysis(dataset, config, progress=progress)
            progress("render", 0, 1)
            if viewpoint is not None:  # one organisation's point of view (docs/reports.md)
                from graphmap.render.point_of_view import for_actor as narrowed

                report = narrowed(report, viewpoint)
            # The outputs draw what the publication step gives them (docs/privacy.md).
            publishing.apply(dataset, report)
            shown, data = publishing.shown(), publishing.data()
            if viewpoint is not None:  # the published id of --for (a person's pseudonym)
                shown, data = (_with_viewpoint(pair, publishing.published_id(viewpoint))
                               for pair in (shown, data))
            # The JSON report of a large ecosystem is too big to hold as one string: it is
            # streamed, to report.json and then copied from there, or straight to stdout.
            output = (None if fmt == "json"
                      else _render(fmt, *(shown if fmt == "markdown" else data), lang, config.top))
            views = ([] if out_dir is None else
                     publishing.published_views(guided_views(workspace, None, config_path),
                                                shown[0]))
            written = ([] if out_dir is None else write_outputs(
                *shown, out_dir, lang=lang, top=config.top,
                rendered={} if output is None else {fmt: output}, data=data, views=views)
                + publishing.write_log(out_dir))
            progress("render", 1, 1)
    finally:
        # After the progress bar is gone, so that it does not overwrite them.
        if dataset is not None:
            echo_issues(dataset.warnings, lang, workspace=workspace)
    notice = publishing.notice()
    if notice is not None:
        click.echo(notice, err=True)
    for path in written:
        click.echo(translate("report.cli.wrote", lang, path=str(path)), err=True)
    if output is not None:
        emit_document(fmt, output)
    elif out_dir is not None:
        _emit_file(out_dir / "report.json")
    else:
        _emit_json(*data, lang)


def _as_of_year(text: str | None) -> int | None:
    """The year of ``--as-of``: a year that is not a year fails before any reading (exit 2)."""
    if text is None:
        return None
    from graphmap.compare.asof import parse_as_of

    return parse_as_of(text)


def _at_year(dataset: Any, year: int | None, workspace: Path) -> Any:
    """The ecosystem as it stood in ``year`` (docs/compare.md), or all of it."""
    if year is None:
        return dataset
    from graphmap.compare.asof import as_of

    return as_of(dataset, year, workspace=str(workspace))


def _viewpoint(dataset: Any, for_actor: str | None) -> str | None:
    """The actor id of ``--for`` (an id or a unique name), or ``None``."""
    if for_actor is None:
        return None
    from graphmap.render.point_of_view import resolve_actor

    return resolve_actor(dataset, for_actor)


def _with_viewpoint(pair: tuple[Any, Any], published: str) -> tuple[Any, Any]:
    """``(dataset, report)`` whose report's ``meta["for"]`` is the id it is published as."""
    import dataclasses

    dataset, report = pair
    return dataset, dataclasses.replace(report, meta={**report.meta, "for": published})


def _render(fmt: str, dataset: Any, report: Any, lang: str, top: int) -> str:
    """The text or Markdown report (JSON is streamed, never built as one string here)."""
    if fmt == "markdown":
        from graphmap.render.markdown import render_markdown

        return render_markdown(dataset, report, lang, top)
    from graphmap.render.terminal import render_text

    width, color = text_layout()
    return render_text(dataset, report, lang, top, width=width, color=color)


def _emit_json(dataset: Any, report: Any, lang: str) -> None:
    """Stream the JSON report to stdout as UTF-8 bytes, whatever the console encoding."""
    import io

    from graphmap.render.json_report import write_json

    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream: let it encode
        write_json(dataset, report, lang, sys.stdout)
        sys.stdout.flush()
        return
    # Large writes: a big buffer saves system calls on a report of hundreds of MB.
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n", write_through=False)
    try:
        write_json(dataset, report, lang, stream)
        stream.flush()
    finally:
        stream.detach()  # leave sys.stdout's own buffer open


def _emit_file(path: Path) -> None:
    """Copy a document already written (``--out``) to stdout, byte for byte."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    with path.open("rb") as handle:
        if buffer is None:  # a text-only stream: let it encode
            sys.stdout.write(handle.read().decode("utf-8"))
            sys.stdout.flush()
            return
        shutil.copyfileobj(handle, buffer, 1 << 20)
    buffer.flush()


def write_outputs(dataset: Any, report: Any, out_dir: Path, *, lang: str, top: int,
                  rendered: Mapping[str, str] | None = None,
                  data: tuple[Any, Any] | None = None,
                  views: Sequence[Any] = ()) -> list[Path]:
    """Write ``report.json``, ``report.md``, ``map.html``, ``report.html``, ``brief.html``
    and ``actions.xlsx`` atomically into ``out_dir``; return the paths written.

    ``rendered`` holds the Markdown document if the caller already rendered it, so that it is
    not rendered twice; ``report.json`` is always streamed to its file, from ``data`` (the
    pair with every column, docs/privacy.md) when given; ``views`` are the guided views of
    the map and the HTML report (docs/map.md; none: the map proposes three).
    """
    from graphmap.atomic import atomic_open, write_text
    from graphmap.render.html_map import build_map_payload, map_page
    from graphmap.render.html_report import write_report
    from graphmap.render.json_report import write_json

    rendered = rendered or {}
    with atomic_open(out_dir / "report.json") as handle:
        write_json(*(data or (dataset, report)), lang, handle)
    written = [out_dir / "report.json"]
    markdown_text = rendered.get("markdown") or _render("markdown", dataset, report, lang, top)
    written.append(write_text(out_dir / "report.md", markdown_text))
    # One layout for both pages: the map and the report embed the same drawing.
    payload = build_map_payload(dataset, report, lang=lang, views=list(views))
    written.append(write_text(out_dir / "map.html", map_page(payload, lang=lang)))
    written.append(write_report(dataset, report, out_dir / "report.html", lang=lang,
                                payload=payload))
    from graphmap.render.actions_xlsx import write_actions
    from graphmap.render.brief import write_brief

    viewpoint = report.meta.get("for") if isinstance(report.meta, Mapping) else None
    written.append(write_brief(dataset, report, out_dir / "brief.html", lang=lang,
                               viewpoint=viewpoint))
    written.append(write_actions(dataset, report, out_dir / "actions.xlsx", lang=lang))
    return written


@contextmanager
def _progress(lang: str, engine: str = DEFAULT_ENGINE) -> Iterator[Callable[[str, int, int], None]]:
    """A progress callback ``(step, done, total)`` for the whole command: one bar on stderr,
    naming the current step, when stderr is a terminal; nothing otherwise (pipes, files,
    CI logs)."""
    if not is_terminal(sys.stderr):
        yield _silent
        return
    bar = _StepBar(lang, engine)
    try:
        yield bar
    finally:
        bar.close()


def _silent(step: str, done: int, total: int) -> None:
    del step, done, total


class _StepBar:
    """``[#####-----]  3/10  Betweenness`` on stderr: advances when a step ends."""

    def __init__(self, lang: str, engine: str = DEFAULT_ENGINE) -> None:
        if engine == "neo4j":
            from graphmap.neo4j.engine import ENGINE_STEPS as STEPS
        else:
            from graphmap.analysis.pipeline import STEPS

        self.lang = lang
        self.current = ""
        self.bar: Any = click.progressbar(
            length=len(STEPS) + 2, file=sys.stderr, show_eta=False, show_percent=False,
            show_pos=True, item_show_func=lambda _item: self.current,
        )
        self.bar.__enter__()

    def __call__(self, step: str, done: int, total: int) -> None:
        key = next((k for k in (f"report.step.{step}", f"neo4j.engine.step.{step}")
                    if has_message(k)), None)
        self.current = translate(key, self.lang) if key else str(step)
        self.bar.update(1 if total and done >= total else 0)

    def close(self) -> None:
        self.bar.__exit__(None, None, None)
