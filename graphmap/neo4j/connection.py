"""Connecting to Neo4j: settings from options and environment, and driver errors turned into
one clear ``Neo4jSyncError`` (never a traceback, never the password)."""

from __future__ import annotations

import errno
import logging
import os
import socket
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from graphmap.errors import Neo4jSyncError
from graphmap.i18n import Message

__all__ = ["DEFAULT_URI", "DEFAULT_USER", "Connection", "UnloggedList", "open_driver",
           "run_query"]

DEFAULT_URI = "neo4j://localhost:7687"
DEFAULT_USER = "neo4j"
# A server that does not answer should fail in seconds, not after the driver's 30 s of retries.
_CONNECTION_TIMEOUT = 10.0
_RETRY_TIME = 10.0


@dataclass(frozen=True)
class Connection:
    """Where and how to connect. ``password`` never appears in ``repr`` or in messages."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    @classmethod
    def from_env(cls, *, uri: str | None = None, user: str | None = None,
                 password: str | None = None, database: str | None = None,
                 environ: Mapping[str, str] | None = None) -> Connection:
        """Options first, then ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``,
        ``NEO4J_DATABASE``, then the defaults.

        >>> Connection.from_env(environ={"NEO4J_URI": "bolt://h:1"}, user="u").uri
        'bolt://h:1'
        """
        env = os.environ if environ is None else environ
        return cls(uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
                   user=user or env.get("NEO4J_USER") or DEFAULT_USER,
                   password=password if password is not None else env.get("NEO4J_PASSWORD"),
                   database=database or env.get("NEO4J_DATABASE") or None)

    @property
    def database_label(self) -> str:
        return self.database or "neo4j"


def _error(key: str, conn: Connection, **params: Any) -> Neo4jSyncError:
    return Neo4jSyncError(key, uri=conn.uri, user=conn.user, database=conn.database_label,
                          **params)


def _first_line(text: object, password: str | None) -> str:
    line = str(text).strip().splitlines()[0].rstrip(":") if str(text).strip() else ""
    if password:
        line = line.replace(password, "***")
    return line[:300]


# The operating system's usual reasons, said in the user's language (others: as the OS says).
# By exception class first: on Windows, socket errors carry WSA codes, not errno values.
_REASON_CLASSES: tuple[tuple[type[OSError], str], ...] = (
    (ConnectionRefusedError, "neo4j.reason.refused"),
    (ConnectionResetError, "neo4j.reason.reset"),
    (TimeoutError, "neo4j.reason.timeout"),
)
_REASON_ERRNOS: Mapping[int, str] = {
    errno.EHOSTUNREACH: "neo4j.reason.host_unreachable",
    errno.ENETUNREACH: "neo4j.reason.network_unreachable",
    socket.EAI_NONAME: "neo4j.reason.unknown_host",
    socket.EAI_AGAIN: "neo4j.reason.name_lookup",
}


def _os_reason(exc: BaseException) -> Message | str | None:
    """The operating system's reason (connection refused, unknown host...) behind a driver
    error, as a :class:`~graphmap.i18n.Message` when it is a usual one.

    The reason may be several causes deep, and inside an exception group: with a
    ``neo4j://`` address the driver raises "Unable to retrieve routing information" from
    a group holding one failed connection per router it tried.
    """
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError):
            key = next((k for kind, k in _REASON_CLASSES if isinstance(current, kind)),
                       None) or _REASON_ERRNOS.get(current.errno or 0)
            if key is not None:
                return Message(key)
            if current.strerror:
                return str(current.strerror)
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return None


def _innermost(exc: BaseException) -> BaseException:
    """The first root cause of ``exc``, through exception groups: the driver's most precise
    words when the operating system gave no reason."""
    seen = {id(exc)}
    current = exc
    while True:
        inner = (current.exceptions[0] if isinstance(current, BaseExceptionGroup)
                 and current.exceptions else current.__cause__ or current.__context__)
        if inner is None or id(inner) in seen:
            return current
        seen.add(id(inner))
        current = inner


def translate_error(exc: Exception, conn: Connection) -> Neo4jSyncError:  # noqa: PLR0911
    """The one-line error a user sees for a driver exception (one return per kind)."""
    import neo4j.exceptions as nex

    code = getattr(exc, "code", None) or ""
    server_text = getattr(exc, "message", None) if isinstance(exc, nex.Neo4jError) else None
    detail = _first_line(server_text or exc, conn.password)
    if isinstance(exc, nex.AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized"):
        return _error("neo4j.error.auth", conn)
    if code == "Neo.ClientError.Security.AuthenticationRateLimit":
        return _error("neo4j.error.rate_limited", conn)
    if code in ("Neo.ClientError.Database.DatabaseNotFound",
                "Neo.ClientError.Database.DatabaseUnavailable"):
        return _error("neo4j.error.no_database", conn)
    if isinstance(exc, nex.ServiceUnavailable | nex.SessionExpired | OSError):
        return _error("neo4j.error.unreachable", conn, detail=_os_reason(exc) or _first_line(
            getattr(_innermost(exc), "message", None) or _innermost(exc), conn.password))
    if isinstance(exc, nex.ConfigurationError | ValueError):
        return _error("neo4j.error.bad_uri", conn, detail=detail)
    if code.startswith("Neo.ClientError.Procedure.ProcedureNotFound"):
        return _error("neo4j.error.no_procedure", conn, detail=detail)
    return _error("neo4j.error.server", conn, code=code or type(exc).__name__, detail=detail)


def _quiet_driver_log() -> None:
    """Keep the driver's own log lines ("Unable to retrieve routing information") off
    stderr: the error graphmap raises says the same in one line, in the user's language.

    Without any handler on the ``neo4j`` logger, Python prints its warnings through
    ``logging.lastResort``. A ``NullHandler`` stops that and nothing else: an application
    that configures logging still receives the driver's records (they propagate).
    """
    logger = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


@contextmanager
def open_driver(conn: Connection) -> Iterator[Any]:
    """A connected ``neo4j.Driver`` (connectivity and credentials checked), closed on exit.

    Every driver error inside the block becomes a :class:`Neo4jSyncError`.
    """
    import neo4j

    _quiet_driver_log()
    auth = (conn.user, conn.password) if conn.password is not None else None
    try:
        driver = neo4j.GraphDatabase.driver(
            conn.uri, auth=auth, connection_timeout=_CONNECTION_TIMEOUT,
            notifications_min_severity="OFF",
            max_transaction_retry_time=_RETRY_TIME, user_agent="graphmap")
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise translate_error(exc, conn) from exc
    try:
        try:
            driver.verify_connectivity()
            yield driver
        except neo4j.exceptions.Neo4jError as exc:
            raise translate_error(exc, conn) from exc
        except neo4j.exceptions.DriverError as exc:
            raise translate_error(exc, conn) from exc
        except OSError as exc:
            raise translate_error(exc, conn) from exc
    finally:
        driver.close()


class UnloggedList(list):  # type: ignore[type-arg]
    """A list parameter whose ``repr`` is its length.

    The driver formats every statement's parameters for its DEBUG log line before it knows
    whether anything logs at DEBUG (``" ".join(map(repr, fields))`` in the Bolt ``RUN`` of
    neo4j 6.4): for a push's ``UNWIND $rows`` batches that was 2.4 s of client CPU in a first
    push of 625,000 rows (``cProfile``, benchmarks/README.md), spent while the server
    waited; and a DEBUG log would have held every name the workspace has. The driver packs
    it as the list it is (the same bytes: ``tests/neo4j/test_neo4j_push_writes.py``).

    >>> repr({"rows": UnloggedList([[1, 2], [3, 4]])})
    "{'rows': <list of 2>}"
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<list of {len(self)}>"


def run_query(driver: Any, conn: Connection, query: str,
              parameters: Mapping[str, Any] | None = None, *, write: bool = False) -> Any:
    """Run one statement with ``execute_query`` on the chosen database; returns its result
    (``records``, ``summary``, ``keys``). List parameters go as :class:`UnloggedList`."""
    import neo4j

    params = {name: UnloggedList(value) if type(value) is list else value
              for name, value in (parameters or {}).items()}
    return driver.execute_query(
        query, parameters_=params, database_=conn.database,
        routing_=neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ,
    )
