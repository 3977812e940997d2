"""``graphmap validate`` and ``graphmap init``: check a workspace, start a new one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from graphmap.cli.common import counted_sizes, current_lang, help_text, lang_option
from graphmap.errors import GraphmapError
from graphmap.i18n import translate

if TYPE_CHECKING:
    from graphmap.model.dataset import Dataset



def _command(name: str) -> Callable[[Callable[..., None]], click.Command]:
    """A click command whose help and short help are the catalogue's ``validation.cli.NAME_*``."""
    return click.command(name=name, help=help_text(f"validation.cli.{name}_help"),
                         short_help=help_text(f"validation.cli.{name}_short"))


@_command("validate")
@click.argument("workspace", type=click.Path(path_type=Path))
@lang_option
def validate(workspace: Path, lang: str) -> None:
    from graphmap.workspace import check_workspace

    lang = lang or current_lang()
    dataset, issues = check_workspace(workspace)
    if dataset is None:
        for issue in issues:
            click.echo(issue.format(lang))
        errors = sum(1 for i in issues if i.is_error)
        click.echo(translate("cli.error_prefix", lang)
                   + translate("error.validation_failed", lang, count=errors), err=True)
        click.get_current_context().exit(1)
    click.echo(summary(dataset, workspace, lang))
    from graphmap.cli.publishing import validate_notice

    notice = validate_notice(workspace, dataset, lang)
    if notice is not None:
        click.echo(notice)
    for issue in issues:
        click.echo(issue.format(lang))


def summary(dataset: Dataset, workspace: Path, lang: str) -> str:
    """Counts of actors by sector, projects by stage, relations by type, declared
    territories (when there is a territories table), and warnings."""
    from graphmap.schema import RelationType, Sector, Stage, Vocabulary

    def t(key: str, **params: Any) -> str:
        return translate(f"validation.cli.{key}", lang, **params)

    lines = [t("valid", path=str(workspace), **counted_sizes(len(dataset.actors),
                                                            len(dataset.projects),
                                                            len(dataset.relations)))]
    groups: tuple[tuple[str, type[Vocabulary], Counter[Vocabulary]], ...] = (
        ("by_sector", Sector, Counter(a.sector for a in dataset.actors)),
        ("by_stage", Stage, Counter(p.stage for p in dataset.projects)),
        ("by_type", RelationType, Counter(r.type for r in dataset.relations)),
    )
    width = max(len(m.label(lang)) for _, vocabulary, _ in groups for m in vocabulary)
    for key, vocabulary, counts in groups:
        lines.append(t(key))
        lines.extend(f"  {m.label(lang):<{width}}  {counts.get(m, 0):>7}" for m in vocabulary)
    if dataset.territories:
        lines.append(t("territories", count=len(dataset.territories)))
    lines.append(t("warnings", count=len(dataset.warnings)))
    return "\n".join(lines)


@_command("init")
@click.argument("directory", type=click.Path(path_type=Path))
@lang_option
def init(directory: Path, lang: str) -> None:
    from graphmap.atomic import write_text
    from graphmap.export import write_csv_folder
    from graphmap.schema import TABLES
    from graphmap.validation.template import template_dataset, template_readme

    lang = lang or current_lang()
    if directory.exists() and not directory.is_dir():
        raise GraphmapError("validation.init_not_dir", path=str(directory))
    # What write_csv_folder writes, one file per table, and the README.
    files = (*(f"{table}.csv" for table in TABLES), "README.md")
    existing = [name for name in files if (directory / name).exists()]
    if existing:
        raise GraphmapError("validation.init_exists", path=str(directory),
                            files=", ".join(existing))
    write_csv_folder(template_dataset(lang), directory, lang=lang)
    write_text(directory / "README.md", template_readme(lang))
    click.echo(translate("validation.cli.init_done", lang, path=str(directory)))
