"""The files of a build: the graph rendered in each output format and written as one set.

``kg build`` is a thin layer over this module: ``write_build`` renders every requested format
before writing any, then writes them all atomically (see ``io.write_outputs``), and checks the
Turtle against the SHACL shapes when asked.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

from . import rdf, viz
from .errors import ArgumentError, OutputError, path_argument
from .graph import KnowledgeGraph, graph_argument
from .io import check_folder, write_outputs
from .vocab import DEFAULT_BASE, check_base

#: Output format → (file name, renderer of the graph with a base IRI).
RENDERERS: dict[str, tuple[str, Callable[[KnowledgeGraph, str], str]]] = {
    "ttl": ("kg.ttl", rdf.to_turtle),
    **{name: (f"kg.{name}", partial(rdf.to_format, rdf_format=name))
       for name in ("nt", "jsonld", "trig")},
    "html": ("kg.html", lambda graph, base: viz.render_html(graph)),
}
DEFAULT_FORMATS = ("ttl", "html")


@dataclass(frozen=True)
class BuildOutputs:
    """What ``write_build`` wrote: the paths in the order of the formats, and the SHACL report
    when validation was asked for (``conforms`` is None when it was not)."""

    paths: tuple[Path, ...]
    conforms: bool | None = None
    report: str = ""


def check_formats(formats: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The formats, de-duplicated in order; ``OutputError`` for an unknown one.

    >>> check_formats(["html", "ttl", "html"])
    ('html', 'ttl')
    """
    if not isinstance(formats, (list, tuple)) or not all(isinstance(f, str) for f in formats):
        raise ArgumentError("formats", "expected a list of format names such as "
                                       f"['ttl', 'html'], not {formats!r}")
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown or not formats:
        raise OutputError(", ".join(unknown) or "--format", "unknown output format; choose "
                          "from " + ", ".join(RENDERERS))
    return tuple(dict.fromkeys(formats))


def write_build(graph: KnowledgeGraph, folder: str | Path, *,
                formats: tuple[str, ...] | list[str] = DEFAULT_FORMATS,
                base: str = DEFAULT_BASE, validate: bool = False) -> BuildOutputs:
    """Render the graph in each format and write the files into ``folder`` as one set.

    Parameters
    ----------
    graph : KnowledgeGraph
        A built graph (``kg.build``).
    folder : str or Path
        The output folder, created if needed.
    formats : sequence of str
        Keys of ``RENDERERS`` (default: Turtle and the viewer page).
    base : str
        Base IRI of the entities.
    validate : bool
        Check the Turtle against the SHACL shapes (needs ``"ttl"`` among the formats).

    Returns
    -------
    BuildOutputs
        The paths written and, with ``validate``, whether the Turtle conforms and the report.

    Raises
    ------
    OutputError
        An unknown format, an output path that is a file, or a folder that cannot be written.
    ArgumentError
        An argument of the wrong type (a graph that is not a ``KnowledgeGraph``).

    Examples
    --------
    >>> import tempfile, kg
    >>> written = write_build(kg.build(), tempfile.mkdtemp(), formats=["ttl"])
    >>> [p.name for p in written.paths]
    ['kg.ttl']
    """
    graph_argument(graph)
    formats = check_formats(formats)
    check_base(base)
    check_folder(path_argument("folder", folder))
    rendered = {RENDERERS[f][0]: RENDERERS[f][1](graph, base) for f in formats}
    paths = tuple(write_outputs(folder, rendered))
    if not validate:
        return BuildOutputs(paths)
    if "ttl" not in formats:
        raise OutputError(folder, "validation checks the Turtle: add ttl to the formats")
    from .validate import validate as shacl_validate  # pyshacl is slow to import: only when asked

    conforms, report = shacl_validate(rendered[RENDERERS["ttl"][0]])
    return BuildOutputs(paths, conforms, report)
