"""Connection problems give one clear line (exit 1), no traceback, never the password."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"
WRONG = "not-the-password-42"


def _graphmap(args: list[str], env: dict[str, str], stdin: str | None = None
              ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphmap", *args], input=stdin,
                          capture_output=True, text=True, env=env, check=False, timeout=120)


def _one_clear_line(proc: subprocess.CompletedProcess[str], *secrets: str) -> str:
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for secret in secrets:
        assert secret not in proc.stderr
    return lines[0]


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_wrong_password(server: object, neo4j_env: dict[str, str]) -> None:
    env = {**neo4j_env, "NEO4J_PASSWORD": WRONG}
    line = _one_clear_line(_graphmap(["push", str(EXAMPLE), "--no-analysis"], env), WRONG)
    uri = neo4j_env["NEO4J_URI"]
    assert line == (f"Error: Neo4j ({uri}) refused user 'neo4j': wrong user name or password. "
                    "Use --uri, --user, --password-stdin, or NEO4J_URI, NEO4J_USER, "
                    "NEO4J_PASSWORD.")
    # The same through --password-stdin, in French.
    env.pop("NEO4J_PASSWORD")
    result = CliRunner().invoke(cli, ["pull", "--out", "x", "--password-stdin", "--lang", "fr"],
                                input=WRONG + "\n", env=env)
    assert result.exit_code == 1
    assert result.output == (f"Erreur\u00a0: Neo4j ({uri}) refuse l'utilisateur "
                             f"«\u00a0neo4j\u00a0»\u00a0: nom "
                             "d'utilisateur ou mot de passe incorrect. Options --uri, --user, "
                             "--password-stdin, ou variables NEO4J_URI, NEO4J_USER, "
                             "NEO4J_PASSWORD.\n")


def test_server_down(neo4j_env: dict[str, str]) -> None:
    port = _closed_port()
    env = {**neo4j_env, "NEO4J_URI": f"bolt://127.0.0.1:{port}"}
    line = _one_clear_line(_graphmap(["push", str(EXAMPLE), "--no-analysis"], env),
                           neo4j_env["NEO4J_PASSWORD"])
    assert line.startswith(f"Error: Cannot reach Neo4j at bolt://127.0.0.1:{port}: is the "
                           "server running and the address right? (")
    query = _one_clear_line(_graphmap(["query", "gaps"], env), neo4j_env["NEO4J_PASSWORD"])
    assert query.startswith("Error: Cannot reach Neo4j at")


def test_server_down_with_a_routing_address(neo4j_env: dict[str, str]) -> None:
    """neo4j:// asks for a routing table first: still one line (no driver log line), with
    the operating system's reason rather than "Unable to retrieve routing information"."""
    port = _closed_port()
    uri = f"neo4j://127.0.0.1:{port}"
    env = {**neo4j_env, "NEO4J_URI": uri}
    line = _one_clear_line(_graphmap(["push", str(EXAMPLE), "--no-analysis"], env),
                           neo4j_env["NEO4J_PASSWORD"])
    assert line == (f"Error: Cannot reach Neo4j at {uri}: is the server running and the "
                    "address right? (connection refused)")
    french = _one_clear_line(_graphmap(["query", "gaps", "--lang", "fr"], env),
                             neo4j_env["NEO4J_PASSWORD"])
    assert french == (f"Erreur\u00a0: Impossible de joindre Neo4j à {uri}\u00a0: le serveur est-il "
                      "démarré et l'adresse est-elle la bonne\u00a0? (connexion refusée)")
    bolt_env = {**env, "NEO4J_URI": f"bolt://127.0.0.1:{port}"}
    bolt = _one_clear_line(_graphmap(["pull", "--out", "x"], bolt_env))
    assert bolt.endswith("(connection refused)")


def test_unknown_database(neo4j_env: dict[str, str]) -> None:
    line = _one_clear_line(
        _graphmap(["push", str(EXAMPLE), "--no-analysis", "--database", "nosuchdb"], neo4j_env),
        neo4j_env["NEO4J_PASSWORD"])
    assert line == (f"Error: Database 'nosuchdb' does not exist on {neo4j_env['NEO4J_URI']} (or "
                    "is not available). Neo4j Community has a single database, 'neo4j'; choose "
                    "it with --database.")


def test_bad_uri(neo4j_env: dict[str, str]) -> None:
    env = {**neo4j_env, "NEO4J_URI": "http//nowhere"}
    line = _one_clear_line(_graphmap(["pull", "--out", "x"], env), neo4j_env["NEO4J_PASSWORD"])
    assert line.startswith("Error: Invalid Neo4j address 'http//nowhere': expected "
                           "neo4j://host:7687 or bolt://host:7687 (")


def test_empty_password_on_stdin(neo4j_env: dict[str, str]) -> None:
    env = {k: v for k, v in neo4j_env.items() if k != "NEO4J_PASSWORD"}
    line = _one_clear_line(_graphmap(["pull", "--out", "x", "--password-stdin"], env, ""))
    assert line == "Error: No password received on standard input (--password-stdin)."
