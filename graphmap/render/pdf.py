"""The brief as PDF, printed by headless Chromium (or Chrome, or Edge) where installed.

Chromium was chosen over WeasyPrint by measuring both on the brief (docs/reports.md, "PDF"):
the PDF is exactly the page the tests print and count (the same engine), French
typography is the same in both (no-break spaces kept, no hyphenation), and it needs no new
Python dependency with native libraries (WeasyPrint needs Pango, hard to install on
Windows), while a Chromium-family browser is on nearly every machine. No browser found is a
clear error: graphmap never writes an HTML file under a ``.pdf`` name.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from graphmap import atomic
from graphmap.errors import GraphmapError

__all__ = ["BROWSERS", "PAPERS", "find_chromium", "html_to_pdf"]

#: Commands of Chromium-family browsers, tried in this order after ``GRAPHMAP_CHROMIUM``.
BROWSERS: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome",
                             "google-chrome-stable", "chrome", "msedge", "microsoft-edge")
_KNOWN_PATHS: tuple[str, ...] = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
)
#: Paper sizes of ``--paper`` as CSS ``@page`` sizes.
PAPERS: dict[str, str] = {"letter": "Letter", "a4": "A4"}
_TIMEOUT = 180
# The dates Chromium writes in the PDF's information dictionary, pinned (same length, so
# the cross-reference offsets stay right) so that the same brief gives the same bytes.
_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)")


def find_chromium() -> str | None:
    """The browser to print with: ``GRAPHMAP_CHROMIUM``, else the first of :data:`BROWSERS`
    on the ``PATH``, else a usual install location; ``None`` if there is none."""
    chosen = os.environ.get("GRAPHMAP_CHROMIUM")
    if chosen:
        return chosen
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in _KNOWN_PATHS if Path(path).is_file()), None)


def _pin_dates(data: bytes) -> bytes:
    def pinned(match: re.Match[bytes]) -> bytes:
        text = match.group(0)
        start = text.index(b"(D:") + 3
        return text[:start] + b"20000101000000" + text[start + 14:]

    return _DATE.sub(pinned, data)


def html_to_pdf(html: str, path: str | Path, *, browser: str | None = None,
                extra_args: Sequence[str] = ()) -> Path:
    """Print the page ``html`` to the PDF file ``path`` (atomically) with headless Chromium.

    Raises a :class:`GraphmapError` (``brief.pdf.no_browser``, ``brief.pdf.failed``) when no
    browser is found or printing fails; nothing is written then.
    """
    browser = browser or find_chromium()
    if browser is None:
        raise GraphmapError("brief.pdf.no_browser", path=str(path))
    target = Path(path)
    with tempfile.TemporaryDirectory(prefix="graphmap-pdf-") as work:
        page = Path(work) / "brief.html"
        page.write_text(html, encoding="utf-8")
        out = Path(work) / "brief.pdf"
        args = [browser, "--headless", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions",
                f"--user-data-dir={Path(work) / 'profile'}",
                "--no-pdf-header-footer", "--print-to-pdf-no-header",
                f"--print-to-pdf={out}", *extra_args]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
        try:
            result = subprocess.run([*args, page.as_uri()], capture_output=True, check=False,
                                    timeout=_TIMEOUT, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise GraphmapError("brief.pdf.failed", browser=browser, detail=str(exc)) from exc
        data = out.read_bytes() if out.is_file() else b""
        if not data.startswith(b"%PDF"):
            detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GraphmapError("brief.pdf.failed", browser=browser,
                                detail=(detail[-1] if detail else f"exit {result.returncode}"))
    return atomic.write_bytes(target, _pin_dates(data))
