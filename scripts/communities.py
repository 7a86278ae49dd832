#!/usr/bin/env python3
"""Communities of the graph (Louvain, fixed seed) with their main members and size distribution.

Usage: python scripts/communities.py [GRAPH.ttl] [--seed S] [--members N] [--plot PNG]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from kg import analysis


def main(argv: list[str] | None = None) -> int:
    """Print the communities of a graph (default: the embedded seeds' graph)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analysis.add_graph_argument(parser)
    parser.add_argument("--seed", type=int, default=0, help="random seed of Louvain (0)")
    parser.add_argument("--members", type=analysis.non_negative, default=5,
                        help="main members shown per community (5)")
    analysis.add_plot_argument(parser)
    args = parser.parse_args(argv)
    graph = analysis.load_graph(args.graph)
    found = analysis.communities(graph, args.seed)
    print(analysis.communities_report(graph, found, args.members))
    if args.plot:
        sizes = sorted(Counter(len(group) for group in found).items())
        written = analysis.bar_chart(args.plot, "社区规模分布 (community sizes)",
                                     [str(size) for size, _ in sizes],
                                     {"communities": [count for _, count in sizes]},
                                     "communities")
        print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    sys.exit(analysis.run_script(main))
