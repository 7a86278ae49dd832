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
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from rdflib import Namespace, URIRef
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
REGION = KG["region"]

#: Language tags of labels: canonical and simplified forms, original traditional forms.
LANG_SIMPLIFIED = "zh-Hans"
LANG_TRADITIONAL = "zh-Hant"

#: Path segment of each entity type in entity IRIs.
TYPE_SEGMENT = {"Organisation": "org", "Programme": "programme", "Person": "person",
                "Place": "place", "Honour": "honour"}

_HASH_CHARS = 20  # 80 bits of SHA-256: no collision among billions of facts


@lru_cache(maxsize=1 << 17)
def entity_iri(entity_type: str, name: str, base: str = DEFAULT_BASE) -> str:
    """The deterministic IRI of an entity: base, type segment, percent-encoded name.

    >>> entity_iri("Place", "赤峰市")
    'https://w3id.org/kg-cn/id/place/%E8%B5%A4%E5%B3%B0%E5%B8%82'
    """
    return f"{base}{TYPE_SEGMENT[entity_type]}/{quote(name, safe='')}"


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a source document."""
    return URIRef(f"{base}doc/{quote(doc_id, safe='')}")


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
