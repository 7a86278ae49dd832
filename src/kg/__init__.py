"""kg: knowledge graphs of organisations, programmes, people, places and honours from Chinese
institutional text.

The graph is one import away: ``build`` runs the pipeline in-process, ``write_build`` writes
its output files as ``kg build`` does, ``load`` reads an exported Turtle file back, and a
``KnowledgeGraph`` converts to networkx and rdflib.

Examples
--------
>>> import kg
>>> graph = kg.build()                      # the embedded seed texts
>>> g = graph.to_networkx()                 # networkx.MultiDiGraph keyed by entity IRI
>>> g.number_of_nodes() == len(graph.entities), g.number_of_edges() == len(graph.facts)
(True, True)
>>> sorted({data["type"] for _, data in g.nodes(data=True)} - set(kg.ENTITY_TYPES))
[]
"""
from __future__ import annotations

import gc
import os
import signal
import sys
from pathlib import Path


def _interrupted_while_loading(signum, frame) -> None:
    """Ctrl-C while kg's modules load for the command line: one line and status 130, not a
    traceback from deep inside an import (``cli.main_entry`` gives SIGINT back to Python)."""
    print("kg: interrupted", file=sys.stderr)
    raise SystemExit(130)   # not an Exception: no library's ``except Exception`` swallows it


#: Whether kg is loading for its command line (``kg``, ``python -m kg``), not for a library user.
_FOR_COMMAND_LINE = os.path.basename((getattr(sys, "argv", None) or [""])[0]) in ("kg", "-m")

if _FOR_COMMAND_LINE and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    try:
        signal.signal(signal.SIGINT, _interrupted_while_loading)
    except ValueError:      # imported outside the main thread: no handler can be set
        pass

from . import pattern_cache  # noqa: E402  (after the handler: it loads files)

pattern_cache.preload()  # before the modules below compile their patterns
# The garbage collector is off while kg's modules load, and for the command line what they made
# is then frozen out of its passes (gc.freeze): it lives as long as the process, and scanning it
# took 0.01-0.03 s of every run's start. A library user's process is left as it was: freezing
# there would also freeze the objects the user made before importing kg.
_collecting = gc.isenabled()
gc.disable()
try:
    from . import rdf
    from .errors import ArgumentError, InputError, KgError, OutputError, QueryError, RuleError
    from .graph import KnowledgeGraph
    from .model import (ENTITY_TYPES, PREDICATES, Document, DocumentInfo, Entity, Evidence,
                        Fact, Mention)
    from .outputs import write_build
    from .pipeline import build
finally:
    if _collecting:
        if _FOR_COMMAND_LINE:
            gc.freeze()
        gc.enable()

__all__ = [
    "__version__", "build", "load", "write_build", "KnowledgeGraph",
    "Document", "DocumentInfo", "Entity", "Evidence", "Fact", "Mention",
    "ENTITY_TYPES", "PREDICATES",
    "KgError", "ArgumentError", "InputError", "OutputError", "QueryError", "RuleError",
]


def __getattr__(name: str):
    """``kg.__version__``, kg's version, read from the installed package's metadata when first
    asked for (importing ``importlib.metadata`` takes 0.05 s that a run which never shows the
    version or hashes kg's code does not need)."""
    if name == "__version__":
        from importlib.metadata import version

        globals()["__version__"] = version("kg")
        return globals()["__version__"]
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def load(path: str | Path) -> KnowledgeGraph:
    """Read a Turtle file written by ``kg build`` back into a ``KnowledgeGraph``.

    Parameters
    ----------
    path : str or Path
        The Turtle file (e.g. ``output/kg.ttl``).

    Returns
    -------
    KnowledgeGraph
        The same entities, facts (with role, year and evidence) and documents as the graph
        that was written.

    Raises
    ------
    InputError
        When the file is missing or is not a graph kg wrote.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> graph = build()
    >>> ttl = Path(tempfile.mkdtemp()) / "kg.ttl"
    >>> _ = ttl.write_text(rdf.to_turtle(graph), encoding="utf-8")
    >>> load(ttl) == graph
    True
    """
    return rdf.load(path)
