"""The command line: a thin layer over the importable functions (``main(argv) -> int``)."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import pipeline, rdf
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


COMMANDS = {"build": cmd_build}


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
