"""Take the README's screenshots of the viewer in headless Chromium (1600×1000).

    .venv/bin/python tools/viewer_screenshots.py [--out docs]

Writes ``viewer_seeds.png`` (the seed graph's first view), ``viewer_fact.png`` (the seed
graph with the post that has the most evidence selected: its details and evidence in the
panel) and ``viewer_10000.png`` (the synthetic graph of 10,000 entities and 30,000 links of
``benchmarks/viewer_bench.py``, as it opens).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg import pipeline, viz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from test_viewer_browser import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from viewer_bench import synthetic_graph  # noqa: E402

VIEWPORT = {"width": 1600, "height": 1000}


def shoot(browser, page_path: Path, out: Path, script: str | None = None) -> None:
    """Open the page, run ``script`` (a function of nothing) if given, save a screenshot."""
    page = browser.new_page(viewport=VIEWPORT)
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-kg-ready]", state="attached", timeout=120_000)
    if script:
        page.evaluate(script)
        page.wait_for_timeout(300)
    page.screenshot(path=out)
    page.close()
    print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        seeds = viz.write_html(pipeline.build([]), Path(folder) / "seeds.html")
        big = viz.write_html(synthetic_graph(10_000, 30_000), Path(folder) / "big.html")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            shoot(browser, seeds, args.out / "viewer_seeds.png")
            # the post whose facts have the most evidence, selected as a click in a panel would
            shoot(browser, seeds, args.out / "viewer_fact.png", """() => {
                const facts = JSON.parse(document.getElementById("kg-evidence").textContent).facts;
                const size = (id) => (kgViewer.data.edges[id][1] === 0 ?
                    facts[id].reduce((n, fact) => n + fact[2].length, 0) : 0);
                const best = facts.map((_, id) => id).reduce((a, b) => (size(b) > size(a) ? b : a));
                kgViewer.selectEdge(best, true);
                document.querySelector("#kg-details details").open = true;
            }""")
            shoot(browser, big, args.out / "viewer_10000.png")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
