"""The command line: a thin layer over the importable functions (``main(argv) -> int``)."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import export, pipeline, rdf
from .errors import KgError
from .io import ensure_folder, write_atomic
from .vocab import DEFAULT_BASE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese "
                                     "institutional text.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the graph of text files or folders")
    build.add_argument("paths", nargs="*", help="text files or folders (default: the seeds)")
    build.add_argument("-o", "--output", default="output", help="output folder (default output/)")
    build.add_argument("--base", default=DEFAULT_BASE, help="base IRI of entities")
    exporter = sub.add_parser("export", help="write a Turtle graph as GraphML, node-link JSON "
                              "or CSV tables")
    exporter.add_argument("graph", metavar="GRAPH.ttl", help="a graph written by `kg build`")
    exporter.add_argument("--format", required=True, choices=export.FORMATS,
                          help="graphml (Gephi, Cytoscape), json (networkx node-link) or csv "
                          "(NAME.nodes.csv and NAME.edges.csv, UTF-8 with BOM for Excel)")
    exporter.add_argument("-o", "--output", help="output file; for csv a folder (default: "
                          "next to GRAPH.ttl)")
    return parser


def cmd_build(args) -> int:
    started = time.perf_counter()
    graph = pipeline.build(args.paths, base=args.base)
    folder = ensure_folder(args.output)
    ttl = write_atomic(folder / "kg.ttl", rdf.to_turtle(graph))
    elapsed = time.perf_counter() - started
    print(f"documents read: {len(graph.documents)}")
    counts = graph.entity_counts()
    print("entities: " + ", ".join(f"{t} {counts[t]}" for t in sorted(counts)))
    facts = graph.fact_counts()
    print("relations: " + ", ".join(f"{p} {facts[p]}" for p in sorted(facts)))
    print(f"wrote {ttl}")
    print(f"elapsed: {elapsed:.2f} s")
    return 0


def cmd_export(args) -> int:
    graph = rdf.load(args.graph)
    output = args.output or export.default_output(args.graph, args.format)
    for path in export.export(graph, args.format, output, Path(args.graph).stem):
        print(f"wrote {path}")
    return 0


COMMANDS = {"build": cmd_build, "export": cmd_export}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 user error)."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return exc.exit_status


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
