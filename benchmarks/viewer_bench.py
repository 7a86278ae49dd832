"""Time the viewer page of a synthetic graph of 2,000 entities and 6,000 links.

    .venv/bin/python benchmarks/viewer_bench.py [--nodes N] [--edges M]

Prints the seconds ``viz.render_html`` takes, the page size, and the seconds until the page is
interactive in headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright): from
the start of loading the file until the vis network has stabilised or, with physics off, has
first drawn. The target (issue 6) is 10 s for 2,000 nodes and 6,000 edges.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg import viz
from kg.graph import KnowledgeGraph
from kg.io import write_atomic
from kg.model import ENTITY_TYPES, PREDICATES, DocumentInfo, Entity, Evidence, Fact
from kg.vocab import entity_iri

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_viewer_browser import CHROMIUM, CHROMIUM_FLAGS, VIEWPORT  # noqa: E402


def synthetic_graph(nodes: int, edges: int, seed: int = 1) -> KnowledgeGraph:
    """``nodes`` entities with Chinese names and ``edges`` distinct links between random pairs,
    each with a sentence of evidence."""
    rng = random.Random(seed)
    documents = tuple(DocumentInfo(f"doc{d:03d}", f"doc{d:03d}.txt", f"{d:064x}")
                      for d in range(50))
    entities = []
    for i in range(nodes):
        entity_type = ENTITY_TYPES[i % len(ENTITY_TYPES)]
        name = f"内蒙古自治区第{i}号{entity_type}单位"
        entities.append(Entity(entity_iri(entity_type, name), entity_type, name,
                               (f"自治区{i}号",)))
    links: set[tuple[int, str, int]] = set()
    while len(links) < edges:
        subject, obj = rng.randrange(nodes), rng.randrange(nodes)
        if subject != obj:
            links.add((subject, rng.choice(PREDICATES), obj))
    facts = []
    for number, (subject, predicate, obj) in enumerate(sorted(links)):
        sentence = f"2023年，{entities[subject].name}与{entities[obj].name}联合开展工作。"
        facts.append(Fact(entities[subject].iri, predicate, entities[obj].iri, year="2023",
                          evidence=(Evidence(f"doc{number % 50:03d}", sentence, 0,
                                             len(sentence)),)))
    return KnowledgeGraph(documents, tuple(sorted(entities, key=lambda e: e.iri)),
                          tuple(facts))


def seconds_until_interactive(page_path: Path) -> tuple[float, float]:
    """Load the page in headless Chromium; return (wall seconds from the start of loading,
    seconds from navigation start as the page measures it) until the viewer is ready."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-kg-ready]", state="attached", timeout=120_000)
            wall = time.perf_counter() - started
            return wall, page.evaluate("kgViewer.readyMs") / 1000
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=6000)
    args = parser.parse_args()
    graph = synthetic_graph(args.nodes, args.edges)
    started = time.perf_counter()
    page = viz.render_html(graph)
    render = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = write_atomic(Path(folder) / "kg.html", page)
        wall, in_page = seconds_until_interactive(path)
    mode = "physics" if args.nodes <= viz.PHYSICS_NODE_LIMIT else "precomputed layout"
    print(f"graph: {len(graph.entities)} nodes, {len(graph.facts)} edges ({mode})")
    print(f"render_html: {render:.2f} s, page {len(page.encode('utf-8')) / 1e6:.1f} MB")
    print(f"interactive in headless Chromium: {wall:.2f} s "
          f"(page's own clock from navigation start: {in_page:.2f} s)")


if __name__ == "__main__":
    main()
