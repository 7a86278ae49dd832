"""The graph as a ``networkx.MultiDiGraph``: one node per entity, one edge per fact.

Nodes are keyed by entity IRI and carry ``label`` (the canonical name), ``type`` and
``aliases`` (a list). Each fact is one edge from subject to object carrying ``predicate``,
``role``, ``year`` (``None`` when the text gives none) and ``evidence``: a list of
``{"document", "sentence", "start", "end"}`` dicts, offsets into the original file. Parallel
facts (the same two entities linked by several predicates, roles or years) stay separate edges.
"""
from __future__ import annotations

import networkx

from .graph import KnowledgeGraph
from .model import Evidence, Fact


def evidence_record(evidence: Evidence) -> dict:
    """One piece of evidence as a plain dict (the form edges and exports carry).

    Examples
    --------
    >>> evidence_record(Evidence("001", "主席王芳在基地调研。", 10, 20))
    {'document': '001', 'sentence': '主席王芳在基地调研。', 'start': 10, 'end': 20}
    """
    return {"document": evidence.doc_id, "sentence": evidence.sentence,
            "start": evidence.start, "end": evidence.end}


def _fact_order(fact: Fact) -> tuple:
    return fact.subject, fact.predicate, fact.object, fact.role or "", fact.year or ""


def to_networkx(graph: KnowledgeGraph) -> networkx.MultiDiGraph:
    """Convert a ``KnowledgeGraph`` into a ``networkx.MultiDiGraph``.

    Nodes and edges are added in a fixed order (entities by IRI, facts by subject, predicate,
    object, role, year); an edge's key is its fact's number in that order, unique in the graph
    (GraphML tools such as Gephi need unique edge ids).

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to convert.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by entity IRI, one edge per fact.

    Examples
    --------
    >>> from kg.model import Entity
    >>> wang = Entity("id/person/王芳", "Person", "王芳")
    >>> fed = Entity("id/org/妇联", "Organisation", "内蒙古自治区妇女联合会", ("自治区妇联",))
    >>> posts = (Fact(wang.iri, "holdsPost", fed.iri, role="党组书记"),
    ...          Fact(wang.iri, "holdsPost", fed.iri, role="主席"))
    >>> g = to_networkx(KnowledgeGraph((), (wang, fed), posts))
    >>> g.nodes["id/org/妇联"]["aliases"]
    ['自治区妇联']
    >>> [(key, data["role"]) for _, _, key, data in g.edges(keys=True, data=True)]
    [(0, '主席'), (1, '党组书记')]
    """
    result = networkx.MultiDiGraph()
    for entity in sorted(graph.entities, key=lambda e: e.iri):
        result.add_node(entity.iri, label=entity.name, type=entity.type,
                        aliases=list(entity.aliases))
    for key, fact in enumerate(sorted(graph.facts, key=_fact_order)):
        result.add_edge(fact.subject, fact.object, key, predicate=fact.predicate, role=fact.role,
                        year=fact.year,
                        evidence=[evidence_record(e) for e in fact.evidence])
    return result
