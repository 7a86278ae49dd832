"""Time the viewer page of synthetic graphs (2,000 entities / 6,000 links and 10,000 / 30,000).

    .venv/bin/python benchmarks/viewer_bench.py [--sizes 2000:6000 10000:30000] [--repeat 10]

For each size, prints the page's bytes, the seconds ``viz.write_html`` takes, and in headless
Chromium (Debian's ``/usr/bin/chromium`` with ``--disable-gpu``, driven by Playwright): the
time to interactive (from navigation start until the first frame is drawn, the page's own
clock), one redraw (``network.redraw()``, labels included; median of ``--repeat``) and click →
highlight (from the pointer going down on a node until the frame with its neighbourhood
highlighted and its details shown has been drawn; median of ``--repeat`` clicks on different
nodes). Targets (issue 16): page written in ≤ 5 s, redraw ≤ 100 ms, click → highlight ≤ 300 ms.

The graph: entities with Chinese names of the five types, links between random pairs drawn
with a skew towards low numbers (so there are hubs, as in real graphs), each with a sentence of
evidence and 60 characters of text on each side, and each entity named in two documents.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg import viz
from kg.graph import KnowledgeGraph
from kg.model import ENTITY_TYPES, PREDICATES, DocumentInfo, Entity, Evidence, Fact
from kg.vocab import entity_iri

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_viewer_browser import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

VIEWPORT = {"width": 1600, "height": 1000}
DOCUMENTS = 50


def synthetic_graph(nodes: int, edges: int, seed: int = 1) -> KnowledgeGraph:
    """``nodes`` entities and ``edges`` distinct links, skewed towards the first entities."""
    rng = random.Random(seed)
    documents = tuple(DocumentInfo(f"doc{d:03d}", f"doc{d:03d}.txt", f"{d:064x}")
                      for d in range(DOCUMENTS))
    entities = []
    for i in range(nodes):
        entity_type = ENTITY_TYPES[i % len(ENTITY_TYPES)]
        name = f"内蒙古自治区第{i}号{entity_type}单位"
        mentions = tuple(sorted((f"doc{(i + k * 7) % DOCUMENTS:03d}", 100 * k, 100 * k + 9)
                                for k in range(2)))
        entities.append(Entity(entity_iri(entity_type, name), entity_type, name,
                               (f"自治区{i}号",), (f"自治區{i}號",), mentions))
    links: set[tuple[int, str, int]] = set()
    while len(links) < edges:
        subject, obj = (int(nodes * rng.random() ** 2) for _ in range(2))
        if subject != obj:
            links.add((subject, rng.choice(PREDICATES), obj))
    context = "各级妇联组织围绕中心服务大局，" * 4
    facts = []
    for number, (subject, predicate, obj) in enumerate(sorted(links)):
        sentence = f"2023年，{entities[subject].name}与{entities[obj].name}联合开展工作。"
        start = 1000 + number
        facts.append(Fact(entities[subject].iri, predicate, entities[obj].iri, year="2023",
                          evidence=(Evidence(f"doc{number % DOCUMENTS:03d}", sentence, start,
                                             start + len(sentence), context[:60],
                                             context[:60]),)))
    return KnowledgeGraph(documents, tuple(sorted(entities, key=lambda e: e.iri)),
                          tuple(facts))


def browser_figures(page_path: Path, repeat: int) -> dict[str, float]:
    """Time to interactive, redraw and click → highlight of a page, in milliseconds."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-kg-ready]", state="attached", timeout=120_000)
            figures = {"interactive": page.evaluate("kgViewer.readyMs")}
            figures["redraw"] = statistics.median(page.evaluate("""() => {
                const t0 = performance.now();
                kgViewer.network.redraw();
                return performance.now() - t0;
            }""") for _ in range(repeat))
            clicks = []
            for number in range(repeat):
                point = page.evaluate("""(n) => {
                    const net = kgViewer.network;
                    const ids = net.body.nodeIndices;
                    const id = ids[(n * 37) % ids.length];
                    const dom = net.canvasToDOM(net.getPositions([id])[id]);
                    const box = document.getElementById("kg-network").getBoundingClientRect();
                    return [box.left + dom.x, box.top + dom.y];
                }""", number)
                page.evaluate("delete kgViewer.timings.clickToHighlight")
                page.mouse.click(*point)
                page.wait_for_timeout(600)  # past a double-click's delay
                clicks.append(page.evaluate("kgViewer.timings.clickToHighlight"))
            figures["click"] = statistics.median(c for c in clicks if c is not None)
            return figures
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["2000:6000", "10000:30000"],
                        help="entities:links pairs")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    for size in args.sizes:
        nodes, edges = map(int, size.split(":"))
        graph = synthetic_graph(nodes, edges)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "kg.html"
            started = time.perf_counter()
            viz.write_html(graph, path)
            written = time.perf_counter() - started
            figures = browser_figures(path, args.repeat)
            print(f"{nodes} entities / {edges} links: page {path.stat().st_size / 1e6:.1f} MB, "
                  f"written in {written:.2f} s; interactive {figures['interactive']:.0f} ms, "
                  f"redraw {figures['redraw']:.0f} ms, click → highlight "
                  f"{figures['click']:.0f} ms (opens on {min(nodes, viz.OPEN_LIMIT)} entities)")


if __name__ == "__main__":
    main()
