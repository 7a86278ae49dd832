"""The ``KnowledgeGraph``: entities, facts and documents, and its views."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .errors import ArgumentError
from .model import DocumentInfo, Entity, Fact
from .vocab import DEFAULT_BASE


@dataclass(frozen=True)
class KnowledgeGraph:
    """The merged graph of a corpus, in a deterministic order.

    Attributes
    ----------
    documents : tuple of DocumentInfo
        The source documents, sorted by id.
    entities : tuple of Entity
        One per real thing, sorted by IRI.
    facts : tuple of Fact
        One per (subject, predicate, object, role, year), sorted, each with its evidence.
    """

    documents: tuple[DocumentInfo, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]

    def entity(self, iri: str) -> Entity:
        """The entity with this IRI (``KeyError`` when absent)."""
        return self._by_iri()[iri]

    def _by_iri(self) -> dict[str, Entity]:
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = {e.iri: e for e in self.entities}
            object.__setattr__(self, "_index", cached)
        return cached

    def entity_counts(self) -> Counter:
        """Entities per type."""
        return Counter(e.type for e in self.entities)

    def fact_counts(self) -> Counter:
        """Facts per predicate."""
        return Counter(f.predicate for f in self.facts)

    def to_networkx(self):
        """The graph as a ``networkx.MultiDiGraph`` (see :func:`kg.nx.to_networkx`).

        >>> KnowledgeGraph((), (), ()).to_networkx().number_of_nodes()
        0
        """
        from .nx import to_networkx  # imported here: nx imports this module
        return to_networkx(self)

    def to_rdflib(self, base: str = DEFAULT_BASE):
        """The graph as an ``rdflib.Graph``, the triples of the Turtle export.

        ``base`` is the base IRI of fact and document nodes (that of ``kg build --base``); see
        :func:`kg.rdf.to_rdflib`.

        >>> type(KnowledgeGraph((), (), ()).to_rdflib()).__name__
        'Graph'
        """
        from .rdf import to_rdflib  # imported here: rdf imports this module
        return to_rdflib(self, base)


def graph_argument(value: object, name: str = "graph") -> KnowledgeGraph:
    """``value`` when it is a ``KnowledgeGraph``; else ``ArgumentError`` naming the argument.

    >>> graph_argument("output/kg.ttl")
    Traceback (most recent call last):
    kg.errors.ArgumentError: graph: expected a KnowledgeGraph (kg.build or kg.load), not str
    """
    if isinstance(value, KnowledgeGraph):
        return value
    raise ArgumentError(name, "expected a KnowledgeGraph (kg.build or kg.load), not "
                              f"{type(value).__name__}")
