"""The RDF terms of the modelling as plain strings, the kinds of object lists, and the
syntax of IRIs and literals that both the writer and the reader check."""
from __future__ import annotations

import re

from ..vocab import CLASS_IRI, NAMESPACES, PREDICATE_IRI, SEGMENT_CHAR, TERMS


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

# The terms of the modelling as plain strings (the writer memoises IRI spellings under str keys,
# which an rdflib URIRef never equals).
_RDF, _RDFS, _SKOS, _SCHEMA, _PROV, _OA = (NAMESPACES[name] for name in
                                           ("RDF", "RDFS", "SKOS", "SCHEMA", "PROV", "OA"))
_TYPE, _PREF_LABEL, _LABEL, _ALT_LABEL = (_RDF + "type", _SKOS + "prefLabel", _RDFS + "label",
                                          _SKOS + "altLabel")
_IDENTIFIER, _NAME = _SCHEMA + "identifier", _SCHEMA + "name"
_DERIVED_FROM = _PROV + "wasDerivedFrom"
_HEADLINE, _DATE_PUBLISHED = _SCHEMA + "headline", _SCHEMA + "datePublished"
_START, _END, _EXACT, _PREFIX, _SUFFIX = (_OA + term for term in
                                          ("start", "end", "exact", "prefix", "suffix"))
_MENTION, _HAS_MENTION = TERMS["MENTION"], TERMS["HAS_MENTION"]
_DOCUMENT, _EVIDENCE, _FACT, _SHA256, _REGION = (TERMS[name] for name in (
    "DOCUMENT", "EVIDENCE", "FACT", "SHA256", "REGION"))
_FACT_SUBJECT, _FACT_PREDICATE, _FACT_OBJECT, _ROLE, _YEAR_TERM, _HAS_EVIDENCE = (
    TERMS[name] for name in ("FACT_SUBJECT", "FACT_PREDICATE", "FACT_OBJECT", "ROLE", "YEAR",
                             "HAS_EVIDENCE"))
_CODE, _CONTAINED_IN, _AREA, _CLOSE_MATCH = (TERMS[name] for name in (
    "DIVISION_CODE", "CONTAINED_IN", "ADMINISTRATIVE_AREA", "CLOSE_MATCH"))
_XSD_DATE, _XSD_G_YEAR = NAMESPACES["XSD"] + "date", NAMESPACES["XSD"] + "gYear"
_CLASSES = dict(CLASS_IRI)
_PREDICATES = dict(PREDICATE_IRI)
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
