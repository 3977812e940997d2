"""``graphmap generate``: write a seeded synthetic ecosystem as a CSV workspace folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from graphmap.cli.common import counted_sizes, is_terminal, lang_option
from graphmap.errors import InputError
from graphmap.i18n import resolve_lang, translate
from graphmap.synth.sizes import (
    ACTORS_PER_PROJECT,
    DEFAULT_ACTORS,
    DEFAULT_SEED,
    RELATIONS_PER_ACTOR,
)

_LANG = resolve_lang()


@click.command(
    "generate",
    help=translate("generate.help", _LANG),
    short_help=translate("generate.short_help", _LANG),
)
@click.option(
    "--actors",
    type=int,
    default=DEFAULT_ACTORS,
    show_default=True,
    help=translate("generate.actors_help", _LANG),
)
@click.option(
    "--projects",
    type=int,
    default=None,
    help=translate("generate.projects_help", _LANG, actors_per_project=ACTORS_PER_PROJECT),
)
@click.option(
    "--relations",
    type=int,
    default=None,
    help=translate("generate.relations_help", _LANG, relations_per_actor=RELATIONS_PER_ACTOR),
)
@click.option(
    "--seed",
    type=int,
    default=DEFAULT_SEED,
    show_default=True,
    help=translate("generate.seed_help", _LANG),
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
    from graphmap.synth import resolve_sizes, write_workspace

    sizes = resolve_sizes(actors, projects, relations, seed)  # exit 2 before touching OUT
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
    click.echo(translate("generate.done", lang, path=str(out),
                         **counted_sizes(counts["actors"], counts["projects"],
                                         counts["relations"])), err=True)
