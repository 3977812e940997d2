"""``graphmap compare OLD NEW``: two years of an ecosystem, analysed alike and compared."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from graphmap.cli.common import (
    config_limits,
    current_lang,
    echo_issues,
    emit_document,
    help_text,
    lang_option,
    text_layout,
)
from graphmap.cli.publishing import Publishing, held_back_notice, publishing_options
from graphmap.i18n import translate

FORMATS: tuple[str, ...] = ("text", "json", "markdown")
#: What ``--out DIR`` writes, in this order.
OUT_FILES: tuple[str, ...] = ("compare.json", "compare.md", "compare.html")


@click.command(
    name="compare",
    help=help_text("compare.cli.help"),
    short_help=help_text("compare.cli.short_help"),
)
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False),
              default="text", show_default=True, help=help_text("compare.cli.format_help"))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, metavar="DIR", help=help_text("compare.cli.out_help"))
@lang_option
@click.option("--top", type=click.IntRange(min=1), default=None, metavar="N",
              help=help_text("compare.cli.top_help"))
@click.option("--seed", type=int, default=None, metavar="N",
              help=help_text("compare.cli.seed_help"))
@click.option("--config", "config_path",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, metavar="FILE", help=help_text("compare.cli.config_help"))
@publishing_options
def compare(  # noqa: PLR0917 (click passes one argument per option)
    old: str, new: str, fmt: str, out_dir: Path | None, lang: str, top: int | None,
    seed: int | None, config_path: Path | None, public: bool, include_columns: str | None,
) -> None:
    """The ``compare`` command; its help is the catalogue's ``compare.cli.help``."""
    from graphmap.analysis.pipeline import analyze
    from graphmap.compare import as_of, compare_analyses, split_side
    from graphmap.config import CONFIG_FILENAME, load_config

    lang = lang or current_lang()
    fmt = fmt.lower()
    # A side that is not WS or WS@YEAR is a usage error before any reading.
    (old_path, old_year), (new_path, new_year) = split_side(old), split_side(new)
    own = new_path if (new_path / CONFIG_FILENAME).is_file() else old_path
    config = load_config(config_path, workspace=own, seed=seed, top=top)
    old_ds, new_ds = _load_both(old_path, new_path, lang, config_limits(config_path))
    if old_year is not None:
        old_ds = as_of(old_ds, old_year, workspace=old)
    if new_year is not None:
        new_ds = as_of(new_ds, new_year, workspace=new)
    # Each year goes through the publication step (docs/privacy.md), with the run's policy
    # (the graphmap.toml the settings come from) and one salt, NEW's: a person has one
    # pseudonym in both years, and the label `analyze NEW --public` gives it.
    policy_file = config_path or (own / CONFIG_FILENAME if (own / CONFIG_FILENAME).is_file()
                                  else None)
    sides = [Publishing(new_path, dataset, public=public, include_columns=include_columns,
                        lang=lang, config_path=policy_file, also=(other,))
             for dataset, other in ((old_ds, new_ds), (new_ds, old_ds))]
    sides[1].apply(new_ds, analyze(new_ds, config))
    sides[0].apply(old_ds, analyze(old_ds, config), like=sides[1])
    meta: dict[str, Any] = {"seed": config.seed, "config": config.as_dict()}
    if public:
        meta["publication"] = {"mode": "public", "k": sides[0].policy.k,
                               "analysis": "full_data_then_redacted"}

    def compared(pairs: list[tuple[Any, Any]]) -> Any:
        (old_pair, new_pair) = pairs
        return compare_analyses(*old_pair, *new_pair, top=config.top, old_as_of=old_year,
                                new_as_of=new_year, meta=meta)

    # JSON and text (the user's own files and screen) hold everything in default mode;
    # HTML and Markdown the years with their contact columns held back. The pages need a
    # comparison of their own only when that took something away (never with --public).
    data_pairs, shown_pairs = [s.data() for s in sides], [s.shown() for s in sides]
    data = compared(data_pairs)
    shown = data if shown_pairs == data_pairs else compared(shown_pairs)
    _echo_renames(data, lang)
    output = _render(fmt, shown if fmt == "markdown" else data, lang, config.top)
    written = [] if out_dir is None else (
        write_outputs(shown, out_dir, lang=lang, top=config.top, rendered={fmt: output},
                      data=data)
        + sides[0].write_log(out_dir, "publication-old")
        + sides[1].write_log(out_dir, "publication-new"))
    _echo_notices(sides, (old, new), lang)
    for path in written:
        click.echo(translate("compare.cli.wrote", lang, path=str(path)), err=True)
    emit_document(fmt, output)


def _echo_notices(sides: list[Publishing], names: tuple[str, str], lang: str) -> None:
    """What the publication step held back (default: the contact columns of either year, in
    one line) or did (``--public``: one line per year)."""
    if not sides[0].public:
        held = {(c.table, c.column): c for side in sides for c in side.held}
        notice = held_back_notice(list(held.values()), lang)
        if notice is not None:
            click.echo(notice, err=True)
        return
    for side, name in zip(sides, names, strict=True):
        click.echo(translate("compare.cli.side_notice", lang, side=name,
                             notice=side.notice()), err=True)


def _located(issues: Any, path: Path) -> list[Any]:
    """Issues renamed after their workspace (``old/actors.csv``), so the two sides' problems
    can be told apart: a folder's files under it, a workbook's or JSON file's beside it."""
    base = path if path.is_dir() else path.parent
    return [replace(issue, file=str(base / issue.file)) for issue in issues]


def _load_both(old: Path, new: Path, lang: str, limits: Any = None) -> tuple[Any, Any]:
    """Both workspaces, validated; every problem of both reported together before failing.
    ``limits``: those of ``--config FILE`` for both, else each side's own ``graphmap.toml``.

    Data errors exit 1; a side that cannot be opened at all (a path that does not exist) is
    reported too, and then the usage error wins (exit 2).
    """
    from graphmap.errors import GraphmapError, UsageError
    from graphmap.workspace import check_workspace

    datasets: list[Any] = []
    failures: list[GraphmapError] = []
    errors = 0
    shown: set[Any] = set()
    for path in (old, new):
        try:
            dataset, issues = check_workspace(path, limits=limits)
        except GraphmapError as exc:
            failures.append(exc)
            datasets.append(None)
            continue
        # One workspace on both sides (WS@2023 WS@2025): its problems are told once.
        fresh = [i for i in _located(issues, path) if (i.sort_key(), i.format(lang)) not in shown]
        shown.update((i.sort_key(), i.format(lang)) for i in fresh)
        echo_issues(fresh, lang, workspace=path)
        errors += sum(1 for issue in fresh if issue.is_error)
        datasets.append(dataset)
    if failures:
        for failure in failures:
            click.echo(translate("cli.error_prefix", lang) + failure.render(lang), err=True)
        usage = any(isinstance(failure, UsageError) for failure in failures)
        raise click.exceptions.Exit(UsageError.exit_code if usage else failures[0].exit_code)
    if errors:
        # The count is at least one here, where French and English agree on the plural.
        raise GraphmapError(f"compare.cli.errors.{'one' if errors == 1 else 'other'}",
                            count=errors)
    return datasets[0], datasets[1]


def _echo_renames(report: Any, lang: str) -> None:
    for kind, records in (("actor", report.actors), ("project", report.projects)):
        for rename in records.renamed:
            click.echo(translate("compare.cli.renamed", lang,
                                 kind=translate(f"compare.kind.{kind}", lang).lower(),
                                 name=rename.name, old_id=rename.old_id,
                                 new_id=rename.new_id), err=True)


def _render(fmt: str, report: Any, lang: str, top: int) -> str:
    if fmt == "json":
        from graphmap.render.compare_json import render_compare_json

        return render_compare_json(report, lang)
    if fmt == "markdown":
        from graphmap.render.compare_markdown import render_compare_markdown

        return render_compare_markdown(report, lang, top)
    from graphmap.render.compare_text import render_compare_text

    width, color = text_layout()
    return render_compare_text(report, lang, top, width=width, color=color)


def write_outputs(report: Any, out_dir: Path, *, lang: str, top: int,
                  rendered: dict[str, str] | None = None, data: Any = None) -> list[Path]:
    """Write ``compare.json``, ``compare.md`` and ``compare.html`` atomically into
    ``out_dir`` (reusing what ``rendered`` already holds: the Markdown of ``report``, the
    JSON of ``data``); return the paths written.

    ``report`` is what the pages may show (docs/privacy.md); ``compare.json`` is written
    from ``data``, the comparison with every column, when given.
    """
    from graphmap.atomic import write_text
    from graphmap.render.compare_html import build_compare_html

    rendered = rendered or {}
    documents = {
        "compare.json": rendered.get("json") or _render("json", data or report, lang, top),
        "compare.md": rendered.get("markdown") or _render("markdown", report, lang, top),
        "compare.html": build_compare_html(report, lang, top),
    }
    return [write_text(out_dir / name, documents[name]) for name in OUT_FILES]
