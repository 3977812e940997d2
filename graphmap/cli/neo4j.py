"""``graphmap push``, ``pull`` and ``query``: thin click adapters over ``graphmap.neo4j``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from graphmap.cli.common import current_lang, echo_issues, help_text, lang_option
from graphmap.cli.publishing import Publishing, publishing_options
from graphmap.errors import Neo4jSyncError
from graphmap.i18n import translate
from graphmap.neo4j.connection import DEFAULT_URI, DEFAULT_USER
from graphmap.neo4j.query import DEFAULT_RESULT_FORMAT, RESULT_FORMATS

F = TypeVar("F", bound=Callable[..., Any])


def connection_options(func: F) -> F:
    """``--uri``, ``--user``, ``--database``, ``--password-stdin`` (shared by the three)."""
    for option in reversed((
        click.option("--uri", default=None, metavar="URI",
                     help=help_text("neo4j.cli.uri_help", uri=DEFAULT_URI)),
        click.option("--user", default=None, metavar="NAME",
                     help=help_text("neo4j.cli.user_help", user=DEFAULT_USER)),
        click.option("--database", default=None, metavar="NAME",
                     help=help_text("neo4j.cli.database_help")),
        click.option("--password-stdin", "password_stdin", is_flag=True, default=False,
                     help=help_text("neo4j.cli.password_stdin_help")),
    )):
        func = option(func)
    return func


def connection_from_options(uri: str | None, user: str | None, database: str | None,
                            password_stdin: bool) -> Any:
    """The :class:`graphmap.neo4j.connection.Connection` of :func:`connection_options`
    (options first, then the ``NEO4J_*`` environment variables)."""
    from graphmap.neo4j.connection import Connection

    password = None
    if password_stdin:
        # One line; the trailing newline is not part of the password.
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise Neo4jSyncError("neo4j.error.empty_password")
    return Connection.from_env(uri=uri, user=user, password=password, database=database)


@click.command(name="push", help=help_text("neo4j.cli.push_help"),
               short_help=help_text("neo4j.cli.push_short"))
@click.argument("workspace", type=click.Path(path_type=Path))
@connection_options
@click.option("--workspace", "name", default=None, metavar="NAME",
              help=help_text("neo4j.cli.workspace_help"))
@click.option("--replace", is_flag=True, default=False, help=help_text("neo4j.cli.replace_help"))
@click.option("--no-analysis", "no_analysis", is_flag=True, default=False,
              help=help_text("neo4j.cli.no_analysis_help"))
@lang_option
@publishing_options
def push(  # noqa: PLR0917 (click passes one argument per option)
    workspace: Path, uri: str | None, user: str | None, database: str | None,
    password_stdin: bool, name: str | None, replace: bool, no_analysis: bool, lang: str,
    public: bool, include_columns: str | None,
) -> None:
    """The ``push`` command; its help is the catalogue's ``neo4j.cli.push_help``."""
    from graphmap.neo4j.sync import push as push_workspace
    from graphmap.neo4j.sync import workspace_name
    from graphmap.workspace import load_workspace

    lang = lang or current_lang()
    conn = connection_from_options(uri, user, database, password_stdin)
    dataset = load_workspace(workspace)
    warnings = dataset.warnings
    publishing = Publishing(workspace, dataset, public=public, include_columns=include_columns,
                            lang=lang)
    report = None
    if not no_analysis:
        from graphmap.analysis.pipeline import analyze

        report = analyze(dataset)
    # The database holds every column, unless --public (docs/privacy.md).
    publishing.apply(dataset, report)
    dataset, report = publishing.data()
    target = name or workspace_name(workspace)
    result = push_workspace(dataset, conn, target, report=report, replace=replace)
    # Warnings after the push: a connection error stays one line.
    echo_issues(warnings, lang, workspace=workspace)
    if public:
        click.echo(publishing.notice(), err=True)
    n, r = result.nodes, result.relationships
    click.echo(translate("neo4j.push.done", lang, workspace=target, uri=conn.uri,
                         database=conn.database_label, nc=n.created, nu=n.updated,
                         nd=n.deleted, nk=n.unchanged, rc=r.created, ru=r.updated,
                         rd=r.deleted, rk=r.unchanged))


@click.command(name="pull", help=help_text("neo4j.cli.pull_help"),
               short_help=help_text("neo4j.cli.pull_short"))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), metavar="DIR",
              help=help_text("neo4j.cli.out_help"))
@click.option("--workspace", "name", default=None, metavar="NAME",
              help=help_text("neo4j.cli.workspace_help"))
@connection_options
@lang_option
def pull(  # noqa: PLR0917
    out: Path, name: str | None, uri: str | None, user: str | None, database: str | None,
    password_stdin: bool, lang: str,
) -> None:
    """The ``pull`` command; its help is the catalogue's ``neo4j.cli.pull_help``."""
    from graphmap.export import write_workspace
    from graphmap.neo4j.sync import pull as pull_workspace

    lang = lang or current_lang()
    conn = connection_from_options(uri, user, database, password_stdin)
    dataset = pull_workspace(conn, name)
    path = write_workspace(dataset, out)
    click.echo(translate("neo4j.pull.done", lang, workspace=dataset.name,
                         actors=len(dataset.actors), projects=len(dataset.projects),
                         relations=len(dataset.relations), path=str(path)), err=True)


@click.command(name="query", help=help_text("neo4j.cli.query_help"),
               short_help=help_text("neo4j.cli.query_short"))
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help=help_text("neo4j.cli.param_help"))
@click.option("--workspace", "workspace", default=None, metavar="NAME",
              help=help_text("neo4j.cli.query_workspace_help"))
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS, case_sensitive=False),
              default=DEFAULT_RESULT_FORMAT, show_default=True,
              help=help_text("neo4j.cli.format_help"))
@click.option("--list", "list_only", is_flag=True, default=False,
              help=help_text("neo4j.cli.list_help"))
@connection_options
@lang_option
def query(  # noqa: PLR0917
    name: str | None, params: tuple[str, ...], workspace: str | None, fmt: str,
    list_only: bool, uri: str | None, user: str | None, database: str | None,
    password_stdin: bool, lang: str,
) -> None:
    """The ``query`` command; its help is the catalogue's ``neo4j.cli.query_help``."""
    from graphmap.errors import UsageError
    from graphmap.neo4j import query as library

    lang = lang or current_lang()
    if list_only:
        click.echo(library.format_listing(library.load_queries(), lang), nl=False)
        return
    if not name:
        raise UsageError("neo4j.error.query_needs_name")
    spec = library.get_query(name)
    values = library.parse_params(spec, params, workspace=workspace)
    conn = connection_from_options(uri, user, database, password_stdin)
    result = library.run(spec, conn, values)
    output = library.format_result(result, fmt.lower())
    click.echo(output, nl=False)
    if fmt.lower() == "table":  # for people: the count on stderr, not in the table
        click.echo(translate("neo4j.query.rows", lang, count=len(result.rows)), err=True)
