#!/usr/bin/env python3
"""People and their posts per organisation, and the people with posts in several organisations.

Usage: python scripts/leadership.py [GRAPH.ttl]
"""
from __future__ import annotations

import argparse
import sys

from kg import analysis


def main(argv: list[str] | None = None) -> int:
    """Print the posts of a graph (default: the embedded seeds' graph)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analysis.add_graph_argument(parser)
    args = parser.parse_args(argv)
    print(analysis.leadership_report(analysis.posts(analysis.load_graph(args.graph))))
    return 0


if __name__ == "__main__":
    sys.exit(analysis.run_script(main))
