"""The Turtle writer (this package's own, several times faster than rdflib's serialiser) and
the other RDF formats, written by pyoxigraph from its Turtle."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable
from urllib.parse import quote

import pyoxigraph

from ..errors import OutputError
from ..graph import KnowledgeGraph
from ..io import write_atomic
from ..model import Fact
from ..vocab import (DEFAULT_BASE, LANG_SIMPLIFIED, LANG_TRADITIONAL, PREFIXES, document_iri,
                     fact_iri, mention_iri)
from .describe import Gazetteer, _evidence_iris, _sources, _subjects
from .terms import (_ABSOLUTE, _ALT_LABEL, _AREA, _CLASSES, _CLOSE_MATCH, _DATE_PUBLISHED,
                    _DERIVED_FROM, _DOCUMENT, _ECHAR, _END, _EVIDENCE, _EXACT, _FACT, _FACT_OBJECT,
                    _FACT_PREDICATE, _FACT_SUBJECT, _HAS_EVIDENCE, _HAS_MENTION, _HEADLINE,
                    _HIERARCHICAL_BASE, _IDENTIFIER, _IRI_UNSAFE, _LABEL, _LITERAL_ESCAPE,
                    _LOCAL_NAME, _MENTION, _Memo, _NAME, _PLAIN, _PREDICATES, _PREFIX, _PREF_LABEL,
                    _REGION, _ROLE, _SEGMENT, _SHA256, _START, _SUFFIX, _XSD_DATE, _XSD_G_YEAR,
                    _YEAR_FORM, _YEAR_TERM)


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
        iri, (_IDENTIFIER, _NAME, _SHA256, _REGION, _HEADLINE, _DATE_PUBLISHED, _XSD_DATE))
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
    for subject, entity, same_name, links in _subjects(graph):
        lines = []
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
            if same_name is not None:
                lines.append(f"{close_match} {', '.join(map(iri, same_name))}")
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
    g_year = iri(_XSD_G_YEAR)
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
