"""The project's vocabulary, mirrored from ``ontology/kg.ttl`` (the one source of its names).

Nothing else in the code spells an IRI: modules import the namespaces and terms from here.
"""
from __future__ import annotations

from urllib.parse import quote

from rdflib import Namespace, URIRef

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

CLASS = {t: KG[t] for t in ("Organisation", "Programme", "Person", "Place", "Honour")}
PREDICATE = {p: KG[p] for p in ("holdsPost", "awarded", "runs", "locatedIn", "partOf")}

#: Path segment of each entity type in entity IRIs.
TYPE_SEGMENT = {"Organisation": "org", "Programme": "programme", "Person": "person",
                "Place": "place", "Honour": "honour"}


def entity_iri(entity_type: str, name: str, base: str = DEFAULT_BASE) -> str:
    """The deterministic IRI of an entity: base, type segment, percent-encoded name.

    >>> entity_iri("Place", "赤峰市")
    'https://w3id.org/kg-cn/id/place/%E8%B5%A4%E5%B3%B0%E5%B8%82'
    """
    return f"{base}{TYPE_SEGMENT[entity_type]}/{quote(name, safe='')}"


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a source document."""
    return URIRef(f"{base}doc/{quote(doc_id, safe='')}")
