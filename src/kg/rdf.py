"""The RDF export and import: a ``KnowledgeGraph`` as Turtle, as an rdflib graph, and back.

Modelling (see ``ontology/kg.ttl``):

- each entity is typed with one of the five classes and labelled (``skos:prefLabel`` and
  ``rdfs:label`` in ``@zh-Hans``; ``skos:altLabel`` for every alias in ``@zh-Hans`` and for every
  original traditional form in ``@zh-Hant``);
- each fact is a direct triple between two entity IRIs, and beside it an n-ary ``kg:Fact`` node
  (IRI: a hash of subject, predicate, object, role and year) with ``kg:subject``,
  ``kg:predicate``, ``kg:object``, the qualifiers ``kg:role`` and ``kg:year``, and one
  ``kg:evidence`` link per sentence that states it;
- each evidence is a ``kg:Evidence`` node (IRI: a hash of document, offsets and sentence) with
  ``oa:start``/``oa:end`` (offsets into the original file text), ``oa:exact`` (the sentence) and
  ``prov:wasDerivedFrom`` the ``kg:Document`` node, which has the document id, the file name and
  the SHA-256 of the file; ``oa:prefix``/``oa:suffix`` hold the text around the sentence;
- each entity is ``prov:wasDerivedFrom`` the documents that name it, with one ``kg:mention``
  link per span naming it: a ``kg:Mention`` node (IRI: a hash of entity, document and offsets)
  with ``oa:start``/``oa:end`` and ``prov:wasDerivedFrom`` the document.

There are no blank nodes. :func:`describe` states the modelling once, node by node;
:func:`to_rdflib` builds its graph from it. The Turtle writer :func:`to_turtle` is this module's
own (rdflib's serialiser takes ~45 s for a million triples): it writes the same triples from
string templates, several times faster than going through the description, and a test checks
that the two agree. It writes subjects sorted by IRI within five sections (documents, entities,
facts, evidence, mentions), predicates in a fixed order and objects sorted, so the same graph always gives
the same bytes. IRIs under the base are written relative to an ``@base`` declaration,
vocabulary IRIs as prefixed names.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import quote

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from .errors import InputError, OutputError
from .graph import KnowledgeGraph
from .io import write_atomic
from .model import DocumentInfo, Entity, Evidence, Fact
from .identity import close_matches
from .places import divisions
from .vocab import (ADMINISTRATIVE_AREA, CLASS, CLOSE_MATCH, CONTAINED_IN, DEFAULT_BASE, DIVISION_CODE, DOCUMENT, EVIDENCE, FACT, FACT_OBJECT, FACT_PREDICATE,
                    FACT_SUBJECT, HAS_EVIDENCE, HAS_MENTION, LANG_SIMPLIFIED, LANG_TRADITIONAL,
                    MENTION, OA, PREDICATE, PREFIXES, PROV, REGION, ROLE, SCHEMA, SEGMENT_CHAR,
                    SHA256, YEAR, document_iri, entity_iri, evidence_iri, fact_iri, mention_iri)

# Kinds of object lists in a node description.
_IRI, _LANG, _PLAIN, _INT, _YEAR, _DATE = range(6)

_YEAR_FORM = re.compile(r"\d{4}")
_LITERAL_ESCAPE = re.compile('[\\x00-\\x1f\\x7f"\\\\\\ud800-\\udfff]')
_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
          "\f": "\\f"}
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]|%(?![0-9A-Fa-f]{2})')
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_SEGMENT = re.compile(f"(?:{SEGMENT_CHAR.pattern}|%[0-9A-Fa-f]{{2}})*")
_HIERARCHICAL_BASE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^/?#]+/([^?#]*/)?")
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")

# The terms of the modelling as plain strings (a Namespace attribute lookup is slow, and the
# writer memoises IRI spellings under str keys, which a URIRef never equals).
_TYPE, _PREF_LABEL, _LABEL, _ALT_LABEL = map(str, (RDF.type, SKOS.prefLabel, RDFS.label,
                                                   SKOS.altLabel))
_IDENTIFIER, _NAME, _DERIVED_FROM = map(str, (SCHEMA.identifier, SCHEMA.name,
                                              PROV.wasDerivedFrom))
_HEADLINE, _DATE_PUBLISHED = map(str, (SCHEMA.headline, SCHEMA.datePublished))
_START, _END, _EXACT, _PREFIX, _SUFFIX = map(str, (OA.start, OA.end, OA.exact, OA.prefix,
                                                   OA.suffix))
_MENTION, _HAS_MENTION = map(str, (MENTION, HAS_MENTION))
_DOCUMENT, _EVIDENCE, _FACT, _SHA256, _REGION = map(str, (DOCUMENT, EVIDENCE, FACT, SHA256,
                                                          REGION))
_FACT_SUBJECT, _FACT_PREDICATE, _FACT_OBJECT, _ROLE, _YEAR_TERM, _HAS_EVIDENCE = map(
    str, (FACT_SUBJECT, FACT_PREDICATE, FACT_OBJECT, ROLE, YEAR, HAS_EVIDENCE))
_CODE, _CONTAINED_IN, _AREA, _CLOSE_MATCH = map(str, (DIVISION_CODE, CONTAINED_IN,
                                                      ADMINISTRATIVE_AREA, CLOSE_MATCH))
_CLASSES = {name: str(iri) for name, iri in CLASS.items()}
_PREDICATES = {name: str(iri) for name, iri in PREDICATE.items()}
# Entries that never change, built once (a large graph has hundreds of thousands of nodes).
_IS_CLASS = {name: (_TYPE, _IRI, None, (iri,)) for name, iri in _CLASSES.items()}
_IS_DOCUMENT, _IS_EVIDENCE, _IS_FACT, _IS_MENTION = (
    (_TYPE, _IRI, None, (c,)) for c in (_DOCUMENT, _EVIDENCE, _FACT, _MENTION))
_STATES = {name: (_FACT_PREDICATE, _IRI, None, (iri,)) for name, iri in _PREDICATES.items()}

#: Node description: the subject IRI and its (predicate, kind, tag, values) entries.
Node = tuple[str, list[tuple[str, int, str | None, tuple]]]


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


def _entity_nodes(graph: KnowledgeGraph, gazetteer: Gazetteer, base: str) -> Iterator[Node]:
    outgoing = _outgoing(graph.facts)
    namesakes = close_matches(graph.entities)
    entities = {e.iri: e for e in graph.entities}
    for iri in sorted(entities.keys() | outgoing.keys()):
        entries = []
        entity = entities.get(iri)
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
            if iri in namesakes:
                entries.append((_CLOSE_MATCH, _IRI, None, tuple(namesakes[iri])))
        links = outgoing.get(iri, {})
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


class _Memo(dict):
    """A dict that computes a missing value with ``compute(key)`` and keeps it."""

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, key):
        value = self[key] = self.compute(key)
        return value


# ------------------------------------------------------------------ Turtle writer

def escape_literal(text: str) -> str:
    """``text`` as the inside of a Turtle ``"..."`` string.

    Quotes, backslashes and control characters are escaped; lone surrogates (which no file can
    encode) become U+FFFD; everything else, CJK included, is written as itself.

    >>> escape_literal('他说"好"\\n')
    '他说\\\\"好\\\\"\\\\n'
    """
    return _LITERAL_ESCAPE.sub(_escape_char, text)


def _escape_char(match: re.Match) -> str:
    char = match.group()
    if char in _ECHAR:
        return _ECHAR[char]
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return f"\\u{ord(char):04X}"


def valid_iri(iri: str) -> str:
    """``iri`` with the characters Turtle forbids in IRIs percent-encoded.

    Raises
    ------
    OutputError
        When ``iri`` is not absolute (has no scheme), e.g. from a relative ``--base``.
    """
    if not _ABSOLUTE.match(iri):
        raise OutputError(iri, "not an absolute IRI (the base must start with a scheme such "
                               "as https://)")
    return _IRI_UNSAFE.sub(lambda m: quote(m.group(), safe=""), iri)


def _resolves_to_itself(relative: str) -> bool:
    """Whether ``relative`` resolved against a hierarchical base gives base + relative: IRI
    segment characters only, no scheme-like first segment, no empty segment (``//`` or an
    absolute path) and no dot segment (resolution removes them)."""
    segments = relative.split("/")
    if len(segments) > 1 and segments[-1] == "":
        segments.pop()
    return ":" not in segments[0] and all(s.strip(".") and _SEGMENT.fullmatch(s)
                                          for s in segments)


class _TurtleTerms:
    """Turtle spellings of IRIs (prefixed, relative to the base, or full), memoised."""

    def __init__(self, base: str):
        self.base = base if _HIERARCHICAL_BASE.fullmatch(base) else None
        self.memo: dict[str, str] = {}
        self.namespaces = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()),
                                 key=lambda item: -len(item[0]))

    def iri(self, iri: str) -> str:
        token = self.memo.get(iri)
        if token is None:
            token = self.memo[iri] = self._spell(iri)
        return token

    def _spell(self, iri: str) -> str:
        if self.base and iri.startswith(self.base):
            relative = iri[len(self.base):]
            if _resolves_to_itself(relative):
                return f"<{relative}>"
        iri = valid_iri(iri)
        for namespace, prefix in self.namespaces:
            if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(iri[len(namespace):]):
                return f"{prefix}:{iri[len(namespace):]}"
        return f"<{iri}>"


def to_turtle(graph: KnowledgeGraph, base: str = DEFAULT_BASE) -> str:
    """The graph as deterministic Turtle text (see the module docstring for the modelling).

    The same triples as :func:`describe` gives (a test checks the two are isomorphic), written
    from templates: going through the generic description is several times slower.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to export.
    base : str
        Base of document, fact and evidence IRIs, and the ``@base`` of the file.

    Raises
    ------
    OutputError
        When an IRI of the graph or the base is not absolute.
    """
    terms = _TurtleTerms(base)
    out = [f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items()]
    if terms.base:
        out.append(f"@base <{terms.base}> .\n")
    gazetteer = Gazetteer(graph, base)
    _write_documents(out, terms, graph.documents, gazetteer, base)
    _write_entities(out, terms, graph, gazetteer, base)
    _write_areas(out, terms, gazetteer)
    _write_facts_and_evidence(out, terms, graph.facts, base)
    _write_mentions(out, terms, graph.entities, base)
    return "".join(out)


def _node(subject: str, lines: list[str]) -> str:
    return f"\n{subject} " + " ;\n    ".join(lines) + " .\n"


def _strings(values: Iterable[str], lang: str | None = None) -> str:
    suffix = f"@{lang}" if lang else ""
    return ", ".join([f'"{escape_literal(v)}"{suffix}' for v in values])


def _write_documents(out: list[str], terms: _TurtleTerms, documents, gazetteer: Gazetteer,
                     base: str) -> None:
    iri = terms.iri
    is_document = f"a {iri(_DOCUMENT)}"
    identifier, name, sha256, region, headline, published, xsd_date = map(
        iri, (_IDENTIFIER, _NAME, _SHA256, _REGION, _HEADLINE, _DATE_PUBLISHED, str(XSD.date)))
    nodes = []
    for doc in documents:
        subject = str(document_iri(doc.id, base))
        lines = [is_document, f"{identifier} {_strings((doc.id,))}",
                 f"{name} {_strings((doc.path,))}", f"{sha256} {_strings((doc.sha256,))}"]
        if doc.region is not None:
            lines.append(f"{region} {iri(gazetteer.iri(doc.region))}")
        if doc.title is not None:
            lines.append(f"{headline} {_strings((doc.title,), LANG_SIMPLIFIED)}")
        if doc.date is not None:
            lines.append(f'{published} "{doc.date}"^^{xsd_date}')
        nodes.append((subject, _node(iri(subject), lines)))
    out += [text for _, text in sorted(nodes)]


def _write_mentions(out: list[str], terms: _TurtleTerms, entities, base: str) -> None:
    iri = terms.iri
    is_mention = f"a {iri(_MENTION)}"
    derived, start, end = map(iri, (_DERIVED_FROM, _START, _END))
    documents = _Memo(lambda doc_id: iri(str(document_iri(doc_id, base))))
    nodes = [(mention_iri(entity.iri, doc_id, first, last, base),
              f"{derived} {documents[doc_id]}", f"{start} {first}", f"{end} {last}")
             for entity in entities for doc_id, first, last in entity.mentions]
    out += [_node(iri(subject), [is_mention, *lines]) for subject, *lines in sorted(nodes)]


def _division_lines(terms: _TurtleTerms, gazetteer: Gazetteer, subject: str) -> list[str]:
    return [f"{terms.iri(predicate)} " + (_strings(values) if kind == _PLAIN
                                          else ", ".join(map(terms.iri, values)))
            for predicate, kind, _, values in gazetteer.entries(subject)]


def _write_areas(out: list[str], terms: _TurtleTerms, gazetteer: Gazetteer) -> None:
    is_area, name = f"a {terms.iri(_AREA)}", terms.iri(_NAME)
    for subject, label in sorted(gazetteer.areas.items()):
        out.append(_node(terms.iri(subject), [
            is_area, f"{name} {_strings((label,), LANG_SIMPLIFIED)}",
            *_division_lines(terms, gazetteer, subject)]))


def _write_entities(out: list[str], terms: _TurtleTerms, graph: KnowledgeGraph,
                    gazetteer: Gazetteer, base: str) -> None:
    iri = terms.iri
    derived, mention = iri(_DERIVED_FROM), iri(_HAS_MENTION)
    is_class = {name: f"a {iri(cls)}" for name, cls in _CLASSES.items()}
    verbs = {name: iri(predicate) for name, predicate in _PREDICATES.items()}
    pref, label, alt, close_match = map(iri, (_PREF_LABEL, _LABEL, _ALT_LABEL, _CLOSE_MATCH))
    outgoing = _outgoing(graph.facts)
    namesakes = close_matches(graph.entities)
    entities = {e.iri: e for e in graph.entities}
    for subject in sorted(entities.keys() | outgoing.keys()):
        lines = []
        entity = entities.get(subject)
        if entity is not None:
            name = f'"{escape_literal(entity.name)}"@{LANG_SIMPLIFIED}'
            lines += [is_class[entity.type], f"{pref} {name}", f"{label} {name}"]
            if entity.aliases:
                lines.append(f"{alt} {_strings(sorted(entity.aliases), LANG_SIMPLIFIED)}")
            if entity.original_aliases:
                originals = _strings(sorted(entity.original_aliases), LANG_TRADITIONAL)
                lines.append(f"{alt} {originals}")
            if entity.mentions:
                documents, mentions = _sources(entity, base)
                lines += [f"{derived} {', '.join(map(iri, documents))}",
                          f"{mention} {', '.join(map(iri, mentions))}"]
            lines += _division_lines(terms, gazetteer, subject)
            if subject in namesakes:
                lines.append(f"{close_match} {', '.join(map(iri, namesakes[subject]))}")
        links = outgoing.get(subject, {})
        lines += [f"{verbs[p]} {', '.join(map(iri, sorted(links[p])))}"
                  for p in _PREDICATES if p in links]
        out.append(_node(iri(subject), lines))


def _write_facts_and_evidence(out: list[str], terms: _TurtleTerms, facts: Iterable[Fact],
                              base: str) -> None:
    iri = terms.iri
    is_fact, is_evidence = f"a {iri(_FACT)}", f"a {iri(_EVIDENCE)}"
    subject_of, object_of, role_of, year_of, cites = map(
        iri, (_FACT_SUBJECT, _FACT_OBJECT, _ROLE, _YEAR_TERM, _HAS_EVIDENCE))
    derived, start, end, exact, before, after = map(
        iri, (_DERIVED_FROM, _START, _END, _EXACT, _PREFIX, _SUFFIX))
    states = {name: f"{iri(_FACT_PREDICATE)} {iri(p)}" for name, p in _PREDICATES.items()}
    g_year = iri(str(XSD.gYear))
    documents = _Memo(lambda doc_id: iri(str(document_iri(doc_id, base))))
    evidence_iris = _evidence_iris(base)
    fact_nodes, evidence_nodes = [], {}
    for fact in facts:
        cited = set()
        for ev in fact.evidence:
            ev_iri = evidence_iris[ev]
            cited.add(ev_iri)
            if ev_iri not in evidence_nodes:
                evidence_nodes[ev_iri] = _node(iri(ev_iri), [
                    is_evidence, f"{derived} {documents[ev.doc_id]}", f"{start} {ev.start}",
                    f"{end} {ev.end}", f"{exact} {_strings((ev.sentence,))}",
                    *(f"{term} {_strings((text,))}" for term, text in
                      ((before, ev.prefix), (after, ev.suffix)) if text)])
        lines = [is_fact, f"{subject_of} {iri(fact.subject)}", states[fact.predicate],
                 f"{object_of} {iri(fact.object)}"]
        if fact.role is not None:
            lines.append(f"{role_of} {_strings((fact.role,), LANG_SIMPLIFIED)}")
        if fact.year is not None:
            lines.append(f'{year_of} "{fact.year}"^^{g_year}' if _YEAR_FORM.fullmatch(fact.year)
                         else f"{year_of} {_strings((fact.year,))}")
        if cited:
            lines.append(f"{cites} {', '.join(map(iri, sorted(cited)))}")
        subject = fact_iri(fact.subject, fact.predicate, fact.object, fact.role, fact.year, base)
        fact_nodes.append((subject, _node(iri(subject), lines)))
    out += [text for _, text in sorted(fact_nodes)]
    out += [evidence_nodes[key] for key in sorted(evidence_nodes)]


#: The other RDF formats of a build, written by pyoxigraph from the Turtle (same triples).
OTHER_FORMATS = {"nt": pyoxigraph.RdfFormat.N_TRIPLES, "jsonld": pyoxigraph.RdfFormat.JSON_LD,
                 "trig": pyoxigraph.RdfFormat.TRIG}


def to_format(graph: KnowledgeGraph, base: str = DEFAULT_BASE, rdf_format: str = "nt") -> str:
    """The graph in another RDF format (``nt``, ``jsonld`` or ``trig``): the triples of
    :func:`to_turtle`, in its order, written by pyoxigraph (TriG: in the default graph)."""
    turtle = pyoxigraph.RdfFormat.TURTLE
    triples = pyoxigraph.parse(to_turtle(graph, base).encode("utf-8"), format=turtle)
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    writer = OTHER_FORMATS[rdf_format]
    return pyoxigraph.serialize(triples, format=writer,
                                prefixes=None if writer == pyoxigraph.RdfFormat.N_TRIPLES
                                else prefixes).decode("utf-8")


def write_turtle(graph: KnowledgeGraph, path: str | Path, base: str = DEFAULT_BASE) -> Path:
    """Write the graph's Turtle to ``path`` atomically; return the path."""
    return write_atomic(path, to_turtle(graph, base))


def to_rdflib(graph: KnowledgeGraph, base: str = DEFAULT_BASE) -> Graph:
    """The graph as an rdflib ``Graph`` (the same triples as :func:`to_turtle`)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for subject, entries in describe(graph, base):
        node = URIRef(subject)
        for predicate, kind, tag, values in entries:
            for value in values:
                g.add((node, URIRef(predicate), _rdflib_term(kind, tag, value)))
    return g


def _rdflib_term(kind: int, tag: str | None, value):
    if kind == _IRI:
        return URIRef(value)
    if kind == _LANG:
        return Literal(value, lang=tag)
    if kind in (_YEAR, _DATE):
        return Literal(value, datatype=XSD.gYear if kind == _YEAR else XSD.date)
    return Literal(value)


# ------------------------------------------------------------------ reading back

#: A triple object while reading: an IRI string, or a literal as ``(lexical form, language)``
#: (the reader needs no datatype: offsets are read as integers, years as their lexical form).
_Object = str | tuple[str, str | None]
_Nodes = dict[str, dict[str, list[_Object]]]

_CLASS_NAME = {str(iri): name for name, iri in CLASS.items()}
_PREDICATE_NAME = {str(iri): name for name, iri in PREDICATE.items()}


def load(path: str | Path) -> KnowledgeGraph:
    """Read a Turtle export back into the ``KnowledgeGraph`` it was written from.

    Raises
    ------
    InputError
        When the file cannot be read, is not Turtle, or lacks a part of the modelling.
    """
    path = Path(path)
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
