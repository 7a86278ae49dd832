#!/usr/bin/env python3
"""The most central organisations, people and programmes: degree, PageRank and betweenness.

Usage: python scripts/centrality.py [GRAPH.ttl] [--top N] [--plot PNG]
"""
from __future__ import annotations

import argparse
import sys

from kg import analysis


def main(argv: list[str] | None = None) -> int:
    """Print the centrality table of a graph (default: the embedded seeds' graph)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analysis.add_graph_argument(parser)
    parser.add_argument("--top", type=analysis.non_negative, default=10, help="entities shown per type (10)")
    analysis.add_plot_argument(parser)
    args = parser.parse_args(argv)
    rows = analysis.centrality(analysis.load_graph(args.graph))
    print(analysis.centrality_report(rows, args.top))
    if args.plot:
        best = sorted(rows, key=lambda c: (-c.pagerank, c.label))[:args.top]
        series = {t: [c.pagerank if c.type == t else 0.0 for c in best]
                  for t in analysis.CENTRAL_TYPES}
        written = analysis.bar_chart(args.plot, "PageRank", [c.label for c in best], series,
                                     "PageRank", horizontal=True)
        print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    sys.exit(analysis.run_script(main))
