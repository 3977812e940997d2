"""Fixtures of the brief, action-list and point-of-view tests: the example and a generated
3,000-actor workspace analysed once, and Debian's headless Chromium (driven by Playwright,
never a downloaded browser) to print pages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"


def analysed(workspace: Path) -> tuple[Any, Any]:
    from graphmap.analysis.pipeline import analyze
    from graphmap.workspace import load_workspace

    dataset = load_workspace(workspace)
    return dataset, analyze(dataset)


@pytest.fixture(scope="session")
def example() -> tuple[Any, Any]:
    return analysed(EXAMPLE)


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """``graphmap generate --actors 3000 --seed 1 DIR`` (the real command), analysed."""
    folder = tmp_path_factory.mktemp("generated-3000") / "eco"
    subprocess.run([sys.executable, "-m", "graphmap", "generate", "--actors", "3000",
                    "--seed", "1", str(folder)], check=True, capture_output=True, timeout=600)
    return analysed(folder)




def print_pdf(chromium: Any, html_path: Path, paper: str) -> bytes:
    """``html_path`` printed by Chromium on ``paper`` (``"A4"``, ``"Letter"``)."""
    page = chromium.new_page()
    try:
        page.goto(html_path.as_uri())
        data: bytes = page.pdf(format=paper, prefer_css_page_size=False, print_background=True)
        return data
    finally:
        page.close()


def page_count(pdf: bytes) -> int:
    """Pages of a PDF, read with pypdf."""
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))
