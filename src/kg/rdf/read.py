"""Reading a graph back: Turtle (or N-Triples, JSON-LD, TriG) through pyoxigraph, or an
rdflib graph, into a ``KnowledgeGraph``; every node is checked."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph

from ..errors import InputError, path_argument
from ..graph import KnowledgeGraph
from ..model import DocumentInfo, Entity, Evidence, Fact
from ..vocab import CLASS_IRI, LANG_TRADITIONAL, PREDICATE_IRI
from .terms import (_ALT_LABEL, _DATE_PUBLISHED, _DERIVED_FROM, _DOCUMENT, _END, _EXACT, _FACT,
                    _FACT_OBJECT, _FACT_PREDICATE, _FACT_SUBJECT, _HAS_EVIDENCE, _HAS_MENTION,
                    _HEADLINE, _IDENTIFIER, _LABEL, _NAME, _PREFIX, _PREF_LABEL, _REGION, _ROLE,
                    _SHA256, _START, _SUFFIX, _TYPE, _YEAR_TERM)

if TYPE_CHECKING:
    from rdflib import Graph


# ------------------------------------------------------------------ reading back

#: A triple object while reading: an IRI string, or a literal as ``(lexical form, language)``
#: (the reader needs no datatype: offsets are read as integers, years as their lexical form).
_Object = str | tuple[str, str | None]
_Nodes = dict[str, dict[str, list[_Object]]]

_CLASS_NAME = {iri: name for name, iri in CLASS_IRI.items()}
_PREDICATE_NAME = {iri: name for name, iri in PREDICATE_IRI.items()}


def load(path: str | Path) -> KnowledgeGraph:
    """Read a Turtle export back into the ``KnowledgeGraph`` it was written from.

    Raises
    ------
    InputError
        When the file cannot be read, is not Turtle, or lacks a part of the modelling.
    """
    path = path_argument("path", path)
    try:
        nodes = _oxigraph_nodes(path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a Turtle file") from None
    except SyntaxError as exc:
        raise InputError(path, f"not valid Turtle: {_one_line(exc)}") from None
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read: {_one_line(exc)}") from None
    except MemoryError as exc:      # the parser's own limit (a literal above 16 MiB)
        raise InputError(path, f"cannot read: {_one_line(exc) or 'out of memory'}") from None
    return _Reader(nodes, str(path)).graph()


def from_rdflib(g: Graph, source: str = "<rdflib graph>") -> KnowledgeGraph:
    """The ``KnowledgeGraph`` an rdflib graph of an export describes (``source`` names it in
    errors)."""
    from rdflib import Literal, URIRef  # only here: rdflib takes 0.1 s to import

    nodes: _Nodes = {}
    for s, p, o in g:
        if isinstance(s, URIRef):
            value = (str(o), o.language) if isinstance(o, Literal) else str(o)
            nodes.setdefault(str(s), {}).setdefault(str(p), []).append(value)
    return _Reader(nodes, source).graph()


def _oxigraph_nodes(path: Path) -> _Nodes:
    """Subject → predicate → objects of a Turtle file (blank-node subjects left out)."""
    named, literal = pyoxigraph.NamedNode, pyoxigraph.Literal
    nodes: _Nodes = {}
    for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        subject = quad.subject
        if type(subject) is named:
            term = quad.object
            value = (term.value, term.language) if type(term) is literal else term.value
            nodes.setdefault(subject.value, {}).setdefault(quad.predicate.value, []).append(value)
    return nodes


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


class _Reader:
    """Turns subject → predicate → objects tables back into the model's dataclasses."""

    def __init__(self, nodes: _Nodes, source: str):
        self.nodes = nodes
        self.source = source
        self.evidence: dict[str, Evidence] = {}  # evidence IRI -> Evidence, shared by facts
        self.typed: dict[str, list[str]] = defaultdict(list)
        for subject, props in nodes.items():
            for cls in props.get(_TYPE, ()):
                if isinstance(cls, str):
                    self.typed[cls].append(subject)

    def graph(self) -> KnowledgeGraph:
        documents = {iri: self._document(iri) for iri in self.typed[_DOCUMENT]}
        entities = [self._entity(iri, documents) for iri in self._entity_iris()]
        facts = [self._fact(iri, documents) for iri in self.typed[_FACT]]
        stated = {(f.subject, f.predicate, f.object) for f in facts}
        for entity in entities:
            props = self.nodes[entity.iri]
            for iri, name in _PREDICATE_NAME.items():
                for obj in props.get(iri, ()):
                    if isinstance(obj, str) and (entity.iri, name, obj) not in stated:
                        facts.append(Fact(entity.iri, name, obj))
        facts = [Fact(f.subject, f.predicate, f.object, f.role, f.year,
                      tuple(sorted(f.evidence, key=_evidence_order))) for f in facts]
        declared = {entity.iri for entity in entities}
        for fact in facts:
            for end in (fact.subject, fact.object):
                if end not in declared:
                    self._fail(end, f"is the {'subject' if end == fact.subject else 'object'} "
                                    f"of a {fact.predicate} fact but not an entity of the graph "
                                    "(no type and name)")
        return KnowledgeGraph(
            tuple(sorted(documents.values(), key=lambda d: d.id)),
            tuple(sorted(entities, key=lambda e: e.iri)),
            tuple(sorted(facts, key=lambda f: (f.subject, f.predicate, f.object, f.role or "",
                                               f.year or ""))))

    def _fail(self, iri: str, reason: str):
        raise InputError(self.source, f"<{iri}> {reason}")

    def _entity_iris(self) -> list[str]:
        seen: dict[str, str] = {}
        for class_iri, name in _CLASS_NAME.items():
            for iri in self.typed[class_iri]:
                if iri in seen:
                    self._fail(iri, f"has two entity types, {seen[iri]} and {name}")
                seen[iri] = name
        return list(seen)

    def _entity(self, iri: str, documents: dict[str, DocumentInfo]) -> Entity:
        props = self.nodes[iri]
        entity_type = next(_CLASS_NAME[c] for c in props[_TYPE] if c in _CLASS_NAME)
        names = self._literals(props, _PREF_LABEL) or self._literals(props, _LABEL)
        if len(set(names)) != 1:
            self._fail(iri, f"needs exactly one skos:prefLabel, has {len(set(names))}")
        aliases, originals = set(), set()
        for value, lang in self._literal_terms(props, _ALT_LABEL):
            (originals if (lang or "").lower() == LANG_TRADITIONAL.lower() else aliases).add(value)
        mentions = tuple(sorted(self._mention(m, documents) for m in props.get(_HAS_MENTION, ())))
        return Entity(iri, entity_type, names[0], tuple(sorted(aliases)), tuple(sorted(originals)),
                      mentions)

    def _mention(self, iri, documents: dict[str, DocumentInfo]) -> tuple[str, int, int]:
        props = self._described(iri, "mention")
        return (self._document_of(iri, props, documents).id, self._integer(iri, props, _START),
                self._integer(iri, props, _END))

    def _described(self, iri, role: str):
        if not isinstance(iri, str) or iri not in self.nodes:
            self._fail(str(iri), f"is named as {role} but not described")
        return self.nodes[iri]

    def _document_of(self, iri: str, props, documents: dict[str, DocumentInfo]) -> DocumentInfo:
        doc_iri = self._one_iri(iri, props, _DERIVED_FROM)
        if doc_iri not in documents:
            self._fail(iri, f"is derived from <{doc_iri}>, which is not a kg:Document")
        return documents[doc_iri]

    def _fact(self, iri: str, documents: dict[str, DocumentInfo]) -> Fact:
        props = self.nodes[iri]
        predicate = self._one_iri(iri, props, _FACT_PREDICATE)
        if predicate not in _PREDICATE_NAME:
            self._fail(iri, f"has kg:predicate <{predicate}>, not one of the five relations")
        evidence = [self.evidence.get(ev) or self._evidence(ev, documents)
                    for ev in props.get(_HAS_EVIDENCE, ())]
        return Fact(self._one_iri(iri, props, _FACT_SUBJECT), _PREDICATE_NAME[predicate],
                    self._one_iri(iri, props, _FACT_OBJECT), self._optional(iri, props, _ROLE),
                    self._optional(iri, props, _YEAR_TERM), tuple(evidence))

    def _evidence(self, iri, documents: dict[str, DocumentInfo]) -> Evidence:
        props = self._described(iri, "evidence")
        evidence = self.evidence[iri] = Evidence(
            self._document_of(iri, props, documents).id, self._one(iri, props, _EXACT),
            self._integer(iri, props, _START), self._integer(iri, props, _END),
            self._optional(iri, props, _PREFIX) or "", self._optional(iri, props, _SUFFIX) or "")
        return evidence

    def _document(self, iri: str) -> DocumentInfo:
        props = self.nodes[iri]
        return DocumentInfo(self._one(iri, props, _IDENTIFIER),
                            self._one(iri, props, _NAME), self._one(iri, props, _SHA256),
                            self._region(iri, props), self._optional(iri, props, _HEADLINE),
                            self._optional(iri, props, _DATE_PUBLISHED))

    def _region(self, iri: str, props) -> str | None:
        """The name of a document's region: the label of the place it links (a plain string
        in exports of earlier versions)."""
        if _REGION not in props:
            return None
        place = props[_REGION][0]
        if isinstance(place, tuple):
            return place[0]
        names = self._literals(self.nodes.get(place, {}), _PREF_LABEL) or self._literals(
            self.nodes.get(place, {}), _NAME)
        if len(names) != 1:
            self._fail(iri, f"has kg:region <{place}>, a place without one name")
        return names[0]

    @staticmethod
    def _literal_terms(props, predicate) -> list[tuple[str, str | None]]:
        return [o for o in props.get(predicate, ()) if isinstance(o, tuple)]

    def _literals(self, props, predicate) -> list[str]:
        return [value for value, _ in self._literal_terms(props, predicate)]

    def _one(self, iri: str, props, predicate) -> str:
        values = self._literals(props, predicate)
        if len(values) != 1:
            self._fail(iri, f"needs exactly one <{predicate}> literal, has {len(values)}")
        return values[0]

    def _optional(self, iri: str, props, predicate) -> str | None:
        return self._one(iri, props, predicate) if predicate in props else None

    def _integer(self, iri: str, props, predicate) -> int:
        value = self._one(iri, props, predicate)
        try:
            return int(value)
        except ValueError:
            self._fail(iri, f"has <{predicate}> {value!r}, not an integer")

    def _one_iri(self, iri: str, props, predicate) -> str:
        values = [o for o in props.get(predicate, ()) if isinstance(o, str)]
        if len(values) != 1:
            self._fail(iri, f"needs exactly one <{predicate}> IRI, has {len(values)}")
        return values[0]


def _evidence_order(ev: Evidence) -> tuple:
    return ev.doc_id, ev.start, ev.end, ev.sentence
