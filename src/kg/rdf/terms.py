"""The RDF terms of the modelling as plain strings, the kinds of object lists, and the
syntax of IRIs and literals that both the writer and the reader check."""
from __future__ import annotations

import re

from rdflib.namespace import RDF, RDFS, SKOS

from ..vocab import (ADMINISTRATIVE_AREA, CLASS, CLOSE_MATCH, CONTAINED_IN, DIVISION_CODE, DOCUMENT,
                     EVIDENCE, FACT, FACT_OBJECT, FACT_PREDICATE, FACT_SUBJECT, HAS_EVIDENCE,
                     HAS_MENTION, MENTION, OA, PREDICATE, PROV, REGION, ROLE, SCHEMA, SEGMENT_CHAR,
                     SHA256, YEAR)


# Kinds of object lists in a node description.
_IRI, _LANG, _PLAIN, _INT, _YEAR, _DATE = range(6)

_YEAR_FORM = re.compile(r"\d{4}")
_LITERAL_ESCAPE = re.compile('[\\x00-\\x1f\\x7f-\\x9f"\\\\\\ud800-\\udfff]')
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


class _Memo(dict):
    """A dict that computes a missing value with ``compute(key)`` and keeps it."""

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, key):
        value = self[key] = self.compute(key)
        return value
