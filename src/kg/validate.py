"""SHACL validation of an export against ``ontology/shapes.ttl`` (pyshacl, the ontology mixed in).

The shapes check that every entity has exactly one of the five types and one ``skos:prefLabel``,
that each relation links the right types (the table of the annotation guidelines), that every
direct triple has its ``kg:Fact`` node and every fact node its direct triple, and that each fact
has complete evidence (document, sentence, offsets with start < end).
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pyshacl
from rdflib import Graph

from .errors import InputError
from .graph import KnowledgeGraph
from .rdf import to_rdflib
from .vocab import DEFAULT_BASE, ontology_path, shapes_path


@cache
def _packaged_graph(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def _data_graph(source: KnowledgeGraph | Graph | str | Path, base: str) -> Graph:
    if isinstance(source, KnowledgeGraph):
        return to_rdflib(source, base)
    if isinstance(source, Graph):
        return source
    graph = Graph()
    origin = "<turtle text>" if isinstance(source, str) else source
    try:
        if isinstance(source, str):
            graph.parse(data=source, format="turtle")
        else:
            graph.parse(source, format="turtle")
    except FileNotFoundError:
        raise InputError(origin, "no such file") from None
    except Exception as exc:  # rdflib raises many unrelated types for bad Turtle
        raise InputError(origin, "not valid Turtle: " + " ".join(str(exc).split())) from None
    return graph


def validate(source: KnowledgeGraph | Graph | str | Path,
             base: str = DEFAULT_BASE) -> tuple[bool, str]:
    """Check an export against the project's SHACL shapes.

    Parameters
    ----------
    source : KnowledgeGraph, rdflib.Graph, str or Path
        A graph, its RDF, Turtle text, or the path of a Turtle file.
    base : str
        Base of fact, evidence and document IRIs when ``source`` is a ``KnowledgeGraph``.

    Returns
    -------
    conforms : bool
        Whether the export conforms to the shapes.
    report : str
        pyshacl's text report (each violation with its focus node, path and message).

    Raises
    ------
    InputError
        When ``source`` is Turtle text or a file that cannot be parsed.
    """
    conforms, _, report = pyshacl.validate(
        _data_graph(source, base), shacl_graph=_packaged_graph(shapes_path()),
        ont_graph=_packaged_graph(ontology_path()), inference="none", allow_warnings=True)
    return bool(conforms), report
