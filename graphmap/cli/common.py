"""Shared pieces of the CLI: the --lang option, error handling, output helpers."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from graphmap.errors import GraphmapError, ValidationFailed
from graphmap.i18n import LANGS, Message, resolve_lang, translate
from graphmap.load.issues import Number

F = TypeVar("F", bound=Callable[..., Any])

_LANG_KEY = "graphmap.lang"
#: The ``--lang`` found on the command line before click parses it (set by the group's
#: ``main``), so that click's usage errors, raised while parsing, and the help built when a
#: command is imported are in that language too.
ARGV_LANG: list[str] = []


def lang_in_args(args: list[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` before ``--``, if any.

    >>> lang_in_args(["analyze", "--lang", "fr", "ws"]), lang_in_args(["--lang=EN"])
    ('fr', 'en')
    >>> lang_in_args(["render", "--", "--lang", "fr"]) is None
    True
    """
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return resolve_lang(found) if found and found.strip().lower()[:2] in LANGS else None


def current_lang(ctx: click.Context | None = None) -> str:
    """The language chosen for this invocation (``--lang``, env, locale)."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is not None and _LANG_KEY in ctx.meta:
        return str(ctx.meta[_LANG_KEY])
    return resolve_lang(ARGV_LANG[-1] if ARGV_LANG else None)


def _store_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    lang = resolve_lang(value)
    ctx.meta[_LANG_KEY] = lang
    return lang


def lang_option(func: F) -> F:
    """``--lang fr|en``: passed to the command as ``lang`` and used for its errors."""
    return click.option(
        "--lang",
        type=click.Choice(LANGS, case_sensitive=False),
        default=None,
        callback=_store_lang,
        is_eager=True,
        help=help_text("cli.lang_help"),
    )(func)


def help_text(key: str, **params: Any) -> str:
    """A help string from the catalogue, in the language of the environment (help is built
    before ``--lang`` is parsed, so it follows ``GRAPHMAP_LANG`` and the locale); ``params``
    fill it, so that a default shown in the help is the library's own value."""
    return translate(key, resolve_lang(ARGV_LANG[-1] if ARGV_LANG else None), **params)


def check_output_suffix(path: Any, suffixes: tuple[str, ...], *, option: str,
                        what: str) -> str:
    """The suffix of output ``path`` (lower case) if it is one of ``suffixes``, else a usage
    error (exit 2) saying what the file would hold: a file's name must say what it is
    (``render -o carte.pdf`` would write HTML). ``what`` is a catalogue key."""
    from pathlib import Path

    from graphmap.errors import UsageError
    from graphmap.i18n import Message

    suffix = Path(path).suffix.lower()
    if suffix in suffixes:
        return suffix
    expected = " / ".join(suffixes)
    if not suffix:
        raise UsageError("cli.output_extension_none", option=option, path=str(path),
                         expected=expected, what=Message(what))
    raise UsageError("cli.output_extension", option=option, path=str(path), expected=expected,
                     suffix=suffix, what=Message(what))


#: Warnings of one kind (one code in one file) a command other than ``validate`` prints
#: before it says how many more there are: an ecosystem of 100,000 actors has thousands of
#: actors without a relation, which would bury everything else the command says.
#: Errors are never cut: each must be fixed.
WARNINGS_SHOWN = 20


def echo_issues(issues: Any, lang: str, *, err: bool = True,
                workspace: str | os.PathLike[str] | None = None) -> None:
    """Print issues one per line as ``FILE:ROW:COLUMN: message``, sorted by location.

    ``workspace``: the workspace the issues are of, given by a command whose job is not to
    list them: each kind of warning then shows its first :data:`WARNINGS_SHOWN` lines and
    one line saying how many more there are and that ``graphmap validate WORKSPACE`` lists
    them all (docs/workspace-format.md §7)."""
    import shlex

    from graphmap.diagnostics import escape_controls

    held: dict[tuple[str, str], int] = {}
    for issue in sorted(issues, key=lambda i: i.sort_key()):
        if workspace is not None and not issue.is_error:
            kind = (issue.file or "", issue.code)
            seen = held[kind] = held.get(kind, 0) + 1
            if seen > WARNINGS_SHOWN:
                continue
        click.echo(issue.format(lang), err=err)
    for (file, code), seen in sorted(held.items()):
        if seen > WARNINGS_SHOWN:
            path = str(workspace)
            more = translate("cli.more_warnings", lang, code=code,
                             count=Number(seen - WARNINGS_SHOWN),
                             command=escape_controls("graphmap validate "
                                                     + ("-- " if path.startswith("-") else "")
                                                     + shlex.quote(path)))
            prefix = translate("issue.warning_prefix", lang)
            click.echo(f"{escape_controls(file) or '-'}: {prefix}{more}", err=err)


def guarded_invoke(ctx: click.Context, invoke: Callable[[click.Context], Any]) -> Any:
    """Run a command; a GraphmapError becomes a clear message and its exit status, and an
    unexpected exception one line (the traceback only with ``GRAPHMAP_DEBUG=1``)."""
    try:
        return invoke(ctx)
    except ValidationFailed as exc:
        lang = current_lang(ctx)
        # validate's job is to list every issue; the other commands cut the warnings.
        echo_issues(exc.issues, lang, workspace=None if ctx.invoked_subcommand == "validate"
                    else exc.workspace)
        click.echo(translate("cli.error_prefix", lang) + exc.render(lang), err=True)
        ctx.exit(exc.exit_code)
    except GraphmapError as exc:
        lang = current_lang(ctx)
        click.echo(translate("cli.error_prefix", lang) + exc.render(lang), err=True)
        ctx.exit(exc.exit_code)
    except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:
        if os.environ.get("GRAPHMAP_DEBUG"):
            raise
        lang = current_lang(ctx)
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        click.echo(
            translate("cli.internal_error", lang, kind=type(exc).__name__, detail=detail),
            err=True,
        )
        ctx.exit(70)
    return None


def is_terminal(stream: Any = None) -> bool:
    """Whether progress bars belong on ``stream`` (stderr by default)."""
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


def counted_sizes(actors: int, projects: int, relations: int) -> dict[str, Message]:
    """``actors``, ``projects``, ``relations`` as counted nouns for a sentence ("1 acteur",
    "104 acteurs", "100\u00a0000 acteurs"), the parameters of the messages that say a
    workspace's size."""
    return {noun: Message(f"count.{noun}", {"count": Number(n)})
            for noun, n in (("actors", actors), ("projects", projects),
                            ("relations", relations))}


# Long lines are hard to read even on a wide terminal.
MAX_TEXT_WIDTH = 100


def text_layout() -> tuple[int, bool]:
    """The width and colour of a text report on standard output: the terminal's width up
    to :data:`MAX_TEXT_WIDTH` (80 on a pipe or file), bold only on a terminal without
    ``NO_COLOR``."""
    import shutil

    tty = is_terminal(sys.stdout)
    width = shutil.get_terminal_size(fallback=(80, 24)).columns if tty else 80
    return min(width, MAX_TEXT_WIDTH), tty and not os.environ.get("NO_COLOR")


def emit_document(fmt: str, output: str) -> None:
    """Print a report on standard output. JSON and Markdown are documents: UTF-8 bytes
    whatever the console encoding; text goes through click, which adapts to the terminal."""
    if fmt == "text":
        click.echo(output, nl=False)
        return
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream: let it encode
        sys.stdout.write(output)
        sys.stdout.flush()
        return
    buffer.write(output.encode("utf-8"))
    buffer.flush()


def config_limits(config_path: Path | None) -> Any:
    """The reading limits of ``--config FILE`` (its ``[limits]`` table over the defaults), or
    ``None`` without the option: the loader then reads the ``graphmap.toml`` beside the data
    (``graphmap.load.limits.limits_for``). Called before any reading, so that a bad
    ``[limits]`` table fails first."""
    if config_path is None:
        return None
    from graphmap.load.limits import limits_from_file

    return limits_from_file(config_path)


def guided_views(workspace: Path, views_file: Path | None = None,
                 config_path: Path | None = None) -> list[Any]:
    """Guided views of the map (docs/map.md): the ``--views`` file, else the ``[[views]]`` of
    ``--config`` or of the workspace's ``graphmap.toml``, else none (the map proposes three)."""
    from graphmap.config import CONFIG_FILENAME
    from graphmap.render.map_views import load_views

    if views_file is not None:
        return load_views(views_file)
    toml = config_path or (workspace / CONFIG_FILENAME if workspace.is_dir() else None)
    return load_views(toml) if toml is not None and toml.is_file() else []
