"""The plumbing the scripts in ``scripts/`` share: loading the graph, common arguments, and
running a main function with kg's error handling."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable

from .. import pipeline, rdf
from ..errors import KgError
from ..graph import KnowledgeGraph


def load_graph(path: str | Path | None = None) -> KnowledgeGraph:
    """The graph of a Turtle file written by ``kg build``, or of the embedded seeds.

    Parameters
    ----------
    path : str or Path, optional
        A Turtle file; when omitted the seed texts are built in-process.

    Examples
    --------
    >>> load_graph().documents[0].path.endswith(".txt")
    True
    """
    return pipeline.build() if path is None else rdf.load(path)


def add_graph_argument(parser: argparse.ArgumentParser) -> None:
    """Add the optional ``GRAPH.ttl`` positional argument every script takes."""
    parser.add_argument("graph", nargs="?", metavar="GRAPH.ttl",
                        help="a graph written by `kg build` (default: build the embedded seeds)")


def non_negative(text: str) -> int:
    """``argparse`` type of counts and radii: an integer, 0 or more.

    Examples
    --------
    >>> non_negative("2")
    2
    """
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, not {text!r}")
    return value


def add_plot_argument(parser: argparse.ArgumentParser) -> None:
    """Add the ``--plot PNG`` option (needs matplotlib and a CJK font)."""
    parser.add_argument("--plot", metavar="PNG",
                        help="also write a PNG chart (needs the `plot` extra and a CJK font)")


def run_script(main: Callable[[list[str] | None], int], argv: list[str] | None = None) -> int:
    """Call a script's ``main``; report a ``KgError`` as one line on stderr with status 2.

    Output cut short by the reader (``python scripts/centrality.py | head``) ends the script
    quietly with status 1.

    Examples
    --------
    >>> from kg.errors import InputError
    >>> def main(argv):
    ...     raise InputError("missing.ttl", "no such file")
    >>> run_script(main, [])
    2
    """
    try:
        status = main(argv)
        sys.stdout.flush()
        return status
    except KgError as exc:
        print(f"{Path(sys.argv[0]).name}: error: {exc}", file=sys.stderr)
        return exc.exit_status
    except BrokenPipeError:  # the reader stopped early (`| head`): end quietly, as shell tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
