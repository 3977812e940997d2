"""Build and run the throw-away Neo4j 5.26 + GDS server of tests/neo4j (Maven + Java 17).

Used by ``tests/neo4j/conftest.py`` and ``benchmarks/bench_neo4j.py``; no pytest here.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "target"
CLASSPATH_FILE = TARGET / "classpath.txt"
PASSWORD = "graphmap-test-password"
USER = "neo4j"
READY = "GRAPHMAP_NEO4J_READY "
MAIN_CLASS = "graphmap.testserver.TestServer"


class ServerError(RuntimeError):
    """The test server could not be built or started."""


def missing_tools() -> list[str]:
    """The tools needed to build and run the server that are not on PATH."""
    return [tool for tool in ("java", "mvn") if shutil.which(tool) is None]


def _sources() -> list[Path]:
    return [HERE / "pom.xml", *sorted((HERE / "src").rglob("*.java"))]


def _sources_digest() -> str:
    digest = hashlib.sha256()
    for path in _sources():
        digest.update(path.relative_to(HERE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build(*, force: bool = False) -> float:
    """Compile the launcher and resolve its classpath (``mvn -q -B package``); skipped when
    a previous build of the same sources succeeded. Returns the seconds spent."""
    stamp = TARGET / "graphmap-build.sha256"
    digest = _sources_digest()
    classes = TARGET / "classes" / "graphmap" / "testserver" / "TestServer.class"
    if (not force and CLASSPATH_FILE.exists() and classes.exists() and stamp.exists()
            and stamp.read_text().strip() == digest):
        return 0.0
    started = time.monotonic()
    proc = subprocess.run(["mvn", "-q", "-B", "package"], cwd=HERE, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-30:])
        raise ServerError(f"mvn package failed in {HERE} (exit {proc.returncode}):\n{tail}")
    stamp.write_text(digest + "\n")
    return time.monotonic() - started


@dataclass
class Server:
    """A running test server; ``stop()`` (or the context manager) shuts it down."""

    uri: str
    user: str
    password: str
    process: subprocess.Popen[str] | None = None
    home: Path | None = None
    start_seconds: float = 0.0
    log_lines: list[str] = field(default_factory=list)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()  # the Java side shuts down when stdin closes
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                try:
                    self.process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        if self.home is not None:
            shutil.rmtree(self.home, ignore_errors=True)
            self.home = None

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(*, timeout: float = 240.0, heap: str = "1g",
          jvm_options: tuple[str, ...] = ("-XX:+UseSerialGC",)) -> Server:
    """Start the server on a free loopback port; returns once Bolt accepts connections.

    ``heap``: the Java heap, both its initial and its maximum size (``-Xms`` = ``-Xmx``, as
    Neo4j's operations manual advises: a heap grown step by step collects more often; at
    10k a first push spent 0.9 s in garbage collection with the default initial heap and
    0.2-0.5 s with ``-Xms`` = ``-Xmx``, see ``benchmarks/README.md``).
    ``jvm_options``: the other Java options, in place of the default (the serial
    collector): pass it too to keep it, e.g. ``("-XX:+UseSerialGC",
    "-Dgraphmap.neo4j.db.tx_state.memory_allocation=OFF_HEAP")``."""
    home = Path(tempfile.mkdtemp(prefix="graphmap-neo4j-"))
    classpath = f"{TARGET / 'classes'}{os.pathsep}{CLASSPATH_FILE.read_text().strip()}"
    log_path = home / "server.log"
    log = log_path.open("w")
    started = time.monotonic()
    process = subprocess.Popen(
        ["java", f"-Xms{heap}", f"-Xmx{heap}", *jvm_options, "-cp", classpath, MAIN_CLASS,
         str(home / "dbms"), PASSWORD],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
    )
    lines: list[str] = []
    found: list[str] = []

    def reader() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith(READY) and not found:
                found.append(line[len(READY):].strip())

    threading.Thread(target=reader, daemon=True).start()
    while not found:
        if process.poll() is not None or time.monotonic() - started > timeout:
            if process.poll() is None:
                process.kill()
            process.wait()
            log.close()
            tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-40:])
            shutil.rmtree(home, ignore_errors=True)
            raise ServerError(f"Neo4j test server did not start (exit {process.returncode}):"
                              f"\n{tail}")
        time.sleep(0.2)
    return Server(uri=found[0], user=USER, password=PASSWORD, process=process, home=home,
                  start_seconds=time.monotonic() - started, log_lines=lines)
