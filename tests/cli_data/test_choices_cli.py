"""CLI choices and shown defaults come from the library's tables (issue 9, point 5)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from graphmap import config
from graphmap.cli import cli
from graphmap.i18n import LANGS
from graphmap.neo4j import connection, query


def _option(command: str, name: str) -> click.Option:
    found = cli.get_command(click.Context(cli), command)
    assert found is not None
    return next(p for p in found.params
                if isinstance(p, click.Option) and name in p.opts)


def _choices(command: str, name: str) -> tuple[str, ...]:
    option_type = _option(command, name).type
    assert isinstance(option_type, click.Choice)
    return tuple(option_type.choices)


def test_analyze_choices_are_the_library_tables() -> None:
    from graphmap.render import options

    assert _choices("analyze", "--format") == options.REPORT_FORMATS
    assert _option("analyze", "--format").default == options.DEFAULT_REPORT_FORMAT
    assert _choices("analyze", "--group-by") == config.GROUP_BY
    assert _choices("analyze", "--engine") == config.ENGINES
    assert _option("analyze", "--engine").default == config.DEFAULT_ENGINE


def test_seed_and_top_are_left_to_the_config() -> None:
    # None means "not given": the value of graphmap.toml, else AnalysisConfig's default.
    assert _option("analyze", "--seed").default is None
    assert _option("analyze", "--top").default is None


def test_query_formats_are_the_library_table() -> None:
    assert _choices("query", "--format") == query.RESULT_FORMATS
    assert _option("query", "--format").default == query.DEFAULT_RESULT_FORMAT


@pytest.mark.parametrize("command", ["analyze", "validate", "init", "push", "pull", "query"])
def test_lang_choices_are_the_catalogue_languages(command: str) -> None:
    assert _choices(command, "--lang") == LANGS


def test_connection_defaults_in_help_are_the_library_defaults() -> None:
    # Help is built in the environment's language when the module is imported.
    uri_help, user_help = _option("push", "--uri").help, _option("push", "--user").help
    assert uri_help is not None
    assert user_help is not None
    assert uri_help.endswith(f"NEO4J_URI, {'sinon' if 'Adresse' in uri_help else 'else'} "
                             f"{connection.DEFAULT_URI}).")
    assert user_help.endswith(f"NEO4J_USER, {'sinon' if 'Utilisateur' in user_help else 'else'} "
                              f"{connection.DEFAULT_USER}).")


def test_query_workspace_twice_is_one_clear_line() -> None:
    # Checked before any connection: no server needed.
    result = CliRunner().invoke(cli, ["query", "gaps", "--workspace", "a", "--param",
                                      "workspace=b", "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.output == ("Error: Two workspaces given: --workspace a and --param "
                             "workspace=b; keep one.\n")
    result = CliRunner().invoke(cli, ["query", "gaps", "--workspace", "a", "--param",
                                      "workspace=b", "--lang", "fr"])
    assert result.output == ("Erreur\u00a0: Deux espaces de travail donnés\u00a0: --workspace a "
                             "et --param workspace=b\u00a0; gardez-en un.\n")
