"""Fixtures of the privacy tests: the planted workspace through the real CLI (a subprocess,
as a user runs it), and a real headless Chromium (Debian's /usr/bin/chromium driven by
Playwright; never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.privacy.planted import WORKSPACE

#: A fixed day, so that two runs give the same bytes whatever the clock says.
EPOCH = "1767225600"  # 2026-01-01


def run_cli(*args: str, salt: str | None = "sel-de-test", cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m graphmap ARGS`` with a fixed day and salt (``None``: no GRAPHMAP_SALT)."""
    full = {k: v for k, v in os.environ.items() if k != "GRAPHMAP_SALT"}
    full.update({"SOURCE_DATE_EPOCH": EPOCH, "GRAPHMAP_LANG": "fr", "NO_COLOR": "1"})
    if salt is not None:
        full["GRAPHMAP_SALT"] = salt
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "graphmap", *args], capture_output=True,
                          text=True, encoding="utf-8", env=full, cwd=cwd, check=False,
                          timeout=300)


def copy_workspace(target: Path) -> Path:
    """The planted workspace copied (so a salt file created beside it stays in tmp)."""
    shutil.copytree(WORKSPACE, target)
    return target


@pytest.fixture(scope="session")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every output of the planted workspace, by mode: ``default`` and ``public`` (analyze
    --out), ``public_again`` (same salt), ``other_salt``, ``render`` (render --public), and
    ``export`` (export --public, GEXF, GraphML and Kumu)."""
    base = tmp_path_factory.mktemp("privacy")
    ws = copy_workspace(base / "ws")
    found: dict[str, Path] = {}
    runs: dict[str, tuple[tuple[str, ...], str]] = {
        "default": (("analyze", str(ws), "--out", str(base / "default")), "sel-de-test"),
        "public": (("analyze", str(ws), "--public", "--out", str(base / "public")),
                   "sel-de-test"),
        "public_again": (("analyze", str(ws), "--public", "--out", str(base / "public_again")),
                         "sel-de-test"),
        "other_salt": (("analyze", str(ws), "--public", "--out", str(base / "other_salt")),
                       "un-autre-sel"),
        "render": (("render", str(ws), "--public", "-o", str(base / "render" / "carte.html")),
                   "sel-de-test"),
    }
    for fmt, suffix in (("gexf", ".gexf"), ("graphml", ".graphml"), ("kumu", ".json")):
        runs[f"export_{fmt}"] = (("export", str(ws), "--public", "--to", fmt, "-o",
                                  str(base / "export" / f"carte{suffix}")), "sel-de-test")
    for name, (args, salt) in runs.items():
        result = run_cli(*args, salt=salt)
        assert result.returncode == 0, (name, result.stderr)
        found[name] = base / name.split("_")[0] if name.startswith("export") else (
            base / name)
    found["export"] = base / "export"
    return found


