"""Fixtures of the Neo4j tests: one real Neo4j 5.26 + GDS server for the whole session.

The server is built with Maven and started from ``tests/neo4j`` (see ``neo4j_testserver``),
or taken from ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` when set. In CI
(``CI=true``) a missing Java or Maven fails the tests instead of skipping them.

No ``__init__.py`` in this folder on purpose: a package named ``neo4j`` here would shadow
the driver.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import neo4j_testserver

from graphmap.neo4j.connection import Connection

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def server(request: pytest.FixtureRequest) -> Iterator[neo4j_testserver.Server]:
    """The Neo4j server of the session (yours with NEO4J_URI, else the Maven-built one)."""
    if os.environ.get("NEO4J_URI"):
        yield neo4j_testserver.Server(uri=os.environ["NEO4J_URI"],
                                      user=os.environ.get("NEO4J_USER", "neo4j"),
                                      password=os.environ.get("NEO4J_PASSWORD", ""))
        return
    missing = neo4j_testserver.missing_tools()
    if missing:
        message = (f"Neo4j tests need {' and '.join(missing)} on PATH (Java 17+ and Maven "
                   f"start a real Neo4j 5.26), or NEO4J_URI pointing to a server")
        if _in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        build_seconds = neo4j_testserver.build()
        srv = neo4j_testserver.start()
    except neo4j_testserver.ServerError as exc:
        pytest.fail(str(exc), pytrace=False)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():  # shown in CI logs, not captured
            reporter.write_line(f"\n[neo4j] Maven build {build_seconds:.1f} s, server start "
                                f"{srv.start_seconds:.1f} s, {srv.uri}")
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def conn(server: neo4j_testserver.Server) -> Connection:
    return Connection(uri=server.uri, user=server.user, password=server.password)


@pytest.fixture(scope="session")
def driver(server: neo4j_testserver.Server) -> Iterator[object]:
    import neo4j

    drv = neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password))
    try:
        yield drv
    finally:
        drv.close()


#: Nodes (labels ``l``, properties ``p``) and relationships (type ``t``, source id ``s``,
#: target id ``o``, properties ``p``) of a workspace, as the driver's records.
GraphOf = Callable[[str], tuple[list[Any], list[Any]]]


@pytest.fixture
def graph_of(driver: Any) -> GraphOf:
    """What the database holds for a workspace, read by plain Cypher (not graphmap's reads),
    so the tests compare pushes by what the server really stores."""
    def read(workspace: str) -> tuple[list[Any], list[Any]]:
        nodes, _, _ = driver.execute_query(
            "MATCH (n) WHERE n.workspace = $ws RETURN labels(n) AS l, properties(n) AS p",
            ws=workspace)
        rels, _, _ = driver.execute_query(
            "MATCH (s)-[r]->(t) WHERE r.workspace = $ws "
            "RETURN type(r) AS t, s.id AS s, t.id AS o, properties(r) AS p", ws=workspace)
        return nodes, rels
    return read


@pytest.fixture
def ws() -> str:
    """A fresh workspace name per test, so tests share the server without mixing."""
    return f"t-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def neo4j_env(server: neo4j_testserver.Server) -> dict[str, str]:
    """Environment for a CLI run against the test server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update({"NEO4J_URI": server.uri, "NEO4J_USER": server.user,
                "NEO4J_PASSWORD": server.password, "GRAPHMAP_LANG": "en"})
    return env

