"""``graphmap generate``: write a seeded synthetic ecosystem as a CSV workspace folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from graphmap.cli.common import is_terminal, lang_option
from graphmap.errors import InputError
from graphmap.i18n import resolve_lang, translate

_LANG = resolve_lang()


@click.command(
    "generate",
    help=translate("generate.help", _LANG),
    short_help=translate("generate.short_help", _LANG),
)
@click.option(
    "--actors",
    type=int,
    default=1000,
    show_default=True,
    help=translate("generate.actors_help", _LANG),
)
@click.option("--projects", type=int, default=None, help=translate("generate.projects_help", _LANG))
@click.option(
    "--relations", type=int, default=None, help=translate("generate.relations_help", _LANG)
)
@click.option(
    "--seed", type=int, default=42, show_default=True, help=translate("generate.seed_help", _LANG)
)
@click.option("--force", is_flag=True, default=False, help=translate("generate.force_help", _LANG))
@click.argument("out", type=click.Path(file_okay=True, dir_okay=True, path_type=Path))
@lang_option
def generate(
    *,
    actors: int,
    projects: int | None,
    relations: int | None,
    seed: int,
    force: bool,
    out: Path,
    lang: str,
) -> None:
    from graphmap.synth import Sizes, check_sizes, write_workspace

    projects = max(1, actors // 4) if projects is None else projects
    if relations is None:  # five per actor, or as many as tiny sizes can hold
        relations = min(5 * actors, max(0, Sizes(actors, projects, 0, seed).max_relations))
    sizes = check_sizes(actors, projects, relations, seed)  # exit 2 before touching OUT
    if out.exists() and not out.is_dir():
        raise InputError("generate.error_not_a_folder", path=str(out))
    if out.is_dir() and any(out.iterdir()) and not force:
        raise InputError("generate.error_not_empty", path=str(out))
    total = sizes.actors + sizes.projects + sizes.relations
    if is_terminal():
        with click.progressbar(
            length=total,
            file=sys.stderr,
            label=translate(
                "generate.progress_label", lang, step=translate("generate.step.actors", lang)
            ),
        ) as bar:
            state: dict[str, Any] = {"done": 0}

            def progress(step: str, done: int, _total: int) -> None:
                bar.label = translate(
                    "generate.progress_label", lang, step=translate(f"generate.step.{step}", lang)
                )
                bar.update(done - state["done"])
                state["done"] = done

            counts = write_workspace(
                out, sizes.actors, sizes.projects, sizes.relations, sizes.seed, progress=progress
            )
    else:
        counts = write_workspace(out, sizes.actors, sizes.projects, sizes.relations, sizes.seed)
    click.echo(translate("generate.done", lang, path=str(out), **counts), err=True)
