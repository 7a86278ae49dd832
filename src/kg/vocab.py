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

from rdflib import Namespace, URIRef

from .errors import KgError
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

#: The ontology namespace (classes and properties).
KG = Namespace("https://w3id.org/kg-cn/ontology#")
#: Default base for entity, fact and document IRIs (``kg build --base`` changes it).
DEFAULT_BASE = "https://w3id.org/kg-cn/id/"

SCHEMA = Namespace("http://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

#: Prefixes of Turtle output and of SPARQL queries, in output order.
PREFIXES = {"kg": KG, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS,
            "schema": SCHEMA, "org": ORG, "foaf": FOAF, "prov": PROV, "oa": OA, "wd": WD}

CLASS = {t: KG[t] for t in ("Organisation", "Programme", "Person", "Place", "Honour")}
PREDICATE = {p: KG[p] for p in ("holdsPost", "awarded", "runs", "locatedIn", "partOf")}

#: The n-ary node of one fact, its links to the direct triple's parts, and its qualifiers.
FACT = KG["Fact"]
FACT_SUBJECT = KG["subject"]
FACT_PREDICATE = KG["predicate"]
FACT_OBJECT = KG["object"]
ROLE = KG["role"]
YEAR = KG["year"]
HAS_EVIDENCE = KG["evidence"]
#: A sentence of a document (offsets ``oa:start``/``oa:end``, text ``oa:exact``).
EVIDENCE = KG["Evidence"]
#: Where an entity is named: an entity's ``kg:mention`` links to a text position
#: (``oa:start``/``oa:end``) derived from a document.
MENTION = KG["Mention"]
HAS_MENTION = KG["mention"]
#: A source document (``schema:identifier``, ``schema:name``, checksum, region).
DOCUMENT = KG["Document"]
SHA256 = KG["sha256"]
#: The place a document is about (an IRI, the Place or the gazetteer's division).
REGION = KG["region"]
#: What the gazetteer knows of a place: its GB/T 2260 code and the division containing it
#: (``schema:containedInPlace``, apart from the text-stated ``kg:partOf``); a division the
#: graph has no entity for is a ``schema:AdministrativeArea`` named by ``schema:name``.
DIVISION_CODE = KG["divisionCode"]
#: People of one name that the documents do not show to be one person ("possibly the same").
CLOSE_MATCH = SKOS["closeMatch"]
CONTAINED_IN = SCHEMA["containedInPlace"]
ADMINISTRATIVE_AREA = SCHEMA["AdministrativeArea"]

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
SEGMENT_CHAR = re.compile(
    "[A-Za-z0-9\\-._~!$&'()*+,;=:@\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
    + "".join(f"{chr(plane << 16)}-{chr((plane << 16) + 0xfffd)}" for plane in range(1, 14))
    + "\U000e1000-\U000efffd]")
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
    if not _BASE_FORM.fullmatch(base):
        raise KgError(f"--base {base!r}: not a base IRI (it must be absolute, start with a "
                      "scheme such as https://, end in / or #, and hold no spaces)")
    return base


def id_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefix name -> namespace of the IRIs kg mints under ``base`` (``person:王芳`` is
    ``<{base}person/王芳>``), for queries and tables."""
    return {name: f"{base}{segment}/" for segment, name in ID_PREFIX.items()}


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a source document."""
    return URIRef(f"{base}doc/{iri_segment(doc_id)}")


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
