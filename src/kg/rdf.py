"""The RDF export: the graph as Turtle (direct triples plus evidence), deterministic."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .graph import KnowledgeGraph
from .vocab import CLASS, KG, PREDICATE


def to_rdflib(graph: KnowledgeGraph) -> Graph:
    """The graph as an rdflib ``Graph``."""
    g = Graph()
    g.bind("kg", KG)
    g.bind("skos", SKOS)
    for e in graph.entities:
        node = URIRef(e.iri)
        g.add((node, RDF.type, CLASS[e.type]))
        g.add((node, SKOS.prefLabel, Literal(e.name, lang="zh-Hans")))
        g.add((node, RDFS.label, Literal(e.name, lang="zh-Hans")))
        for alias in e.aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="zh-Hans")))
    for f in graph.facts:
        g.add((URIRef(f.subject), PREDICATE[f.predicate], URIRef(f.object)))
    return g


def to_turtle(graph: KnowledgeGraph) -> str:
    """Turtle text of the graph."""
    return to_rdflib(graph).serialize(format="turtle")
