#!/usr/bin/env python3
"""The neighbourhood of one entity within k hops, as a table and as a small viewer page.

Usage: python scripts/ego.py NAME [GRAPH.ttl] [-k K] [--html PATH]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg import analysis
from kg.io import ensure_folder
from kg.viz import write_html


def main(argv: list[str] | None = None) -> int:
    """Print the neighbourhood of NAME and write its viewer page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="name or alias of the entity (a unique part of it will do)")
    analysis.add_graph_argument(parser)
    parser.add_argument("-k", "--hops", type=analysis.non_negative, default=1, help="radius in links (1)")
    parser.add_argument("--html", metavar="PATH",
                        help="viewer page to write (default: output/ego-NAME.html)")
    args = parser.parse_args(argv)
    graph = analysis.load_graph(args.graph)
    centre = analysis.find_entity(graph, args.name)
    neighbourhood, distance = analysis.ego_graph(graph, centre, args.hops)
    print(analysis.ego_report(neighbourhood, distance))
    page = Path(args.html) if args.html else Path("output") / f"ego-{args.name}.html"
    ensure_folder(page.parent)
    write_html(neighbourhood, page)
    print(f"wrote {page}")
    return 0


if __name__ == "__main__":
    sys.exit(analysis.run_script(main))
