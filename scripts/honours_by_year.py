#!/usr/bin/env python3
"""Honours awarded per year and level, and the recipients of each honour.

Usage: python scripts/honours_by_year.py [GRAPH.ttl] [--plot PNG]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from kg import analysis


def main(argv: list[str] | None = None) -> int:
    """Print the honours tables of a graph (default: the embedded seeds' graph)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analysis.add_graph_argument(parser)
    analysis.add_plot_argument(parser)
    args = parser.parse_args(argv)
    awards = analysis.awards(analysis.load_graph(args.graph))
    print(analysis.honours_report(awards))
    if args.plot:
        years = sorted({a.year or analysis.MISSING for a in awards})
        counts = Counter((a.year or analysis.MISSING, a.level) for a in awards)
        levels = [level for level, _ in analysis.HONOUR_LEVELS] + [analysis.UNSPECIFIED]
        series = {level: [counts[(year, level)] for year in years] for level in levels
                  if any(counts[(year, level)] for year in years)}
        written = analysis.bar_chart(args.plot, "荣誉授予 (awards per year)", years, series,
                                     "awards")
        print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    sys.exit(analysis.run_script(main))
