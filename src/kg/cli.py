"""The command line: a thin layer over the importable functions (``main(argv) -> int``).

Exit status: 0 ok; 1 finished, but some input files were skipped or repaired (listed at the
end); 2 user error (bad path, unreadable input with ``--strict``, unwritable output), with one
line naming the file; 3 internal error (a bug in kg); 130 interrupted.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

from . import export, pipeline, rdf
from .errors import InputWarning, KgError
from .io import check_folder, write_outputs
from .vocab import DEFAULT_BASE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese "
                                     "institutional text.", epilog=EXIT_STATUS,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the graph of text files or folders")
    build.add_argument("paths", nargs="*", help="text files or folders (default: the seeds)")
    build.add_argument("-o", "--output", default="output", help="output folder (default output/)")
    build.add_argument("--base", default=DEFAULT_BASE, help="base IRI of entities")
    build.add_argument("--strict", action="store_true", help="stop with an error (exit 2) at "
                       "the first input file that must be skipped or repaired")
    build.add_argument("-q", "--quiet", action="store_true", help="print no summary, only "
                       "warnings and errors")
    exporter = sub.add_parser("export", help="write a Turtle graph as GraphML, node-link JSON "
                              "or CSV tables")
    exporter.add_argument("graph", metavar="GRAPH.ttl", help="a graph written by `kg build`")
    exporter.add_argument("--format", required=True, choices=export.FORMATS,
                          help="graphml (Gephi, Cytoscape), json (networkx node-link) or csv "
                          "(NAME.nodes.csv and NAME.edges.csv, UTF-8 with BOM for Excel)")
    exporter.add_argument("-o", "--output", help="output file; for csv a folder (default: "
                          "next to GRAPH.ttl)")
    return parser


EXIT_STATUS = """exit status:
  0    ok
  1    finished, but some input files were skipped or repaired (listed at the end)
  2    user error (bad path, unreadable input with --strict, unwritable output)
  3    internal error (a bug in kg; set KG_DEBUG=1 to see the traceback)
  130  interrupted"""


def cmd_build(args) -> int:
    started = time.perf_counter()
    check_folder(args.output)
    problems: list[InputWarning] = []
    try:
        graph = pipeline.build(args.paths, base=args.base, strict=args.strict,
                               on_warning=problems.append)
    finally:
        _print_warnings(problems)
    ttl, = write_outputs(args.output, {"kg.ttl": rdf.to_turtle(graph)})
    elapsed = time.perf_counter() - started
    if args.quiet:
        return 1 if problems else 0
    print(f"documents read: {len(graph.documents)}")
    counts = graph.entity_counts()
    print("entities: " + ", ".join(f"{t} {counts[t]}" for t in sorted(counts)))
    facts = graph.fact_counts()
    print("relations: " + ", ".join(f"{p} {facts[p]}" for p in sorted(facts)))
    print(f"wrote {ttl}")
    print(f"elapsed: {elapsed:.2f} s")
    return 1 if problems else 0


def _print_warnings(problems: list[InputWarning]) -> None:
    """The end-of-run list of skipped and repaired files, on standard error."""
    if not problems:
        return
    skipped = sum(p.skipped for p in problems)
    print(f"kg: warning: {skipped} file(s) skipped, {len(problems) - skipped} problem(s) "
          "repaired (--strict makes these errors):", file=sys.stderr)
    for problem in problems:
        print(f"kg: warning: {_one_line(str(problem))}", file=sys.stderr)


def cmd_export(args) -> int:
    graph = rdf.load(args.graph)
    output = args.output or export.default_output(args.graph, args.format)
    for path in export.export(graph, args.format, output, Path(args.graph).stem):
        print(f"wrote {path}")
    return 0


COMMANDS = {"build": cmd_build, "export": cmd_export}


def _one_line(message: str) -> str:
    """``message`` with newlines and other invisible characters escaped."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in message)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (see ``EXIT_STATUS``)."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KgError as exc:
        print(f"kg: error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        print(f"kg: internal error: {type(exc).__name__}: {_one_line(str(exc))} (a bug in kg;"
              " set KG_DEBUG=1 to see the traceback)", file=sys.stderr)
        if os.environ.get("KG_DEBUG"):
            traceback.print_exc()
        return 3


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
