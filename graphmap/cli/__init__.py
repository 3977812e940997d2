"""The command-line interface: a thin click adapter over the library (the only package that
imports click). Subcommands are imported lazily so ``graphmap --help`` starts fast."""

from __future__ import annotations

import errno
import importlib
import importlib.util
import os
import signal
import sys
from typing import Any

import click

from graphmap._version import __version__
from graphmap.cli import click_i18n
from graphmap.cli.common import ARGV_LANG, current_lang, guarded_invoke, lang_in_args
from graphmap.errors import GraphmapError
from graphmap.i18n import resolve_lang, translate

#: Exit status after the reader of our output went away (``graphmap validate ws | head -1``):
#: 128 + SIGPIPE, what a shell reports for Unix tools stopped by a closed pipe.
CLOSED_PIPE_STATUS = 128 + getattr(signal, "SIGPIPE", 13)
# A write that failed because the output's device is full or the file too large.
_FULL = frozenset(code for code in (getattr(errno, name, None)
                                    for name in ("ENOSPC", "EDQUOT", "EFBIG")) if code)

# command name -> "module:attribute"; each module imports only light things at top level.
_COMMANDS: dict[str, str] = {
    "validate": "graphmap.cli.data:validate",
    "init": "graphmap.cli.data:init",
    "analyze": "graphmap.cli.analyze:analyze",
    "brief": "graphmap.cli.brief:brief",
    "render": "graphmap.cli.render:render",
    "push": "graphmap.cli.neo4j:push",
    "pull": "graphmap.cli.neo4j:pull",
    "query": "graphmap.cli.neo4j:query",
    "generate": "graphmap.cli.generate:generate",
    "compare": "graphmap.cli.compare:compare",
    "export": "graphmap.cli.exchange:export",
    "import": "graphmap.cli.exchange:import_",
}


# Click's own messages (usage errors, help titles) in the user's language.
click_i18n.install()
# module of commands -> the language its help was built in.
_HELP_LANG: dict[str, str] = {}


class GraphmapGroup(click.Group):
    """Loads subcommands on demand and turns a user's mistake into one clear line."""

    def main(self, args: Any = None, *pos: Any, **kwargs: Any) -> Any:
        """Run the command line, in the language of its ``--lang`` from the first word on."""
        argv = list(sys.argv[1:] if args is None else args)
        lang = lang_in_args(argv)
        if lang is not None:
            ARGV_LANG.append(lang)
        try:
            return super().main(argv, *pos, **kwargs)
        finally:
            if lang is not None:
                ARGV_LANG.pop()

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(
            name for name, target in _COMMANDS.items()
            if importlib.util.find_spec(target.split(":")[0]) is not None
        )

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _COMMANDS.get(cmd_name)
        if target is None or importlib.util.find_spec(target.split(":")[0]) is None:
            return None
        module_name, attr = target.split(":")
        # A command's help is built when its module is imported, in the language of that
        # moment: a process that runs commands in several languages (a test, a notebook)
        # imports it again when the language has changed since.
        lang = current_lang()
        module = sys.modules.get(module_name)
        if module is not None and _HELP_LANG.get(module_name) != lang:
            module = importlib.reload(module)
        elif module is None:
            module = importlib.import_module(module_name)
        _HELP_LANG[module_name] = lang
        command: click.Command = getattr(module, attr)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        return guarded_invoke(ctx, self._invoke_with_outputs_checked)

    def _invoke_with_outputs_checked(self, ctx: click.Context) -> Any:
        """Run the command; a closed pipe is a quiet exit, a full disk a one-line error."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _discard_standard_output()
            raise click.exceptions.Exit(CLOSED_PIPE_STATUS) from None
        except OSError as exc:
            if exc.errno not in _FULL:
                raise
            detail = exc.strerror or str(exc)
            if exc.filename is not None:
                raise GraphmapError("error.write_failed", path=str(exc.filename),
                                    detail=detail) from exc
            _discard_standard_output(stderr=False)
            raise GraphmapError("load.output.stdout_failed", detail=detail) from exc


@click.group(
    cls=GraphmapGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help=translate("cli.main_help", resolve_lang()),
)
@click.version_option(__version__, "-V", "--version", prog_name="graphmap")
def cli() -> None:
    pass


def _discard_standard_output(*, stderr: bool = True) -> None:
    """Point stdout (and stderr) at the null device, so that the flush at exit cannot fail
    again on what is still buffered."""
    streams = (sys.stdout, sys.stderr) if stderr else (sys.stdout,)
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        for stream in streams:
            try:
                os.dup2(null, stream.fileno())
            except (OSError, ValueError, AttributeError):
                continue  # not a real file (a test runner's buffer): nothing to flush later
    finally:
        os.close(null)


def main() -> None:
    """Console-script entry point."""
    # Windows consoles and pipes: never fail on an accented name.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    cli(prog_name="graphmap")
