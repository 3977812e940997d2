"""Benchmark of the interactive map: build time, file size and the time Debian's headless
Chromium takes until vis-network has drawn the map and until the page is idle, for 1k, 3k, 5k
and 20k nodes.

Not a test: prints a table. Run with the dev venv:

    python benchmarks/bench_map.py                 # 1k, 3k, 5k, 20k (+ 20k forced in full)
    python benchmarks/bench_map.py --sizes 1k,5k

Nodes = actors + projects of a seeded synthetic ecosystem (graphmap/synth.py: four actors
per project, four relations per node). "drawn" is measured in the page: from navigation
start to vis-network's first ``afterDrawing`` event (the whole page parsed, the JSON read,
the DataSets built and the first frame painted); "idle" from navigation start to the first
idle callback after that frame (labels placed, the page answers input); "click" from
selecting the biggest node (neighbourhood highlight) to the end of the next frame.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _nodes(text: str) -> int:
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def _drawn_ms(browser: object, path: Path) -> tuple[float, float, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
               else r.abort())
    page.goto(path.as_uri(), timeout=600_000)
    deadline = time.monotonic() + 600
    while not page.evaluate("!!(window.graphmap && window.graphmap.ready)"):
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        time.sleep(0.02)
    drawn = float(page.evaluate("window.graphmap.drawnAt"))
    # Idle: two animation frames then an idle callback, so every pass queued by the first
    # frame (label placement, the community level's own redraw) has run.
    idle = float(page.evaluate("""() => new Promise(done => requestAnimationFrame(() =>
        requestAnimationFrame(() => requestIdleCallback(() => done(performance.now()),
                                                        { timeout: 60000 }))))"""))
    # One click on the biggest node: neighbourhood highlight (DataSet updates) and redraw.
    highlight = float(page.evaluate("""() => new Promise(done => {
        const ids = graphmap.data.nodes.slice().sort((a, b) => b.size - a.size);
        const t0 = performance.now();
        graphmap.network.once("afterDrawing", () => done(performance.now() - t0));
        graphmap.select(ids[0].id);
        graphmap.network.redraw(); })"""))
    page.close()
    return drawn, idle, highlight


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,3k,5k,20k")
    parser.add_argument("--no-full-20k", action="store_true",
                        help="skip the 20k map forced in full (no aggregation)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from graphmap.analysis.pipeline import analyze
    from graphmap.render.html_map import AGGREGATE_ABOVE, build_map_payload, map_page
    from graphmap.synth import generate_dataset

    load = os.getloadavg()
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {load[0]:.1f}; "
          f"aggregation above {AGGREGATE_ABOVE} nodes")
    runs: list[tuple[str, int, bool]] = []
    for size in args.sizes.split(","):
        n = _nodes(size.strip())
        runs.append((size.strip(), n, False))
        if n > AGGREGATE_ABOVE and not args.no_full_20k:
            runs.append((size.strip(), n, True))
    header = (f"{'nodes':>7} {'edges':>7} {'map':<11} {'drawn':>7} {'analyze s':>9} "
              f"{'build s':>8} {'size MB':>8} {'drawn s':>8} {'idle s':>7} {'click ms':>8}")
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        cache: dict[int, tuple[object, object, float]] = {}
        for label, n, full in runs:
            if n not in cache:
                projects = n // 5
                dataset = generate_dataset(n - projects, projects, 4 * n, seed=7)
                start = time.perf_counter()
                report = analyze(dataset)
                cache[n] = (dataset, report, time.perf_counter() - start)
            dataset, report, analyze_s = cache[n]
            start = time.perf_counter()
            payload = build_map_payload(
                dataset, report, lang="fr",  # type: ignore[arg-type]
                aggregate_above=10**9 if full else AGGREGATE_ABOVE)
            html = map_page(payload, lang="fr")
            build_s = time.perf_counter() - start
            path = Path(tmp) / f"map-{label}-{'full' if full else 'default'}.html"
            path.write_text(html, encoding="utf-8")
            drawn_ms, idle_ms, click_ms = _drawn_ms(browser, path)
            # A full map may open on its communities (issue 17): "drawn" counts what the
            # first frame shows.
            level = payload.data.get("communities") or []
            kind = "communities" if level else payload.mode
            shown = len(level) if level else payload.node_count
            print(f"{n:>7} {len(dataset.relations):>7} "  # type: ignore[attr-defined]
                  f"{kind + (' (forced)' if full else ''):<11} {shown:>7} "
                  f"{analyze_s:>9.1f} {build_s:>8.2f} {path.stat().st_size / 1e6:>8.2f} "
                  f"{drawn_ms / 1000:>8.2f} {idle_ms / 1000:>7.2f} {click_ms:>8.0f}", flush=True)
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
