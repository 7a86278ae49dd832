"""The modelling stated once, node by node (:func:`describe`), and the rdflib graph built from
it (:func:`to_rdflib`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from ..graph import KnowledgeGraph
from ..model import DocumentInfo, Entity, Fact
from ..identity import close_matches
from ..places import divisions
from ..vocab import (DEFAULT_BASE, LANG_SIMPLIFIED, LANG_TRADITIONAL, PREFIXES, document_iri,
                     entity_iri, evidence_iri, fact_iri, mention_iri)
from .terms import (Node, _ALT_LABEL, _AREA, _CLOSE_MATCH, _CODE, _CONTAINED_IN, _DATE,
                    _DATE_PUBLISHED, _DERIVED_FROM, _END, _EXACT, _FACT_OBJECT, _FACT_SUBJECT,
                    _HAS_EVIDENCE, _HAS_MENTION, _HEADLINE, _IDENTIFIER, _INT, _IRI, _IS_CLASS,
                    _IS_DOCUMENT, _IS_EVIDENCE, _IS_FACT, _IS_MENTION, _LABEL, _LANG, _Memo, _NAME,
                    _PLAIN, _PREDICATES, _PREFIX, _PREF_LABEL, _REGION, _ROLE, _SHA256, _START,
                    _STATES, _SUFFIX, _TYPE, _XSD_DATE, _XSD_G_YEAR, _YEAR, _YEAR_FORM,
                    _YEAR_TERM)

if TYPE_CHECKING:
    from rdflib import Graph


# ------------------------------------------------------------------ description

def describe(graph: KnowledgeGraph, base: str = DEFAULT_BASE) -> Iterator[Node]:
    """The graph as RDF node descriptions, in output order: the modelling, stated once.

    :func:`to_rdflib` builds its graph from these; :func:`to_turtle` writes the same triples.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to export.
    base : str
        Base of the document, fact and evidence IRIs (entity IRIs are already in the graph).

    Yields
    ------
    tuple
        ``(subject_iri, entries)``, each entry ``(predicate_iri, kind, tag, values)``: the values
        of one predicate that share a kind (IRI, language-tagged string with its tag, plain
        string, integer or year).
    """
    gazetteer = Gazetteer(graph, base)
    yield from _document_nodes(graph.documents, gazetteer, base)
    yield from _entity_nodes(graph, gazetteer, base)
    yield from ((iri, [(_TYPE, _IRI, None, (_AREA,)),
                       (_NAME, _LANG, LANG_SIMPLIFIED, (name,)), *gazetteer.entries(iri)])
                for iri, name in sorted(gazetteer.areas.items()))
    yield from _fact_and_evidence_nodes(graph.facts, base)
    yield from sorted(_mention_nodes(graph.entities, base), key=_subject)


class Gazetteer:
    """What the gazetteer adds to a graph: the GB/T 2260 code and the containing division of
    every place whose name is one division, and of the divisions containing those, up to the
    country; the divisions the graph has no entity for are ``schema:AdministrativeArea`` nodes.

    Attributes
    ----------
    divisions : dict
        IRI -> (code or "", container IRI or None).
    areas : dict
        IRI -> name, of the divisions (and document regions) that are not entities.
    """

    def __init__(self, graph: KnowledgeGraph, base: str):
        self.places = {e.name: e.iri for e in graph.entities if e.type == "Place"}
        self.base = base
        self.divisions: dict[str, tuple[str, str | None]] = {}
        self.areas: dict[str, str] = {}
        known = divisions()
        pending = sorted(self.places) + sorted({d.region for d in graph.documents if d.region})
        seen = set()
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            iri = self.iri(name)
            if name not in self.places:
                self.areas[iri] = name
            division = known.get(name)
            if division is not None:
                if division.parent:
                    pending.append(division.parent)
                self.divisions[iri] = (division.code,
                                       division.parent and self.iri(division.parent))

    def iri(self, name: str) -> str:
        """The IRI of the place of that name: its entity's, or the one kg would mint."""
        return self.places.get(name) or entity_iri("Place", name, self.base)

    def entries(self, iri: str) -> list:
        """The code and container entries of a node description (none when unknown)."""
        code, container = self.divisions.get(iri, ("", None))
        return ([(_CODE, _PLAIN, None, (code,))] if code else []) + (
            [(_CONTAINED_IN, _IRI, None, (container,))] if container else [])


def _document_nodes(documents: Iterable[DocumentInfo], gazetteer: Gazetteer,
                    base: str) -> Iterator[Node]:
    nodes = []
    for doc in documents:
        entries = [_IS_DOCUMENT,
                   (_IDENTIFIER, _PLAIN, None, (doc.id,)),
                   (_NAME, _PLAIN, None, (doc.path,)),
                   (_SHA256, _PLAIN, None, (doc.sha256,))]
        if doc.region is not None:
            entries.append((_REGION, _IRI, None, (gazetteer.iri(doc.region),)))
        if doc.title is not None:
            entries.append((_HEADLINE, _LANG, LANG_SIMPLIFIED, (doc.title,)))
        if doc.date is not None:
            entries.append((_DATE_PUBLISHED, _DATE, None, (doc.date,)))
        nodes.append((str(document_iri(doc.id, base)), entries))
    return iter(sorted(nodes, key=_subject))


def _outgoing(facts: Iterable[Fact]) -> dict[str, dict[str, set[str]]]:
    """Subject IRI -> predicate name -> object IRIs: the direct triples."""
    outgoing: dict[str, dict[str, set[str]]] = {}
    for fact in facts:
        outgoing.setdefault(fact.subject, {}).setdefault(fact.predicate, set()).add(fact.object)
    return outgoing


def _evidence_iris(base: str) -> _Memo:
    return _Memo(lambda ev: evidence_iri(ev.doc_id, ev.start, ev.end, ev.sentence, base))


def _mention_nodes(entities: Iterable[Entity], base: str) -> Iterator[Node]:
    for entity in entities:
        for doc_id, start, end in entity.mentions:
            yield (mention_iri(entity.iri, doc_id, start, end, base),
                   [_IS_MENTION, (_DERIVED_FROM, _IRI, None, (str(document_iri(doc_id, base)),)),
                    (_START, _INT, None, (start,)), (_END, _INT, None, (end,))])


def _sources(entity: Entity, base: str) -> tuple[list[str], list[str]]:
    """The sorted IRIs of the documents naming an entity and of its mention nodes."""
    documents = sorted({str(document_iri(doc_id, base)) for doc_id, _, _ in entity.mentions})
    mentions = sorted(mention_iri(entity.iri, *span, base) for span in entity.mentions)
    return documents, mentions


def _subjects(graph: KnowledgeGraph) -> Iterator[tuple[str, Entity | None, list[str] | None,
                                                      dict[str, set[str]]]]:
    """The subjects of the entity nodes in IRI order (the entities, and IRIs that only facts
    name), each with its entity or None, its namesakes' IRIs or None, and its outgoing links
    by predicate: what both the rdflib description and the Turtle writer render."""
    outgoing = _outgoing(graph.facts)
    namesakes = close_matches(graph.entities)
    entities = {e.iri: e for e in graph.entities}
    for iri in sorted(entities.keys() | outgoing.keys()):
        yield iri, entities.get(iri), namesakes.get(iri), outgoing.get(iri, {})


def _entity_nodes(graph: KnowledgeGraph, gazetteer: Gazetteer, base: str) -> Iterator[Node]:
    for iri, entity, same_name, links in _subjects(graph):
        entries = []
        if entity is not None:
            name = (entity.name,)
            entries += [_IS_CLASS[entity.type],
                        (_PREF_LABEL, _LANG, LANG_SIMPLIFIED, name),
                        (_LABEL, _LANG, LANG_SIMPLIFIED, name),
                        (_ALT_LABEL, _LANG, LANG_SIMPLIFIED, tuple(sorted(entity.aliases))),
                        (_ALT_LABEL, _LANG, LANG_TRADITIONAL,
                         tuple(sorted(entity.original_aliases)))]
            documents, mentions = _sources(entity, base)
            entries += [(_DERIVED_FROM, _IRI, None, tuple(documents)),
                        (_HAS_MENTION, _IRI, None, tuple(mentions))]
            entries += gazetteer.entries(iri)
            if same_name is not None:
                entries.append((_CLOSE_MATCH, _IRI, None, tuple(same_name)))
        entries += [(_PREDICATES[p], _IRI, None, tuple(sorted(links[p])))
                    for p in _PREDICATES if p in links]
        yield iri, entries


def _fact_and_evidence_nodes(facts: Iterable[Fact], base: str) -> Iterator[Node]:
    fact_nodes, evidence_nodes = [], {}
    doc_iris = _Memo(lambda doc_id: str(document_iri(doc_id, base)))
    evidence_iris = _evidence_iris(base)
    for fact in facts:
        evidence = []
        for ev in fact.evidence:
            iri = evidence_iris[ev]
            evidence.append(iri)
            if iri not in evidence_nodes:
                evidence_nodes[iri] = [
                    _IS_EVIDENCE,
                    (_DERIVED_FROM, _IRI, None, (doc_iris[ev.doc_id],)),
                    (_START, _INT, None, (ev.start,)),
                    (_END, _INT, None, (ev.end,)),
                    (_EXACT, _PLAIN, None, (ev.sentence,))]
                evidence_nodes[iri] += [(term, _PLAIN, None, (text,)) for term, text in
                                        ((_PREFIX, ev.prefix), (_SUFFIX, ev.suffix)) if text]
        entries = [_IS_FACT,
                   (_FACT_SUBJECT, _IRI, None, (fact.subject,)),
                   _STATES[fact.predicate],
                   (_FACT_OBJECT, _IRI, None, (fact.object,))]
        if fact.role is not None:
            entries.append((_ROLE, _LANG, LANG_SIMPLIFIED, (fact.role,)))
        if fact.year is not None:
            year_kind = _YEAR if _YEAR_FORM.fullmatch(fact.year) else _PLAIN
            entries.append((_YEAR_TERM, year_kind, None, (fact.year,)))
        entries.append((_HAS_EVIDENCE, _IRI, None, tuple(sorted(set(evidence)))))
        fact_nodes.append((fact_iri(fact.subject, fact.predicate, fact.object, fact.role,
                                    fact.year, base), entries))
    yield from sorted(fact_nodes, key=_subject)
    yield from sorted(evidence_nodes.items(), key=_subject)


def _subject(node: Node) -> str:
    return node[0]


def to_rdflib(graph: KnowledgeGraph, base: str = DEFAULT_BASE) -> Graph:
    """The graph as an rdflib ``Graph`` (the same triples as :func:`to_turtle`)."""
    from rdflib import Graph, Literal, URIRef  # only here: rdflib takes 0.1 s to import

    datatypes = {_YEAR: URIRef(_XSD_G_YEAR), _DATE: URIRef(_XSD_DATE)}

    def term(kind: int, tag: str | None, value):
        if kind == _IRI:
            return URIRef(value)
        if kind == _LANG:
            return Literal(value, lang=tag)
        return Literal(value, datatype=datatypes.get(kind))

    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for subject, entries in describe(graph, base):
        node = URIRef(subject)
        for predicate, kind, tag, values in entries:
            for value in values:
                g.add((node, URIRef(predicate), term(kind, tag, value)))
    return g
