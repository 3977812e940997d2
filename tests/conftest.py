"""Fixtures shared by every test folder: one headless Chromium for the whole session, and
``open_html`` to open a page of it and wait until its script is ready.

Playwright's sync API runs an event loop in the test thread; two session-scoped
``sync_playwright()`` at once collide ("Sync API inside the asyncio loop"), so the map, report,
brief, compare and privacy tests all share this one browser.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

#: Debian's Chromium (``apt-get install chromium``); Playwright never downloads a browser here.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class LoadedPage:
    """A page opened from a file, with what it logged and every request it made."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)


def wait_until(page: Any, ready: str, timeout: float = 60.0) -> None:
    """Poll the JavaScript expression ``ready`` from Python until it is true: the pages' CSP
    forbids eval, which ``page.wait_for_function`` uses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(ready):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page never got ready: {ready}")
        time.sleep(0.02)


@pytest.fixture
def open_html(chromium: Any) -> Iterator[Callable[[Path, str], LoadedPage]]:
    """``open_html(path, ready)``: open an HTML file in a fresh 1400×900 context and wait
    until ``ready`` is true. Every request is intercepted: file:// ones go on, others are
    aborted and recorded; console errors, page errors and dialogs are recorded too."""
    contexts = []

    def opener(path: Path, ready: str) -> LoadedPage:
        context = chromium.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        loaded = LoadedPage(page)
        page.on("console", lambda m: m.type == "error" and loaded.console_errors.append(m.text))
        page.on("pageerror", lambda e: loaded.console_errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            loaded.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)

        def route(route: Any) -> None:
            url = route.request.url
            loaded.requests.append(url)
            if url.startswith("file://"):
                route.continue_()
            else:
                route.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        wait_until(page, ready)
        return loaded

    yield opener
    for context in contexts:
        context.close()
