"""The project's vocabulary, mirrored from ``ontology/kg.ttl`` (the one source of its names).

Nothing else in the code spells an IRI: modules import the namespaces, the terms and the IRI
minting functions from here. A test checks that every ``kg:`` term defined here is declared in
the ontology and that the ontology declares nothing this module lacks.

The ontology ships inside the package as ``kg/data/kg.ttl`` (with the SHACL shapes as
``kg/data/shapes.ttl``), byte-identical copies of ``ontology/kg.ttl`` and ``ontology/shapes.ttl``
that a test keeps in step; :func:`ontology_path` and :func:`shapes_path` find them.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from .errors import KgError

#: The namespaces by the names this module gives them, as IRI strings. ``vocab.KG``,
#: ``vocab.SCHEMA`` … are rdflib ``Namespace`` objects of these, made when first asked for
#: (``__getattr__``): importing rdflib takes 0.1 s, which building and writing a graph do not
#: need (the writers work with the strings).
NAMESPACES = {"KG": "https://w3id.org/kg-cn/ontology#",
              "RDF": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
              "RDFS": "http://www.w3.org/2000/01/rdf-schema#",
              "XSD": "http://www.w3.org/2001/XMLSchema#",
              "OWL": "http://www.w3.org/2002/07/owl#",
              "SKOS": "http://www.w3.org/2004/02/skos/core#",
              "SCHEMA": "http://schema.org/", "ORG": "http://www.w3.org/ns/org#",
              "FOAF": "http://xmlns.com/foaf/0.1/", "PROV": "http://www.w3.org/ns/prov#",
              "OA": "http://www.w3.org/ns/oa#", "WD": "http://www.wikidata.org/entity/"}
_KG = NAMESPACES["KG"]
#: Default base for entity, fact and document IRIs (``kg build --base`` changes it).
DEFAULT_BASE = "https://w3id.org/kg-cn/id/"

#: Prefixes of Turtle output and of SPARQL queries, in output order (namespace IRIs).
PREFIXES = {name.lower(): NAMESPACES[name] for name in (
    "KG", "RDF", "RDFS", "XSD", "OWL", "SKOS", "SCHEMA", "ORG", "FOAF", "PROV", "OA", "WD")}

#: The IRIs of the classes and of the relations, by name (``vocab.CLASS`` and
#: ``vocab.PREDICATE`` are the same as rdflib ``URIRef`` terms).
CLASS_IRI = {t: _KG + t for t in ("Organisation", "Programme", "Person", "Place", "Honour")}
PREDICATE_IRI = {p: _KG + p for p in ("holdsPost", "awarded", "runs", "locatedIn", "partOf")}

#: The other terms of the modelling by the names this module gives them, as IRI strings
#: (``vocab.FACT`` … are the same as rdflib ``URIRef`` terms):
#: - the n-ary node of one fact (``FACT``), its links to the direct triple's parts and its
#:   qualifiers (``ROLE``, ``YEAR``), its sentences (``HAS_EVIDENCE``);
#: - ``EVIDENCE``, a sentence of a document (offsets ``oa:start``/``oa:end``, text
#:   ``oa:exact``); ``MENTION``/``HAS_MENTION``: where an entity is named, a text position
#:   derived from a document;
#: - ``DOCUMENT``, a source document (``schema:identifier``, ``schema:name``, checksum
#:   ``SHA256``, ``REGION``: the place it is about, an IRI of the Place or of the gazetteer's
#:   division);
#: - what the gazetteer knows of a place: its GB/T 2260 code (``DIVISION_CODE``) and the
#:   division containing it (``CONTAINED_IN``, apart from the text-stated ``kg:partOf``); a
#:   division the graph has no entity for is an ``ADMINISTRATIVE_AREA`` named by
#:   ``schema:name``;
#: - ``CLOSE_MATCH``: people of one name that the documents do not show to be one person
#:   ("possibly the same").
TERMS = {"FACT": _KG + "Fact", "FACT_SUBJECT": _KG + "subject",
         "FACT_PREDICATE": _KG + "predicate", "FACT_OBJECT": _KG + "object",
         "ROLE": _KG + "role", "YEAR": _KG + "year", "HAS_EVIDENCE": _KG + "evidence",
         "EVIDENCE": _KG + "Evidence", "MENTION": _KG + "Mention", "HAS_MENTION": _KG + "mention",
         "DOCUMENT": _KG + "Document", "SHA256": _KG + "sha256", "REGION": _KG + "region",
         "DIVISION_CODE": _KG + "divisionCode",
         "CLOSE_MATCH": NAMESPACES["SKOS"] + "closeMatch",
         "CONTAINED_IN": NAMESPACES["SCHEMA"] + "containedInPlace",
         "ADMINISTRATIVE_AREA": NAMESPACES["SCHEMA"] + "AdministrativeArea"}


def __getattr__(name: str):
    """The rdflib forms of the vocabulary, made on first use: ``KG``, ``SCHEMA`` … (rdflib's
    own ``RDF``, ``RDFS``, ``XSD``, ``OWL``, ``SKOS``), ``CLASS``, ``PREDICATE`` and the
    ``TERMS`` (``FACT`` …) as ``URIRef``."""
    if name in ("RDF", "RDFS", "XSD", "OWL", "SKOS"):
        import rdflib.namespace

        value = getattr(rdflib.namespace, name)
    elif name in NAMESPACES:
        from rdflib import Namespace

        value = Namespace(NAMESPACES[name])
    elif name in TERMS:
        from rdflib import URIRef

        value = URIRef(TERMS[name])
    elif name in ("CLASS", "PREDICATE"):
        from rdflib import URIRef

        value = {key: URIRef(iri) for key, iri in globals()[f"{name}_IRI"].items()}
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


#: Language tags of labels: canonical and simplified forms, original traditional forms.
LANG_SIMPLIFIED = "zh-Hans"
LANG_TRADITIONAL = "zh-Hant"

#: Path segment of each entity type in entity IRIs.
TYPE_SEGMENT = {"Organisation": "org", "Programme": "programme", "Person": "person",
                "Place": "place", "Honour": "honour"}

#: Prefix names of the IRIs kg mints, by path segment (``organisation:`` for ``org/``, since
#: ``org:`` is the W3C Organization Ontology).
ID_PREFIX = {"org": "organisation", "programme": "programme", "person": "person",
             "place": "place", "honour": "honour", "doc": "doc", "fact": "fact",
             "evidence": "evidence", "mention": "mention"}

_HASH_CHARS = 20  # 80 bits of SHA-256: no collision among billions of facts

#: Characters an IRI path segment holds as themselves (RFC 3987 ``ipchar`` without ``%``):
#: unreserved ASCII, sub-delimiters, ``:``, ``@`` and the ``ucschar`` ranges (CJK included).
#: Everything else (space, ``/ ? # % < > " { } | ^ ` \``, controls) is percent-encoded.
#: Spelled as the complement of what it is not (the control and ASCII characters above, the
#: surrogates and private use, the noncharacters, the rest of planes 14-16): the same set, 6 ms
#: less to compile (``re`` walks every character of a range of the BMP).
SEGMENT_CHAR = re.compile(
    "[^\x00-\x20\"#%/<>?\\[\\\\\\]^`{|}\x7f-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\uffff"
    + "".join(f"{chr((plane << 16) + 0xfffe)}{chr((plane << 16) + 0xffff)}"
              for plane in range(1, 14))
    + "\U000e0000-\U000e0fff\U000efffe-\U0010ffff]")
#: Invisible characters (controls, format characters, spaces, private use) are encoded too,
#: so that an IRI looks like what it is.
_INVISIBLE = frozenset(("Cc", "Cf", "Co", "Cs", "Zl", "Zp", "Zs"))


def iri_segment(text: str) -> str:
    """``text`` as one IRI path segment: itself where IRIs allow it, percent-encoded (UTF-8)
    elsewhere, so that ``<base/person/王芳>`` is typed as written and stays one segment.

    >>> iri_segment("王芳")
    '王芳'
    >>> iri_segment("A/B 中心")
    'A%2FB%20中心'
    """
    if text.strip(".") == "":  # "." and ".." are dot segments, which resolution removes
        return "%2E" * len(text)
    return "".join(c if SEGMENT_CHAR.match(c) and unicodedata.category(c) not in _INVISIBLE
                   else quote(c, safe="", errors="surrogatepass") for c in text)


@lru_cache(maxsize=1 << 17)
def entity_iri(entity_type: str, name: str, base: str = DEFAULT_BASE) -> str:
    """The deterministic IRI of an entity: base, type segment, name as an IRI segment.

    >>> entity_iri("Place", "赤峰市")
    'https://w3id.org/kg-cn/id/place/赤峰市'
    """
    return f"{base}{TYPE_SEGMENT[entity_type]}/{iri_segment(name)}"


_BASE_FORM = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|^`\\]*[/#]")


def check_base(base: str) -> str:
    """``base`` when it can prefix kg's IRIs: absolute (a scheme), ending in ``/`` or ``#``,
    without spaces or characters IRIs forbid; else ``KgError`` with a one-line reason.

    >>> check_base("https://example.org/kg/")
    'https://example.org/kg/'
    """
    if not isinstance(base, str) or not _BASE_FORM.fullmatch(base):
        raise KgError(f"--base {base!r}: not a base IRI (it must be absolute, start with a "
                      "scheme such as https://, end in / or #, and hold no spaces)")
    return base


def id_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefix name -> namespace of the IRIs kg mints under ``base`` (``person:王芳`` is
    ``<{base}person/王芳>``), for queries and tables."""
    return {name: f"{base}{segment}/" for segment, name in ID_PREFIX.items()}


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of a source document."""
    return f"{base}doc/{iri_segment(doc_id)}"


def _digest(*fields: str) -> str:
    return hashlib.sha256("\x1f".join(fields).encode("utf-8", "surrogatepass")).hexdigest()[
        :_HASH_CHARS]


def fact_iri(subject: str, predicate: str, obj: str, role: str | None, year: str | None,
             base: str = DEFAULT_BASE) -> str:
    """The IRI of a fact's n-ary node: a hash of its subject, predicate, object, role and year.

    >>> fact_iri("https://e/a", "runs", "https://e/b", None, None, "https://e/")
    'https://e/fact/0551f5dc1008e3545fb3'
    """
    return f"{base}fact/{_digest(subject, predicate, obj, role or '', year or '')}"


def evidence_iri(doc_id: str, start: int, end: int, sentence: str,
                 base: str = DEFAULT_BASE) -> str:
    """The IRI of an evidence node: a hash of its document, offsets and sentence."""
    return f"{base}evidence/{_digest(doc_id, str(start), str(end), sentence)}"


def mention_iri(entity: str, doc_id: str, start: int, end: int,
                base: str = DEFAULT_BASE) -> str:
    """The IRI of a mention node: a hash of its entity, document and offsets."""
    return f"{base}mention/{_digest(entity, doc_id, str(start), str(end))}"


def _packaged(name: str) -> Path:
    return Path(str(resources.files("kg") / "data" / name))


def ontology_path() -> Path:
    """The packaged copy of ``ontology/kg.ttl``."""
    return _packaged("kg.ttl")


def shapes_path() -> Path:
    """The packaged copy of ``ontology/shapes.ttl``."""
    return _packaged("shapes.ttl")
